/**
 * Cross-validation of learning from labelled questions (src/retrieval/labelled-questions.ts): for
 * each fold, pufa learns from the other folds only and answers the held-out one; the figures are
 * those held-out answers pooled. Random folds = new questions on known topics; block folds = new
 * topics (STARD's ids run by topic).
 */
import { LabelledKnowledge } from "../retrieval/labelled-questions.js";
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { foldAssignment, type FoldMode } from "./fit-weights.js";
import { evaluate, percentile, type EvalMetrics, type StardItem } from "./stard.js";

/** Held-out metrics of `searcher` learning from k−1 folds of `items` (latencies pooled over all folds). */
export function crossValidateLabelled(searcher: HybridSearcher, items: readonly StardItem[], folds = 5, mode: FoldMode = "random"): EvalMetrics {
  const before = searcher.labelled;
  const foldOf = foldAssignment(items.length, folds, mode);
  const sums = { r1: 0, r5: 0, r10: 0, r100: 0, mrr10: 0 };
  const lat: number[] = [];
  try {
    for (let f = 0; f < folds; f++) {
      const train = items.filter((_, i) => foldOf[i] !== f);
      const test = items.filter((_, i) => foldOf[i] === f);
      if (!test.length) continue;
      searcher.labelled = LabelledKnowledge.learn(train, searcher.passages, { analyzer: searcher.bm25.analyzer });
      const r = evaluate(searcher, test);
      for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += r.metrics[key] * test.length;
      lat.push(...r.latencies);
    }
  } finally {
    searcher.labelled = before;
  }
  const n = items.length || 1;
  lat.sort((a, b) => a - b);
  return { n: items.length, r1: sums.r1 / n, r5: sums.r5 / n, r10: sums.r10 / n, r100: sums.r100 / n, mrr10: sums.mrr10 / n, p50Ms: percentile(lat, 0.5), p99Ms: percentile(lat, 0.99) };
}
