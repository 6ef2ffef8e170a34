/**
 * Names people shorten: 快处点 for the title's 快处快赔服务点. The segmenter knows no such word and cuts it
 * into single characters (快 / 处 / 点), which weigh nothing, so the article named by it loses to one that
 * merely holds the question's 周六 and 下午. A run of single characters whose first two are a pair an
 * office article's title writes, and whose others follow in that title within a short span, is read as
 * that span too.
 */
import { segment } from "../text/segmenter.js";
import { normalize } from "../text/tokenize.js";
import type { LocalArticles } from "./local-articles.js";

/** Characters in a shortened name: 快处点 (3) to 交管服务站 (5). */
const MIN_CHARS = 3;
const MAX_CHARS = 5;
/** The title's span may be this much longer than the shortened name (快处快赔服务点: 7 for 3). */
const MAX_SPAN = 8;
/** A first pair many articles write (派出, 公安) is no name of one matter: at most this share of them, or 3. */
const MAX_SHARE = 0.05;
const MAX_ARTICLES = 3;

/** The title spans the question's shortened names stand for (快处点 → 快处快赔服务点). Pure over the articles. */
export function titleSpans(question: string, local: LocalArticles): string[] {
  const out = new Set<string>();
  const runs = singleCharacterRuns(question);
  if (!runs.length) return [];
  const titles = local.docs.map((d) => normalize(d.title));
  for (const run of runs) {
    for (let i = 0; i + MIN_CHARS <= run.length; i++) {
      // The longest shortened name starting here that a title spells out.
      for (let n = Math.min(MAX_CHARS, run.length - i); n >= MIN_CHARS; n--) {
        const spans = spansOf(run.slice(i, i + n), local, titles);
        if (spans.length) {
          spans.forEach((s) => out.add(s));
          break;
        }
      }
    }
  }
  return [...out];
}

/** Runs of Chinese characters the segmenter left one by one (快处点 of 被人追尾 快处点今天开不开 cut as 快/处/点). */
function singleCharacterRuns(question: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const w of segment(normalize(question))) {
    if (/^\p{Script=Han}$/u.test(w)) run.push(w);
    else {
      if (run.length >= MIN_CHARS) runs.push(run);
      run = [];
    }
  }
  if (run.length >= MIN_CHARS) runs.push(run);
  return runs;
}

/** The spans of `titles` (normalized) starting with the name's first pair and holding its other characters in order. */
function spansOf(chars: string[], local: LocalArticles, titles: readonly string[]): string[] {
  const pair = chars[0] + chars[1];
  const n = local.docs.length;
  // Read from the articles' pair counts, not by scanning their texts.
  const share = local.pairShare(pair);
  if (!share || share * n > Math.max(MAX_ARTICLES, MAX_SHARE * n)) return [];
  const out: string[] = [];
  for (const title of titles) {
    for (let at = title.indexOf(pair); at >= 0; at = title.indexOf(pair, at + 1)) {
      let end = at + 1;
      for (const ch of chars.slice(2)) {
        end = title.indexOf(ch, end + 1);
        if (end < 0 || end - at + 1 > MAX_SPAN) break;
      }
      const span = end >= 0 && end - at + 1 <= MAX_SPAN ? title.slice(at, end + 1) : "";
      if (span.length > chars.length) out.push(span);
    }
  }
  return [...new Set(out)];
}
