/**
 * k-fold cross-validation through the real search path: for each fold `learn` is given the other
 * folds' question indices and the fold number and returns the searcher learned from them, which
 * answers the held-out fold; the figures are those answers pooled, latencies included.
 */
import type { Searcher } from "../types.js";
import { foldAssignment, type FoldMode } from "./fit-weights.js";
import { evaluate, percentile, type EvalMetrics, type StardItem } from "../eval/stard.js";

export async function heldOutMetrics(items: readonly StardItem[], folds: number, mode: FoldMode, learn: (trainIndices: number[], fold: number) => Searcher): Promise<EvalMetrics> {
  const foldOf = foldAssignment(items.length, folds, mode);
  const sums = { r1: 0, r5: 0, r10: 0, r100: 0, mrr10: 0 };
  const lat: number[] = [];
  for (let f = 0; f < folds; f++) {
    const test = items.filter((_, i) => foldOf[i] === f);
    if (!test.length) continue;
    const searcher = learn([...items.keys()].filter((i) => foldOf[i] !== f), f);
    const r = await evaluate(searcher, test);
    for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += r.metrics[key] * test.length;
    lat.push(...r.latencies);
  }
  const n = items.length || 1;
  lat.sort((a, b) => a - b);
  return { n: items.length, r1: sums.r1 / n, r5: sums.r5 / n, r10: sums.r10 / n, r100: sums.r100 / n, mrr10: sums.mrr10 / n, p50Ms: percentile(lat, 0.5), p99Ms: percentile(lat, 0.99) };
}
