/**
 * The expansions that ship with the ranking model: question words that keep co-occurring with words
 * of their gold articles across labelled questions (STARD-train and pufa-train for the shipped
 * model), searched by the first stage the trees are trained over. The same co-occurrence learning
 * as an office's PUFA_LABELLED, with stricter settings: a word must recur across questions, and an
 * expansion must be a distinctive word of the library (not 依法, 处罚, 个人 …), because these
 * expansions apply to every question, on every topic.
 */
import type { HybridSearcher } from "./hybrid-searcher.js";
import { learnExpansions, resolveLabelled, type ExpansionLearning, type LabelledQuestion } from "./labelled-questions.js";
import { normalize } from "../text/tokenize.js";

/** Chosen inside 5-fold CV on STARD-train among a handful of settings (npm run bench reports the held-out figures). */
export const MODEL_EXPANSION_LEARNING: ExpansionLearning = { minCount: 2, minShare: 0.1, minLift: 5, perWord: 10, minQuestions: 2, maxDocShare: 0.05 };

/**
 * Share of the index's documents that hold a word, bounded by its rarest character bigram (the
 * index keeps bigrams, not words): a word is never commoner than that.
 */
export function docShareOf(searcher: HybridSearcher): (word: string) => number {
  const n = Math.max(1, searcher.bm25.nDocs);
  const cache = new Map<string, number>();
  return (word) => {
    let v = cache.get(word);
    if (v === undefined) {
      const t = normalize(word);
      let df = t.length < 2 ? n : Infinity;
      for (let i = 0; i + 2 <= t.length; i++) df = Math.min(df, searcher.bm25.df(t.slice(i, i + 2), 0));
      cache.set(word, (v = df / n));
    }
    return v;
  };
}

/** Learns the expansions from labelled questions whose gold articles the searcher's library holds (current versions). */
export function learnModelExpansions(searcher: HybridSearcher, items: readonly LabelledQuestion[], opts: ExpansionLearning = MODEL_EXPANSION_LEARNING): [string, [string, number][]][] {
  const { questions } = resolveLabelled(items, searcher.passages);
  return [...learnExpansions(questions, searcher.passages, opts, docShareOf(searcher))].sort((a, b) => a[0].localeCompare(b[0]));
}
