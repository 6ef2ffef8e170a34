/**
 * Content-gap report: what citizens asked that the corpus could not answer, grouped so that
 * several phrasings of one gap count together, plus the most asked-about topics.
 *
 * Similarity: weighted Jaccard (Σmin/Σmax) over features of the question's content words
 * (jieba words minus stopwords and question fillers): each word weighs 1, each character
 * bigram inside a word 0.5, each character 0.25. The sub-word features let 电动车 match 电瓶车
 * and 被盗 match 盗 a little. Groups are single-link: a question joins a group when it is at
 * least GAP_SIMILARITY_THRESHOLD similar to any member. On hand-made phrasings, paraphrases of
 * one question scored 0.20–0.45 and unrelated questions under 0.05: 0.18 sits in that gap.
 */
import { Prompts } from "../answer/prompts.js";
import { wordTokens } from "../text/tokenize.js";
import { localDate } from "../text/dates.js";
import { redact } from "../safety/redact.js";
import type { QuestionLog, QuestionRow } from "./question-log.js";

export const GAP_SIMILARITY_THRESHOLD = 0.18;

/** Question words that say nothing about the topic (on top of the shared stopword list). */
const FILLERS = new Set([
  "谁", "去", "人", "着", "正", "管", "找", "能", "会", "办", "咋", "吗", "呢", "算", "行", "到", "用",
  "需要", "可能", "一般", "现在", "情况", "问题", "处理", "解决", "规定", "法律", "犯法", "违法", "合法", "合法吗",
  "第一次", "时候", "告诉", "帮忙", "帮", "谢谢", "您好", "你好", "老师", "警官", "民警", "同志",
]);

export interface ReportOptions {
  /** Inclusive start (ISO string, Date or epoch ms); omitted = from the first record. */
  from?: Date | number | string;
  /** Exclusive end; omitted = up to now. */
  to?: Date | number | string;
  threshold?: number;
  /** Refusal reasons that mean "the corpus lacks this" (default: no_match). */
  gapReasons?: string[];
  maxGroups?: number;
  maxExamples?: number;
  maxTopics?: number;
  /** Reasons whose questions are not legal topics at all (default: out_of_scope, empty, greeting, too_long, moderated). */
  nonTopicReasons?: string[];
  /** Include questions asked in private chats (default true); false for a report shown in a group. */
  includePrivate?: boolean;
}

export interface GapGroup {
  /** The phrasing closest to all the others. */
  representative: string;
  /** Questions in the group, repeats included. */
  count: number;
  /** Other distinct phrasings, most frequent first. */
  examples: string[];
  /** ISO time of the latest question in the group. */
  lastAsked: string;
}

export interface TopicCount {
  term: string;
  /** Number of questions mentioning it. */
  count: number;
}

export interface ContentGapReport {
  from: string | null;
  to: string | null;
  totals: { total: number; answered: number; refused: number; unanswered: number };
  unanswered: GapGroup[];
  topTopics: TopicCount[];
}

type Features = Map<string, number>;

export function topicWords(question: string): string[] {
  return wordTokens(question).filter((w) => !FILLERS.has(w));
}

export function questionFeatures(question: string): Features {
  const f: Features = new Map();
  const put = (key: string, weight: number) => f.set(key, Math.max(f.get(key) ?? 0, weight));
  for (const w of topicWords(question)) {
    put(`w:${w}`, 1);
    const chars = [...w];
    for (let i = 0; i + 1 < chars.length; i++) put(`b:${chars[i]}${chars[i + 1]}`, 0.5);
    for (const c of chars) put(`c:${c}`, 0.25);
  }
  return f;
}

/** Weighted Jaccard in [0, 1]. */
export function similarity(a: Features, b: Features): number {
  let min = 0;
  let max = 0;
  for (const [k, x] of a) {
    const y = b.get(k) ?? 0;
    min += Math.min(x, y);
    max += Math.max(x, y);
  }
  for (const [k, y] of b) if (!a.has(k)) max += y;
  return max === 0 ? 0 : min / max;
}

interface Phrasing {
  text: string;
  count: number;
  last: string;
  features: Features;
}

/** Collapse repeats (same text after trimming and width folding), keeping counts. */
function phrasings(rows: QuestionRow[]): Phrasing[] {
  const byText = new Map<string, Phrasing>();
  for (const r of rows) {
    const text = r.question.trim();
    if (!text) continue;
    const key = text.normalize("NFKC").replace(/[\s\p{P}]+/gu, "");
    const p = byText.get(key);
    if (p) {
      p.count++;
      if (r.at > p.last) p.last = r.at;
    } else byText.set(key, { text, count: 1, last: r.at, features: questionFeatures(text) });
  }
  return [...byText.values()];
}

/** Single-link groups via union-find over all pairs at or above the threshold. */
export function groupSimilar(items: Phrasing[], threshold: number): Phrasing[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (similarity(items[i].features, items[j].features) >= threshold) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Phrasing[]>();
  items.forEach((p, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), p]);
  });
  return [...groups.values()];
}

function toGap(group: Phrasing[], maxExamples: number): GapGroup {
  // Representative: highest count-weighted similarity to the rest; then the most asked.
  const score = (p: Phrasing) => group.reduce((s, q) => s + (q === p ? q.count : q.count * similarity(p.features, q.features)), 0);
  const ranked = [...group].sort((a, b) => score(b) - score(a) || b.count - a.count || a.text.localeCompare(b.text, "zh"));
  const representative = ranked[0];
  return {
    representative: representative.text,
    count: group.reduce((s, p) => s + p.count, 0),
    examples: group
      .filter((p) => p !== representative)
      .sort((a, b) => b.count - a.count || b.last.localeCompare(a.last))
      .slice(0, maxExamples)
      .map((p) => p.text),
    lastAsked: group.reduce((m, p) => (p.last > m ? p.last : m), ""),
  };
}

export function topTopics(rows: QuestionRow[], limit: number): TopicCount[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    // Per question, not per mention: one long question should not dominate.
    for (const w of new Set(topicWords(r.question))) {
      if ([...w].length < 2) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term, "zh"))
    .slice(0, limit);
}

export function buildReport(log: Pick<QuestionLog, "between">, options: ReportOptions = {}): ContentGapReport {
  // Redacted again on the way out: rows written before redaction existed, or by another tool.
  const rows = log.between(options.from, options.to, { includePrivate: options.includePrivate }).map((r) => ({ ...r, question: redact(r.question) }));
  const gapReasons = new Set(options.gapReasons ?? ["no_match"]);
  const gaps = rows.filter((r) => r.refused && gapReasons.has(r.reason));
  const groups = groupSimilar(phrasings(gaps), options.threshold ?? GAP_SIMILARITY_THRESHOLD)
    .map((g) => toGap(g, options.maxExamples ?? 3))
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked))
    .slice(0, options.maxGroups ?? 20);
  const refused = rows.filter((r) => r.refused).length;
  const nonTopic = new Set(options.nonTopicReasons ?? ["out_of_scope", "empty", "greeting", "too_long", "moderated"]);
  const iso = (v: Date | number | string | undefined) => (v === undefined ? null : new Date(v).toISOString());
  return {
    from: iso(options.from),
    to: iso(options.to),
    totals: { total: rows.length, answered: rows.length - refused, refused, unanswered: gaps.length },
    unanswered: groups,
    topTopics: topTopics(rows.filter((r) => !nonTopic.has(r.reason)), options.maxTopics ?? 10),
  };
}

/** Plain-text Chinese report for `pufa report` and admin chat (wording in prompts/admin-report-*.txt). */
export function formatReport(report: ContentGapReport, prompts: Prompts = new Prompts()): string {
  const from = report.from ? localDate(new Date(report.from)) : prompts.get("admin-report-open-start");
  // `to` is exclusive: show the last day it covers.
  const to = report.to ? localDate(new Date(new Date(report.to).getTime() - 1)) : prompts.get("admin-report-open-end");
  const out: string[] = [prompts.render("admin-report-header", { from, to, ...report.totals }), ""];

  out.push(prompts.get("admin-report-gaps-title"));
  if (!report.unanswered.length) out.push(prompts.get("admin-report-no-gaps"));
  report.unanswered.forEach((g, i) => {
    out.push(prompts.render("admin-report-gap-item", { rank: i + 1, representative: g.representative, count: g.count }));
    for (const example of g.examples) out.push(prompts.render("admin-report-gap-example", { example }));
  });
  out.push("");

  out.push(prompts.get("admin-report-topics-title"));
  if (!report.topTopics.length) out.push(prompts.get("admin-report-no-topics"));
  report.topTopics.forEach((t, i) => out.push(prompts.render("admin-report-topic-item", { rank: i + 1, term: t.term, count: t.count })));
  return out.join("\n");
}
