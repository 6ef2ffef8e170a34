/**
 * Multi-field BM25 over pufa's analyzer tokens, written by hand because:
 * - LangChain's BM25Retriever splits queries on whitespace and measures length with ASCII \w+,
 *   so a Chinese question is one term and an all-Chinese corpus scores NaN;
 * - MiniSearch (the bench baseline, measured in the same run: src/bench/retrieval-bench.ts) has no
 *   per-field BM25 saturation we control, builds object-heavy JSON and was ~20× slower per query;
 * - we need typed-array postings that load in milliseconds from the snapshot and per-field
 *   scores (article text, 编/章/节 headings, law title) summed with weights.
 * Scoring: score(d) = Σ_field weight_f Σ_term w_t · idf_f(t) · tf(k1+1)/(tf + k1(1-b+b·len/avg)).
 * The saturation part ("impact") is precomputed per posting at build time (k1, b fixed per field);
 * field weights stay adjustable at query time.
 */
import { pack, unpack, type TypedArray } from "./binpack.js";
import { DEFAULT_ANALYZER, tokenize, type AnalyzerOptions } from "../text/tokenize.js";

export interface FieldConfig {
  name: string;
  weight: number;
  k1: number;
  b: number;
}

export interface Bm25BuildOptions {
  fields: FieldConfig[];
  analyzer?: AnalyzerOptions;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

/** Query terms with weights (1 for the question's own terms, less for expansions). */
export type WeightedTerms = Map<string, number>;

interface FieldPostings {
  offsets: Int32Array; // length V+1, CSR over term ids
  docs: Int32Array;
  impacts: Float32Array;
  idf: Float32Array; // per term
  /** Mean field length at build time (impacts of appended documents use it). */
  avgLen: number;
}

class GrowInt32 {
  a = new Int32Array(1 << 16);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view() {
    return this.a.subarray(0, this.n);
  }
}

export class Bm25Index {
  readonly fields: FieldConfig[];
  readonly analyzer: AnalyzerOptions;
  readonly nDocs: number;
  private readonly vocab: Map<string, number>;
  private readonly postings: FieldPostings[];
  // Reused per query (single-threaded): accumulators and the list of touched docs.
  private acc: Float32Array;
  private seen: Uint8Array;
  private touched: Int32Array;
  private cov: Float32Array | null = null;
  private stamp: Int32Array | null = null;

  private constructor(fields: FieldConfig[], analyzer: AnalyzerOptions, nDocs: number, vocab: Map<string, number>, postings: FieldPostings[]) {
    this.fields = fields.map((f) => ({ ...f }));
    this.analyzer = analyzer;
    this.nDocs = nDocs;
    this.vocab = vocab;
    this.postings = postings;
    this.acc = new Float32Array(nDocs);
    this.seen = new Uint8Array(nDocs);
    this.touched = new Int32Array(nDocs);
  }

  get vocabularySize(): number {
    return this.vocab.size;
  }

  /** How many documents hold this analyzer token (a character pair, a word) in their first field (the text). */
  documentsWith(term: string): number {
    const id = this.vocab.get(term);
    if (id === undefined) return 0;
    const { offsets } = this.postings[0];
    return offsets[id + 1] - offsets[id];
  }

  /** Builds from raw field texts: docs[d][f] is field f of document d. Field texts repeated across docs are tokenized once. */
  static build(docs: readonly (readonly string[])[], opts: Bm25BuildOptions): Bm25Index {
    const analyzer = opts.analyzer ?? DEFAULT_ANALYZER;
    const caches = opts.fields.map(() => new Map<string, string[]>());
    return Bm25Index.fromTokens(
      docs.length,
      (d, f) => {
        const text = docs[d][f] ?? "";
        const cache = caches[f];
        let toks = cache.get(text);
        if (!toks) {
          toks = tokenize(text, analyzer);
          // Only short, repeated fields (headings, titles) are worth caching.
          if (text.length < 200) cache.set(text, toks);
        }
        return toks;
      },
      { ...opts, analyzer },
    );
  }

  /** Builds from already analyzed tokens (tokensOf(d, f)). */
  static fromTokens(nDocs: number, tokensOf: (doc: number, field: number) => readonly string[], opts: Bm25BuildOptions): Bm25Index {
    const analyzer = opts.analyzer ?? DEFAULT_ANALYZER;
    const vocab = new Map<string, number>();
    const postings: FieldPostings[] = [];
    const perField = opts.fields.map(() => ({ term: new GrowInt32(), doc: new GrowInt32(), tf: new GrowInt32(), len: new Float32Array(nDocs) }));
    const local = new Map<number, number>();
    for (let d = 0; d < nDocs; d++) {
      for (let f = 0; f < opts.fields.length; f++) {
        const toks = tokensOf(d, f);
        local.clear();
        for (const t of toks) {
          let id = vocab.get(t);
          if (id === undefined) {
            id = vocab.size;
            vocab.set(t, id);
          }
          local.set(id, (local.get(id) ?? 0) + 1);
        }
        const pf = perField[f];
        pf.len[d] = toks.length;
        for (const [id, tf] of local) {
          pf.term.push(id);
          pf.doc.push(d);
          pf.tf.push(tf);
        }
      }
    }
    const V = vocab.size;
    opts.fields.forEach((cfg, f) => {
      const { term, doc, tf, len } = perField[f];
      const terms = term.view();
      const docsArr = doc.view();
      const tfs = tf.view();
      let total = 0;
      for (let d = 0; d < nDocs; d++) total += len[d];
      const avg = total / Math.max(1, nDocs) || 1;
      const offsets = new Int32Array(V + 1);
      for (let i = 0; i < terms.length; i++) offsets[terms[i] + 1]++;
      for (let t = 0; t < V; t++) offsets[t + 1] += offsets[t];
      const fill = offsets.slice(0, V);
      const outDocs = new Int32Array(terms.length);
      const impacts = new Float32Array(terms.length);
      // Postings come out sorted by doc because docs were visited in order.
      for (let i = 0; i < terms.length; i++) {
        const p = fill[terms[i]]++;
        const d = docsArr[i];
        const x = tfs[i];
        outDocs[p] = d;
        impacts[p] = (x * (cfg.k1 + 1)) / (x + cfg.k1 * (1 - cfg.b + (cfg.b * len[d]) / avg));
      }
      const idf = new Float32Array(V);
      for (let t = 0; t < V; t++) {
        const df = offsets[t + 1] - offsets[t];
        idf[t] = df ? Math.log(1 + (nDocs - df + 0.5) / (df + 0.5)) : 0;
      }
      postings.push({ offsets, docs: outDocs, impacts, idf, avgLen: avg });
    });
    return new Bm25Index(opts.fields, analyzer, nDocs, vocab, postings);
  }

  /** The analyzer's tokens of `query`, each weighted 1 (repeats do not add up: a question repeats itself rarely on purpose). */
  queryTerms(query: string): WeightedTerms {
    const out: WeightedTerms = new Map();
    for (const t of tokenize(query, this.analyzer)) out.set(t, 1);
    return out;
  }

  /** Document frequency of a term in a field (0 when unknown). */
  df(term: string, field = 0): number {
    const id = this.vocab.get(term);
    if (id === undefined) return 0;
    const o = this.postings[field].offsets;
    return o[id + 1] - o[id];
  }

  /** Field weights used by search (override the build-time ones, e.g. while tuning). */
  setFieldWeights(weights: readonly number[]): void {
    weights.forEach((w, i) => (this.fields[i].weight = w));
  }

  /**
   * Scores every document that contains a query term. Returns the touched docs and their scores
   * (docs is a view into a reused buffer: copy before the next call). With `coverage`, also the
   * share of the query's weighted idf mass (text-field idf) that each doc contains in any field,
   * whatever the term frequency: how much of the question the document speaks to.
   */
  scoreAll(terms: WeightedTerms, coverage = false): { docs: Int32Array; scores: Float32Array; count: number; coverage?: Float32Array } {
    const { acc, seen, touched } = this;
    const cov = coverage ? (this.cov ??= new Float32Array(this.nDocs)) : null;
    const stamp = coverage ? (this.stamp ??= new Int32Array(this.nDocs).fill(-1)) : null;
    let mass = 0;
    let n = 0;
    let termNo = 0;
    for (const [term, w] of terms) {
      const id = this.vocab.get(term);
      termNo++;
      if (id === undefined || w === 0) continue;
      const idf0 = this.postings[0].idf[id];
      mass += w * idf0;
      for (let f = 0; f < this.postings.length; f++) {
        const fw = this.fields[f].weight;
        if (fw === 0) continue;
        const P = this.postings[f];
        const start = P.offsets[id];
        const end = P.offsets[id + 1];
        if (start === end) continue;
        const q = w * fw * P.idf[id];
        const docs = P.docs;
        const imp = P.impacts;
        for (let p = start; p < end; p++) {
          const d = docs[p];
          if (!seen[d]) {
            seen[d] = 1;
            acc[d] = 0;
            if (cov) cov[d] = 0;
            touched[n++] = d;
          }
          acc[d] += q * imp[p];
          if (cov && stamp![d] !== termNo) {
            stamp![d] = termNo;
            cov[d] += w * idf0;
          }
        }
      }
    }
    const outScores = new Float32Array(n);
    const outCov = cov ? new Float32Array(n) : undefined;
    for (let i = 0; i < n; i++) {
      const d = touched[i];
      outScores[i] = acc[d];
      if (outCov) {
        outCov[i] = mass > 0 ? cov![d] / mass : 0;
        stamp![d] = -1;
      }
      seen[d] = 0;
    }
    return { docs: touched.subarray(0, n), scores: outScores, count: n, coverage: outCov };
  }

  /** Top k documents for a query (text or weighted terms); `allow` (1 = keep) filters docs. */
  search(query: string | WeightedTerms, k = 10, allow?: Uint8Array): ScoredDoc[] {
    const terms = typeof query === "string" ? this.queryTerms(query) : query;
    const { docs, scores, count } = this.scoreAll(terms);
    return topK(docs, scores, count, k, allow);
  }

  /**
   * A new index with `docs` (field texts, as for build) appended as documents nDocs, nDocs+1, ….
   * Existing postings are copied, not re-analyzed, so adding a few articles to the whole library
   * takes a fraction of a second; idf is recomputed, impacts of old documents keep the build-time
   * mean length (a rebuild refreshes it). Used by incremental indexing.
   */
  appendDocs(docs: readonly (readonly string[])[]): Bm25Index {
    const vocab = new Map(this.vocab);
    const base = this.nDocs;
    const N = base + docs.length;
    const analyzed = docs.map((fields) =>
      this.fields.map((_, f) => {
        const tf = new Map<number, number>();
        const toks = tokenize(fields[f] ?? "", this.analyzer);
        for (const t of toks) {
          let id = vocab.get(t);
          if (id === undefined) vocab.set(t, (id = vocab.size));
          tf.set(id, (tf.get(id) ?? 0) + 1);
        }
        return { tf, len: toks.length };
      }),
    );
    const V = vocab.size;
    const postings = this.postings.map((old, f): FieldPostings => {
      const cfg = this.fields[f];
      const oldV = old.offsets.length - 1;
      const extra = new Int32Array(V + 1);
      for (const a of analyzed) for (const id of a[f].tf.keys()) extra[id + 1]++;
      const offsets = new Int32Array(V + 1);
      for (let t = 0; t < V; t++) offsets[t + 1] = offsets[t] + (t < oldV ? old.offsets[t + 1] - old.offsets[t] : 0) + extra[t + 1];
      const outDocs = new Int32Array(offsets[V]);
      const impacts = new Float32Array(offsets[V]);
      const fill = new Int32Array(V);
      for (let t = 0; t < V; t++) {
        const start = offsets[t];
        if (t < oldV) {
          const a = old.offsets[t];
          const b = old.offsets[t + 1];
          outDocs.set(old.docs.subarray(a, b), start);
          impacts.set(old.impacts.subarray(a, b), start);
          fill[t] = start + (b - a);
        } else fill[t] = start;
      }
      analyzed.forEach((a, i) => {
        const { tf, len } = a[f];
        for (const [id, x] of tf) {
          const p = fill[id]++;
          outDocs[p] = base + i;
          impacts[p] = (x * (cfg.k1 + 1)) / (x + cfg.k1 * (1 - cfg.b + (cfg.b * len) / (old.avgLen || 1)));
        }
      });
      const idf = new Float32Array(V);
      for (let t = 0; t < V; t++) {
        const df = offsets[t + 1] - offsets[t];
        idf[t] = df ? Math.log(1 + (N - df + 0.5) / (df + 0.5)) : 0;
      }
      return { offsets, docs: outDocs, impacts, idf, avgLen: old.avgLen };
    });
    return new Bm25Index(this.fields, this.analyzer, N, vocab, postings);
  }

  toBuffer(): Buffer {
    const arrays: Record<string, TypedArray> = {};
    this.postings.forEach((p, f) => {
      arrays[`o${f}`] = p.offsets;
      arrays[`d${f}`] = p.docs;
      arrays[`i${f}`] = p.impacts;
      arrays[`f${f}`] = p.idf;
    });
    // Terms joined by \n: one string split on load is far faster than a JSON array of strings.
    const terms = new Array<string>(this.vocab.size);
    for (const [t, id] of this.vocab) terms[id] = t;
    arrays.vocab = new Uint8Array(Buffer.from(terms.join("\n"), "utf8"));
    return pack({ fields: this.fields, analyzer: this.analyzer, nDocs: this.nDocs, avgLen: this.postings.map((p) => p.avgLen) }, arrays);
  }

  static fromBuffer(buf: Uint8Array): Bm25Index {
    const { header, arrays } = unpack<{ fields: FieldConfig[]; analyzer: AnalyzerOptions; nDocs: number; avgLen?: number[] }>(buf);
    const vb = arrays.vocab as Uint8Array;
    const terms = vb.length ? Buffer.from(vb.buffer, vb.byteOffset, vb.byteLength).toString("utf8").split("\n") : [];
    const vocab = new Map<string, number>();
    terms.forEach((t, i) => vocab.set(t, i));
    const postings = header.fields.map((_, f) => ({
      offsets: arrays[`o${f}`] as Int32Array,
      docs: arrays[`d${f}`] as Int32Array,
      impacts: arrays[`i${f}`] as Float32Array,
      idf: arrays[`f${f}`] as Float32Array,
      avgLen: header.avgLen?.[f] ?? 1,
    }));
    return new Bm25Index(header.fields, header.analyzer, header.nDocs, vocab, postings);
  }
}

/** Top k of (docs[i], scores[i]) with a size-k min-heap; ties broken by lower doc id. */
export function topK(docs: ArrayLike<number>, scores: ArrayLike<number>, count: number, k: number, allow?: Uint8Array): ScoredDoc[] {
  if (k <= 0) return [];
  const hd = new Int32Array(k);
  const hs = new Float64Array(k);
  let size = 0;
  const less = (i: number, j: number) => hs[i] < hs[j] || (hs[i] === hs[j] && hd[i] > hd[j]);
  const swap = (i: number, j: number) => {
    const d = hd[i];
    hd[i] = hd[j];
    hd[j] = d;
    const s = hs[i];
    hs[i] = hs[j];
    hs[j] = s;
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && less(l, m)) m = l;
      if (r < size && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < count; i++) {
    const d = docs[i];
    if (allow && !allow[d]) continue;
    const s = scores[i];
    if (size < k) {
      hd[size] = d;
      hs[size] = s;
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!less(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (s > hs[0] || (s === hs[0] && d < hd[0])) {
      hd[0] = d;
      hs[0] = s;
      down(0);
    }
  }
  const out: ScoredDoc[] = [];
  for (let i = 0; i < size; i++) out.push({ doc: hd[i], score: hs[i] });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}
