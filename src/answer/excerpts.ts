/**
 * Chooses what to quote: for each of the best passages, the contiguous run of whole sentences
 * that best matches the question, within a shared character budget. Every excerpt is a verbatim
 * slice of its passage (and so of its source file); when a single sentence is longer than the
 * room left, it is cut at a clause mark and marked as clipped rather than paraphrased.
 */
import { LAW_ITEM, NUMBERED_ITEM, splitSentences } from "../text/sentences.js";
import { isHeadingLine } from "./headings.js";
import type { Hit, Passage } from "../types.js";
import { sourceLabel, type Excerpt } from "./layout.js";
import type { Prompts } from "./prompts.js";
import { scoreText, type TermMatcher } from "./term-weights.js";

export interface ExcerptOptions {
  /** Total characters of quoted text (default 600). */
  budget: number;
  /** At most this many passages are quoted (default 3). */
  maxPassages: number;
  /** A passage is quoted whole when it fits in this many characters and in the budget left. */
  wholeUpTo: number;
  /** Extra score of a sentence (what the question asks for, the office's own bigram match). */
  sentenceBonus?: SentenceBonus;
  /** Quote the one sentence that holds what was asked (and the next when nearly as relevant), not a window. */
  oneSentence?: boolean;
  /** With oneSentence: the next sentence of the paragraph comes along whenever it fits (the office's articles). */
  nextAlong?: boolean;
  /** With nextAlong: the sentence before it too (the office's article quoted without the law's part). */
  previousAlong?: boolean;
  /** Passages quoted for one ask each (a sentence chosen for it): no next sentence comes along with them. */
  alone?: ReadonlySet<Passage>;
  /** Excerpts of one article at most (default 1: a second chunk usually adds a repeated source, not information). */
  perArticle?: number;
  /** Does this sentence sit in a section whose heading names what was asked (四、所需材料)? Then its whole paragraph is quoted. */
  sectionAnswers?: (sentence: string, passage: Passage) => boolean;
}

/** How a window is chosen: the sentence bonus, one sentence (with its list and near neighbours), whole sections. */
export type WindowOptions = Pick<ExcerptOptions, "sentenceBonus" | "oneSentence" | "nextAlong" | "previousAlong" | "sectionAnswers">;

/** Extra score for a sentence of a passage, on top of the question's words it contains. */
export type SentenceBonus = (sentence: string, passage: Passage) => number;

export const DEFAULT_EXCERPT_OPTIONS: ExcerptOptions = { budget: 600, maxPassages: 3, wholeUpTo: 260 };

interface Span {
  start: number; // offsets inside passage.text
  end: number;
  score: number;
  /** Cut inside a sentence (only when a single sentence did not fit). */
  clipped?: boolean;
}

/** A short line with no closing punctuation in an article is a heading ("醉驾是犯罪"): context, not something to quote. */
function isHeading(p: Passage, text: string): boolean {
  return p.kind === "article" && isHeadingLine(text);
}

function sentencesOf(p: Passage): Span[] {
  const parts = splitSentences(p.text, 0);
  const quotable = parts.filter((s) => !isHeading(p, s.text));
  const use = quotable.length ? quotable : parts;
  return use.length ? use.map((s) => ({ start: s.start, end: s.end, score: 0 })) : [{ start: 0, end: p.text.length, score: 0 }];
}

/** A quote stays within one paragraph of an article (a law article's items belong together). */
function crossesParagraph(p: Passage, start: number, end: number): boolean {
  return p.kind === "article" && p.text.slice(start, end).includes("\n");
}


/** How much more the best sentence must say than the best window that fits, to be clipped rather than left out. */
const CLIP_WORTH = 2;

/** The best window of consecutive sentences that fits in `room` characters. */
export function bestWindow(p: Passage, terms: TermMatcher, room: number, options: WindowOptions = {}): Span | null {
  const { sentenceBonus: bonus, oneSentence = false, nextAlong = false, previousAlong = false, sectionAnswers } = options;
  const sents = sentencesOf(p).map((s) => {
    const text = p.text.slice(s.start, s.end);
    return { ...s, score: scoreText(terms, text) + (bonus ? bonus(text, p) : 0) };
  });
  let best: Span | null = null;
  if (oneSentence) {
    // Asked for something (a figure, a place …): the one sentence that holds it, and the next only
    // when it is nearly as much about the question (a figure is often followed by its breakdown).
    const order = sents.map((s, i) => i).filter((i) => sents[i].end - sents[i].start <= room);
    if (order.length) {
      const i = order.reduce((a, b) => (sents[b].score > sents[a].score ? b : a));
      let from = i;
      let to = i;
      // A list written as clauses ending in ；(以下地点：……所；……窗口；……窗口。) is quoted whole when it fits.
      const fitsRoom = (a: number, b: number) => sents[b].end - sents[a].start <= room;
      const fits = (a: number, b: number) => fitsRoom(a, b) && !crossesParagraph(p, sents[a].start, sents[b].end);
      const listItem = (k: number) => /[；;]$/.test(p.text.slice(sents[k].start, sents[k].end));
      while (from > 0 && listItem(from - 1) && fits(from - 1, to)) from--;
      while (to + 1 < sents.length && listItem(to) && fits(from, to + 1)) to++;
      // A numbered list on lines of its own (携带以下材料……登记：/1.……/2.……) is one answer: the lead-in
      // brings its items, an item its lead-in and the other items, as far as the room allows.
      const line = (k: number) => p.text.slice(sents[k].start, sents[k].end).trim();
      const item = (k: number) => NUMBERED_ITEM.test(line(k));
      const leadIn = (k: number) => /[：:]$/.test(line(k));
      if (p.kind === "article" && (leadIn(i) || item(i))) {
        while (item(i) && from > 0 && (item(from - 1) || leadIn(from - 1)) && fitsRoom(from - 1, to)) {
          from--;
          if (leadIn(from)) break;
        }
        while (to + 1 < sents.length && item(to + 1) && fitsRoom(from, to + 1)) to++;
        if (to > i || from < i) return { start: sents[from].start, end: sents[to].end, score: sents[i].score };
      }
      // Neighbours in the paragraph nearly as much about the question come along (a section's
      // paragraph under its heading; a figure and its breakdown).
      const section = sectionAnswers?.(p.text.slice(sents[i].start, sents[i].end), p) ?? false;
      const near = (k: number) => section || sents[k].score >= 0.8 * sents[i].score;
      while (to + 1 < sents.length && near(to + 1) && fits(from, to + 1)) to++;
      while (from > 0 && near(from - 1) && fits(from - 1, to)) from--;
      const next = sents[to + 1];
      const extend = to === i && next && (nextAlong || next.score >= 0.5 * sents[i].score) && fits(from, to + 1);
      const end = extend ? to + 1 : to;
      const back = nextAlong && previousAlong && from === i && from > 0 && fits(from - 1, end);
      return { start: sents[back ? from - 1 : from].start, end: sents[end].end, score: sents[i].score };
    }
  }
  // A law's window does not start inside an item (没有违法所得……的，处……罚款；after （一）未取得……经营……；): that
  // clause says neither what the item is nor whose rule it is. Items and their lead-in are whole lines.
  for (let i = 0; i < sents.length; i++) {
    if (p.kind === "law" && insideItem(p, sents, i)) continue;
    let score = 0;
    for (let j = i; j < sents.length; j++) {
      if (sents[j].end - sents[i].start > room || crossesParagraph(p, sents[i].start, sents[j].end)) break;
      score += sents[j].score;
      // Prefer higher score; on ties the earlier, shorter window (article openings state the rule).
      if (!best || score > best.score) best = { start: sents[i].start, end: sents[j].end, score };
    }
  }
  if (best && p.kind === "law") best = withLeadIn(p, sents, best, room);
  // Not even one sentence fits, or the one that says most does not and says far more than any that
  // fits (of a law's two paragraphs, the rule naming 捕鸟网, not its short proviso): the best sentence
  // clipped at the last clause mark inside the room.
  const top = [...sents].sort((a, b) => b.score - a.score || a.start - b.start)[0];
  if (best && (top.end - top.start <= room || top.score <= CLIP_WORTH * best.score)) return best;
  const slice = p.text.slice(top.start, top.start + room);
  const cut = Math.max(slice.lastIndexOf("，"), slice.lastIndexOf("；"), slice.lastIndexOf("、"));
  if (cut < room / 3) return best;
  return { start: top.start, end: top.start + cut, score: top.score, clipped: true };
}

/**
 * Is sentence `i` a later clause of a law's line (an item's ……的，处……罚款；没有违法所得……的，处……罚款, a lead-in's
 * ……并处罚款；构成犯罪的，依法追究刑事责任：), after a ； on the same line? A window starting there says neither what
 * the item is nor whose rule it is.
 */
function continuesLine(p: Passage, sents: readonly Span[], i: number): boolean {
  if (i <= 0) return false;
  const gap = p.text.slice(sents[i - 1].end, sents[i].start);
  return /[；;]\s*$/.test(p.text.slice(sents[i - 1].start, sents[i - 1].end)) && !gap.includes("\n") && !LAW_ITEM.test(p.text.slice(sents[i].start, sents[i].end).trim());
}

/** The first sentence of the line sentence `i` is on (its clauses after ； continue it). */
function lineStart(p: Passage, sents: readonly Span[], i: number): number {
  let k = i;
  while (k > 0 && continuesLine(p, sents, k)) k--;
  return k;
}

/**
 * Is sentence `i` a later clause of a law's item line (（一）……；没有违法所得……) or of a lead-in's (……并处罚款；构成犯罪的
 * ……：), not of a rule's own line (……保护现场；造成人身伤亡的……, which may be quoted from there)?
 */
function insideItem(p: Passage, sents: readonly Span[], i: number): boolean {
  if (!continuesLine(p, sents, i)) return false;
  const text = (k: number) => p.text.slice(sents[k].start, sents[k].end).trim();
  const first = lineStart(p, sents, i);
  let last = i;
  while (last + 1 < sents.length && continuesLine(p, sents, last + 1)) last++;
  return LAW_ITEM.test(text(first)) || /[：:]$/.test(text(last));
}

/**
 * A law's list items quoted without their lead-in (（一）未取得机动车驾驶证……驾驶机动车的) say neither what follows them
 * nor for whom: the lead-in (有下列行为之一的，由公安机关交通管理部门处二百元以上二千元以下罚款：) comes first, with as
 * many of the items as still fit. Only of a window of items alone, and when every sentence between the lead-in and
 * them is an item (the slice stays verbatim).
 */
function withLeadIn(p: Passage, sents: Span[], window: Span, room: number): Span {
  const line = (k: number) => p.text.slice(sents[k].start, sents[k].end).trim();
  // An item's later clauses (……；没有违法所得……的，处……罚款) are of the item.
  const ofItem = (k: number) => LAW_ITEM.test(line(k)) || continuesLine(p, sents, k);
  const leadEnd = (k: number) => /[：:]$/.test(line(k));
  const first = sents.findIndex((s) => s.start === window.start);
  if (first <= 0 || !LAW_ITEM.test(line(first))) return window;
  let lead = first - 1;
  while (lead >= 0 && !leadEnd(lead) && ofItem(lead)) lead--;
  if (lead < 0 || !leadEnd(lead)) return window;
  // The lead-in's line from its start (……并处罚款；构成犯罪的，依法追究刑事责任：).
  lead = lineStart(p, sents, lead);
  let last = sents.findIndex((s) => s.end === window.end);
  if (last < first) last = first;
  // A window running on past the items (个人有前款……处警告或者五百元以下罚款) says its own rule: left as chosen.
  for (let k = first; k <= last; k++) if (!ofItem(k)) return window;
  while (last >= first && sents[last].end - sents[lead].start > room) last--;
  return last >= first ? { start: sents[lead].start, end: sents[last].end, score: window.score } : window;
}

export function selectExcerpts(hits: Hit[], terms: TermMatcher, prompts: Prompts, options: Partial<ExcerptOptions> = {}): Excerpt[] {
  const opt = { ...DEFAULT_EXCERPT_OPTIONS, ...options };
  const out: Excerpt[] = [];
  let left = opt.budget;
  // One excerpt per source unless asked otherwise: a second chunk of the same article adds a repeated source line, not information.
  const seen = new Map<string, number>();
  const chosen = hits
    .filter((h) => {
      const key = h.passage.kind === "article" ? h.passage.docId : h.passage.id;
      const n = seen.get(key) ?? 0;
      if (n >= (h.passage.kind === "article" ? (opt.perArticle ?? 1) : 1)) return false;
      seen.set(key, n + 1);
      return true;
    })
    .slice(0, opt.maxPassages);
  chosen.forEach((hit, i) => {
    const p = hit.passage;
    if (left < 40) return;
    // Share what is left among the passages still to come, but let the first one take more.
    const share = Math.floor(left / (chosen.length - i)) + (i === 0 ? Math.floor(left / 4) : 0);
    const room = Math.min(left, Math.max(share, 80));
    let span: Span | null;
    if (p.kind === "law" && p.text.length <= Math.min(opt.wholeUpTo, room)) span = { start: 0, end: p.text.length, score: 0 };
    else span = bestWindow(p, terms, room, { ...opt, nextAlong: opt.nextAlong && !opt.alone?.has(p) });
    if (!span) return;
    const text = p.text.slice(span.start, span.end).trim();
    const lead = p.text.slice(span.start, span.end).indexOf(text);
    const start = p.start + span.start + lead;
    const clipped = !!span.clipped;
    out.push({ n: out.length + 1, passage: p, text, start, end: start + text.length, clipped, label: sourceLabel(prompts, p) });
    left -= text.length;
  });
  return out;
}
