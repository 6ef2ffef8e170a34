/**
 * Training data for the reranker and its cross-validation: each question's first-stage candidates
 * (reranker off) as a RankGroup, gold articles marked; per fold a model trained on the other folds
 * answers the held-out questions through the real search path.
 */
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { trainLambdaMart, type LambdaMartOptions, type RankGroup } from "../retrieval/lambdamart.js";
import { RERANK_FEATURES } from "../retrieval/rerank-features.js";
import type { GbdtModel } from "../retrieval/gbdt.js";
import { currentVersions, goldMarks, type FoldMode } from "./fit-weights.js";
import { heldOutMetrics } from "./cross-validate.js";
import type { EvalMetrics, StardItem } from "./stard.js";

/** One RankGroup per question, in order (current law versions only, as search() ranks). */
export function rerankGroups(searcher: HybridSearcher, items: readonly StardItem[]): RankGroup[] {
  const allow = currentVersions(searcher.passages);
  return items.map((item) => {
    const { docs, feats, scores } = searcher.firstStage(item.question, allow);
    const input = searcher.rerankInput(docs, feats, scores);
    const { gold } = goldMarks(searcher.passages, input.order.map((i) => docs[i]), item);
    return { x: input.x, y: gold, base: input.base };
  });
}

/** Trains a model on labelled questions (the searcher's reranker is not used for the candidates). */
export function trainReranker(searcher: HybridSearcher, items: readonly StardItem[], options: Partial<LambdaMartOptions> = {}): GbdtModel {
  return trainLambdaMart(rerankGroups(searcher, items), RERANK_FEATURES, options);
}

/**
 * The model of each fold (trained on the other folds), trained once and kept: the labelled-questions
 * CV reuses them so its figures are held out for the reranker too. `extra` groups (questions from
 * another labelled file, e.g. pufa's policing training set) join every fold's training, the way
 * they join the shipped model's.
 */
export class FoldRerankers {
  private readonly models = new Map<string, GbdtModel>();
  constructor(
    private readonly groups: readonly RankGroup[],
    private readonly options: Partial<LambdaMartOptions> = {},
    private readonly extra: readonly RankGroup[] = [],
  ) {}

  model(mode: FoldMode, fold: number, trainIndices: readonly number[]): GbdtModel {
    const key = `${mode}:${fold}`;
    let m = this.models.get(key);
    if (!m) this.models.set(key, (m = trainLambdaMart([...trainIndices.map((i) => this.groups[i]), ...this.extra], RERANK_FEATURES, this.options)));
    return m;
  }
}

/** Held-out metrics: k folds, each answered by a model trained on the others (latencies pooled). */
export function crossValidateReranker(searcher: HybridSearcher, items: readonly StardItem[], folds = 5, mode: FoldMode = "random", models = new FoldRerankers(rerankGroups(searcher, items))): EvalMetrics {
  const before = searcher.reranker;
  try {
    return heldOutMetrics(searcher, items, folds, mode, (train, f) => {
      searcher.reranker = models.model(mode, f, train);
    });
  } finally {
    searcher.reranker = before;
  }
}
