import { describe, expect, it } from "vitest";
import { crossValidateWeights, fitWeights, scoreWeights, type CachedQuestion } from "../../src/bench/fit-weights.js";
import { FEATURE_NAMES } from "../../src/retrieval/hybrid-searcher.js";

const F = FEATURE_NAMES.length;

/** 40 questions × 20 candidates; gold = candidate 0, whose BM25 is mediocre but coverage is high. */
function synthetic(): CachedQuestion[] {
  let seed = 3;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  return Array.from({ length: 40 }, () => {
    const n = 20;
    const feats = new Float64Array(n * F);
    for (let i = 0; i < n; i++) {
      feats[i * F] = i === 0 ? 0.6 : rand();
      feats[i * F + 4] = i === 0 ? 0.9 : rand() * 0.5;
    }
    const gold = new Uint8Array(n);
    gold[0] = 1;
    return { docs: [...Array(n).keys()], feats, prior: new Float64Array(n).fill(1), gold, nGold: 1 };
  });
}

describe("fit-weights", () => {
  it("scores ranks from weights and learns a useful feature", () => {
    const qs = synthetic();
    const bm25Only = [1, 0, 0, 0, 0, 0, 0, 0];
    const before = scoreWeights(qs, bm25Only);
    const w = fitWeights(qs, bm25Only);
    expect(w[4]).toBeGreaterThan(0);
    expect(scoreWeights(qs, w).mrr10).toBeGreaterThan(before.mrr10);
    const cv = crossValidateWeights(qs, bm25Only, 4);
    expect(cv.weights.length).toBe(4);
    expect(cv.heldOut.mrr10).toBeGreaterThan(before.mrr10);
  });
});
