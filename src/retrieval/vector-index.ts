/**
 * Dense vector index: hnswlib-node used directly (the LangChain HNSWLib wrapper builds ~5× slower
 * and fixes efConstruction at 200). Labels are passage ordinals.
 * Saved as `<file>` (hnswlib's own format) plus `<file>.json` (dim, count, embedder id).
 * langchain.ts wraps it as a LangChain VectorStore (PufaVectorStore).
 */
import { readFileSync, writeFileSync } from "node:fs";
import hnswlib from "hnswlib-node";

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

export interface VectorHit {
  label: number;
  /** Cosine similarity (1 − hnswlib's cosine distance). */
  similarity: number;
}

export interface VectorIndexMeta {
  dim: number;
  count: number;
  embedderId: string;
  m: number;
  efConstruction: number;
}

export class VectorIndex {
  readonly meta: VectorIndexMeta;
  private readonly index: Hnsw;
  private ef: number;

  private constructor(index: Hnsw, meta: VectorIndexMeta, ef: number) {
    this.index = index;
    this.meta = meta;
    this.ef = ef;
    index.setEf(ef);
  }

  /** Builds from vectors whose position is the label. M 16, efConstruction 64 (5.7 s for 20k×256 here). */
  static build(vectors: readonly Float32Array[], dim: number, embedderId: string, opts: { m?: number; efConstruction?: number; ef?: number; seed?: number } = {}): VectorIndex {
    const m = opts.m ?? 16;
    const efConstruction = opts.efConstruction ?? 64;
    const index = new HierarchicalNSW("cosine", dim);
    index.initIndex(Math.max(1, vectors.length), m, efConstruction, opts.seed ?? 100);
    vectors.forEach((v, i) => {
      if (v.length !== dim) throw new Error(`vector ${i} has ${v.length} dimensions, expected ${dim}`);
      index.addPoint(Array.from(v), i);
    });
    return new VectorIndex(index, { dim, count: vectors.length, embedderId, m, efConstruction }, opts.ef ?? 64);
  }

  get size(): number {
    return this.meta.count;
  }

  setEf(ef: number): void {
    this.ef = Math.max(ef, 10);
    this.index.setEf(this.ef);
  }

  /** k nearest labels by cosine similarity; `allow(label)` filters (slower: called per candidate). */
  search(query: Float32Array | number[], k: number, allow?: (label: number) => boolean): VectorHit[] {
    const n = Math.min(k, this.meta.count);
    if (n <= 0) return [];
    if (this.ef < n) this.index.setEf(n);
    const q = Array.isArray(query) ? query : Array.from(query);
    const zero = q.every((x) => x === 0);
    if (zero) return [];
    const res = allow ? this.index.searchKnn(q, n, allow) : this.index.searchKnn(q, n);
    if (this.ef < n) this.index.setEf(this.ef);
    return res.neighbors.map((label, i) => ({ label, similarity: 1 - res.distances[i] }));
  }

  /** The stored vector of a label. */
  vector(label: number): Float32Array {
    return Float32Array.from(this.index.getPoint(label));
  }

  /** Adds vectors under the given labels (growing the graph) and marks removed labels deleted: incremental indexing. */
  update(add: { label: number; vector: Float32Array }[], remove: number[]): void {
    const need = this.meta.count + add.length;
    if (need > this.index.getMaxElements()) this.index.resizeIndex(Math.max(need, Math.ceil(this.index.getMaxElements() * 1.1)));
    for (const { label, vector } of add) this.index.addPoint(Array.from(vector), label);
    for (const label of remove) {
      try {
        this.index.markDelete(label);
      } catch {
        // already deleted or never added: nothing to hide
      }
    }
    (this.meta as { count: number }).count = need;
  }

  save(file: string): void {
    this.index.writeIndexSync(file);
    writeFileSync(`${file}.json`, JSON.stringify(this.meta));
  }

  static load(file: string, opts: { ef?: number } = {}): VectorIndex {
    const meta = JSON.parse(readFileSync(`${file}.json`, "utf8")) as VectorIndexMeta;
    const index = new HierarchicalNSW("cosine", meta.dim);
    index.readIndexSync(file);
    return new VectorIndex(index, meta, opts.ef ?? 64);
  }
}
