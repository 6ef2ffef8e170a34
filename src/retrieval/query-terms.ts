/**
 * What a question searches for: its tokens weighted by kind, the lexicon's colloquial→statutory
 * expansions, and the expansions learned from labelled questions (the ranking model's, then an
 * office's PUFA_LABELLED); its idf-weighted content words for the answer engine; its trigrams for
 * the phrase feature.
 */
import type { QueryTermWeights } from "../types.js";
import { isCjk, normalize, stopwordSet, tokenize, wordTokens } from "../text/tokenize.js";
import type { Bm25Index, WeightedTerms } from "./bm25.js";
import type { HybridConfig } from "./hybrid-config.js";
import { expansionsOf, type ExpansionTable, type LabelledKnowledge } from "./labelled-questions.js";
import type { Lexicon } from "./lexicon.js";

export interface QueryTermSources {
  bm25: Bm25Index;
  lexicon: Lexicon | null;
  /** Expansions shipped with the ranking model (or the bench's, while it collects training data). */
  modelExpansions: ExpansionTable | null;
  labelled: LabelledKnowledge | null;
  config: HybridConfig;
}

/** The weighted BM25 query: the question's tokens plus lexicon (lexiconWeight) and learned expansions. */
export function queryTerms(src: QueryTermSources, query: string): WeightedTerms {
  const { lexiconWeight, unigramWeight, wordWeight, stopTokenWeight, learnedExpansionWeight, modelExpansionWeight } = src.config;
  const analyzer = src.bm25.analyzer;
  const stop = stopwordSet();
  const typeWeight = (t: string) =>
    t.length === 1 ? unigramWeight : stop.has(t) ? stopTokenWeight : t.length >= 3 && isCjk(t.charCodeAt(0)) ? wordWeight : 1;
  const terms: WeightedTerms = new Map();
  for (const t of tokenize(query, analyzer)) terms.set(t, typeWeight(t));
  if (src.lexicon && lexiconWeight > 0) {
    for (const m of src.lexicon.match(query)) {
      for (const e of m.expansions) {
        for (const t of tokenize(e, analyzer)) if (!terms.has(t)) terms.set(t, lexiconWeight * typeWeight(t));
      }
    }
  }
  // Learned expansions: the ranking model's, then the office's labelled questions'.
  const learned = (pairs: [string, number][], weight: number) => {
    // Bigrams only: a learned word's single characters would match far too much.
    for (const [e, share] of pairs) for (const t of tokenize(e, analyzer)) if (t.length >= 2 && !terms.has(t)) terms.set(t, weight * share);
  };
  if (src.modelExpansions && modelExpansionWeight > 0) learned(expansionsOf(src.modelExpansions, query), modelExpansionWeight);
  if (src.labelled && learnedExpansionWeight > 0) learned(src.labelled.expansionsOf(query), learnedExpansionWeight);
  return terms;
}

/**
 * The question's content words (jieba, stopwords dropped) and the lexicon's expansions of it, each
 * weighted by its idf in this index, for the answer engine's sentence choice and relevance gate.
 * Words are what a reader checks an answer against; a word longer than a bigram takes the mean
 * idf of its bigrams. idf is taken over at least 10,000 documents: in a small corpus (the sample
 * articles alone) every term would otherwise look common and words it lacks would weigh nothing.
 */
export function termWeights(bm25: Bm25Index, lexicon: Lexicon | null, query: string): QueryTermWeights {
  const N = Math.max(bm25.nDocs, 10_000);
  const idf = (t: string) => {
    const df = bm25.df(t, 0);
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  };
  const wordIdf = (w: string) => {
    const t = normalize(w);
    // Letters and digits are indexed as whole runs (app, 12123, 2024), never as bigrams.
    if (!isCjk(t.charCodeAt(0))) return idf(t);
    if (t.length === 1) return idf(t) / 4; // a lone character is weak evidence either way
    if (t.length === 2) return idf(t);
    let sum = 0;
    for (let i = 0; i + 1 < t.length; i++) sum += idf(t.slice(i, i + 2));
    return sum / (t.length - 1);
  };
  const out = new Map<string, { weight: number; expansion: boolean; phrase?: string }>();
  for (const w of wordTokens(query)) out.set(w, { weight: wordIdf(w), expansion: false });
  if (lexicon) {
    for (const m of lexicon.match(query)) {
      for (const e of m.expansions) {
        const words = wordTokens(e);
        // A phrase cut into words (安全出口 → 安全, 出口) is kept with each: 安全 alone is no reading of it. Not one the
        // segmenter left a lone character of (拾得 → 拾, 得): that piece is the word.
        const compound = words.length > 1 && words.every((w) => Array.from(w).length >= 2);
        for (const w of words) if (!out.has(w)) out.set(w, { weight: wordIdf(w), expansion: true, ...(compound ? { phrase: normalize(e) } : {}) });
      }
    }
  }
  return out;
}

/** Distinct CJK character trigrams of the question whose characters are not all stopwords. */
export function queryTrigrams(query: string): string[] {
  const q = normalize(query);
  const stop = stopwordSet();
  const out = new Set<string>();
  let run = "";
  const flush = () => {
    for (let i = 0; i + 3 <= run.length; i++) {
      const g = run.slice(i, i + 3);
      if (![...g].every((ch) => stop.has(ch))) out.add(g);
    }
    run = "";
  };
  for (const ch of q) {
    if (isCjk(ch.charCodeAt(0))) run += ch;
    else flush();
  }
  flush();
  return [...out];
}
