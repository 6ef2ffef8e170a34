/**
 * The office's own articles as a source of their own: judged among themselves with their own
 * statistics (character bigrams over the articles, idf among the articles), so 64,000 statutes
 * never out-score them and a one-character typo (派处所, 身分证) still shares most bigrams with the
 * article it means. Built once per passage list (an index generation) and cached.
 */
import { isCjk, normalize, wordTokens } from "../text/tokenize.js";
import { isHeadingLine } from "./headings.js";
import { holdsPairOrWeekday } from "./weekday-forms.js";
import type { ArticlePassage, Passage } from "../types.js";

export interface LocalDoc {
  docId: string;
  title: string;
  date: string | null;
  region: string | null;
  /** Chunks in order. */
  chunks: ArticlePassage[];
  /** Title and text, normalized, for bigram and town matching. */
  haystack: string;
  /** The haystack's sentences, split once per index (the judge reads them for every question), each read under its heading. */
  sentences: string[];
  /** Each of those sentences' own words, without the heading it is read under (a title citing 《……通告》 heads them all). */
  bodies: ReadonlyMap<string, string>;
  bigrams: Set<string>;
  /** Section headings with their offsets in the source file, in order (a chunk may end with the heading of the next). */
  headings: { at: number; text: string }[];
}

export interface LocalMatch {
  doc: LocalDoc;
  /** Share (0..1) of the question's idf-weighted bigrams the article contains. */
  coverage: number;
  /** Same share over the title alone. */
  titleCoverage: number;
}

/** Bigrams of question wording that say what is asked, not about what: they would dilute every article's share. */
const QUESTION_FORM = new Set(
  "多少 什么 怎么 怎样 哪里 哪儿 是不 不是 可以 可不 不可 我们 咱们 请问 这个 那个 有没 没有 知道 一下 如果 那么 还是 要是 时候 为什 么时 的话 能不 不能 会不 不会 是否 么办 么样 么罚 么处 应该 需要 现在 最近 今年 去年 上次 要带 带啥 携带 东西 在哪 哪里 几点 几号 了吗 的吗 是什 有什 么的 要不 不要 一个 我家 我的 他们 她们 人家 这样 那样 呢那 么时".split(" "),
);

/** A pair holding the particle 了 or the asking 几 (讲了, 了几 of 今年讲了几多场): a rare pair by chance (一场讲座讲了……), no word of the topic; no article is found holding one. */
const PARTICLE_PAIR = /[了几]/;

/** The pairs of Chinese characters only (no single characters, no ASCII/digit runs) of a text. */
export function cjkPairsOf(text: string): string[] {
  return bigramsOf(text).filter((b) => b.length === 2 && isCjk(b.charCodeAt(0)) && isCjk(b.charCodeAt(1)));
}

/** The CJK bigrams (and ASCII/digit runs) of a text. */
export function bigramsOf(text: string): string[] {
  const t = normalize(text);
  const out: string[] = [];
  let run = "";
  const flush = () => {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    run = "";
  };
  for (const ch of t) {
    if (isCjk(ch.charCodeAt(0))) run += ch;
    else flush();
  }
  flush();
  for (const m of t.matchAll(/[a-z0-9]{2,}/g)) out.push(m[0]);
  return out;
}

/** Words whose share of the articles is remembered at once (the cache starts over beyond it). */
const SHARE_CACHE_WORDS = 10_000;

export class LocalArticles {
  readonly docs: LocalDoc[];
  private df = new Map<string, number>();
  /** Town names (from front matter regions) that pick out part of the articles. */
  readonly towns: string[];
  /** Every place name of the regions, the county's too (万宁): a question naming it names no topic. Longest first (长丰镇 before 长丰). */
  readonly places: string[];

  constructor(passages: readonly Passage[]) {
    const byDoc = new Map<string, ArticlePassage[]>();
    for (const p of passages) {
      if (p.kind !== "article") continue;
      const list = byDoc.get(p.docId) ?? [];
      list.push(p);
      byDoc.set(p.docId, list);
    }
    this.docs = [...byDoc.values()].map((chunks) => {
      chunks.sort((a, b) => a.chunk - b.chunk);
      const first = chunks[0];
      const haystack = normalize(`${first.title}\n${chunks.map((c) => c.text).join("\n")}`);
      return { docId: first.docId, title: first.title, date: first.date, region: first.region, chunks, haystack, ...headedSentences(haystack), bigrams: new Set(bigramsOf(haystack)), headings: headingsOf(chunks) };
    });
    for (const d of this.docs) for (const b of d.bigrams) this.df.set(b, (this.df.get(b) ?? 0) + 1);
    this.towns = townNames(this.docs);
    this.places = placeNames(this.docs);
  }

  private byId: Map<string, LocalDoc> | null = null;
  /** The article with this id, or undefined. */
  doc(docId: string): LocalDoc | undefined {
    this.byId ??= new Map(this.docs.map((d) => [d.docId, d]));
    return this.byId.get(docId);
  }

  private shares = new Map<string, number>();
  /** Share (0..1) of the office's articles that contain the word (万宁 and 派出所 in most; a topic in few). */
  share(word: string): number {
    let s = this.shares.get(word);
    if (s === undefined) {
      s = this.docs.length ? this.docs.filter((d) => d.haystack.includes(word)).length / this.docs.length : 0;
      // Keyed by what people type: bounded, so a flood of made-up words cannot grow it without end.
      if (this.shares.size >= SHARE_CACHE_WORDS) this.shares.clear();
      this.shares.set(word, s);
    }
    return s;
  }

  /** Share (0..1) of the office's articles holding this bigram (read from the counts, not by scanning). */
  pairShare(b: string): number {
    return this.docs.length ? (this.df.get(b) ?? 0) / this.docs.length : 0;
  }

  /** idf among the office's articles; a bigram none of them has weighs most (it is what they lack). */
  idf(b: string): number {
    const n = this.docs.length;
    const df = this.df.get(b) ?? 0;
    return Math.log(1 + (n + 1) / (df + 0.5));
  }

  /**
   * The question's informative bigrams with their weights: those inside its content words, and those
   * across words that some article has ("放孔" in 放孔明灯 counts only if an article says it; "灯需" never).
   */
  questionBigrams(question: string): Map<string, number> {
    const inWords = new Set(wordTokens(question).flatMap((w) => bigramsOf(w)));
    const out = new Map<string, number>();
    for (const b of bigramsOf(question)) {
      if (b.length < 2 || QUESTION_FORM.has(b)) continue;
      if (inWords.has(b) || this.df.has(b)) out.set(b, this.idf(b));
    }
    return out;
  }

  /** Every article with its bigram coverage of the question, best first. */
  rank(question: string): LocalMatch[] {
    const q = this.questionBigrams(question);
    let total = 0;
    for (const w of q.values()) total += w;
    if (!total) return [];
    const out = this.docs.map((doc) => {
      let got = 0;
      let inTitle = 0;
      const title = normalize(doc.title);
      for (const [b, w] of q) {
        // A particle's pair weighs in the question's whole but is never found: the rest keep their shares.
        if (!PARTICLE_PAIR.test(b) && holdsPairOrWeekday(doc.bigrams, b)) got += w;
        if (title.includes(b)) inTitle += w;
      }
      return { doc, coverage: got / total, titleCoverage: inTitle / total };
    });
    return out.sort((a, b) => b.coverage - a.coverage || b.titleCoverage - a.titleCoverage);
  }
}

function headingsOf(chunks: readonly ArticlePassage[]): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (const c of chunks) {
    let at = 0;
    for (const line of c.text.split("\n")) {
      if (isHeadingLine(line)) out.push({ at: c.start + at, text: line.trim() });
      at += line.length + 1;
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The section heading above a file offset of the article ("" when none). */
export function headingAt(doc: LocalDoc, offset: number): string {
  let found = "";
  for (const h of doc.headings) {
    if (h.at >= offset) break;
    found = h.text;
  }
  return found;
}

/** The sentences of an article, each read with the section heading above it ("三、办理时间 周一至周六……"), and each one's own words. */
function headedSentences(text: string): { sentences: string[]; bodies: Map<string, string> } {
  const sentences: string[] = [];
  const bodies = new Map<string, string>();
  const add = (sentence: string, body: string) => {
    sentences.push(sentence);
    bodies.set(sentence, body);
  };
  let heading = "";
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (isHeadingLine(line)) {
      heading = line.trim();
      add(heading, heading);
      continue;
    }
    for (const s of line.split(/[。！？；]/)) if (s.trim()) add(heading ? `${heading} ${s}` : s, s);
  }
  return { sentences, bodies };
}

/**
 * The place names of one region (万宁市和乐镇 → 万宁市, 万宁, 和乐镇, 和乐). A town-level unit with no 镇
 * (万宁市兴隆华侨农场, 万宁市兴隆) is what follows the county: 兴隆华侨农场, 兴隆.
 */
function regionNames(region: string): Set<string> {
  const names = new Set<string>();
  let rest = region;
  for (const m of region.matchAll(/[\p{Script=Han}]{2,}?(?:省|市|县|区|镇|乡|街道|村|社区)/gu)) {
    names.add(m[0]);
    rest = rest.replace(m[0], " ");
    const stem = m[0].replace(/(省|市|县|区|镇|乡|街道|村|社区)$/, "");
    if (stem.length >= 2) names.add(stem);
  }
  for (const part of rest.split(/\s+/)) {
    if (part.length < 2 || !/^[\p{Script=Han}]+$/u.test(part)) continue;
    names.add(part);
    const stem = part.replace(TOWN_UNIT, "");
    if (stem.length >= 2) names.add(stem);
  }
  return names;
}

/** Town-level units named without 镇 (兴隆华侨农场, 兴隆华侨旅游经济区, 东和农场). */
const TOWN_UNIT = /(华侨)?(农场|林场|旅游经济区|经济区|旅游区|度假区|开发区)$/;

/** Every place named in the articles' regions, the county's as well as the towns'. */
function placeNames(docs: LocalDoc[]): string[] {
  return [...new Set(docs.flatMap((d) => (d.region ? [...regionNames(d.region)] : [])))].sort((a, b) => b.length - a.length);
}

/** Town-level names: each region's parts (万宁市龙滚镇 → 龙滚镇, 龙滚), kept when fewer than half the articles share them. */
function townNames(docs: LocalDoc[]): string[] {
  const count = new Map<string, number>();
  for (const d of docs) {
    if (!d.region) continue;
    for (const n of regionNames(d.region)) count.set(n, (count.get(n) ?? 0) + 1);
  }
  const withRegion = docs.filter((d) => d.region).length;
  return [...count.entries()].filter(([, c]) => c < Math.max(2, withRegion / 2)).map(([n]) => n).sort((a, b) => b.length - a.length);
}

/**
 * The towns the question names, longest form first. A town named and then corrected (一开始说在大茂丢的，
 * 后来又说是龙滚……问清楚了是龙滚) leaves the one named last.
 */
export function townsIn(question: string, towns: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of towns) if (question.includes(t) && !out.some((o) => o.includes(t))) out.push(t);
  if (out.length < 2 || !CORRECTED.test(question)) return out;
  const last = Math.max(...out.map((t) => question.lastIndexOf(t)));
  return out.filter((t) => question.lastIndexOf(t) === last);
}
/** A message that corrects what it said (应该是, 其实是, 问清楚了, 搞错了). */
const CORRECTED = /应该是|其实是|问清楚|搞错|记错|后来又说|不是[^，。？?]{1,8}是/;

/** Does the article belong to (or report on) one of these towns? */
export function inTown(doc: LocalDoc, towns: readonly string[]): boolean {
  return towns.some((t) => (doc.region ?? "").includes(t) || normalize(doc.title).includes(t));
}

const cache = new WeakMap<readonly Passage[], LocalArticles>();
export function localArticlesOf(passages: readonly Passage[]): LocalArticles {
  let la = cache.get(passages);
  if (!la) {
    la = new LocalArticles(passages);
    cache.set(passages, la);
  }
  return la;
}
