/**
 * The second stage: the best rerankTop law candidates of the first stage re-ordered by the
 * LambdaMART model (src/data/reranker.json) over law-agnostic features (rerank-features.ts).
 */
import type { Passage } from "../types.js";
import { FEATURE_NAMES } from "./hybrid-config.js";
import { predictRow, type GbdtModel } from "./gbdt.js";
import { rerankInput, type PassageStructure, type RerankInput } from "./rerank-features.js";

/**
 * The features the reranker sees for a query's candidates (the search and the bench's training).
 * Law articles only: the model learned how laws rank among themselves, and the corpus's own articles
 * (news, campaign reports) keep their first-stage place. `order` indexes `docs`.
 */
export function lawRerankInput(
  structure: PassageStructure,
  passages: readonly Passage[],
  prior: Float32Array,
  rerankTop: number,
  docs: readonly number[],
  feats: Float64Array,
  scores: ArrayLike<number>,
): RerankInput {
  const F = FEATURE_NAMES.length;
  const laws = [...docs.keys()].filter((i) => passages[docs[i]].kind === "law");
  const lawFeats = new Float64Array(laws.length * F);
  laws.forEach((i, j) => lawFeats.set(feats.subarray(i * F, (i + 1) * F), j * F));
  const input = rerankInput(
    structure,
    passages,
    laws.map((i) => docs[i]),
    lawFeats,
    laws.map((i) => scores[i]),
    laws.map((i) => prior[docs[i]]),
    rerankTop,
  );
  return { ...input, order: input.order.map((j) => laws[j]) };
}

/**
 * Re-orders the input's candidates by the model, in place. They keep the first stage's score values,
 * handed out in the model's order, so everything downstream (neighbour votes, the answer engine's
 * thresholds) sees scores on the scale it was tuned for, corpus articles keep their place among
 * them, and the rest stays below.
 */
export function rerankScores(model: GbdtModel, input: RerankInput, docs: readonly number[], scores: Float64Array): void {
  const R = model.features.length;
  const values = input.order.map((i) => scores[i]);
  const byModel = input.order
    .map((i, r) => ({ i, s: predictRow(model, input.base[r], input.x, r * R) }))
    .sort((a, b) => b.s - a.s || docs[a.i] - docs[b.i]);
  byModel.forEach(({ i }, r) => (scores[i] = values[r]));
}
