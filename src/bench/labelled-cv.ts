/**
 * Cross-validation of learning from labelled questions (src/retrieval/labelled-questions.ts): for
 * each fold, pufa learns from the other folds only and answers the held-out one; the figures are
 * those held-out answers pooled. Random folds = new questions on known topics; block folds = new
 * topics (STARD's ids run by topic).
 */
import { LabelledKnowledge } from "../retrieval/labelled-questions.js";
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import type { FoldMode } from "./fit-weights.js";
import { heldOutMetrics } from "./cross-validate.js";
import type { FoldRerankers } from "./rerank-cv.js";
import type { EvalMetrics, StardItem } from "../eval/stard.js";

/**
 * Held-out metrics of `searcher` learning from k−1 folds of `items` (latencies pooled over all
 * folds). With `rerankers`, each fold's reranker is also the one trained without that fold.
 */
export function crossValidateLabelled(searcher: HybridSearcher, items: readonly StardItem[], folds = 5, mode: FoldMode = "random", rerankers?: FoldRerankers): Promise<EvalMetrics> {
  return heldOutMetrics(items, folds, mode, (train, f) =>
    searcher.with({
      labelled: LabelledKnowledge.learn(train.map((i) => items[i]), searcher.passages, { analyzer: searcher.bm25.analyzer }),
      ...(rerankers ? { reranker: rerankers.model(mode, f, train) } : {}),
    }),
  );
}
