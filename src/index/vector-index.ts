/**
 * Dense vector index: hnswlib-node used directly (the LangChain HNSWLib wrapper builds ~5× slower
 * and fixes efConstruction at 200, see ../shared/STACK.md). Labels are passage ordinals.
 * Saved as `<file>` (hnswlib's own format) plus `<file>.json` (dim, count, embedder id).
 * PufaVectorStore wraps it as a LangChain VectorStore so the piece stays interoperable.
 */
import { readFileSync, writeFileSync } from "node:fs";
import hnswlib from "hnswlib-node";
import { VectorStore } from "@langchain/core/vectorstores";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";

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

/** Metadata filter: keep documents whose metadata matches every given key. */
export type PufaVectorFilter = Record<string, unknown> | ((doc: DocumentInterface) => boolean);

/** LangChain VectorStore over a VectorIndex (documents kept in memory, label = position). */
export class PufaVectorStore extends VectorStore {
  declare FilterType: PufaVectorFilter;
  private docs: DocumentInterface[];
  private pendingVectors: Float32Array[] = [];
  private index: VectorIndex | null;

  constructor(embeddings: EmbeddingsInterface, fields: { index?: VectorIndex; docs?: DocumentInterface[] } = {}) {
    super(embeddings, {});
    this.index = fields.index ?? null;
    this.docs = fields.docs ?? [];
  }

  _vectorstoreType(): string {
    return "pufa-hnsw";
  }

  /** Appends; the HNSW graph is rebuilt lazily on the next search (fine for the small stores this is used for). */
  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) throw new Error("vectors and documents differ in length");
    if (this.index && this.pendingVectors.length === 0 && this.docs.length) {
      for (let i = 0; i < this.docs.length; i++) this.pendingVectors.push(this.index.vector(i));
    }
    const ids = documents.map((d, i) => d.id ?? String(this.docs.length + i));
    this.docs.push(...documents.map((d, i) => new Document({ pageContent: d.pageContent, metadata: d.metadata, id: ids[i] })));
    this.pendingVectors.push(...vectors.map((v) => Float32Array.from(v)));
    this.index = null;
    return ids;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: PufaVectorFilter): Promise<[DocumentInterface, number][]> {
    const index = this.ensureIndex();
    if (!index) return [];
    const allow = filter ? (label: number) => matches(this.docs[label], filter) : undefined;
    return index.search(query, k, allow).map((h) => [this.docs[h.label], h.similarity]);
  }

  private ensureIndex(): VectorIndex | null {
    if (!this.index && this.pendingVectors.length) {
      this.index = VectorIndex.build(this.pendingVectors, this.pendingVectors[0].length, "langchain-adapter");
    }
    return this.index;
  }
}

function matches(doc: DocumentInterface, filter: PufaVectorFilter): boolean {
  if (typeof filter === "function") return filter(doc);
  return Object.entries(filter).every(([k, v]) => doc.metadata[k] === v);
}
