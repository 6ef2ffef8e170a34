/**
 * A gradient-boosted tree ensemble as stored in src/data/reranker.json: every tree a flat array of
 * nodes (`x[feature] <= threshold` goes left), a leaf's value added to the score. Prediction only;
 * training is in lambdamart.ts.
 */

export interface GbdtTree {
  /** Per node: feature index, or −1 for a leaf. */
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Leaf values (0 at inner nodes). */
  value: number[];
}

export interface GbdtModel {
  /** Feature names in column order: a model whose names differ from the code's is not used. */
  features: string[];
  /** The first-stage score (scaled to the query's best = 1) is multiplied by this and the trees added. */
  baseScale: number;
  trees: GbdtTree[];
  /** How it was trained (data file, rows, settings), for the record. */
  trainedOn?: string;
  /** sha256 of the labelled file(s) it was trained on: `pufa eval` on one of them says it is in-sample. */
  trainedSha256?: string | string[];
  /**
   * Expansions learned from the same labelled questions (question word → [article word, share]),
   * searched by the first stage the trees were trained over: model and expansions go together.
   */
  expansions?: [string, [string, number][]][];
}

/** Score of one row `x[offset .. offset + features)`: baseScale × base + Σ tree leaves. */
export function predictRow(model: GbdtModel, base: number, x: ArrayLike<number>, offset: number): number {
  let s = model.baseScale * base;
  for (const t of model.trees) {
    let n = 0;
    while (t.feature[n] >= 0) n = x[offset + t.feature[n]] <= t.threshold[n] ? t.left[n] : t.right[n];
    s += t.value[n];
  }
  return s;
}

/** Checks the shape of a parsed model file; throws with the first problem found. */
export function validateModel(m: unknown, expectedFeatures: readonly string[]): GbdtModel {
  const model = m as GbdtModel;
  if (!model || !Array.isArray(model.features) || !Array.isArray(model.trees) || typeof model.baseScale !== "number") {
    throw new Error("not a reranker model (features, baseScale, trees)");
  }
  if (model.features.join(",") !== expectedFeatures.join(",")) {
    throw new Error(`model features [${model.features.join(", ")}] differ from this version's [${expectedFeatures.join(", ")}]: retrain it`);
  }
  if (model.expansions !== undefined && !(Array.isArray(model.expansions) && model.expansions.every((e) => typeof e?.[0] === "string" && Array.isArray(e[1]) && e[1].every((x) => typeof x?.[0] === "string" && typeof x[1] === "number")))) {
    throw new Error("expansions must be [word, [[expansion, share], …]] pairs");
  }
  model.trees.forEach((t, i) => {
    const n = t.feature?.length ?? 0;
    if (!n || [t.threshold, t.left, t.right, t.value].some((a) => !Array.isArray(a) || a.length !== n)) throw new Error(`tree ${i} is malformed`);
    t.feature.forEach((f, j) => {
      if (f >= expectedFeatures.length) throw new Error(`tree ${i} uses feature ${f}`);
      if (f >= 0 && !(t.left[j] > j && t.right[j] > j && t.left[j] < n && t.right[j] < n)) throw new Error(`tree ${i} node ${j} points outside the tree`);
    });
  });
  return model;
}
