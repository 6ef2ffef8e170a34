/**
 * The reranker's view of a query's best candidates: the first stage's own signals plus what the
 * library's structure says about each article. All law-agnostic: no feature names a law, an
 * article or a word, so a model trained on one set of questions carries over to other topics
 * (checked on block folds and on pufa's policing set by `npm run bench`).
 */
import type { Passage } from "../types.js";
import type { CitationIndex } from "./citation-lookup.js";
import { FEATURE_NAMES } from "./candidate-features.js";

export const RERANK_FEATURES = [
  // the first stage (hybrid-searcher's linear features; dense and phrase left out: they depend on
  // build options, and the fused score below already carries them)
  "bm25",
  "law",
  "chapter",
  "coverage",
  "length",
  "title",
  "prior",
  "score",
  "logRank",
  "relScore",
  // citations between laws: judicial interpretations and regulations name the articles they apply
  "citedBy",
  "citedByTop",
  // the law an article belongs to
  "lawShare",
  "lawSize",
  "edgeDistance",
  "category",
] as const;

const LINEAR = ["bm25", "law", "chapter", "coverage", "length", "title"].map((n) => FEATURE_NAMES.indexOf(n as (typeof FEATURE_NAMES)[number]));

const CATEGORY_CODE: Record<string, number> = { 司法解释: 1, 行政法规: 2, 部门规章: 3, 其他: 4 };

/** Per-passage facts from the library's structure, computed once per index (≈1 s for the whole library). */
export class PassageStructure {
  /** passage → the current passages of other laws that cite it. */
  readonly citedBy: Map<number, number[]>;
  readonly lawSize: Float64Array;
  readonly edgeDistance: Float64Array;
  readonly category: Float64Array;

  private constructor(citedBy: Map<number, number[]>, lawSize: Float64Array, edgeDistance: Float64Array, category: Float64Array) {
    this.citedBy = citedBy;
    this.lawSize = lawSize;
    this.edgeDistance = edgeDistance;
    this.category = category;
  }

  static build(passages: readonly Passage[], citations: CitationIndex): PassageStructure {
    const n = passages.length;
    const count = new Map<string, number>();
    const maxNo = new Map<string, number>();
    for (const p of passages) {
      if (p.kind !== "law" || !p.current) continue;
      count.set(p.lawShort, (count.get(p.lawShort) ?? 0) + 1);
      maxNo.set(p.lawShort, Math.max(maxNo.get(p.lawShort) ?? 0, p.articleNo.num));
    }
    const lawSize = new Float64Array(n);
    const edgeDistance = new Float64Array(n);
    const category = new Float64Array(n).fill(5);
    const citedBy = new Map<number, number[]>();
    passages.forEach((p, i) => {
      if (p.kind !== "law") return;
      lawSize[i] = Math.log(count.get(p.lawShort) ?? 1);
      // Distance to the nearer end of the law: 立法目的 and 施行日期 articles sit at the ends.
      const last = maxNo.get(p.lawShort) ?? p.articleNo.num;
      edgeDistance[i] = Math.log1p(Math.max(0, Math.min(p.articleNo.num - 1, last - p.articleNo.num)));
      category[i] = CATEGORY_CODE[p.category] ?? 0;
      if (!p.current) return;
      for (const c of citations.lookup(p.text)) {
        if (c.index < 0 || c.index === i || c.passage?.lawShort === p.lawShort) continue;
        const list = citedBy.get(c.index);
        if (list) list.push(i);
        else citedBy.set(c.index, [i]);
      }
    });
    return new PassageStructure(citedBy, lawSize, edgeDistance, category);
  }
}

export interface RerankInput {
  /** Indices into the candidate arrays, best first by the first-stage score: the rows of x. */
  order: number[];
  /** order.length × RERANK_FEATURES.length, row-major. */
  x: Float64Array;
  /** First-stage score / the query's best. */
  base: Float64Array;
}

/**
 * Features of the `top` best candidates. `feats` is hybrid-searcher's candidate matrix
 * (FEATURE_NAMES columns), `scores` its fused scores (prior applied), `prior` per candidate.
 */
export function rerankInput(
  structure: PassageStructure,
  passages: readonly Passage[],
  docs: readonly number[],
  feats: Float64Array,
  scores: ArrayLike<number>,
  prior: ArrayLike<number>,
  top: number,
): RerankInput {
  const F = FEATURE_NAMES.length;
  const R = RERANK_FEATURES.length;
  const all = [...docs.keys()].sort((a, b) => scores[b] - scores[a] || docs[a] - docs[b]);
  const order = all.slice(0, top);
  const best = order.length ? scores[order[0]] : 1;
  const scale = best > 0 ? best : 1;
  // The 30 best candidates as citing sources, the 50 best for each law's share of the top.
  const topScore = new Map<number, number>();
  for (const i of all.slice(0, 30)) topScore.set(docs[i], scores[i] / scale);
  const lawCount = new Map<string, number>();
  for (const i of all.slice(0, 50)) {
    const p = passages[docs[i]];
    if (p.kind === "law") lawCount.set(p.lawShort, (lawCount.get(p.lawShort) ?? 0) + 1);
  }
  const x = new Float64Array(order.length * R);
  const base = new Float64Array(order.length);
  order.forEach((i, r) => {
    const d = docs[i];
    const p = passages[d];
    const o = r * R;
    LINEAR.forEach((col, k) => (x[o + k] = feats[i * F + col]));
    x[o + 6] = prior[i];
    x[o + 7] = scores[i];
    x[o + 8] = Math.log1p(r);
    x[o + 9] = scores[i] / scale;
    const citing = structure.citedBy.get(d) ?? [];
    x[o + 10] = Math.log1p(citing.length);
    let strongest = 0;
    for (const s of citing) strongest = Math.max(strongest, topScore.get(s) ?? 0);
    x[o + 11] = strongest;
    x[o + 12] = p.kind === "law" ? (lawCount.get(p.lawShort) ?? 0) / 50 : 0;
    x[o + 13] = structure.lawSize[d];
    x[o + 14] = structure.edgeDistance[d];
    x[o + 15] = structure.category[d];
    base[r] = scores[i] / scale;
  });
  return { order, x, base };
}
