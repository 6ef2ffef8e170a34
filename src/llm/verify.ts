/**
 * Checks a model's draft against the excerpts it was given, sentence by sentence, before anything
 * is sent. A sentence is removed (and the reason recorded) when:
 *   1. it contains 20+ characters of a prompt (leak), or shares a paragraph with such a sentence
 *      (an echoed prompt leaves short fragments); a delimiter or the request nonce anywhere fails the
 *      whole reply (the model is echoing its input);
 *   2. it cites an [n] that was not given;
 *   3. a quoted span (「…」 “…” "…" 『…』) is not verbatim in an excerpt the sentence cites
 *      (whitespace ignored; an ellipsis inside a quote splits it into parts that must each appear, in order);
 *   4. it names a law + article (《刑法》第X条, 刑法第133条, 第X条 after a law's name) that is not one of
 *      the excerpts' articles, nor an article that a cited excerpt itself names;
 *   5. it states an amount or period (一千元, 6个月, 十日 …) that no excerpt it cites states
 *      (compared as value + unit, so 10天 matches 十日);
 *   6. it has no [n] and still makes a legal claim. An uncited sentence is kept only when it carries
 *      none of: a law name or article number, a quote, a number, a legal-consequence word
 *      (LEGAL_CLAIM_WORDS), nor 8+ consecutive characters of an excerpt.
 *      So "如有疑问，可以向当地派出所咨询。" stays, "醉驾要被拘留。" goes.
 *      Exception: a sentence saying the material does not cover something (ABSENCE_WORDS) is kept
 *      when it names no law or article and quotes nothing: "摘录没有提到第二次被查的处罚。"
 * The draft still answers when at least one kept sentence has a valid citation.
 */
import { articleKey } from "../text/numerals.js";
import type { ModelExcerpt } from "../types.js";
import { findQuantities, quantityKey } from "./quantities.js";
import { LeakGuard, leakKey, type LeakGuardOptions } from "./leak.js";
import { findArticleMentions, lawNamesIn } from "./law-mentions.js";
import { mentionedLawKey } from "../retrieval/law-aliases.js";
import { citationNumbers, joinReply, normalizeCitations, splitReply, type ReplySentence } from "./reply-sentences.js";

export interface VerifyOptions {
  /**
   * Extra law names (normalized, e.g. from the whole library) so that a bare mention of a law that
   * is not among the excerpts is recognized as such; the excerpts' own laws are always known.
   */
  knownLaws?: Iterable<string>;
  /** Leak checks: the request nonce and the prompt texts that must not be echoed. */
  leak?: LeakGuardOptions;
}

export interface Removal {
  sentence: string;
  why: string;
}

export interface Verified {
  body: string;
  /** [n] of kept sentences, in order of first use. */
  used: number[];
  removed: Removal[];
  /** At least one kept sentence carries a valid citation. */
  answers: boolean;
}

/**
 * Words that make an uncited sentence a legal claim: sanctions, liability, obligation. Matched as
 * substrings; deliberately broad, since a wrongly dropped sentence costs little and a wrongly kept
 * claim is an uncited legal statement.
 */
export const LEGAL_CLAIM_WORDS = [
  "处罚", "罚款", "罚金", "拘留", "拘役", "徒刑", "死刑", "管制", "吊销", "暂扣", "没收", "判处", "判刑",
  "罪", "刑", "违法", "合法", "违反", "责任", "赔偿", "追究", "应当", "不得", "禁止", "必须", "规定",
  "有权", "义务", "条例", "法律", "法规", "司法解释", "构成", "处以", "依法",
];

/** Phrases that say the excerpts do not cover something: the honest "I cannot tell from this" sentence. */
export const ABSENCE_WORDS = ["没有提到", "没有提及", "未提到", "未提及", "没有涉及", "未涉及", "没有说明", "未说明", "没有写", "没有相关", "无法回答", "不能回答", "无法确定", "没有找到"];

const QUOTE_PATTERNS = [/「([^「」]*)」/g, /『([^『』]*)』/g, /“([^“”]*)”/g, /"([^"]*)"/g];
const NUMBER = /\d|[零〇一二两三四五六七八九十百千万]+\s*(?:元|日|天|个月|月|年|次|倍|分|周|小时|岁|条|款|项)/;

/** An uncited sentence sharing this many consecutive letters with an excerpt copies it. */
const COPY_WINDOW = 8;

const squeeze = (s: string) => s.replace(/\s+/g, "");

interface ExcerptFacts {
  excerpt: ModelExcerpt;
  squeezed: string;
  /** Law (normalized) + article keys this excerpt is evidence for: its own article and those it names. */
  articles: Set<string>;
  /** Amounts and periods stated in the excerpt (quantityKey). */
  quantities: Set<string>;
}

export function verifyAnswer(draft: string, excerpts: ModelExcerpt[], options: VerifyOptions = {}): Verified {
  const byN = new Map<number, ExcerptFacts>();
  const excerptLaws = new Set<string>();
  for (const e of excerpts) {
    if (e.passage.kind === "law") {
      excerptLaws.add(mentionedLawKey(e.passage.lawShort));
      excerptLaws.add(mentionedLawKey(e.passage.lawTitle));
    }
  }
  const known = new Set<string>([...excerptLaws, ...[...(options.knownLaws ?? [])].map(mentionedLawKey)]);
  for (const e of excerpts) byN.set(e.n, factsOf(e, known));
  const excerptWindows = windowsOf(excerpts.map((e) => e.text), COPY_WINDOW);

  const guard = new LeakGuard(options.leak);
  const kept: ReplySentence[] = [];
  const removed: Removal[] = [];
  const used: number[] = [];

  const judged = splitReply(normalizeCitations(draft)).map((s) => ({ s, why: judge(s.text, byN, known, guard, excerptWindows) }));
  // A model that prints our delimiters is echoing its input: nothing it wrote can be trusted.
  if (judged.some((j) => j.why?.startsWith("delimiter leak"))) {
    return { body: "", used: [], removed: judged.map(({ s, why }) => ({ sentence: s.text, why: why ?? "reply echoes the delimited input" })), answers: false };
  }
  // An echoed prompt leaves short fragments (headings, "请遵守以下规则：") under the overlap length:
  // a paragraph with a leak goes entirely.
  const leaking = new Set(judged.filter((j) => j.why?.includes("leak")).map((j) => j.s.paragraph));
  for (const { s, why } of judged) {
    const reason = why ?? (leaking.has(s.paragraph) ? "in a paragraph that leaks a prompt" : null);
    if (reason) {
      removed.push({ sentence: s.text, why: reason });
      continue;
    }
    kept.push(s);
    for (const n of citationNumbers(s.text)) if (!used.includes(n)) used.push(n);
  }

  let body = joinReply(kept);
  // A copy spread thinly over several kept sentences is still a copy.
  const wholeLeak = guard.check(body);
  if (wholeLeak) {
    removed.push({ sentence: body, why: `${wholeLeak} across sentences` });
    return { body: "", used: [], removed, answers: false };
  }
  body = body.trim();
  return { body, used, removed, answers: used.length > 0 };
}

function factsOf(e: ModelExcerpt, known: Set<string>): ExcerptFacts {
  const articles = new Set<string>();
  const own = e.passage.kind === "law" ? mentionedLawKey(e.passage.lawShort) : null;
  if (e.passage.kind === "law") {
    const key = articleKey(e.passage.articleNo);
    articles.add(`${own}|${key}`);
    articles.add(`${mentionedLawKey(e.passage.lawTitle)}|${key}`);
  }
  // What the excerpt itself cites (a news report quoting 《刑法》第一百三十三条之一, or 本法第X条).
  for (const m of findArticleMentions(e.text, known, own)) if (m.law) articles.add(`${m.law}|${m.key}`);
  return { excerpt: e, squeezed: squeeze(e.text), articles, quantities: new Set(findQuantities(e.text).map(quantityKey)) };
}

/** Why a sentence must go, or null to keep it. */
function judge(sentence: string, byN: Map<number, ExcerptFacts>, known: Set<string>, guard: LeakGuard, excerptWindows: Set<string>): string | null {
  const leak = guard.check(sentence);
  if (leak) return leak;

  const cited = [...new Set(citationNumbers(sentence))];
  const unknown = cited.filter((n) => !byN.has(n));
  if (unknown.length) return `unknown citation ${unknown.map((n) => `[${n}]`).join("")}`;
  const evidence = cited.map((n) => byN.get(n)!);
  const claimText = sentence.replace(/\[\d+\]/g, "");

  const quotes = quotedSpans(claimText);
  if (quotes.length && !evidence.length) return `quote without citation: ${quotes[0]}`;
  for (const q of quotes) {
    if (!evidence.some((f) => containsInOrder(f.squeezed, q))) return `quote not verbatim in cited excerpts: ${q}`;
  }

  const mentions = findArticleMentions(claimText, known);
  // An article with no law named anywhere before it is checked against the cited excerpts (or all, when none are cited).
  const pool = evidence.length ? evidence : [...byN.values()];
  for (const m of mentions) {
    const ok = m.law
      ? [...byN.values()].some((f) => f.articles.has(`${m.law}|${m.key}`))
      : pool.some((f) => [...f.articles].some((a) => a.endsWith(`|${m.key}`)));
    if (!ok) return `article not in excerpts: ${m.raw}`;
  }

  if (evidence.length) {
    const unsupported = findQuantities(claimText).find((q) => !evidence.some((f) => f.quantities.has(quantityKey(q))));
    if (unsupported) return `amount or period not in cited excerpts: ${unsupported.raw}`;
  }

  if (!evidence.length && assertsLaw(claimText, known, mentions.length > 0)) return "uncited legal claim";
  if (!evidence.length && copiesExcerpt(claimText, excerptWindows)) return "uncited excerpt text";
  return null;
}

/** Excerpt wording copied into a sentence is material, and material needs its [n]. */
function copiesExcerpt(text: string, windows: Set<string>): boolean {
  const chars = Array.from(leakKey(text));
  for (let i = 0; i + COPY_WINDOW <= chars.length; i++) if (windows.has(chars.slice(i, i + COPY_WINDOW).join(""))) return true;
  return false;
}

function windowsOf(texts: string[], size: number): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    const chars = Array.from(leakKey(t));
    for (let i = 0; i + size <= chars.length; i++) out.add(chars.slice(i, i + size).join(""));
  }
  return out;
}

function quotedSpans(text: string): string[] {
  const out: string[] = [];
  for (const re of QUOTE_PATTERNS) for (const m of text.matchAll(re)) if (m[1].trim()) out.push(m[1]);
  return out;
}

/** The quote, split at ellipses, appears part after part in the excerpt (whitespace ignored). */
function containsInOrder(haystack: string, quote: string): boolean {
  const parts = quote
    .split(/…+|\.{3,}|⋯+/)
    .map(squeeze)
    .filter(Boolean);
  if (!parts.length) return true;
  let from = 0;
  for (const p of parts) {
    const at = haystack.indexOf(p, from);
    if (at < 0) return false;
    from = at + p.length;
  }
  return true;
}

function assertsLaw(text: string, known: Set<string>, hasArticle: boolean): boolean {
  if (hasArticle) return true;
  if (quotedSpans(text).length) return true;
  if (lawNamesIn(text, known).length) return true;
  if (ABSENCE_WORDS.some((w) => text.includes(w))) return false;
  if (NUMBER.test(text)) return true;
  return LEGAL_CLAIM_WORDS.some((w) => text.includes(w));
}
