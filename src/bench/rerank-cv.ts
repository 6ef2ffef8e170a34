/**
 * Training the ranking model and cross-validating it: expansions learned from the labelled
 * questions, then each question's first-stage candidates (searching those expansions, trees off) as
 * a RankGroup, gold articles marked; per fold a model learned from the other folds answers the
 * held-out questions through the real search path.
 */
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { trainLambdaMart, type LambdaMartOptions, type RankGroup } from "../retrieval/lambdamart.js";
import { RERANK_FEATURES } from "../retrieval/rerank-features.js";
import type { GbdtModel } from "../retrieval/gbdt.js";
import type { ExpansionLearning } from "../retrieval/labelled-questions.js";
import { learnModelExpansions, MODEL_EXPANSION_LEARNING } from "../retrieval/model-expansions.js";
import { currentVersions, goldMarks, type FoldMode } from "./fit-weights.js";
import { heldOutMetrics } from "./cross-validate.js";
import type { EvalMetrics, StardItem } from "../eval/stard.js";

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

/**
 * Trains the ranking model on labelled questions: first the expansions (model-expansions.ts), then
 * the trees over the first stage that searches them (a variant of the searcher without its own model).
 * `learning: null` trains trees alone, over a first stage without learned expansions.
 */
export function trainReranker(
  searcher: HybridSearcher,
  items: readonly StardItem[],
  options: Partial<LambdaMartOptions> = {},
  learning: ExpansionLearning | null = MODEL_EXPANSION_LEARNING,
): GbdtModel {
  const expansions = learning ? learnModelExpansions(searcher, items, learning) : [];
  const firstStage = searcher.with({ reranker: null, modelExpansions: expansions.length ? new Map(expansions) : null });
  const model = trainLambdaMart(rerankGroups(firstStage, items), RERANK_FEATURES, options);
  if (expansions.length) model.expansions = expansions;
  return model;
}

/**
 * The model of each fold (expansions and trees learned from the other folds), trained once and
 * kept: the labelled-questions CV reuses them so its figures are held out for the model too.
 * `extra` questions (another labelled file, e.g. pufa's policing training set) join every fold's
 * training, the way they join the shipped model's.
 */
export class FoldRerankers {
  private readonly models = new Map<string, GbdtModel>();
  constructor(
    private readonly searcher: HybridSearcher,
    private readonly items: readonly StardItem[],
    private readonly extra: readonly StardItem[] = [],
    private readonly options: Partial<LambdaMartOptions> = {},
    private readonly learning: ExpansionLearning | null = MODEL_EXPANSION_LEARNING,
  ) {}

  model(mode: FoldMode, fold: number, trainIndices: readonly number[]): GbdtModel {
    const key = `${mode}:${fold}`;
    let m = this.models.get(key);
    if (!m) this.models.set(key, (m = trainReranker(this.searcher, [...trainIndices.map((i) => this.items[i]), ...this.extra], this.options, this.learning)));
    return m;
  }
}

/** Held-out metrics: k folds, each answered by a model trained on the others (latencies pooled). */
export function crossValidateReranker(searcher: HybridSearcher, items: readonly StardItem[], folds = 5, mode: FoldMode = "random", models = new FoldRerankers(searcher, items)): Promise<EvalMetrics> {
  return heldOutMetrics(items, folds, mode, (train, f) => searcher.with({ reranker: models.model(mode, f, train) }));
}
