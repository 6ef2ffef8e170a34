/**
 * pufa from a LangChain app: the documented entry point (example: examples/langchain.ts).
 *
 * - PufaRetriever: any pufa Searcher as a `BaseRetriever` (Documents = verbatim passages; metadata:
 *   the passage, its score and rank, and the label a citation of it carries).
 * - pufaSearchTool: the same search as a tool of the `langchain` package, for an agent (createAgent).
 * - PufaVectorStore / indexVectorStore: pufa's own HNSW graph (vector-index.ts) as a LangChain
 *   VectorStore, e.g. a loaded index's passages searched without embedding them again.
 * - hnswLibStore: `@langchain/community`'s HNSWLib over pufa's local embedder (LSA and hashing are
 *   LangChain Embeddings), for an app that keeps its own documents.
 */
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { VectorStore } from "@langchain/core/vectorstores";
import { tool } from "langchain";
import { z } from "zod";
import type { Hit, Passage, Searcher, SearchOptions } from "../types.js";
import type { HybridSearcher } from "./hybrid-searcher.js";
import { VectorIndex } from "./vector-index.js";

export interface PufaDocumentMetadata extends Record<string, unknown> {
  passage: Passage;
  id: string;
  kind: Passage["kind"];
  score: number;
  rank: number;
  /** 《中华人民共和国刑法》第一百三十三条之一, or the article's title: how to cite the passage. */
  source: string;
}

/** How a passage is named when cited (the reply's own wording is in prompts/; this is for LangChain apps). */
export function passageSource(p: Passage): string {
  return p.kind === "law" ? `《${p.lawTitle}》${p.article}` : p.title;
}

export function hitDocument(h: Hit): Document<PufaDocumentMetadata> {
  return new Document<PufaDocumentMetadata>({
    id: h.passage.id,
    pageContent: h.passage.text,
    metadata: { passage: h.passage, id: h.passage.id, kind: h.passage.kind, score: h.score, rank: h.rank, source: passageSource(h.passage) },
  });
}

export interface PufaRetrieverInput extends BaseRetrieverInput {
  searcher: Searcher;
  search?: SearchOptions;
}

export class PufaRetriever extends BaseRetriever<PufaDocumentMetadata> {
  lc_namespace = ["pufa", "retrievers"];
  private readonly searcher: Searcher;
  private readonly options: SearchOptions;

  constructor(fields: PufaRetrieverInput) {
    super(fields);
    this.searcher = fields.searcher;
    this.options = fields.search ?? {};
  }

  async _getRelevantDocuments(query: string): Promise<Document<PufaDocumentMetadata>[]> {
    return (await this.searcher.search(query, this.options)).map(hitDocument);
  }
}

/**
 * pufa's search as a `langchain` tool: the agent passes a question, the tool returns numbered
 * verbatim passages with their sources, one per paragraph.
 */
export function pufaSearchTool(searcher: Searcher, options: SearchOptions = { k: 5 }) {
  return tool(
    async ({ question }: { question: string }) => {
      const hits = await searcher.search(question, options);
      if (!hits.length) return "没有找到相关条文。";
      return hits.map((h) => `[${h.rank}] ${passageSource(h.passage)}\n${h.passage.text}`).join("\n\n");
    },
    {
      name: "pufa_search",
      description: "检索中国法律条文和普法文章（原文摘录）。Search PRC law articles and legal-education articles; returns verbatim passages with their sources.",
      schema: z.object({ question: z.string().describe("用户的法律问题") }),
    },
  );
}

/** A loaded index's own HNSW graph and passages as a LangChain VectorStore (its local embedder embeds queries). */
export function indexVectorStore(searcher: HybridSearcher): PufaVectorStore {
  const embeddings = searcher.embedder as unknown as EmbeddingsInterface | null;
  if (!searcher.vectors || !embeddings || typeof embeddings.embedQuery !== "function") {
    throw new Error("this index has no local dense side (PUFA_EMBEDDING=lsa) to search from LangChain");
  }
  const docs = searcher.passages.map((p) => new Document({ id: p.id, pageContent: p.text, metadata: { id: p.id, kind: p.kind, source: passageSource(p) } }));
  return new PufaVectorStore(embeddings, { index: searcher.vectors, docs });
}

/** @langchain/community's HNSWLib over passages, embedded by `embeddings` (e.g. pufa's LsaEmbeddings). */
export function hnswLibStore(passages: readonly Passage[], embeddings: EmbeddingsInterface): Promise<HNSWLib> {
  const docs = passages.map((p) => new Document({ id: p.id, pageContent: p.text, metadata: { id: p.id, kind: p.kind, source: passageSource(p) } }));
  return HNSWLib.fromDocuments(docs, embeddings);
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
