/**
 * Does a source answer? A calibrated decision per source (the office's articles; the law library):
 * logistic regression over a few question-relative features, fitted with cross-validation on
 * labelled positives and negatives (src/bench/answer-bench.ts writes src/answer/decision-model.json).
 * Replaces the single idf-coverage threshold, which neither kept in-domain questions nor kept
 * chit-chat out.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_DECISION_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "decision-model.json");

export type Source = "local" | "law";

/** Feature names per source, in the order of the weight vectors. */
export const FEATURES: Record<Source, readonly string[]> = {
  local: ["bigramCoverage", "titleCoverage", "wordCoverage", "kindMatch", "gap", "searcherFound", "asksLocal", "questionWords"],
  law: ["wordCoverage", "secondCoverage", "expansionShare", "asksRule", "legalTopic", "asksLocal", "questionWords", "labelledVote"],
};

export interface LogisticModel {
  weights: number[];
  bias: number;
}

export type DecisionModel = Record<Source, LogisticModel> & { note?: string };

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(m: LogisticModel, x: readonly number[]): number {
  let z = m.bias;
  for (let i = 0; i < x.length; i++) z += (m.weights[i] ?? 0) * x[i];
  return sigmoid(z);
}

/**
 * Before any fit: the old single threshold on coverage (0.3 for the law; for the articles, bigram
 * and word coverage adding up to about 0.65), written as logistic models.
 */
export const THRESHOLD_MODEL: DecisionModel = {
  local: { weights: [14, 0, 14, 0, 0, 0, 0, 0], bias: -9 },
  law: { weights: [20, 0, 0, 0, 0, 0, 0, 0], bias: -6 },
};

let cached: DecisionModel | null = null;
export function loadDecisionModel(file = DEFAULT_DECISION_FILE): DecisionModel {
  if (file === DEFAULT_DECISION_FILE && cached) return cached;
  let model = THRESHOLD_MODEL;
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as DecisionModel;
    const ok = (s: Source) => parsed[s] && parsed[s].weights.length === FEATURES[s].length && Number.isFinite(parsed[s].bias);
    if (ok("local") && ok("law")) model = parsed;
  }
  if (file === DEFAULT_DECISION_FILE) cached = model;
  return model;
}

/** Fits a logistic regression by gradient descent with L2 (features are already 0..1-ish). Pure. */
export function fitLogistic(xs: number[][], ys: number[], options: { l2?: number; epochs?: number; rate?: number } = {}): LogisticModel {
  const { l2 = 0.001, epochs = 20000, rate = 1 } = options;
  const d = xs[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const n = xs.length;
  if (!n) return { weights: w, bias: 0 };
  // Balance the classes: a set with few negatives must not teach "always answer".
  const pos = ys.filter((y) => y === 1).length;
  const wPos = pos ? n / (2 * pos) : 1;
  const wNeg = n - pos ? n / (2 * (n - pos)) : 1;
  for (let e = 0; e < epochs; e++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const p = probability({ weights: w, bias: b }, xs[i]);
      const err = (p - ys[i]) * (ys[i] === 1 ? wPos : wNeg);
      for (let j = 0; j < d; j++) gw[j] += err * xs[i][j];
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] -= rate * (gw[j] / n + l2 * w[j]);
    b -= rate * (gb / n);
  }
  return { weights: w, bias: b };
}

/** k-fold cross-validated predictions (each example predicted by a model that never saw it). */
export function crossValidatedProbabilities(xs: number[][], ys: number[], folds = 5): number[] {
  const out = new Array<number>(xs.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const trainX: number[][] = [];
    const trainY: number[] = [];
    xs.forEach((x, i) => {
      if (i % folds !== f) {
        trainX.push(x);
        trainY.push(ys[i]);
      }
    });
    const m = fitLogistic(trainX, trainY);
    xs.forEach((x, i) => {
      if (i % folds === f) out[i] = probability(m, x);
    });
  }
  return out;
}
