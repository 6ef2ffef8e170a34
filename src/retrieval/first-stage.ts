/**
 * The first stage: the candidates of a question (BM25 top `candidates` ∪ dense top
 * `denseCandidates`), their features (FEATURE_NAMES: BM25, law and chapter scores passed down,
 * dense similarity, query coverage, length, phrase overlap, law-title match) and one fused score per
 * candidate, the passage prior applied.
 */
import { topK, type Bm25Index, type WeightedTerms } from "./bm25.js";
import { FEATURE_NAMES, featureWeights, type HybridConfig } from "./hybrid-config.js";
import type { GroupScorer } from "./group-scorer.js";
import { queryTrigrams } from "./query-terms.js";
import type { VectorIndex } from "./vector-index.js";
import type { Passage } from "../types.js";

/** What the first stage reads: the index's structures and the searcher's settings. */
export interface FirstStageIndex {
  readonly passages: readonly Passage[];
  readonly bm25: Bm25Index;
  readonly groups: GroupScorer | null;
  readonly vectors: VectorIndex | null;
  /** passages.length × dim unit vectors (exact dense scores for BM25 candidates). */
  readonly docVectors: Float32Array | null;
  readonly config: HybridConfig;
  /** Compute the phrase feature even at weight 0 (the bench's weight fitting needs it). */
  readonly alwaysPhrase: boolean;
}

/** Candidates and their features, row-major in FEATURE_NAMES order; `dense`: the query had a vector. */
export interface Candidates {
  docs: number[];
  feats: Float64Array;
  dense: boolean;
}

/** Per-passage coverage scratch space, reused across queries (zeroed after each). */
export class CoverageScratch {
  private buf: Float32Array | null = null;
  constructor(private readonly size: number) {}
  get(): Float32Array {
    return (this.buf ??= new Float32Array(this.size));
  }
}

export function candidateFeatures(
  ix: FirstStageIndex,
  terms: WeightedTerms,
  query: string,
  qv: Float32Array | null,
  scratch: CoverageScratch,
  mask?: Uint8Array,
): Candidates {
  const c = ix.config;
  ix.bm25.setFieldWeights(c.fieldWeights.slice(0, ix.bm25.fields.length));
  const all = ix.bm25.scoreAll(terms, true);
  const covBuf = scratch.get();
  for (let i = 0; i < all.count; i++) covBuf[all.docs[i]] = all.coverage![i];
  const bm = topK(all.docs, all.scores, all.count, c.candidates, mask);
  const touchedDocs = Int32Array.from(all.docs.subarray(0, all.count));
  const cand = new Map<number, number>(); // doc → normalized BM25
  const max = bm.length ? bm[0].score : 1;
  for (const r of bm) cand.set(r.doc, r.score / max);
  const dense = new Map<number, number>();
  if (qv && ix.vectors && c.denseCandidates > 0 && (c.denseWeight > 0 || c.fusion === "rrf")) {
    for (const h of ix.vectors.search(qv, c.denseCandidates)) {
      if (mask && !mask[h.label]) continue;
      dense.set(h.label, h.similarity);
      if (!cand.has(h.label)) cand.set(h.label, 0);
    }
  }
  const docs = [...cand.keys()];
  const F = FEATURE_NAMES.length;
  const feats = new Float64Array(docs.length * F);
  const groups = ix.groups;
  const g = groups ? groups.scores(terms) : null;
  const grams = c.phraseWeight !== 0 || ix.alwaysPhrase ? queryTrigrams(query) : [];
  docs.forEach((d, i) => {
    const o = i * F;
    feats[o] = cand.get(d)!;
    if (g && groups) {
      const l = groups.lawOf[d];
      const ch = groups.chapterOf[d];
      feats[o + 1] = l >= 0 ? g.law[l] : 0;
      feats[o + 2] = ch >= 0 ? g.chapter[ch] : 0;
      feats[o + 7] = l >= 0 && g.title ? g.title[l] : 0;
    }
    feats[o + 3] = qv ? (dense.get(d) ?? denseScore(ix.docVectors, qv, d)) : 0;
    feats[o + 4] = covBuf[d];
    feats[o + 5] = Math.log1p(ix.passages[d].text.length) / Math.log(1000);
    if (grams.length) {
      const p = ix.passages[d];
      const hay = p.kind === "law" ? `${p.text}\n${p.headings.join(" ")}` : `${p.title}\n${p.text}`;
      let found = 0;
      for (const gram of grams) if (hay.includes(gram)) found++;
      feats[o + 6] = found / grams.length;
    }
  });
  for (const d of touchedDocs) covBuf[d] = 0;
  return { docs, feats, dense: qv !== null };
}

/** Fused first-stage scores of the candidates: linear over the features, or reciprocal-rank fusion; times the prior. */
export function fuse(c: HybridConfig, { docs, feats, dense }: Candidates, prior: Float32Array): Float64Array {
  const F = FEATURE_NAMES.length;
  const scores = new Float64Array(docs.length);
  if (c.fusion === "rrf" && dense) {
    const lexical = docs.map((_, i) => feats[i * F] + c.lawWeight * feats[i * F + 1] + c.chapterWeight * feats[i * F + 2]);
    const rankOf = (vals: number[]) => {
      const order = [...vals.keys()].sort((a, b) => vals[b] - vals[a]);
      const r = new Float64Array(vals.length);
      order.forEach((idx, pos) => (r[idx] = pos + 1));
      return r;
    };
    const rl = rankOf(lexical);
    const rs = rankOf(docs.map((_, i) => feats[i * F + 3]));
    for (let i = 0; i < docs.length; i++) scores[i] = (1 / (c.rrfK + rl[i]) + c.denseWeight / (c.rrfK + rs[i])) * prior[docs[i]];
  } else {
    const w = featureWeights(c);
    for (let i = 0; i < docs.length; i++) {
      let s = 0;
      for (let f = 0; f < F; f++) s += w[f] * feats[i * F + f];
      scores[i] = s * prior[docs[i]];
    }
  }
  return scores;
}

function denseScore(V: Float32Array | null, qv: Float32Array, d: number): number {
  if (!V) return 0;
  const dim = qv.length;
  let s = 0;
  for (let j = 0, o = d * dim; j < dim; j++) s += qv[j] * V[o + j];
  return s;
}
