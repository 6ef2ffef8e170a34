/**
 * LambdaMART (Burges 2010): gradient-boosted regression trees whose gradients are LambdaRank's
 * pairwise λ weighted by the NDCG change of swapping a relevant and an irrelevant result. Boosting
 * starts from the first-stage score (baseScale × score / best score of the query), so the trees
 * learn corrections to pufa's linear ranking, not a ranking from scratch.
 *
 * Written here because no maintained JavaScript library trains boosted trees on a custom (ranking)
 * gradient: ml-cart / ml-random-forest fit plain regression targets, and XGBoost / LightGBM need
 * native builds or WASM ports that are unmaintained. Histogram splits (quantile bins), depth-limited
 * trees, Newton leaf values; deterministic (no sampling), so a model retrains to the same file.
 */
import type { GbdtModel, GbdtTree } from "./gbdt.js";

/** One query's candidates: row-major features, relevance (0/1) and first-stage score (best = 1). */
export interface RankGroup {
  x: Float64Array;
  y: Uint8Array;
  base: Float64Array;
}

export interface LambdaMartOptions {
  trees: number;
  depth: number;
  learningRate: number;
  baseScale: number;
  /** A split needs this much hessian on each side (guards against leaves fitted to a few rows). */
  minHessian: number;
  bins: number;
  /** Pairs whose both results sit below this position change NDCG@10 too little to matter. */
  pairCutoff: number;
}

export const DEFAULT_LAMBDAMART: LambdaMartOptions = { trees: 100, depth: 3, learningRate: 0.1, baseScale: 5, minHessian: 5, bins: 32, pairCutoff: 150 };

/** Trains on `groups` (each row `nFeatures` wide); returns a model for predictRow. */
export function trainLambdaMart(groups: readonly RankGroup[], featureNames: readonly string[], options: Partial<LambdaMartOptions> = {}): GbdtModel {
  const o = { ...DEFAULT_LAMBDAMART, ...options };
  const F = featureNames.length;
  const sizes = groups.map((g) => g.y.length);
  const R = sizes.reduce((a, b) => a + b, 0);
  const start = new Int32Array(groups.length);
  for (let q = 1; q < groups.length; q++) start[q] = start[q - 1] + sizes[q - 1];
  const edges = binEdges(groups, F, o.bins);
  const bins = new Uint8Array(R * F);
  groups.forEach((g, q) => {
    for (let r = 0; r < sizes[q]; r++) for (let f = 0; f < F; f++) bins[(start[q] + r) * F + f] = binOf(edges[f], g.x[r * F + f]);
  });
  const score = new Float64Array(R);
  groups.forEach((g, q) => {
    for (let r = 0; r < sizes[q]; r++) score[start[q] + r] = o.baseScale * g.base[r];
  });
  const grad = new Float64Array(R);
  const hess = new Float64Array(R);
  const trees: GbdtTree[] = [];
  const all = Int32Array.from({ length: R }, (_, k) => k);
  for (let t = 0; t < o.trees; t++) {
    lambdas(groups, start, score, grad, hess, o.pairCutoff);
    const { tree, binThreshold } = growTree(all, bins, F, grad, hess, edges, o);
    trees.push(tree);
    for (let k = 0; k < R; k++) {
      let n = 0;
      while (tree.feature[n] >= 0) n = bins[k * F + tree.feature[n]] <= binThreshold[n] ? tree.left[n] : tree.right[n];
      score[k] += tree.value[n];
    }
  }
  return { features: [...featureNames], baseScale: o.baseScale, trees };
}

/** LambdaRank gradients (into grad) and second derivatives (into hess) at the current scores. */
function lambdas(groups: readonly RankGroup[], start: Int32Array, score: Float64Array, grad: Float64Array, hess: Float64Array, cutoff: number): void {
  grad.fill(0);
  hess.fill(0);
  groups.forEach((g, q) => {
    const n = g.y.length;
    const s0 = start[q];
    let relevant = 0;
    for (let i = 0; i < n; i++) relevant += g.y[i];
    if (!relevant || relevant === n) return;
    const order = [...Array(n).keys()].sort((a, b) => score[s0 + b] - score[s0 + a]);
    const pos = new Int32Array(n);
    order.forEach((i, p) => (pos[i] = p));
    let idcg = 0;
    for (let k = 0; k < relevant; k++) idcg += 1 / Math.log2(k + 2);
    for (let i = 0; i < n; i++) {
      if (!g.y[i]) continue;
      for (let j = 0; j < n; j++) {
        if (g.y[j] || (pos[i] > cutoff && pos[j] > cutoff)) continue;
        const delta = Math.abs(1 / Math.log2(pos[i] + 2) - 1 / Math.log2(pos[j] + 2)) / idcg;
        const rho = 1 / (1 + Math.exp(score[s0 + i] - score[s0 + j]));
        grad[s0 + i] += delta * rho;
        grad[s0 + j] -= delta * rho;
        const h = delta * rho * (1 - rho);
        hess[s0 + i] += h;
        hess[s0 + j] += h;
      }
    }
  });
}

/**
 * Depth-first growth (children after their parent). The tree stores real thresholds for
 * prediction (bin ≤ b ⇔ x ≤ edges[b]); binThreshold routes the binned training rows.
 */
function growTree(rows: Int32Array, bins: Uint8Array, F: number, grad: Float64Array, hess: Float64Array, edges: Float64Array[], o: LambdaMartOptions): { tree: GbdtTree; binThreshold: number[] } {
  const tree: GbdtTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const binThreshold: number[] = [];
  const grow = (idx: Int32Array, depth: number): number => {
    const node = tree.feature.length;
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(0);
    binThreshold.push(-1);
    let G = 0;
    let H = 0;
    for (const k of idx) {
      G += grad[k];
      H += hess[k];
    }
    const split = depth < o.depth ? bestSplit(idx, bins, F, grad, hess, G, H, o) : null;
    if (!split) {
      tree.value[node] = H > 0 ? (o.learningRate * G) / (H + 1) : 0;
      return node;
    }
    const left: number[] = [];
    const right: number[] = [];
    for (const k of idx) (bins[k * F + split.feature] <= split.bin ? left : right).push(k);
    tree.feature[node] = split.feature;
    tree.threshold[node] = edges[split.feature][split.bin];
    binThreshold[node] = split.bin;
    tree.left[node] = grow(Int32Array.from(left), depth + 1);
    tree.right[node] = grow(Int32Array.from(right), depth + 1);
    return node;
  };
  grow(rows, 0);
  return { tree, binThreshold };
}

function bestSplit(idx: Int32Array, bins: Uint8Array, F: number, grad: Float64Array, hess: Float64Array, G: number, H: number, o: LambdaMartOptions): { feature: number; bin: number } | null {
  if (idx.length < 50) return null;
  const parent = (G * G) / (H + 1);
  let best = 0;
  let out: { feature: number; bin: number } | null = null;
  const hg = new Float64Array(o.bins);
  const hh = new Float64Array(o.bins);
  for (let f = 0; f < F; f++) {
    hg.fill(0);
    hh.fill(0);
    for (const k of idx) {
      const b = bins[k * F + f];
      hg[b] += grad[k];
      hh[b] += hess[k];
    }
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < o.bins - 1; b++) {
      gl += hg[b];
      hl += hh[b];
      const gr = G - gl;
      const hr = H - hl;
      if (hl < o.minHessian || hr < o.minHessian) continue;
      const gain = (gl * gl) / (hl + 1) + (gr * gr) / (hr + 1) - parent;
      if (gain > best) {
        best = gain;
        out = { feature: f, bin: b };
      }
    }
  }
  return out;
}

/** Quantile bin edges per feature (every third row sampled: plenty for 32 bins). */
function binEdges(groups: readonly RankGroup[], F: number, nBins: number): Float64Array[] {
  const edges: Float64Array[] = [];
  for (let f = 0; f < F; f++) {
    const v: number[] = [];
    for (const g of groups) for (let r = 0; r < g.y.length; r += 3) v.push(g.x[r * F + f]);
    v.sort((a, b) => a - b);
    const e = new Float64Array(nBins - 1);
    for (let b = 1; b < nBins; b++) e[b - 1] = v.length ? v[Math.floor((b * v.length) / nBins)] : 0;
    edges.push(e);
  }
  return edges;
}

/** The bin of v: how many edges lie below it (so bin ≤ b ⇔ v ≤ edges[b]). */
function binOf(e: Float64Array, v: number): number {
  let lo = 0;
  let hi = e.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (v > e[m]) lo = m + 1;
    else hi = m;
  }
  return lo;
}
