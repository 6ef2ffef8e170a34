/**
 * What pufa learns from labelled questions (files in the `pufa eval` format: {question, gold:[{law,
 * article}]}, named by PUFA_LABELLED): an office that has checked which articles answer its citizens'
 * questions makes the next similar question easier. Two signals, both off without such a file:
 *
 * - Neighbours: the labelled questions most like the new one (tf-idf cosine over their bigrams and
 *   words) vote for their gold articles, weighted by similarity. A question unlike every labelled
 *   one gets next to nothing, so a set on other topics neither helps nor hurts much (measured:
 *   STARD block folds and pufa's policing set, notes in the bench).
 * - Learned expansions: a word of the questions that keeps co-occurring with a word of their gold
 *   articles (老板 → 用人单位) searches that word too, like the hand-written lexicon but counted.
 *
 * Nothing here is keyed to a question: it is the same nearest-neighbour and co-occurrence learning
 * for any labelled file, and the bench measures it with k-fold cross-validation.
 */
import type { LawPassage, Passage } from "../types.js";
import { parseArticleNo } from "../text/numerals.js";
import { DEFAULT_ANALYZER, tokenize, wordTokens, type AnalyzerOptions } from "../text/tokenize.js";
import { lawArticleKey } from "./law-aliases.js";

export interface LabelledGold {
  law: string;
  article: string;
}

export interface LabelledQuestion {
  question: string;
  gold: LabelledGold[];
}

export interface ExpansionLearning {
  /** A (question word, article word) pair must be seen in this many (question, gold article) pairs. */
  minCount: number;
  /** …in at least this share of the pairs whose question has the word… */
  minShare: number;
  /** …and this many times more often than the article word's base rate. */
  minLift: number;
  /** At most this many expansions a word, the most frequent first. */
  perWord: number;
  /** The question word must occur in at least this many labelled questions (default 1). */
  minQuestions?: number;
  /**
   * An article word found in more than this share of the library's articles is too common to
   * search for (依法, 处罚, 个人 …); needs the `docShare` argument of learnExpansions. Default 1.
   */
  maxDocShare?: number;
}

/** Chosen inside 5-fold CV on STARD-train among a handful of settings (the bench's labelled section). */
export const DEFAULT_EXPANSION_LEARNING: ExpansionLearning = { minCount: 2, minShare: 0.1, minLift: 3, perWord: 5 };

/** "law|article" of a gold label, the same normalization the citation lookup uses; null when the article label does not parse. */
export function labelKey(g: LabelledGold): string | null {
  const no = parseArticleNo(g.article);
  return no ? lawArticleKey(g.law, no) : null;
}

/** Current-version law passage ordinal of every "law|article" key. */
export function lawKeyIndex(passages: readonly Passage[]): Map<string, number> {
  const out = new Map<string, number>();
  passages.forEach((p, i) => {
    if (p.kind !== "law" || !p.current) return;
    const key = lawArticleKey(p.lawShort, p.articleNo);
    if (!out.has(key)) out.set(key, i);
  });
  return out;
}

interface SavedLabelled {
  version: 1;
  analyzer: AnalyzerOptions;
  questions: { q: string; docs: number[] }[];
  /** Questions none of whose gold the library holds (absent in indexes built before them). */
  unplaced?: string[];
  expansions: [string, [string, number][]][];
  unresolved: number;
}

type SparseVector = Map<string, number>;

export interface Neighbour {
  index: number;
  similarity: number;
}

export class LabelledKnowledge {
  /** Labelled questions kept (with at least one gold article found in the library). */
  readonly questions: readonly { q: string; docs: readonly number[] }[];
  /** Question word → [article word, share] learned from the labels. */
  readonly expansions: ReadonlyMap<string, readonly [string, number][]>;
  /** Gold labels whose law or article is not in the library (reported, not used). */
  readonly unresolved: number;
  /**
   * Questions none of whose gold the library holds. They cast no vote, but they are still questions
   * people ask: they weigh the words (a library lacking 高空抛物 must not make 犯法吗 a rare word) and
   * take their place among the nearest, so that "从楼上扔东西犯法吗" is not answered by the votes of
   * two 跑分 questions that share only 犯法吗 with it.
   */
  readonly unplaced: readonly string[];
  private readonly analyzer: AnalyzerOptions;
  /** questions, then the unplaced ones with no gold: what neighbours() ranks. */
  private readonly entries: readonly { q: string; docs: readonly number[] }[];
  private readonly idf = new Map<string, number>();
  /** Inverted index of the questions' unit tf-idf vectors: term → [question, weight]. */
  private readonly postings = new Map<string, [number, number][]>();

  private constructor(saved: SavedLabelled) {
    this.questions = saved.questions;
    this.unplaced = saved.unplaced ?? [];
    this.entries = [...this.questions, ...this.unplaced.map((q) => ({ q, docs: [] }))];
    this.expansions = new Map(saved.expansions);
    this.unresolved = saved.unresolved;
    this.analyzer = saved.analyzer;
    const toks = this.entries.map((x) => this.termCounts(x.q));
    const df = new Map<string, number>();
    for (const t of toks) for (const k of t.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const n = this.entries.length;
    for (const [k, c] of df) this.idf.set(k, Math.log(1 + n / c));
    toks.forEach((t, qi) => {
      for (const [k, w] of this.vector(t)) {
        let list = this.postings.get(k);
        if (!list) this.postings.set(k, (list = []));
        list.push([qi, w]);
      }
    });
  }

  /** Learns from labelled questions against the passages the index holds (gold = current law versions). */
  static learn(items: readonly LabelledQuestion[], passages: readonly Passage[], opts: { analyzer?: AnalyzerOptions; expansion?: ExpansionLearning } = {}): LabelledKnowledge {
    const { questions, unplaced, unresolved } = resolveLabelled(items, passages);
    const expansions = learnExpansions(questions, passages, opts.expansion ?? DEFAULT_EXPANSION_LEARNING);
    return new LabelledKnowledge({ version: 1, analyzer: opts.analyzer ?? DEFAULT_ANALYZER, questions, unplaced, expansions: [...expansions], unresolved });
  }

  static fromJSON(text: string): LabelledKnowledge {
    const saved = JSON.parse(text) as SavedLabelled;
    if (saved.version !== 1) throw new Error(`labelled knowledge format ${saved.version} is not supported`);
    return new LabelledKnowledge(saved);
  }

  toJSON(): string {
    const saved: SavedLabelled = {
      version: 1,
      analyzer: this.analyzer,
      questions: this.questions.map((x) => ({ q: x.q, docs: [...x.docs] })),
      unplaced: [...this.unplaced],
      expansions: [...this.expansions].map(([k, v]) => [k, [...v]]),
      unresolved: this.unresolved,
    };
    return JSON.stringify(saved);
  }

  /** Learned expansion words of a question with their shares (words already in it are skipped by the caller's analyzer). */
  expansionsOf(query: string): [string, number][] {
    return expansionsOf(this.expansions, query);
  }

  /**
   * The `m` labelled questions most similar to `query` (cosine > 0, MIN_SHARED_TERMS terms in common),
   * most similar first; an index past `questions` is an unplaced one.
   */
  neighbours(query: string, m: number): Neighbour[] {
    const sims = new Map<number, number>();
    const shared = new Map<number, number>();
    for (const [k, w] of this.vector(this.termCounts(query))) {
      for (const [qi, x] of this.postings.get(k) ?? []) {
        sims.set(qi, (sims.get(qi) ?? 0) + w * x);
        shared.set(qi, (shared.get(qi) ?? 0) + 1);
      }
    }
    return [...sims]
      .filter(([index]) => shared.get(index)! >= MIN_SHARED_TERMS)
      .map(([index, similarity]) => ({ index, similarity }))
      .sort((a, b) => b.similarity - a.similarity || a.index - b.index)
      .slice(0, m);
  }

  /**
   * Passage ordinal → summed similarity of the `m` nearest labelled questions that name it; `same`:
   * the passages named by a labelled question at least `sameAt` similar (taken for the same question).
   */
  votes(query: string, m: number, sameAt = Infinity): { votes: Map<number, number>; same: Set<number> } {
    const votes = new Map<number, number>();
    const same = new Set<number>();
    for (const n of this.neighbours(query, m)) {
      for (const d of this.entries[n.index].docs) {
        votes.set(d, (votes.get(d) ?? 0) + n.similarity);
        if (n.similarity >= sameAt) same.add(d);
      }
    }
    return { votes, same };
  }

  /** Bigrams of the question plus its words of 3+ characters (a word says more than its bigrams). */
  private termCounts(text: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const t of tokenize(text, this.analyzer)) if (t.length >= 2) m.set(t, (m.get(t) ?? 0) + 1);
    for (const w of contentWords(text)) if (w.length >= 3) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  }

  /** Unit tf-idf vector; a term no labelled question has gets the rarest idf (it cannot match anyway). */
  private vector(counts: Map<string, number>): SparseVector {
    const maxIdf = Math.log(1 + Math.max(1, this.entries.length));
    const v: SparseVector = new Map();
    let norm = 0;
    for (const [k, c] of counts) {
      const x = (1 + Math.log(c)) * (this.idf.get(k) ?? maxIdf);
      v.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  }
}

/**
 * A labelled question shares at least this many terms (bigrams, words of three characters) with the
 * question to count as its neighbour. One shared bigram is a coincidence: with 1,069 starter questions,
 * 马桶一直流水不停咋弄 had five 帮信 and 刷单 neighbours through 流水 alone, whose votes named 诈骗罪;
 * 打架鱼怎么养 had the fights' through 打架. Answer bench with the whole library: negatives refused
 * 236 → 239 of 247; pufa-domain .89 → .90, policing-fresh4 .80 → .82, policing-fresh5 .87 → .89,
 * policing-fresh .90 → .88.
 */
const MIN_SHARED_TERMS = 2;

/**
 * The labelled questions with their gold articles as passage ordinals (current law versions); a
 * question none of whose gold the library holds is set apart (`unplaced`), and every such label counted.
 */
export function resolveLabelled(items: readonly LabelledQuestion[], passages: readonly Passage[]): { questions: { q: string; docs: number[] }[]; unplaced: string[]; unresolved: number } {
  const keyIndex = lawKeyIndex(passages);
  let unresolved = 0;
  const questions: { q: string; docs: number[] }[] = [];
  const unplaced: string[] = [];
  for (const it of items) {
    const docs: number[] = [];
    for (const g of it.gold) {
      const key = labelKey(g);
      const d = key ? keyIndex.get(key) : undefined;
      if (d === undefined) unresolved++;
      else if (!docs.includes(d)) docs.push(d);
    }
    if (!it.question.trim()) continue;
    if (docs.length) questions.push({ q: it.question, docs });
    else unplaced.push(it.question);
  }
  return { questions, unplaced, unresolved };
}

/** Question word → [article word, share]: what learnExpansions returns and a model file stores. */
export type ExpansionTable = ReadonlyMap<string, readonly (readonly [string, number])[]>;

/** The expansions a table gives a question's content words, with their shares. */
export function expansionsOf(table: ExpansionTable, query: string): [string, number][] {
  const out: [string, number][] = [];
  for (const w of new Set(contentWords(query))) for (const [e, share] of table.get(w) ?? []) out.push([e, share]);
  return out;
}

/** 第七章, 第三分编, 第二节 …: a heading's number, not what it is about. */
const HEADING_NUMBER = /^第[一二三四五六七八九十百零〇两\d]+[分编章节条款]?[编章节]?$|分编$/;

/** Content words of two or more characters (jieba, stopwords dropped). */
function contentWords(text: string): string[] {
  return wordTokens(text).filter((w) => w.length >= 2);
}

/**
 * Question word → article words that co-occur with it across (question, gold article) pairs well
 * above chance (see ExpansionLearning). The article's own words are its text without the 第X条
 * label, plus its headings.
 */
export function learnExpansions(
  questions: readonly { q: string; docs: readonly number[] }[],
  passages: readonly Passage[],
  opts: ExpansionLearning,
  docShare?: (word: string) => number,
): Map<string, [string, number][]> {
  const maxDocShare = docShare ? (opts.maxDocShare ?? 1) : 1;
  const articleWords = new Map<number, Set<string>>();
  const wordsOf = (d: number) => {
    let s = articleWords.get(d);
    if (!s) {
      const p = passages[d] as LawPassage;
      const body = p.text.startsWith(p.article) ? p.text.slice(p.article.length) : p.text;
      const words = contentWords(`${body} ${p.headings.join(" ")}`).filter((v) => !HEADING_NUMBER.test(v) && (maxDocShare >= 1 || docShare!(v) <= maxDocShare));
      articleWords.set(d, (s = new Set(words)));
    }
    return s;
  };
  const questionsWith = new Map<string, number>();
  for (const { q } of questions) for (const w of new Set(contentWords(q))) questionsWith.set(w, (questionsWith.get(w) ?? 0) + 1);
  const nQ = new Map<string, number>();
  const nA = new Map<string, number>();
  const nQA = new Map<string, Map<string, number>>();
  let pairs = 0;
  for (const { q, docs } of questions) {
    const Q = new Set(contentWords(q));
    for (const d of docs) {
      pairs++;
      const A = wordsOf(d);
      for (const v of A) nA.set(v, (nA.get(v) ?? 0) + 1);
      for (const w of Q) {
        nQ.set(w, (nQ.get(w) ?? 0) + 1);
        let m = nQA.get(w);
        if (!m) nQA.set(w, (m = new Map()));
        for (const v of A) m.set(v, (m.get(v) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, [string, number][]>();
  for (const [w, m] of nQA) {
    if ((questionsWith.get(w) ?? 0) < (opts.minQuestions ?? 1)) continue;
    const n = nQ.get(w)!;
    const list: [string, number][] = [];
    for (const [v, c] of m) {
      if (c < opts.minCount || v === w) continue;
      const share = c / n;
      const lift = share / (nA.get(v)! / pairs);
      if (share >= opts.minShare && lift >= opts.minLift) list.push([v, Math.round(share * 1000) / 1000]);
    }
    if (list.length) out.set(w, list.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, opts.perWord));
  }
  return out;
}
