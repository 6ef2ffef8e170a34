/**
 * pufa's searcher: explicit citations first, then multi-field BM25 (with colloquial→statutory
 * expansion, law/chapter scores passed down, query coverage, a mild category prior), optionally
 * fused with a dense side searched with HNSW: a local model (LSA over the library, see
 * HybridBuildOptions.embedding) or the endpoint's embeddings (HybridBuildOptions.vectors; the caller
 * embeds the question and passes SearchOptions.queryVector). Non-current law versions are left out unless allVersions
 * (one hit per article, the version cited by default). With labelled questions (PUFA_LABELLED) the
 * nearest ones vote for their articles and learned expansions join the query (labelled-questions.ts).
 * The best rerankTop candidates of that first stage are re-ordered by a LambdaMART reranker over
 * law-agnostic features (rerank-features.ts, the model in src/data/reranker.json); the same model
 * file carries expansions learned with it (model-expansions.ts), which the first stage searches.
 * Parameters below are fixed by reasoning plus light tuning on STARD-train with k-fold
 * cross-validation (`npm run bench` reports the held-out figures); nothing is keyed to particular questions.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, linkSync } from "node:fs";
import { join } from "node:path";
import type { Hit, Passage, PassageKind, QueryTermWeights, Searcher, SearchOptions } from "../types.js";
import { Bm25Index, topK, type FieldConfig, type WeightedTerms } from "../index/bm25.js";
import {
  EMBEDDING_ANALYZER,
  embedderFromBuffer,
  embedderToBuffer,
  HashingEmbeddings,
  LsaEmbeddings,
  lsaTokens,
  type LocalEmbedder,
  type LsaOptions,
} from "../index/local-embeddings.js";
import { RemoteEmbedderRef, unitVector } from "../index/remote-embedder.js";
import { pack, unpack } from "./binpack.js";
import { VectorIndex } from "../index/vector-index.js";
import { DEFAULT_ANALYZER, isCjk, normalize, stopwordSet, tokenize, wordTokens, type AnalyzerOptions } from "../text/tokenize.js";
import { CitationIndex } from "./citation-lookup.js";
import { GroupScorer } from "./group-scorer.js";
import { Lexicon } from "./lexicon.js";
import { expansionsOf, LabelledKnowledge, type ExpansionTable, type LabelledQuestion } from "./labelled-questions.js";
import { normalizeLawName } from "./law-aliases.js";
import { readDataLines } from "../data/paths.js";
import { FEATURE_NAMES } from "./candidate-features.js";
import { predictRow, type GbdtModel } from "./gbdt.js";
import { PassageStructure, rerankInput, type RerankInput } from "./rerank-features.js";
import { defaultReranker } from "./reranker-model.js";

export interface HybridConfig {
  /** BM25 candidates re-scored per query. */
  candidates: number;
  /** Dense (HNSW) candidates added per query. */
  denseCandidates: number;
  /** Weights of the BM25 fields: article text, 编/章/节 headings (corpus: title), law title. */
  fieldWeights: [number, number, number];
  lawWeight: number;
  chapterWeight: number;
  denseWeight: number;
  /** Weight of query coverage: the share of the question's idf mass found in the article. */
  coverageWeight: number;
  /** Weight of log article length (scaled: 1 at 1000 characters). */
  lengthWeight: number;
  /** Weight of phrase overlap: the share of the question's character trigrams found verbatim in the article. */
  phraseWeight: number;
  /** Weight of the law-title match (BM25 of the question against the law's title, per law). */
  titleWeight: number;
  /** Weight of lexicon expansion terms relative to the question's own terms. */
  lexiconWeight: number;
  /** Query weight of single-character tokens relative to bigrams. */
  unigramWeight: number;
  /** Query weight of jieba words of 3+ characters relative to bigrams. */
  wordWeight: number;
  /** Query weight of tokens that are stopwords (是否, 可以, 怎么 … as bigrams). */
  stopTokenWeight: number;
  /** "score": weighted sum of normalized scores; "rrf": reciprocal-rank fusion of the BM25 and dense lists. */
  fusion: "score" | "rrf";
  rrfK: number;
  /** Multiplier per library folder (people rarely ask about 部门规章). */
  categoryPrior: Record<string, number>;
  /** Multiplier for laws repealed by the Civil Code and their interpretations (src/data/superseded-laws.txt). */
  supersededPrior: number;
  /**
   * Query weight of the expansions learned with the ranking model (GbdtModel.expansions: from
   * STARD-train and pufa-train for the shipped one), times their share.
   */
  modelExpansionWeight: number;
  /** Labelled questions (PUFA_LABELLED): query weight of learned expansions, times their share. */
  learnedExpansionWeight: number;
  /** Labelled questions: weight of the nearest labelled questions' votes, relative to the top fused score. */
  neighbourWeight: number;
  /** Labelled questions consulted per query. */
  neighbours: number;
  /**
   * A labelled question at least this similar is taken for the same question: its gold articles go
   * above every lexical result (an admin who labelled a question expects that answer when it comes back).
   */
  sameQuestionSimilarity: number;
  /**
   * The best this many first-stage candidates are re-ordered by the reranker (a LambdaMART model
   * over law-agnostic features, src/data/reranker.json); 0 = linear fusion only.
   */
  rerankTop: number;
}

export const DEFAULT_HYBRID_CONFIG: HybridConfig = {
  candidates: 1000,
  denseCandidates: 100,
  fieldWeights: [1, 0.5, 0],
  // Fitted by coordinate ascent inside 5-fold CV (src/bench/fit-weights.ts); values the folds agreed on.
  lawWeight: 0.3,
  chapterWeight: 0.2,
  denseWeight: 0.1,
  coverageWeight: 0.5,
  lengthWeight: 0.1,
  // Measured ≈0 when fitted (phrase overlap, law-title match): kept at 0, available to the fitting.
  phraseWeight: 0,
  titleWeight: 0,
  lexiconWeight: 1,
  unigramWeight: 1,
  wordWeight: 0,
  stopTokenWeight: 1,
  fusion: "score",
  rrfK: 60,
  // Citizens' questions are answered first by laws (法律, 民法典, 刑法 …), then by judicial
  // interpretations, regulations, and rarely by departmental rules; 其他 holds guides, not law.
  categoryPrior: { 司法解释: 0.9, 行政法规: 0.8, 部门规章: 0.7, 其他: 0.7 },
  supersededPrior: 0.5,
  // Chosen inside 5-fold CV on STARD-train among a handful of settings (src/bench: the CV learns the
  // expansions and trains the trees on the other folds).
  modelExpansionWeight: 1,
  // Chosen inside 5-fold CV on STARD-train among a handful of settings; used only with labelled questions.
  learnedExpansionWeight: 0.5,
  neighbourWeight: 0.5,
  neighbours: 10,
  // Near-duplicates are rare in STARD (4 of 1,235 held-out questions ≥ 0.9): measured neutral there.
  sameQuestionSimilarity: 0.9,
  // The model was trained on the top 300 (src/bench/train-reranker.ts); below that it changes nothing.
  rerankTop: 300,
};

/** A ranked passage ordinal; `labelled` as in Hit. */
export interface RankedDoc {
  doc: number;
  score: number;
  labelled?: "same";
}

export const FIELDS: FieldConfig[] = [
  { name: "text", weight: 1, k1: 1.2, b: 0.75 },
  { name: "headings", weight: 0.5, k1: 1.2, b: 0.75 },
  { name: "title", weight: 0, k1: 1.2, b: 0.75 },
];

/** Per-candidate features, in the order of candidateFeatures() rows. */
export { FEATURE_NAMES };

/** The linear weights of FEATURE_NAMES under a config (BM25 fixed at 1: the scale). */
export function featureWeights(c: HybridConfig): number[] {
  return [1, c.lawWeight, c.chapterWeight, c.denseWeight, c.coverageWeight, c.lengthWeight, c.phraseWeight, c.titleWeight];
}

export interface HybridSearcherParts {
  passages: readonly Passage[];
  bm25: Bm25Index;
  groups?: GroupScorer | null;
  embedder?: LocalEmbedder | null;
  vectors?: VectorIndex | null;
  /** 1 = passage withdrawn by an incremental update (kept in place so ordinals and HNSW labels stay stable). */
  removed?: Uint8Array | null;
  /** passages.length × embedder.dim unit vectors (exact dense scores for BM25 candidates). */
  docVectors?: Float32Array | null;
  lexicon?: Lexicon | null;
  /** What was learned from labelled questions (PUFA_LABELLED), or null. */
  labelled?: LabelledKnowledge | null;
  /** Reranker model; default: the shipped one (null = linear fusion only). */
  reranker?: GbdtModel | null;
  config?: Partial<HybridConfig>;
}

export interface HybridBuildOptions {
  analyzer?: AnalyzerOptions;
  /**
   * "none" (default): no dense model. "lsa": LSA trained on the passages + HNSW (+35 s build; measured
   * ≈0 on STARD and −4 R@10 on the policing check set, so off by default). "hash": untrained, for tests.
   */
  embedding?: "lsa" | "hash" | "none";
  lsa?: LsaOptions;
  /**
   * Passage vectors computed beforehand (the endpoint's embeddings, one per passage, in order):
   * used instead of a local model; queries then need SearchOptions.queryVector for the dense side.
   */
  vectors?: { embedderId: string; dim: number; vectors: Float32Array[] };
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

/** The BM25 fields of a passage: text without its 第X条 label, headings (or article title), law title. */
export function passageFields(p: Passage): [string, string, string] {
  if (p.kind === "law") {
    const body = p.text.startsWith(p.article) ? p.text.slice(p.article.length) : p.text;
    return [body, p.headings.join(" "), p.lawShort];
  }
  return [p.text, p.title, p.source ?? ""];
}

/** Distinct CJK character trigrams of the question whose characters are not all stopwords. */
export function queryTrigrams(query: string): string[] {
  const q = normalize(query);
  const stop = stopwordSet();
  const out = new Set<string>();
  let run = "";
  const flush = () => {
    for (let i = 0; i + 3 <= run.length; i++) {
      const g = run.slice(i, i + 3);
      if (![...g].every((ch) => stop.has(ch))) out.add(g);
    }
    run = "";
  };
  for (const ch of q) {
    if (isCjk(ch.charCodeAt(0))) run += ch;
    else flush();
  }
  flush();
  return [...out];
}

let supersededNames: string[] | null = null;

/** A law repealed by the Civil Code, or a judicial interpretation of one (by its title). */
export function isSuperseded(lawShort: string): boolean {
  supersededNames ??= readDataLines("superseded-laws.txt").map(normalizeLawName);
  const t = normalizeLawName(lawShort);
  return supersededNames.some((n) => t === n || t.includes(`《${n}》`));
}

interface SavedManifest {
  version: number;
  passages: number;
  fingerprint: string;
  embedder: string | null;
  lexicon: boolean;
  labelled?: number;
  config: HybridConfig;
}

/** sha1 of the passage ids in order: load() refuses passages the index was not built from. */
export function passageFingerprint(passages: readonly Passage[]): string {
  const h = createHash("sha1");
  for (const p of passages) h.update(`${p.id}\n`);
  return h.digest("hex");
}

/** LSA can reuse the index tokens when the index analyzer is a superset of the LSA one. */
function analyzerMatches(a: AnalyzerOptions): boolean {
  return a.bigrams && a.words === EMBEDDING_ANALYZER.words && a.minWordLength === EMBEDDING_ANALYZER.minWordLength;
}

export class HybridSearcher implements Searcher {
  readonly passages: readonly Passage[];
  readonly bm25: Bm25Index;
  readonly groups: GroupScorer | null;
  readonly embedder: LocalEmbedder | null;
  readonly removed: Uint8Array | null;
  readonly vectors: VectorIndex | null;
  readonly docVectors: Float32Array | null;
  readonly lexicon: Lexicon | null;
  readonly citations: CitationIndex;
  /** Replaceable (the bench swaps in each fold's knowledge). */
  labelled: LabelledKnowledge | null;
  config: HybridConfig;
  private readonly masks = new Map<string, Uint8Array>();
  private readonly prior: Float32Array;
  private covBuf: Float32Array | null = null;
  private structure: PassageStructure | null = null;
  private model: GbdtModel | null = null;
  /** The expansions searched with the reranker (its own, or the bench's while it collects training data). */
  modelExpansions: ExpansionTable | null = null;
  /** Compute the phrase feature even at weight 0 (the bench's weight fitting needs it). */
  alwaysPhrase = false;

  /** The reranker in use (the bench swaps it for cross-validation), or null; its learned expansions come with it. */
  get reranker(): GbdtModel | null {
    return this.model;
  }

  set reranker(m: GbdtModel | null) {
    this.model = m;
    this.modelExpansions = m?.expansions?.length ? new Map(m.expansions) : null;
  }

  constructor(parts: HybridSearcherParts) {
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
    this.citations = new CitationIndex(this.passages);
    this.labelled = parts.labelled ?? null;
    this.reranker = parts.reranker === undefined ? defaultReranker() : parts.reranker;
    this.config = { ...DEFAULT_HYBRID_CONFIG, ...parts.config };
    this.prior = new Float32Array(this.passages.length);
    this.setConfig({});
  }

  /** Changes parameters (bench tuning); field weights apply to BM25 at once. */
  setConfig(patch: Partial<HybridConfig>): void {
    this.config = { ...this.config, ...patch };
    this.bm25.setFieldWeights(this.config.fieldWeights.slice(0, this.bm25.fields.length));
    const prior = this.config.categoryPrior;
    const superseded = this.config.supersededPrior;
    this.passages.forEach((p, i) => {
      if (p.kind !== "law") this.prior[i] = 1;
      else this.prior[i] = (prior[p.category] ?? 1) * (isSuperseded(p.lawShort) ? superseded : 1);
    });
  }

  static build(passages: readonly Passage[], opts: HybridBuildOptions = {}): HybridSearcher {
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
    let embedder: LocalEmbedder | null = null;
    let vectors: VectorIndex | null = null;
    let docVectors: Float32Array | null = null;
    const kind = opts.embedding ?? "none";
    if (opts.vectors) {
      const pre = opts.vectors;
      if (pre.vectors.length !== passages.length) throw new Error(`${pre.vectors.length} precomputed vectors for ${passages.length} passages`);
      progress("embeddings");
      embedder = new RemoteEmbedderRef(pre.embedderId, pre.dim);
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
      const texts = fields.map((f) => `${f[0]}\n${f[1]}`);
      let vecs: Float32Array[];
      if (kind === "lsa" && analyzerMatches(analyzer)) {
        const lsa = LsaEmbeddings.train({ count: passages.length, tokensOf: lsaTok }, { ...opts.lsa, dim });
        embedder = lsa;
        vecs = passages.map((_, i) => lsa.embedTokens(lsaTok(i)));
      } else {
        embedder = kind === "lsa" ? LsaEmbeddings.train(texts, { ...opts.lsa, dim }) : new HashingEmbeddings();
        vecs = embedder.embedSync(texts);
      }
      textTokens.length = 0;
      docVectors = new Float32Array(passages.length * embedder.dim);
      vecs.forEach((v, i) => docVectors!.set(v, i * embedder!.dim));
      progress("hnsw");
      vectors = VectorIndex.build(vecs, embedder.dim, embedder.id);
    }
    return new HybridSearcher({
      passages,
      bm25,
      groups,
      embedder,
      vectors,
      docVectors,
      lexicon: opts.lexicon === undefined ? Lexicon.default() : opts.lexicon,
      labelled: opts.labelled?.length ? LabelledKnowledge.learn(opts.labelled, passages, { analyzer }) : null,
      reranker: opts.reranker,
      config: opts.config,
    });
  }

  /** The weighted BM25 query: the question's tokens (1) plus lexicon expansions (lexiconWeight). */
  /**
   * The question's content words (jieba, stopwords dropped) and the lexicon's expansions of it, each
   * weighted by its idf in this index, for the answer engine's sentence choice and relevance gate.
   * Words are what a reader checks an answer against; a word longer than a bigram takes the mean
   * idf of its bigrams. idf is taken over at least 10,000 documents: in a small corpus (the sample
   * articles alone) every term would otherwise look common and words it lacks would weigh nothing.
   */
  termWeights(query: string): QueryTermWeights {
    const N = Math.max(this.bm25.nDocs, 10_000);
    const idf = (t: string) => {
      const df = this.bm25.df(t, 0);
      return Math.log(1 + (N - df + 0.5) / (df + 0.5));
    };
    const wordIdf = (w: string) => {
      const t = normalize(w);
      if (t.length === 1) return idf(t) / 4; // a lone character is weak evidence either way
      if (t.length === 2) return idf(t);
      let sum = 0;
      for (let i = 0; i + 1 < t.length; i++) sum += idf(t.slice(i, i + 2));
      return sum / (t.length - 1);
    };
    const out = new Map<string, { weight: number; expansion: boolean }>();
    for (const w of wordTokens(query)) out.set(w, { weight: wordIdf(w), expansion: false });
    if (this.lexicon) {
      for (const m of this.lexicon.match(query)) {
        for (const e of m.expansions) for (const w of wordTokens(e)) if (!out.has(w)) out.set(w, { weight: wordIdf(w), expansion: true });
      }
    }
    return out;
  }

  queryTerms(query: string): WeightedTerms {
    const { lexiconWeight, unigramWeight, wordWeight, stopTokenWeight, learnedExpansionWeight, modelExpansionWeight } = this.config;
    const stop = stopwordSet();
    const typeWeight = (t: string) =>
      t.length === 1 ? unigramWeight : stop.has(t) ? stopTokenWeight : t.length >= 3 && isCjk(t.charCodeAt(0)) ? wordWeight : 1;
    const terms: WeightedTerms = new Map();
    for (const t of tokenize(query, this.bm25.analyzer)) terms.set(t, typeWeight(t));
    if (this.lexicon && lexiconWeight > 0) {
      for (const m of this.lexicon.match(query)) {
        for (const e of m.expansions) {
          for (const t of tokenize(e, this.bm25.analyzer)) if (!terms.has(t)) terms.set(t, lexiconWeight * typeWeight(t));
        }
      }
    }
    // Learned expansions: the ranking model's, then the office's labelled questions'.
    const learned = (pairs: [string, number][], weight: number) => {
      // Bigrams only: a learned word's single characters would match far too much.
      for (const [e, share] of pairs) for (const t of tokenize(e, this.bm25.analyzer)) if (t.length >= 2 && !terms.has(t)) terms.set(t, weight * share);
    };
    if (this.modelExpansions && modelExpansionWeight > 0) learned(expansionsOf(this.modelExpansions, query), modelExpansionWeight);
    if (this.labelled && learnedExpansionWeight > 0) learned(this.labelled.expansionsOf(query), learnedExpansionWeight);
    return terms;
  }

  search(query: string, options: SearchOptions = {}): Hit[] {
    const k = options.k ?? 10;
    const mask = this.mask(options.kinds, options.allVersions ?? false);
    const ranked = this.rank(query, Math.max(k, 1), mask, options.queryVector);
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
      out.push({ passage: this.passages[r.doc], score: r.score, rank: out.length + 1, ...(r.labelled ? { labelled: r.labelled } : {}) });
    }
    return out.slice(0, k);
  }

  /** Fused ranking without citations: {doc, score}, best first. */
  rank(query: string, k: number, mask?: Uint8Array, queryVector?: Float32Array): RankedDoc[] {
    const c = this.config;
    const { docs, feats, scores } = this.firstStage(query, mask, queryVector);
    // Nothing lexical can still have labelled neighbours (a question worded unlike every passage).
    if (!docs.length && !this.labelled) return [];
    if (this.reranker && c.rerankTop > 1 && c.fusion === "score" && docs.length > 1) this.rerank(docs, feats, scores);
    if (this.labelled && c.neighbourWeight > 0 && c.neighbours > 0) return this.addNeighbourVotes(query, docs, scores, k, mask);
    return topK(docs, scores, docs.length, k);
  }

  /** The first stage: candidates, their features and fused scores (category prior applied). */
  firstStage(query: string, mask?: Uint8Array, queryVector?: Float32Array): { docs: number[]; feats: Float64Array; scores: Float64Array } {
    const c = this.config;
    const { docs, feats, dense: hasDense } = this.candidateFeatures(query, mask, queryVector);
    const F = FEATURE_NAMES.length;
    const scores = new Float64Array(docs.length);
    if (c.fusion === "rrf" && hasDense) {
      const lexical = docs.map((_, i) => feats[i * F] + c.lawWeight * feats[i * F + 1] + c.chapterWeight * feats[i * F + 2]);
      const rankOf = (vals: number[]) => {
        const order = [...vals.keys()].sort((a, b) => vals[b] - vals[a]);
        const r = new Float64Array(vals.length);
        order.forEach((idx, pos) => (r[idx] = pos + 1));
        return r;
      };
      const rl = rankOf(lexical);
      const rs = rankOf(docs.map((_, i) => feats[i * F + 3]));
      for (let i = 0; i < docs.length; i++) scores[i] = (1 / (c.rrfK + rl[i]) + c.denseWeight / (c.rrfK + rs[i])) * this.prior[docs[i]];
    } else {
      const w = featureWeights(c);
      for (let i = 0; i < docs.length; i++) {
        let s = 0;
        for (let f = 0; f < F; f++) s += w[f] * feats[i * F + f];
        scores[i] = s * this.prior[docs[i]];
      }
    }
    return { docs, feats, scores };
  }

  /**
   * Reads the library's structure for the reranker now (citations between laws, law sizes) instead
   * of at the first question; no-op without a reranker. Incremental updates leave it to that question.
   */
  prepareRerank(): void {
    if (this.reranker) this.passageStructure();
  }

  private passageStructure(): PassageStructure {
    return (this.structure ??= PassageStructure.build(this.passages, this.citations));
  }

  /**
   * The features the reranker sees for a query's candidates (rank() and the bench's training). Law
   * articles only: the model learned how laws rank among themselves, and the corpus's own articles
   * (news, campaign reports) keep their first-stage place. `order` indexes `docs`.
   */
  rerankInput(docs: readonly number[], feats: Float64Array, scores: ArrayLike<number>): RerankInput {
    const F = FEATURE_NAMES.length;
    const laws = [...docs.keys()].filter((i) => this.passages[docs[i]].kind === "law");
    const lawFeats = new Float64Array(laws.length * F);
    laws.forEach((i, j) => lawFeats.set(feats.subarray(i * F, (i + 1) * F), j * F));
    const input = rerankInput(
      this.passageStructure(),
      this.passages,
      laws.map((i) => docs[i]),
      lawFeats,
      laws.map((i) => scores[i]),
      laws.map((i) => this.prior[docs[i]]),
      this.config.rerankTop,
    );
    return { ...input, order: input.order.map((j) => laws[j]) };
  }

  /**
   * Re-orders the best rerankTop law candidates by the model. They keep the first stage's score
   * values, handed out in the model's order, so everything downstream (neighbour votes, the answer
   * engine's thresholds) sees scores on the scale it was tuned for, corpus articles keep their
   * place among them, and the rest stays below.
   */
  private rerank(docs: readonly number[], feats: Float64Array, scores: Float64Array): void {
    const model = this.reranker!;
    const input = this.rerankInput(docs, feats, scores);
    const R = model.features.length;
    const values = input.order.map((i) => scores[i]);
    const byModel = input.order
      .map((i, r) => ({ i, s: predictRow(model, input.base[r], input.x, r * R) }))
      .sort((a, b) => b.s - a.s || docs[a.i] - docs[b.i]);
    byModel.forEach(({ i }, r) => (scores[i] = values[r]));
  }

  /**
   * The nearest labelled questions vote for their gold articles (summed cosine similarity), scaled
   * by the best fused score so the vote means the same for every query; an article they name that
   * the lexical stage missed joins with the vote alone. The gold of a labelled question that is the
   * same question (sameQuestionSimilarity) goes on top.
   */
  private addNeighbourVotes(query: string, docs: number[], scores: Float64Array, k: number, mask?: Uint8Array): RankedDoc[] {
    const c = this.config;
    let top = 0;
    for (const s of scores) top = Math.max(top, s);
    const scale = c.neighbourWeight * (top > 0 ? top : 1);
    const { votes, same: sameDocs } = this.labelled!.votes(query, c.neighbours, c.sameQuestionSimilarity);
    const pos = new Map(docs.map((d, i) => [d, i]));
    const allDocs = [...docs];
    const all = [...scores];
    for (const [d, v] of votes) {
      if ((mask && !mask[d]) || this.removed?.[d]) continue;
      // The same question's articles get one top score more: above every lexical result.
      const add = scale * v + (sameDocs.has(d) ? top : 0);
      const i = pos.get(d);
      if (i !== undefined) all[i] += add;
      else {
        allDocs.push(d);
        all.push(add);
      }
    }
    const ranked: RankedDoc[] = topK(allDocs, Float64Array.from(all), allDocs.length, k);
    for (const r of ranked) if (sameDocs.has(r.doc)) r.labelled = "same";
    return ranked;
  }

  /**
   * The candidates of a query (BM25 top `candidates` ∪ dense top `denseCandidates`) and their
   * features, row-major in FEATURE_NAMES order. Used by rank() and by the bench's weight fitting.
   * `dense` tells whether the query had a vector (else the dense feature is 0 throughout).
   */
  candidateFeatures(query: string, mask?: Uint8Array, queryVector?: Float32Array): { docs: number[]; feats: Float64Array; dense: boolean } {
    const c = this.config;
    const terms = this.queryTerms(query);
    const all = this.bm25.scoreAll(terms, true);
    const covBuf = this.coverageBuffer();
    for (let i = 0; i < all.count; i++) covBuf[all.docs[i]] = all.coverage![i];
    const bm = topK(all.docs, all.scores, all.count, c.candidates, mask);
    const touchedDocs = Int32Array.from(all.docs.subarray(0, all.count));
    const cand = new Map<number, number>(); // doc → normalized BM25
    const max = bm.length ? bm[0].score : 1;
    for (const r of bm) cand.set(r.doc, r.score / max);
    const qv = this.queryVectorOf(query, queryVector);
    const dense = new Map<number, number>();
    if (qv) {
      if (this.vectors && c.denseCandidates > 0 && (c.denseWeight > 0 || c.fusion === "rrf")) {
        for (const h of this.vectors.search(qv, c.denseCandidates)) {
          if (mask && !mask[h.label]) continue;
          dense.set(h.label, h.similarity);
          if (!cand.has(h.label)) cand.set(h.label, 0);
        }
      }
    }
    const docs = [...cand.keys()];
    const F = FEATURE_NAMES.length;
    const feats = new Float64Array(docs.length * F);
    const g = this.groups ? this.groups.scores(terms) : null;
    const grams = c.phraseWeight !== 0 || this.alwaysPhrase ? queryTrigrams(query) : [];
    docs.forEach((d, i) => {
      const o = i * F;
      feats[o] = cand.get(d)!;
      if (g) {
        const l = this.groups!.lawOf[d];
        const ch = this.groups!.chapterOf[d];
        feats[o + 1] = l >= 0 ? g.law[l] : 0;
        feats[o + 2] = ch >= 0 ? g.chapter[ch] : 0;
        feats[o + 7] = l >= 0 && g.title ? g.title[l] : 0;
      }
      feats[o + 3] = qv ? (dense.get(d) ?? this.denseScore(qv, d)) : 0;
      feats[o + 4] = covBuf[d];
      feats[o + 5] = Math.log1p(this.passages[d].text.length) / Math.log(1000);
      if (grams.length) {
        const p = this.passages[d];
        const hay = p.kind === "law" ? `${p.text}\n${p.headings.join(" ")}` : `${p.title}\n${p.text}`;
        let found = 0;
        for (const g of grams) if (hay.includes(g)) found++;
        feats[o + 6] = found / grams.length;
      }
    });
    for (const d of touchedDocs) covBuf[d] = 0;
    return { docs, feats, dense: qv !== null };
  }

  /**
   * The query's dense vector: the caller's when given (unit-normalized; ignored when its size is not
   * the index's), else the local model's. An endpoint embedder cannot run here: null, lexical only.
   */
  private queryVectorOf(query: string, given?: Float32Array): Float32Array | null {
    if (!this.embedder) return null;
    if (given) return given.length === this.embedder.dim ? unitVector(given) : null;
    if (this.embedder instanceof RemoteEmbedderRef) return null;
    return this.embedder.embedSync([query])[0];
  }

  private coverageBuffer(): Float32Array {
    return (this.covBuf ??= new Float32Array(this.passages.length));
  }

  /**
   * Writes every index structure into `dir` (passages are NOT written: the caller stores them and
   * passes the same array, in the same order, to load()).
   */
  /** Writes the searcher's files; `reuse` names a folder whose unchanged groups/embedder files are hard-linked instead (incremental updates). */
  save(dir: string, reuse?: { dir: string; files: ("groups.bin" | "embedder.bin")[] }): void {
    mkdirSync(dir, { recursive: true });
    const linked = (f: "groups.bin" | "embedder.bin") => {
      if (!reuse?.files.includes(f) || !existsSync(join(reuse.dir, f))) return false;
      linkSync(join(reuse.dir, f), join(dir, f));
      return true;
    };
    writeFileSync(join(dir, "bm25.bin"), this.bm25.toBuffer());
    if (this.groups && !linked("groups.bin")) writeFileSync(join(dir, "groups.bin"), this.groups.toBuffer());
    if (this.embedder && !linked("embedder.bin")) writeFileSync(join(dir, "embedder.bin"), embedderToBuffer(this.embedder));
    if (this.vectors) this.vectors.save(join(dir, "vectors.hnsw"));
    if (this.docVectors) writeFileSync(join(dir, "docvecs.bin"), pack({}, { v: this.docVectors }));
    if (this.removed) writeFileSync(join(dir, "removed.bin"), pack({}, { r: this.removed }));
    if (this.labelled) writeFileSync(join(dir, "labelled.json"), this.labelled.toJSON());
    const manifest: SavedManifest = {
      version: 1,
      passages: this.passages.length,
      fingerprint: passageFingerprint(this.passages),
      embedder: this.embedder?.id ?? null,
      lexicon: this.lexicon !== null,
      labelled: this.labelled?.questions.length ?? 0,
      config: this.config,
    };
    writeFileSync(join(dir, "searcher.json"), JSON.stringify(manifest, null, 1));
  }

  /** Loads what save() wrote; `passages` must be the array the searcher was built from. */
  static load(dir: string, passages: readonly Passage[], opts: { lexicon?: Lexicon | null; reranker?: GbdtModel | null; config?: Partial<HybridConfig> } = {}): HybridSearcher {
    const manifest = JSON.parse(readFileSync(join(dir, "searcher.json"), "utf8")) as SavedManifest;
    if (manifest.passages !== passages.length || manifest.fingerprint !== passageFingerprint(passages)) {
      throw new Error(`index in ${dir} was built from other passages (${manifest.passages} vs ${passages.length})`);
    }
    const has = (f: string) => existsSync(join(dir, f));
    const embedder = has("embedder.bin") ? embedderFromBuffer(readFileSync(join(dir, "embedder.bin"))) : null;
    return new HybridSearcher({
      passages,
      bm25: Bm25Index.fromBuffer(readFileSync(join(dir, "bm25.bin"))),
      groups: has("groups.bin") ? GroupScorer.fromBuffer(readFileSync(join(dir, "groups.bin"))) : null,
      embedder,
      vectors: has("vectors.hnsw") ? VectorIndex.load(join(dir, "vectors.hnsw")) : null,
      docVectors: has("docvecs.bin") ? (unpack(readFileSync(join(dir, "docvecs.bin"))).arrays.v as Float32Array) : null,
      removed: has("removed.bin") ? (unpack(readFileSync(join(dir, "removed.bin"))).arrays.r as Uint8Array) : null,
      lexicon: opts.lexicon !== undefined ? opts.lexicon : manifest.lexicon ? Lexicon.default() : null,
      labelled: has("labelled.json") ? LabelledKnowledge.fromJSON(readFileSync(join(dir, "labelled.json"), "utf8")) : null,
      reranker: opts.reranker,
      config: { ...manifest.config, ...opts.config },
    });
  }

  private denseScore(qv: Float32Array, d: number): number {
    const V = this.docVectors;
    if (!V) return 0;
    const dim = qv.length;
    let s = 0;
    for (let j = 0, o = d * dim; j < dim; j++) s += qv[j] * V[o + j];
    return s;
  }

  /** 1 = may be returned: kinds filter and (unless allVersions) current law versions only. */
  private mask(kinds: PassageKind[] | undefined, allVersions: boolean): Uint8Array | undefined {
    const key = `${kinds?.slice().sort().join(",") ?? "*"}|${allVersions}`;
    if (!kinds && allVersions && !this.removed) return undefined;
    let m = this.masks.get(key);
    if (!m) {
      m = new Uint8Array(this.passages.length);
      this.passages.forEach((p, i) => {
        const kindOk = !kinds || kinds.includes(p.kind);
        const versionOk = allVersions || p.kind !== "law" || p.current;
        m![i] = kindOk && versionOk && !this.removed?.[i] ? 1 : 0;
      });
      this.masks.set(key, m);
    }
    return m;
  }
}
