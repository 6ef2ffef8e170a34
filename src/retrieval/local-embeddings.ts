/**
 * Local embedding models: no download, no network, deterministic.
 *
 * - LsaEmbeddings: latent semantic analysis of the law library. A tf-idf matrix (documents ×
 *   bigram/word terms) is factorized by randomized subspace iteration (Halko, Martinsson & Tropp
 *   2011); a text's vector is its tf-idf row projected on the top `dim` right singular vectors,
 *   L2-normalized. Trained at build time, serialized with the index.
 * - HashingEmbeddings: tf-idf-free random projection of hashed tokens (the untrained fallback).
 *
 * Both implement LangChain's Embeddings (async embedQuery/embedDocuments) plus embedSync for
 * the hot path, and expose `id` (model + params) so an index records which embedder built it.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { pack, unpack } from "./binpack.js";
import { isCjk, tokenize, type AnalyzerOptions } from "../text/tokenize.js";
import { RemoteEmbedderRef } from "./remote-embedder.js";
import type { Embedder, LocalEmbedder } from "./embedder.js";

export type { LocalEmbedder } from "./embedder.js";

/** Bigrams only: the index analyzer's tokens minus unigrams, so the build analyzes the library once. */
export const EMBEDDING_ANALYZER: AnalyzerOptions = { unigrams: false, bigrams: true, words: false, minWordLength: 3 };

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function normalizeInPlace(v: Float32Array): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < v.length; i++) v[i] *= inv;
  }
  return v;
}

abstract class LocalEmbeddingsBase extends Embeddings implements LocalEmbedder {
  abstract readonly id: string;
  abstract readonly dim: number;
  abstract embedSync(texts: readonly string[]): Float32Array[];

  constructor() {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return this.embedSync(documents).map((v) => Array.from(v));
  }

  async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.embedSync([document])[0]);
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    return this.embedSync(texts);
  }
}

// ---------------------------------------------------------------- LSA

export interface LsaOptions {
  dim?: number;
  /** Extra columns of the random sketch (accuracy of the top `dim` singular vectors). */
  oversample?: number;
  powerIterations?: number;
  /** Terms in fewer documents are dropped (noise, and size). */
  minDf?: number;
  /** Terms in more than this share of documents are dropped (no topical signal). */
  maxDfRatio?: number;
  seed?: number;
  analyzer?: AnalyzerOptions;
}

interface LsaHeader {
  dim: number;
  analyzer: AnalyzerOptions;
  id: string;
}

export class LsaEmbeddings extends LocalEmbeddingsBase {
  readonly id: string;
  readonly dim: number;
  private readonly analyzer: AnalyzerOptions;
  private readonly vocab: Map<string, number>;
  private readonly idf: Float32Array;
  /** V × dim, row-major: term t's coordinates (right singular vectors). */
  private readonly termVecs: Float32Array;

  private constructor(h: LsaHeader, vocab: Map<string, number>, idf: Float32Array, termVecs: Float32Array) {
    super();
    this.id = h.id;
    this.dim = h.dim;
    this.analyzer = h.analyzer;
    this.vocab = vocab;
    this.idf = idf;
    this.termVecs = termVecs;
  }

  /**
   * Trains on `texts` (the library's articles), or on pre-analyzed tokens ({count, tokensOf}) that
   * must equal what opts.analyzer gives for the same texts (see lsaTokens).
   */
  static train(texts: readonly string[] | { count: number; tokensOf: (i: number) => readonly string[] }, opts: LsaOptions = {}): LsaEmbeddings {
    const dim = opts.dim ?? 128;
    const l = dim + (opts.oversample ?? 16);
    const q = opts.powerIterations ?? 1;
    const minDf = opts.minDf ?? 3;
    const maxDfRatio = opts.maxDfRatio ?? 0.05;
    const seed = opts.seed ?? 42;
    const analyzer = opts.analyzer ?? EMBEDDING_ANALYZER;
    const N = "count" in texts ? texts.count : texts.length;
    const tokensOf = "count" in texts ? texts.tokensOf : (i: number) => tokenize(texts[i], analyzer);

    // Tokenize once; count document frequencies.
    const allVocab = new Map<string, number>();
    const docTerms: Int32Array[] = [];
    const docTfs: Int32Array[] = [];
    const dfAll: number[] = [];
    const local = new Map<number, number>();
    for (let doc = 0; doc < N; doc++) {
      local.clear();
      for (const t of tokensOf(doc)) {
        let id = allVocab.get(t);
        if (id === undefined) {
          id = allVocab.size;
          allVocab.set(t, id);
          dfAll.push(0);
        }
        local.set(id, (local.get(id) ?? 0) + 1);
      }
      const ids = new Int32Array(local.size);
      const tfs = new Int32Array(local.size);
      let i = 0;
      for (const [id, tf] of local) {
        ids[i] = id;
        tfs[i++] = tf;
        dfAll[id]++;
      }
      docTerms.push(ids);
      docTfs.push(tfs);
    }
    // Keep the informative terms.
    const remap = new Int32Array(allVocab.size).fill(-1);
    const vocab = new Map<string, number>();
    const idfList: number[] = [];
    for (const [t, id] of allVocab) {
      const df = dfAll[id];
      if (df < minDf || df > maxDfRatio * N) continue;
      remap[id] = vocab.size;
      vocab.set(t, vocab.size);
      idfList.push(Math.log(N / df));
    }
    const V = vocab.size;
    const idf = Float32Array.from(idfList);
    // CSR matrix A (N × V) of L2-normalized tf-idf rows.
    let nnz = 0;
    for (const ids of docTerms) for (const id of ids) if (remap[id] >= 0) nnz++;
    const rowPtr = new Int32Array(N + 1);
    const cols = new Int32Array(nnz);
    const vals = new Float32Array(nnz);
    let p = 0;
    for (let d = 0; d < N; d++) {
      const ids = docTerms[d];
      const tfs = docTfs[d];
      const s = p;
      let norm = 0;
      for (let i = 0; i < ids.length; i++) {
        const c = remap[ids[i]];
        if (c < 0) continue;
        const v = (1 + Math.log(tfs[i])) * idf[c];
        cols[p] = c;
        vals[p++] = v;
        norm += v * v;
      }
      if (norm > 0) {
        const inv = 1 / Math.sqrt(norm);
        for (let j = s; j < p; j++) vals[j] *= inv;
      }
      rowPtr[d + 1] = p;
    }
    docTerms.length = 0;
    docTfs.length = 0;

    const rand = rng(seed);
    // Omega: V × l Gaussian; Y = A·Omega (N × l), row-major.
    let Z: Float64Array = new Float64Array(V * l);
    for (let i = 0; i < Z.length; i++) Z[i] = gaussian(rand);
    // Intermediate bases need only be well conditioned (one Cholesky-QR pass); the last one is
    // orthonormalized twice (CholQR2) since B = Qᵀ·A relies on it.
    let Y = mulA(rowPtr, cols, vals, N, Z, l);
    orthonormalize(Y, N, l, q === 0 ? 2 : 1);
    for (let it = 0; it < q; it++) {
      Z = mulAt(rowPtr, cols, vals, N, V, Y, l);
      orthonormalize(Z, V, l, 1);
      Y = mulA(rowPtr, cols, vals, N, Z, l);
      orthonormalize(Y, N, l, it === q - 1 ? 2 : 1);
    }
    // Bt = Aᵀ·Q (V × l). B·Bᵀ = Btᵀ·Bt (l × l) = W Λ Wᵀ; right singular vectors = Bt W Σ⁻¹.
    const Bt = mulAt(rowPtr, cols, vals, N, V, Y, l);
    const G = gram(Bt, V, l);
    const { values, vectors } = symmetricEigen(G, l);
    const order = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, dim);
    const termVecs = new Float32Array(V * dim);
    for (let k = 0; k < dim; k++) {
      const e = order[k];
      const sigma = Math.sqrt(Math.max(values[e], 1e-12));
      for (let t = 0; t < V; t++) {
        let s = 0;
        const row = t * l;
        for (let j = 0; j < l; j++) s += Bt[row + j] * vectors[j * l + e];
        termVecs[t * dim + k] = s / sigma;
      }
    }
    const id = `lsa-v1:d${dim}:l${l}:q${q}:mindf${minDf}:maxdf${maxDfRatio}:seed${seed}:n${N}:v${V}:${analyzerTag(analyzer)}`;
    return new LsaEmbeddings({ dim, analyzer, id }, vocab, idf, termVecs);
  }

  embedSync(texts: readonly string[]): Float32Array[] {
    return texts.map((text) => this.embedTokens(tokenize(text, this.analyzer)));
  }

  /** The vector of already analyzed tokens (this model's analyzer). */
  embedTokens(tokens: readonly string[]): Float32Array {
    const { dim, termVecs } = this;
    const tf = new Map<number, number>();
    for (const t of tokens) {
      const id = this.vocab.get(t);
      if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    const out = new Float32Array(dim);
    for (const [id, n] of tf) {
      const w = (1 + Math.log(n)) * this.idf[id];
      const row = id * dim;
      for (let k = 0; k < dim; k++) out[k] += w * termVecs[row + k];
    }
    return normalizeInPlace(out);
  }

  toBuffer(): Buffer {
    const terms = new Array<string>(this.vocab.size);
    for (const [t, id] of this.vocab) terms[id] = t;
    const header: LsaHeader = { dim: this.dim, analyzer: this.analyzer, id: this.id };
    return pack({ kind: "lsa", ...header }, {
      vocab: new Uint8Array(Buffer.from(terms.join("\n"), "utf8")),
      idf: this.idf,
      termVecs: this.termVecs,
    });
  }

  static fromBuffer(buf: Uint8Array): LsaEmbeddings {
    const { header, arrays } = unpack<LsaHeader & { kind: string }>(buf);
    if (header.kind !== "lsa") throw new Error(`not an LSA model: ${header.kind}`);
    const vb = arrays.vocab as Uint8Array;
    const vocab = new Map<string, number>();
    if (vb.length) Buffer.from(vb.buffer, vb.byteOffset, vb.byteLength).toString("utf8").split("\n").forEach((t, i) => vocab.set(t, i));
    return new LsaEmbeddings(header, vocab, arrays.idf as Float32Array, arrays.termVecs as Float32Array);
  }
}

/** The LSA analyzer's tokens derived from DEFAULT-analyzer tokens (which add CJK unigrams): drop those. */
export function lsaTokens(tokens: readonly string[]): string[] {
  return tokens.filter((t) => t.length > 1 || !isCjk(t.charCodeAt(0)));
}

function analyzerTag(a: AnalyzerOptions): string {
  return `${a.unigrams ? "u" : ""}${a.bigrams ? "b" : ""}${a.words ? `w${a.minWordLength}` : ""}`;
}

/** A (N × V, CSR) · X (V × l) → N × l */
function mulA(rowPtr: Int32Array, cols: Int32Array, vals: Float32Array, N: number, X: Float64Array, l: number): Float64Array {
  const out = new Float64Array(N * l);
  for (let d = 0; d < N; d++) {
    const o = d * l;
    for (let p = rowPtr[d]; p < rowPtr[d + 1]; p++) {
      const v = vals[p];
      const x = cols[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * X[x + j];
    }
  }
  return out;
}

/** Aᵀ (V × N) · Y (N × l) → V × l */
function mulAt(rowPtr: Int32Array, cols: Int32Array, vals: Float32Array, N: number, V: number, Y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(V * l);
  for (let d = 0; d < N; d++) {
    const y = d * l;
    for (let p = rowPtr[d]; p < rowPtr[d + 1]; p++) {
      const v = vals[p];
      const o = cols[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * Y[y + j];
    }
  }
  return out;
}

/** Mᵀ·M for a row-major n × l matrix. */
function gram(M: Float64Array, n: number, l: number): Float64Array {
  const G = new Float64Array(l * l);
  for (let r = 0; r < n; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const a = M[o + i];
      if (a === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) G[gi + j] += a * M[o + j];
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) G[i * l + j] = G[j * l + i];
  return G;
}

/** Orthonormalizes the columns of a row-major n × l matrix in place (Cholesky QR; twice for stability). */
function orthonormalize(M: Float64Array, n: number, l: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    const G = gram(M, n, l);
    // Cholesky G = RᵀR (upper R); regularize tiny pivots.
    const R = new Float64Array(l * l);
    for (let i = 0; i < l; i++) {
      for (let j = i; j < l; j++) {
        let s = G[i * l + j];
        for (let k = 0; k < i; k++) s -= R[k * l + i] * R[k * l + j];
        if (i === j) R[i * l + i] = Math.sqrt(Math.max(s, 1e-10));
        else R[i * l + j] = s / R[i * l + i];
      }
    }
    // M ← M R⁻¹ (row by row: solve xR = m).
    const x = new Float64Array(l);
    for (let r = 0; r < n; r++) {
      const o = r * l;
      for (let j = 0; j < l; j++) {
        let s = M[o + j];
        for (let k = 0; k < j; k++) s -= x[k] * R[k * l + j];
        x[j] = s / R[j * l + j];
      }
      for (let j = 0; j < l; j++) M[o + j] = x[j];
    }
  }
}

/** Eigen-decomposition of a symmetric l × l matrix (cyclic Jacobi). vectors: column e = eigenvector e. */
export function symmetricEigen(S: Float64Array, l: number): { values: number[]; vectors: Float64Array } {
  const A = Float64Array.from(S);
  const Vm = new Float64Array(l * l);
  for (let i = 0; i < l; i++) Vm[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let i = 0; i < l; i++) for (let j = i + 1; j < l; j++) off += A[i * l + j] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = A[p * l + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * l + q] - A[p * l + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = A[k * l + p];
          const akq = A[k * l + q];
          A[k * l + p] = c * akp - s * akq;
          A[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = A[p * l + k];
          const aqk = A[q * l + k];
          A[p * l + k] = c * apk - s * aqk;
          A[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = Vm[k * l + p];
          const vkq = Vm[k * l + q];
          Vm[k * l + p] = c * vkp - s * vkq;
          Vm[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = Array.from({ length: l }, (_, i) => A[i * l + i]);
  return { values, vectors: Vm };
}

// ---------------------------------------------------------------- hashing

/** FNV-1a 32-bit. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Untrained fallback (feature hashing): each token adds ±(1 + log tf) at 8 pseudo-random
 * coordinates chosen by its hash. Cosine approximates token-overlap similarity (no semantics).
 */
export class HashingEmbeddings extends LocalEmbeddingsBase {
  readonly id: string;
  readonly dim: number;
  private readonly analyzer: AnalyzerOptions;
  private readonly seed: number;
  private static readonly TAPS = 8;

  constructor(opts: { dim?: number; seed?: number; analyzer?: AnalyzerOptions } = {}) {
    super();
    this.dim = opts.dim ?? 256;
    this.seed = opts.seed ?? 7;
    this.analyzer = opts.analyzer ?? EMBEDDING_ANALYZER;
    this.id = `hash-v2:d${this.dim}:taps${HashingEmbeddings.TAPS}:seed${this.seed}:${analyzerTag(this.analyzer)}`;
  }

  toBuffer(): Buffer {
    return pack({ kind: "hash", dim: this.dim, seed: this.seed, analyzer: this.analyzer }, {});
  }

  embedSync(texts: readonly string[]): Float32Array[] {
    return texts.map((text) => {
      const tf = new Map<string, number>();
      for (const t of tokenize(text, this.analyzer)) tf.set(t, (tf.get(t) ?? 0) + 1);
      const out = new Float32Array(this.dim);
      for (const [t, n] of tf) {
        const w = 1 + Math.log(n);
        const r = rng(fnv1a(t) ^ this.seed);
        for (let k = 0; k < HashingEmbeddings.TAPS; k++) out[Math.floor(r() * this.dim)] += r() < 0.5 ? -w : w;
      }
      return normalizeInPlace(out);
    });
  }
}

/** Serializes either local embedder, or a reference to an endpoint's (the snapshot stores which one built the vectors). */
export function embedderToBuffer(e: Embedder): Buffer {
  if (e instanceof LsaEmbeddings || e instanceof HashingEmbeddings || e instanceof RemoteEmbedderRef) return e.toBuffer();
  if (e.embedSync) throw new Error(`cannot serialize embedder ${e.id}`);
  return new RemoteEmbedderRef(e.id, e.dim).toBuffer();
}

export function embedderFromBuffer(buf: Uint8Array): LsaEmbeddings | HashingEmbeddings | RemoteEmbedderRef {
  const { header } = unpack<{ kind: string; dim: number; seed: number; analyzer: AnalyzerOptions; id: string }>(buf);
  if (header.kind === "remote") return new RemoteEmbedderRef(header.id, header.dim);
  if (header.kind === "lsa") return LsaEmbeddings.fromBuffer(buf);
  if (header.kind === "hash") return new HashingEmbeddings({ dim: header.dim, seed: header.seed, analyzer: header.analyzer });
  throw new Error(`unknown embedder kind: ${header.kind}`);
}
