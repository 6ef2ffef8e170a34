/**
 * Builds a searcher from passages: analyzes every text once, then BM25, the law/chapter group
 * scorer, the dense side (choosing the embedder: LSA trained on the passages, hashing for tests, or
 * vectors the endpoint computed beforehand) with its HNSW graph, and what labelled questions teach.
 */
import type { Passage } from "../types.js";
import { Bm25Index, type FieldConfig } from "../retrieval/bm25.js";
import { unitVector, type Embedder } from "../retrieval/embedder.js";
import { GroupScorer } from "../retrieval/group-scorer.js";
import { FIELDS, type HybridConfig } from "../retrieval/hybrid-config.js";
import { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { LabelledKnowledge, type LabelledQuestion } from "../retrieval/labelled-questions.js";
import { Lexicon } from "../retrieval/lexicon.js";
import { EMBEDDING_ANALYZER, HashingEmbeddings, LsaEmbeddings, lsaTokens, type LsaOptions } from "../retrieval/local-embeddings.js";
import type { GbdtModel } from "../retrieval/gbdt.js";
import { embeddingText, passageFields } from "../retrieval/passage-text.js";
import { RemoteEmbedderRef } from "../retrieval/remote-embedder.js";
import { VectorIndex } from "../retrieval/vector-index.js";
import { DEFAULT_ANALYZER, tokenize, type AnalyzerOptions } from "../text/tokenize.js";

export interface SearcherBuildOptions {
  analyzer?: AnalyzerOptions;
  /**
   * "none" (default): no dense model. "lsa": LSA trained on the passages + HNSW (the product's
   * default, see PUFA_EMBEDDING). "hash": untrained, for tests.
   */
  embedding?: "lsa" | "hash" | "none";
  lsa?: LsaOptions;
  /**
   * Passage vectors computed beforehand (the endpoint's embeddings of embeddingText(), one per
   * passage, in order): used instead of a local model. `embedder` embeds the questions (optional:
   * without it the loaded reference ranks lexically).
   */
  vectors?: { embedderId: string; dim: number; vectors: Float32Array[]; embedder?: Embedder };
  /** null disables expansion; default: the shipped lexicon. */
  lexicon?: Lexicon | null;
  groups?: boolean;
  /** Labelled questions to learn from (neighbours and expansions); none by default. */
  labelled?: readonly LabelledQuestion[];
  /** Reranker model; default: the shipped one (null = linear fusion only). */
  reranker?: GbdtModel | null;
  /** BM25 fields (k1, b per field); default FIELDS. */
  fields?: FieldConfig[];
  config?: Partial<HybridConfig>;
  onProgress?: (stage: string) => void;
}

/** LSA can reuse the index tokens when the index analyzer is a superset of the LSA one. */
function analyzerMatches(a: AnalyzerOptions): boolean {
  return a.bigrams && a.words === EMBEDDING_ANALYZER.words && a.minWordLength === EMBEDDING_ANALYZER.minWordLength;
}

export function buildSearcher(passages: readonly Passage[], opts: SearcherBuildOptions = {}): HybridSearcher {
  const analyzer = opts.analyzer ?? DEFAULT_ANALYZER;
  const progress = opts.onProgress ?? (() => {});
  progress("tokenize");
  // Analyze every text once; BM25, the group scorer and LSA all read these (strings interned).
  const intern = new Map<string, string>();
  const fieldCache = new Map<string, string[]>();
  const internAll = (toks: string[]) => {
    for (let j = 0; j < toks.length; j++) {
      const s = intern.get(toks[j]);
      if (s === undefined) intern.set(toks[j], toks[j]);
      else toks[j] = s;
    }
    return toks;
  };
  const fields = passages.map(passageFields);
  const textTokens = fields.map((f) => internAll(tokenize(f[0], analyzer)));
  const shortField = (s: string) => {
    let t = fieldCache.get(s);
    if (!t) fieldCache.set(s, (t = tokenize(s, analyzer)));
    return t;
  };
  progress("bm25");
  const bm25 = Bm25Index.fromTokens(passages.length, (d, f) => (f === 0 ? textTokens[d] : shortField(fields[d][f])), { fields: opts.fields ?? FIELDS, analyzer });
  progress("groups");
  const groups = opts.groups === false ? null : GroupScorer.build(passages, analyzer, (i) => textTokens[i]);
  let embedder: Embedder | null = null;
  let vectors: VectorIndex | null = null;
  let docVectors: Float32Array | null = null;
  const kind = opts.embedding ?? "none";
  if (opts.vectors) {
    const pre = opts.vectors;
    if (pre.vectors.length !== passages.length) throw new Error(`${pre.vectors.length} precomputed vectors for ${passages.length} passages`);
    progress("embeddings");
    embedder = pre.embedder ?? new RemoteEmbedderRef(pre.embedderId, pre.dim);
    const vecs = pre.vectors.map((v, i) => {
      if (v.length !== pre.dim) throw new Error(`vector ${i} has ${v.length} dimensions, expected ${pre.dim}`);
      return unitVector(v);
    });
    docVectors = new Float32Array(passages.length * pre.dim);
    vecs.forEach((v, i) => docVectors!.set(v, i * pre.dim));
    progress("hnsw");
    if (vecs.length) vectors = VectorIndex.build(vecs, pre.dim, pre.embedderId);
  } else if (kind !== "none" && passages.length > 0) {
    progress("embeddings");
    const lsaTok = (i: number) => lsaTokens([...textTokens[i], ...shortField(fields[i][1])]);
    const dim = Math.min(opts.lsa?.dim ?? 64, Math.max(2, passages.length - 16));
    let vecs: Float32Array[];
    let local: LsaEmbeddings | HashingEmbeddings;
    if (kind === "lsa" && analyzerMatches(analyzer)) {
      // The same text as embeddingText(), from the tokens already made.
      const lsa = LsaEmbeddings.train({ count: passages.length, tokensOf: lsaTok }, { ...opts.lsa, dim });
      local = lsa;
      vecs = passages.map((_, i) => lsa.embedTokens(lsaTok(i)));
    } else {
      const texts = passages.map(embeddingText);
      local = kind === "lsa" ? LsaEmbeddings.train(texts, { ...opts.lsa, dim }) : new HashingEmbeddings();
      vecs = local.embedSync(texts);
    }
    embedder = local;
    textTokens.length = 0;
    docVectors = new Float32Array(passages.length * local.dim);
    vecs.forEach((v, i) => docVectors!.set(v, i * local.dim));
    progress("hnsw");
    vectors = VectorIndex.build(vecs, local.dim, local.id);
  }
  return new HybridSearcher({
    passages,
    bm25,
    groups,
    ...(embedder ? { embedder } : {}),
    vectors,
    docVectors,
    lexicon: opts.lexicon === undefined ? Lexicon.default() : opts.lexicon,
    labelled: opts.labelled?.length ? LabelledKnowledge.learn(opts.labelled, passages, { analyzer }) : null,
    reranker: opts.reranker,
    config: opts.config,
  });
}
