/**
 * LangChain adapter: any pufa Searcher as a BaseRetriever. Each Document's pageContent is the
 * verbatim passage text; metadata carries the whole passage plus score and rank.
 */
import { BaseRetriever, type BaseRetrieverInput } from "@langchain/core/retrievers";
import { Document } from "@langchain/core/documents";
import type { Passage, Searcher, SearchOptions } from "../types.js";

export interface PufaDocumentMetadata extends Record<string, unknown> {
  passage: Passage;
  id: string;
  kind: Passage["kind"];
  score: number;
  rank: number;
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
    return this.searcher.search(query, this.options).map(
      (h) =>
        new Document<PufaDocumentMetadata>({
          id: h.passage.id,
          pageContent: h.passage.text,
          metadata: { passage: h.passage, id: h.passage.id, kind: h.passage.kind, score: h.score, rank: h.rank },
        }),
    );
  }
}
