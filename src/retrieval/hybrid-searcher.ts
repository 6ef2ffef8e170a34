/**
 * pufa's searcher, as an orchestrator of its stages: explicit citations first (citation-lookup.ts),
 * then the first stage (first-stage.ts: multi-field BM25 over the question's terms, query-terms.ts,
 * with law/chapter scores passed down, coverage, the dense side and the passage prior), the reranker
 * over its best law candidates (rerank-stage.ts), and the votes of labelled questions
 * (labelled-votes.ts). Non-current law versions are left out unless allVersions (one hit per
 * article, the version cited by default). Building and saving live in src/index/.
 *
 * The dense side's question vector comes from the searcher's own embedder (embedder.ts): the local
 * model the index was built with, or the endpoint's. A variant for the bench (other parameters,
 * another reranker, other labelled knowledge) is made with `with()`, sharing the index.
 */
import type { Hit, Passage, QueryTermWeights, Searcher, SearchOptions } from "../types.js";
import { topK, type Bm25Index, type WeightedTerms } from "./bm25.js";
import { passagePrior } from "./category-prior.js";
import { CitationIndex } from "./citation-lookup.js";
import { unitVector, type Embedder } from "./embedder.js";
import { candidateFeatures, CoverageScratch, fuse, type Candidates } from "./first-stage.js";
import type { GbdtModel } from "./gbdt.js";
import type { GroupScorer } from "./group-scorer.js";
import { DEFAULT_HYBRID_CONFIG, type HybridConfig } from "./hybrid-config.js";
import type { ExpansionTable, LabelledKnowledge } from "./labelled-questions.js";
import { addNeighbourVotes, type RankedDoc } from "./labelled-votes.js";
import { Lexicon } from "./lexicon.js";
import { queryTerms, termWeights } from "./query-terms.js";
import { PassageStructure, type RerankInput } from "./rerank-features.js";
import { lawRerankInput, rerankScores } from "./rerank-stage.js";
import { defaultReranker } from "./reranker-model.js";
import { SearchMasks } from "./search-mask.js";
import type { VectorIndex } from "./vector-index.js";

export type { RankedDoc };
export { DEFAULT_HYBRID_CONFIG, featureWeights, FEATURE_NAMES, FIELDS, type HybridConfig } from "./hybrid-config.js";

/** What can differ between searchers over the same index (the bench's ablations and folds). */
export interface SearcherVariant {
  config?: Partial<HybridConfig>;
  /** Reranker model (null = linear fusion only); its learned expansions come with it unless modelExpansions is given. */
  reranker?: GbdtModel | null;
  /** The expansions searched with the reranker (the bench's own while it collects training data). */
  modelExpansions?: ExpansionTable | null;
  /** What was learned from labelled questions (PUFA_LABELLED), or null. */
  labelled?: LabelledKnowledge | null;
  /** Compute the phrase feature even at weight 0 (the bench's weight fitting needs it). */
  alwaysPhrase?: boolean;
  /** The embedder for questions, e.g. the endpoint's in place of the reference a loaded index holds (same id and size only). */
  embedder?: Embedder;
}

export interface HybridSearcherParts extends SearcherVariant {
  passages: readonly Passage[];
  bm25: Bm25Index;
  groups?: GroupScorer | null;
  embedder?: Embedder;
  vectors?: VectorIndex | null;
  /** 1 = passage withdrawn by an incremental update (kept in place so ordinals and HNSW labels stay stable). */
  removed?: Uint8Array | null;
  /** passages.length × embedder.dim unit vectors (exact dense scores for BM25 candidates). */
  docVectors?: Float32Array | null;
  /** null disables expansion; default: the shipped lexicon. */
  lexicon?: Lexicon | null;
}

/** What variants of one index share: structures computed once, caches and scratch space. */
interface Shared {
  citations: CitationIndex;
  masks: SearchMasks;
  scratch: CoverageScratch;
  structure: PassageStructure | null;
}

export class HybridSearcher implements Searcher {
  readonly passages: readonly Passage[];
  readonly bm25: Bm25Index;
  readonly groups: GroupScorer | null;
  readonly embedder: Embedder | null;
  readonly removed: Uint8Array | null;
  readonly vectors: VectorIndex | null;
  readonly docVectors: Float32Array | null;
  readonly lexicon: Lexicon | null;
  readonly labelled: LabelledKnowledge | null;
  readonly reranker: GbdtModel | null;
  readonly modelExpansions: ExpansionTable | null;
  readonly config: HybridConfig;
  readonly alwaysPhrase: boolean;
  /** Category and superseded-law multiplier per passage. */
  readonly prior: Float32Array;
  private readonly shared: Shared;

  constructor(parts: HybridSearcherParts, shared?: Shared) {
    this.passages = parts.passages;
    this.bm25 = parts.bm25;
    if (this.bm25.nDocs !== this.passages.length) throw new Error(`BM25 has ${this.bm25.nDocs} docs for ${this.passages.length} passages`);
    this.groups = parts.groups ?? null;
    this.embedder = parts.embedder ?? null;
    this.removed = parts.removed ?? null;
    this.vectors = parts.vectors ?? null;
    this.docVectors = parts.docVectors ?? null;
    if (this.embedder && this.docVectors && this.docVectors.length !== this.passages.length * this.embedder.dim) {
      throw new Error("docVectors do not match passages × embedder.dim");
    }
    this.lexicon = parts.lexicon === undefined ? Lexicon.default() : parts.lexicon;
    this.labelled = parts.labelled ?? null;
    this.reranker = parts.reranker === undefined ? defaultReranker() : parts.reranker;
    this.modelExpansions =
      parts.modelExpansions !== undefined ? parts.modelExpansions : this.reranker?.expansions?.length ? new Map(this.reranker.expansions) : null;
    this.config = { ...DEFAULT_HYBRID_CONFIG, ...parts.config };
    this.alwaysPhrase = parts.alwaysPhrase ?? false;
    this.prior = passagePrior(this.passages, this.config);
    this.shared = shared ?? {
      citations: new CitationIndex(this.passages),
      masks: new SearchMasks(this.passages, this.removed),
      scratch: new CoverageScratch(this.passages.length),
      structure: null,
    };
  }

  get citations(): CitationIndex {
    return this.shared.citations;
  }

  /** The parts this searcher was made of (to save it, or to build a variant). */
  parts(): HybridSearcherParts {
    const { passages, bm25, groups, embedder, vectors, removed, docVectors, lexicon, labelled, reranker, modelExpansions, config, alwaysPhrase } = this;
    return { passages, bm25, groups, ...(embedder ? { embedder } : {}), vectors, removed, docVectors, lexicon, labelled, reranker, modelExpansions, config, alwaysPhrase };
  }

  /** A searcher over the same index with `variant` applied (the rest as here). */
  with(variant: SearcherVariant): HybridSearcher {
    const parts = { ...this.parts(), ...variant, config: { ...this.config, ...variant.config } };
    // A new reranker brings its own expansions unless the variant names them.
    if (variant.reranker !== undefined && variant.modelExpansions === undefined) delete parts.modelExpansions;
    if (variant.embedder && this.embedder && (variant.embedder.id !== this.embedder.id || variant.embedder.dim !== this.embedder.dim)) {
      throw new Error(`embedder ${variant.embedder.id} cannot search vectors made by ${this.embedder.id}`);
    }
    return new HybridSearcher(parts, this.shared);
  }

  async search(query: string, options: SearchOptions = {}): Promise<Hit[]> {
    const qv = options.queryVector ? this.givenVector(options.queryVector) : await this.queryVector(query);
    const k = options.k ?? 10;
    const mask = this.shared.masks.get(options.kinds, options.allVersions ?? false);
    const ranked = this.rank(query, Math.max(k, 1), mask, qv);
    // Citation hits sit above everything ranked.
    const citationScore = (ranked.length ? ranked[0].score : 0) + 1;
    const out: Hit[] = [];
    const taken = new Set<number>();
    if (!options.kinds || options.kinds.includes("law")) {
      for (const c of this.citations.lookup(query)) {
        if (c.index < 0 || taken.has(c.index)) continue;
        taken.add(c.index);
        out.push({ passage: this.passages[c.index], score: citationScore, rank: out.length + 1 });
      }
    }
    for (const r of ranked) {
      if (out.length >= k) break;
      if (taken.has(r.doc)) continue;
      taken.add(r.doc);
      out.push({ passage: this.passages[r.doc], score: r.score, rank: out.length + 1, ...(r.labelled ? { labelled: r.labelled } : {}), ...(r.vote ? { vote: r.vote } : {}) });
    }
    return out.slice(0, k);
  }

  /** Fused ranking without citations: {doc, score}, best first. `qv`: the question's vector (default: the local model's). */
  rank(query: string, k: number, mask?: Uint8Array, qv: Float32Array | null = this.localQueryVector(query)): RankedDoc[] {
    const c = this.config;
    const { docs, feats, scores } = this.stageOne(query, mask, qv);
    // Nothing lexical can still have labelled neighbours (a question worded unlike every passage).
    if (!docs.length && !this.labelled) return [];
    if (this.reranker && c.rerankTop > 1 && c.fusion === "score" && docs.length > 1) {
      rerankScores(this.reranker, this.rerankInput(docs, feats, scores), docs, scores);
    }
    if (this.labelled && c.neighbourWeight > 0 && c.neighbours > 0) {
      return addNeighbourVotes(this.labelled, c, query, docs, scores, k, (d) => !((mask && !mask[d]) || this.removed?.[d]));
    }
    return topK(docs, scores, docs.length, k);
  }

  /** The first stage with the local model's question vector: candidates, features, fused scores (the bench). */
  firstStage(query: string, mask?: Uint8Array): { docs: number[]; feats: Float64Array; scores: Float64Array } {
    return this.stageOne(query, mask, this.localQueryVector(query));
  }

  /** The first stage's candidates and features, before fusion (the bench's weight fitting). */
  candidateFeatures(query: string, mask?: Uint8Array): Candidates {
    return candidateFeatures(this, this.queryTerms(query), query, this.localQueryVector(query), this.shared.scratch, mask);
  }

  /** The reranker's input for a query's first-stage candidates (the search and the bench's training). */
  rerankInput(docs: readonly number[], feats: Float64Array, scores: ArrayLike<number>): RerankInput {
    return lawRerankInput(this.passageStructure(), this.passages, this.prior, this.config.rerankTop, docs, feats, scores);
  }

  /** The weighted BM25 query: the question's tokens plus lexicon and learned expansions. */
  queryTerms(query: string): WeightedTerms {
    return queryTerms(this, query);
  }

  termWeights(query: string): QueryTermWeights {
    return termWeights(this.bm25, this.lexicon, query);
  }

  passagesWith(term: string): number {
    return this.bm25.documentsWith(term);
  }

  /**
   * Reads the library's structure for the reranker now (citations between laws, law sizes) instead
   * of at the first question; no-op without a reranker. Incremental updates leave it to that question.
   */
  prepareRerank(): void {
    if (this.reranker) this.passageStructure();
  }

  private passageStructure(): PassageStructure {
    return (this.shared.structure ??= PassageStructure.build(this.passages, this.citations));
  }

  private stageOne(query: string, mask: Uint8Array | undefined, qv: Float32Array | null) {
    const cands = candidateFeatures(this, this.queryTerms(query), query, qv, this.shared.scratch, mask);
    return { docs: cands.docs, feats: cands.feats, scores: fuse(this.config, cands, this.prior) };
  }

  /** A caller's vector, unit-normalized; ignored when its size is not the index's. */
  private givenVector(v: Float32Array): Float32Array | null {
    return this.embedder && v.length === this.embedder.dim ? unitVector(v) : null;
  }

  /** The question's vector from an in-process embedder, or null (none, or one that must be awaited). */
  private localQueryVector(query: string): Float32Array | null {
    return this.embedder?.embedSync ? this.embedder.embedSync([query])[0] : null;
  }

  /** The question's vector from the searcher's embedder; null (lexical only) when it fails. */
  private async queryVector(query: string): Promise<Float32Array | null> {
    if (!this.embedder) return null;
    if (this.embedder.embedSync) return this.localQueryVector(query);
    try {
      const [v] = await this.embedder.embed([query]);
      return v ? this.givenVector(v) : null;
    } catch {
      return null;
    }
  }
}
