/**
 * Sentence splitting for Chinese legal and news text, with exact offsets.
 *
 * Rules (the chunker and the extractive answer both quote whole sentences, so these are strict):
 * - a sentence ends at 。！？；!?; — ASCII !?; only when not followed by an ASCII letter or digit
 *   (URLs, "a;b"), and `.` / `,` are never boundaries, so 3.5 and 1,000 stay whole;
 * - the terminator, any further terminators and closing quotes/brackets (”」』）…) stay with the sentence;
 * - nothing splits inside a balanced quotation or bracket (“…” 「…」 『…』 ‘…’ 《…》 （…） "…");
 *   a quotation that ends with a terminator (“我来自首。”) ends the sentence, except that a short
 *   attribution tail (“……。”梁一强说。) stays with the quote rather than becoming a fragment;
 * - a line break always ends a sentence (paragraphs and law paragraphs are lines); an unbalanced
 *   quote never swallows more than its own line;
 * - surrounding whitespace (ASCII, U+3000, U+2002, NBSP …) is excluded from each sentence.
 */

export interface Sentence {
  text: string;
  /** Offset in the original string plus the `offset` argument. */
  start: number;
  end: number;
}

const TERMINATORS = new Set(["。", "！", "？", "；", "!", "?", ";"]);
const ASCII_TERMINATORS = new Set(["!", "?", ";"]);
/** Clause marks: only used by splitClauses, for sentences too long for one chunk. */
const CLAUSE_MARKS = new Set(["，", "、", "：", ",", ":"]);
const OPENERS: Record<string, string> = {
  "“": "”",
  "「": "」",
  "『": "』",
  "‘": "’",
  "《": "》",
  "（": "）",
  "(": ")",
  "【": "】",
  '"': '"',
};
const CLOSERS = new Set(Object.values(OPENERS));
/** Characters a sentence may absorb after its terminator. */
const TRAILING = new Set([...CLOSERS, "…", ...TERMINATORS]);
const ATTRIBUTION_TAIL = /^[^“”「」『』"]{1,10}(?:说|表示|介绍|指出|称|强调|提醒|告诉记者|坦言|感慨|解释|补充|回忆)道?[。！]?$/u;

/** Splits `text` into sentences; offsets are positions in `text` plus `offset`. Pure. */
export function splitSentences(text: string, offset = 0): Sentence[] {
  return segment(text, offset, false);
}

/**
 * Like splitSentences, but also breaks after clause marks (，、：and ASCII , : outside numbers),
 * still never inside quotations. For sentences longer than a chunk.
 */
export function splitClauses(text: string, offset = 0): Sentence[] {
  return segment(text, offset, true);
}

function segment(text: string, offset: number, clauses: boolean): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const pieces = splitLine(text, lineStart, lineEnd, clauses);
    for (const [s, e] of pieces) out.push({ text: text.slice(s, e), start: s + offset, end: e + offset });
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Returns [start, end) ranges (absolute in `text`) of the sentences of text[from, to). */
function splitLine(text: string, from: number, to: number, clauses: boolean): Array<[number, number]> {
  const matched = matchBrackets(text, from, to);
  const ranges: Array<[number, number, boolean]> = []; // [start, end, endedByQuote]
  let depth = 0;
  let sentenceStart = from;
  let i = from;
  const close = (end: number, byQuote: boolean): void => {
    ranges.push([sentenceStart, end, byQuote]);
    sentenceStart = end;
  };
  while (i < to) {
    const role = matched.get(i);
    if (role === "open") {
      depth++;
      i++;
      continue;
    }
    if (role === "close") {
      depth--;
      i++;
      if (depth === 0 && TERMINATORS.has(prevNonSpace(text, from, i - 1))) {
        i = absorbTrailing(text, i, to, matched);
        close(i, true);
      }
      continue;
    }
    if (depth === 0 && isBoundary(text, i, to, clauses)) {
      i = absorbTrailing(text, i + 1, to, matched);
      close(i, false);
      continue;
    }
    i++;
  }
  if (sentenceStart < to) ranges.push([sentenceStart, to, false]);

  // Merge a short attribution tail into the quotation it follows, then trim whitespace.
  const merged: Array<[number, number]> = [];
  let prevByQuote = false;
  for (const [s, e, byQuote] of ranges) {
    const [ts, te] = trimRange(text, s, e);
    if (ts >= te) continue;
    const last = merged[merged.length - 1];
    if (last && prevByQuote && ATTRIBUTION_TAIL.test(text.slice(ts, te))) {
      last[1] = te;
    } else {
      merged.push([ts, te]);
    }
    prevByQuote = byQuote;
  }
  return merged;
}

function isBoundary(text: string, i: number, to: number, clauses: boolean): boolean {
  const c = text[i];
  if (TERMINATORS.has(c)) {
    if (!ASCII_TERMINATORS.has(c)) return true;
    const next = i + 1 < to ? text[i + 1] : "";
    return !/[A-Za-z0-9_=&%/]/.test(next);
  }
  if (clauses && CLAUSE_MARKS.has(c)) {
    if (c === "," || c === ":") {
      // 1,000 and 10:30 are numbers, not clauses.
      const prev = i > 0 ? text[i - 1] : "";
      const next = i + 1 < to ? text[i + 1] : "";
      if (/\d/.test(prev) && /\d/.test(next)) return false;
      if (c === ":" && next === "/") return false; // http://
    }
    return true;
  }
  return false;
}

/** Moves past terminators and closing marks that belong to the sentence just ended. */
function absorbTrailing(text: string, i: number, to: number, matched: Map<number, "open" | "close">): number {
  while (i < to) {
    const c = text[i];
    if (matched.get(i) === "open") break; // e.g. a new "…" quotation
    if (!TRAILING.has(c)) break;
    i++;
  }
  return i;
}

/** The character before position i, skipping whitespace and nested closing quotes (“他说‘好。’”). */
function prevNonSpace(text: string, from: number, i: number): string {
  let j = i - 1;
  while (j >= from && (/\s/.test(text[j]) || CLOSERS.has(text[j]))) j--;
  return j >= from ? text[j] : "";
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/**
 * Positions of balanced brackets/quotes in text[from, to): index → "open" | "close".
 * Unbalanced marks are left out, so one stray “ cannot glue the rest of a line together.
 */
function matchBrackets(text: string, from: number, to: number): Map<number, "open" | "close"> {
  const roles = new Map<number, "open" | "close">();
  const stack: Array<{ index: number; closer: string }> = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    const isOpener = c in OPENERS;
    const isCloser = CLOSERS.has(c);
    if (!isOpener && !isCloser) continue;
    if (isCloser) {
      const depthOfMatch = findFromTop(stack, c);
      if (depthOfMatch >= 0) {
        const opener = stack[depthOfMatch];
        stack.length = depthOfMatch; // openers above it were never closed: drop them
        roles.set(opener.index, "open");
        roles.set(i, "close");
        continue;
      }
      if (!isOpener) continue; // stray closer
    }
    stack.push({ index: i, closer: OPENERS[c] });
  }
  return roles;
}

function findFromTop(stack: Array<{ closer: string }>, closer: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].closer === closer) return k;
  return -1;
}

/** A list item on a line of its own: 1. / 2、 / （3） / ④. */
export const NUMBERED_ITEM = /^(\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])/;
/** An item of a law's list, numbered in Chinese numerals (（三）造成交通事故后逃逸……；). */
export const LAW_ITEM = /^[（(][一二三四五六七八九十]+[）)]/;
