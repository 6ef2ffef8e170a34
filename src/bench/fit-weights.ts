/**
 * Fitting the fusion weights of HybridSearcher (law, chapter, dense, coverage, length; BM25 is the
 * scale) on a labelled set, by coordinate ascent on R@10 + MRR@10 over cached candidate features,
 * with k-fold cross-validation so the reported figures are held-out ones. The category prior and
 * everything else stay fixed by reasoning: only generic, law-agnostic signals are fitted here.
 */
import { FEATURE_NAMES, type HybridSearcher } from "../retrieval/hybrid-searcher.js";
import type { Passage } from "../types.js";
import { lawArticleKey } from "../retrieval/law-aliases.js";
import { goldKey, type StardItem } from "../eval/stard.js";

export interface CachedQuestion {
  docs: number[];
  feats: Float64Array;
  prior: Float64Array;
  /** 1 where docs[i] is a gold article (first occurrence of each gold key only). */
  gold: Uint8Array;
  nGold: number;
}

/** 1 = may be ranked: current law versions and every corpus passage (what search() ranks by default). */
export function currentVersions(passages: readonly Passage[]): Uint8Array {
  return Uint8Array.from(passages, (p) => (p.kind !== "law" || p.current ? 1 : 0));
}

/** 1 at each ranked doc that is a gold article of `item` (first occurrence of each gold key only). */
export function goldMarks(passages: readonly Passage[], docs: readonly number[], item: StardItem): { gold: Uint8Array; nGold: number } {
  const keys = new Set(item.gold.map(goldKey).filter((k): k is string => k !== null));
  const gold = new Uint8Array(docs.length);
  const seen = new Set<string>();
  docs.forEach((d, i) => {
    const p = passages[d];
    if (p.kind !== "law") return;
    const key = lawArticleKey(p.lawShort, p.articleNo);
    if (keys.has(key) && !seen.has(key)) {
      seen.add(key);
      gold[i] = 1;
    }
  });
  return { gold, nGold: keys.size };
}

/** Features of every question's candidates (current versions only, as search() uses). */
export function collectFeatures(searcher: HybridSearcher, items: readonly StardItem[]): CachedQuestion[] {
  const allow = currentVersions(searcher.passages);
  const withPhrase = searcher.with({ alwaysPhrase: true });
  return items.map((item) => {
    const { docs, feats } = withPhrase.candidateFeatures(item.question, allow);
    const { gold, nGold } = goldMarks(searcher.passages, docs, item);
    return {
      docs,
      feats,
      prior: Float64Array.from(docs, (d) => searcher.prior[d]),
      gold,
      nGold,
    };
  });
}

export interface FitMetrics {
  r10: number;
  mrr10: number;
  r100: number;
}

/** Metrics of linear weights over cached questions. */
export function scoreWeights(qs: readonly CachedQuestion[], w: readonly number[]): FitMetrics {
  const F = FEATURE_NAMES.length;
  let r10 = 0;
  let r100 = 0;
  let mrr = 0;
  for (const q of qs) {
    if (!q.nGold) continue;
    const n = q.docs.length;
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let f = 0; f < F; f++) x += w[f] * q.feats[i * F + f];
      s[i] = x * q.prior[i];
    }
    // Rank of each gold candidate = 1 + number of candidates scoring higher.
    let best = Infinity;
    let in10 = 0;
    let in100 = 0;
    for (let i = 0; i < n; i++) {
      if (!q.gold[i]) continue;
      let rank = 1;
      for (let j = 0; j < n; j++) if (s[j] > s[i] || (s[j] === s[i] && q.docs[j] < q.docs[i])) rank++;
      if (rank <= 10) in10++;
      if (rank <= 100) in100++;
      best = Math.min(best, rank);
    }
    r10 += in10 / q.nGold;
    r100 += in100 / q.nGold;
    mrr += best <= 10 ? 1 / best : 0;
  }
  const m = qs.length || 1;
  return { r10: r10 / m, mrr10: mrr / m, r100: r100 / m };
}

const GRID: Record<(typeof FEATURE_NAMES)[number], number[]> = {
  bm25: [1],
  law: [0, 0.1, 0.2, 0.3, 0.5],
  chapter: [0, 0.1, 0.2, 0.3, 0.5],
  dense: [0, 0.1, 0.2, 0.3, 0.5],
  coverage: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  length: [-0.2, -0.1, 0, 0.1, 0.2, 0.3],
  phrase: [0, 0.1, 0.2, 0.3, 0.5, 0.8],
  title: [-0.2, -0.1, 0, 0.05, 0.1, 0.2, 0.3],
};

/** Coordinate ascent from `start` over GRID, two rounds. */
export function fitWeights(qs: readonly CachedQuestion[], start: readonly number[]): number[] {
  const w = [...start];
  const objective = (x: number[]) => {
    const m = scoreWeights(qs, x);
    return m.r10 + m.mrr10;
  };
  let best = objective(w);
  for (let round = 0; round < 2; round++) {
    FEATURE_NAMES.forEach((name, f) => {
      for (const v of GRID[name]) {
        const x = [...w];
        x[f] = v;
        const o = objective(x);
        if (o > best + 1e-9) {
          best = o;
          w[f] = v;
        }
      }
    });
  }
  return w;
}

/** k-fold CV: fit on k−1 folds, measure on the held-out one; returns averaged held-out metrics and each fold's weights. */
export type FoldMode = "random" | "block";

/**
 * The fold of each of n questions: "random" shuffles (seeded), "block" keeps runs of consecutive
 * questions together (STARD's ids are grouped by topic, so block folds measure a topic shift).
 */
export function foldAssignment(n: number, folds: number, mode: FoldMode, seed = 1): Int32Array {
  const order = [...Array(n).keys()];
  if (mode === "random") {
    let s = seed;
    for (let i = n - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const j = s % (i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  const foldOf = new Int32Array(n);
  order.forEach((q, pos) => (foldOf[q] = Math.floor((pos * folds) / n)));
  return foldOf;
}

export function crossValidateWeights(qs: readonly CachedQuestion[], start: readonly number[], folds = 5, mode: FoldMode = "random", seed = 1): { heldOut: FitMetrics; weights: number[][] } {
  const n = qs.length;
  const foldOf = foldAssignment(n, folds, mode, seed);
  const weights: number[][] = [];
  let r10 = 0;
  let mrr = 0;
  let r100 = 0;
  for (let f = 0; f < folds; f++) {
    const train = qs.filter((_, i) => foldOf[i] !== f);
    const test = qs.filter((_, i) => foldOf[i] === f);
    const w = fitWeights(train, start);
    weights.push(w);
    const m = scoreWeights(test, w);
    r10 += m.r10 * test.length;
    mrr += m.mrr10 * test.length;
    r100 += m.r100 * test.length;
  }
  return { heldOut: { r10: r10 / n, mrr10: mrr / n, r100: r100 / n }, weights };
}

