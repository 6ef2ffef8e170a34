/**
 * The analyzer shared by documents and queries (index and search MUST use the same options).
 * Tokens: character bigrams of every CJK run (the backbone: robust to segmentation errors),
 * optionally CJK unigrams (minus stopwords), plus jieba words of ≥ minWordLength characters
 * (2-character words are already bigrams) and ASCII letter/digit runs.
 */
import { readDataLines } from "../data/paths.js";
import { segment } from "./segmenter.js";

export interface AnalyzerOptions {
  unigrams: boolean;
  bigrams: boolean;
  /** Add jieba words (unprefixed: a word of minWordLength ≥ 3 cannot collide with a bigram). */
  words: boolean;
  /** Shortest CJK jieba word to add as a token. */
  minWordLength: number;
}

/**
 * Chosen by the STARD bench (`npm run bench`): unigrams + bigrams. jieba words on top
 * measured ≈0 in the index and −0.8 R@10 as query terms, so they are off by default (and the
 * build is 5 s faster); the domain dictionary still serves segment() users.
 */
export const DEFAULT_ANALYZER: AnalyzerOptions = { unigrams: true, bigrams: true, words: false, minWordLength: 3 };

let stopwords: Set<string> | null = null;
export function stopwordSet(): Set<string> {
  if (!stopwords) stopwords = new Set(readDataLines("stopwords.txt"));
  return stopwords;
}

/** Full-width ASCII → half-width, ideographic space → space, lower case. Length-preserving. */
export function normalize(text: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000 || c === 0x2002 || c === 0x2003) {
      out += " ";
      changed = true;
    } else out += text[i];
  }
  return (changed ? out : text).toLowerCase();
}

export function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

const ASCII_RUN = /[a-z0-9]+/g;

/** Analyze `text` into index/query tokens (with repeats: term frequency matters). */
export function tokenize(text: string, opts: AnalyzerOptions = DEFAULT_ANALYZER): string[] {
  const t = normalize(text);
  const out: string[] = [];
  const stop = stopwordSet();
  // CJK runs → unigrams/bigrams.
  let runStart = -1;
  for (let i = 0; i <= t.length; i++) {
    const cjk = i < t.length && isCjk(t.charCodeAt(i));
    if (cjk) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      for (let j = runStart; j < i; j++) {
        if (opts.unigrams) {
          const u = t[j];
          if (!stop.has(u)) out.push(u);
        }
        if (opts.bigrams && j + 1 < i) out.push(t[j] + t[j + 1]);
      }
      runStart = -1;
    }
  }
  for (const m of t.matchAll(ASCII_RUN)) out.push(m[0]);
  if (opts.words) {
    for (const w of segment(t)) {
      if (w.length < opts.minWordLength || w.length > 12 || !isCjk(w.charCodeAt(0))) continue;
      if (!stop.has(w)) out.push(w);
    }
  }
  return out;
}

/** jieba words only, punctuation and stopwords dropped (for word-based baselines). */
export function wordTokens(text: string): string[] {
  const stop = stopwordSet();
  return segment(normalize(text)).filter((w) => /[\p{L}\p{N}]/u.test(w) && !stop.has(w));
}
