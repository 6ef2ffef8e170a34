/**
 * Judges each source on its own: which of the office's articles answers (town, year, the newest on
 * the same matter, a correction of it) and whether it answers at all; whether the law hits do. Each
 * verdict is the calibrated decision (decision.ts) over features that mean the same for every question.
 */
import type { ArticlePassage, Hit, Passage, Searcher } from "../types.js";
import { probability, type DecisionModel } from "./decision.js";
import { bestWindow, selectExcerpts, type SentenceBonus } from "./excerpts.js";
import type { Excerpt } from "./layout.js";
import { inTown, LocalArticles, localArticlesOf, townsIn, type LocalDoc, type LocalMatch } from "./local-articles.js";
import type { Prompts } from "./prompts.js";
import { answersKind, askedFor, asksLaw, asksLocalFact, measuredThing } from "./question-type.js";
import { coverage } from "./relevance.js";
import { coverageOf, type TermMatcher } from "./term-weights.js";
import { CORRECTION, correctedBy, correctionOf, inYear, newer, timeScope, titleOverlap } from "./time-scope.js";

export interface SourceNote {
  /** prompts/ file. */
  prompt: "note-superseded" | "note-latest";
  /** The article the note is about (its [n] is filled in once numbered). */
  docId: string;
  date: string;
}

export interface Judgement {
  ok: boolean;
  probability: number;
  features: number[];
  /** Law: the hits to quote from. */
  hits: Hit[];
  /** Local: the articles to quote, in order (a correction before what it corrects). */
  docs: LocalDoc[];
  notes: SourceNote[];
  /** Local: the office's article statistics (for the sentence bonus). */
  local?: LocalArticles;
  /** Local: the question as judged (a follow-up's with what the previous turn asked). */
  question?: string;
}

/** Near ties on bigram coverage: the same matter told twice (two years of one notice). */
const NEAR_TIE = 0.8;
/** Titles sharing this share of bigrams are about the same matter. */
const SAME_MATTER = 0.4;

/** The searcher's passages, when it exposes them (the index does; a stub may not). */
function passagesOf(searcher: Searcher): readonly Passage[] | null {
  const p = (searcher as { passages?: readonly Passage[] }).passages;
  return Array.isArray(p) ? p : null;
}

export async function judgeLocal(input: {
  question: string;
  query: string;
  terms: TermMatcher;
  searcher: Searcher;
  /** The searcher's ranking of the articles alone. */
  articleHits: Hit[];
  /** For a follow-up, the previous question (read): its town, year and what it asked carry over when this one names none. */
  previous?: string | null;
  today: Date;
  model: DecisionModel;
}): Promise<Judgement | null> {
  const { query, terms, searcher, articleHits, today, model, previous } = input;
  // What a follow-up asks ("那后安的呢" after a figure question) is what the previous turn asked.
  const question = previous && !askedFor(input.question).length ? `${input.question} ${previous}` : input.question;
  const passages = passagesOf(searcher);
  const local = passages ? localArticlesOf(passages) : new LocalArticles(articleHits.map((h) => h.passage));
  if (!local.docs.length) return null;
  // The articles ranked among themselves: their own bigram statistics, the question's weighted words,
  // and the searcher's ranking restricted to articles (lexicon, dense side).
  const top = articleHits[0]?.score || 1;
  const searched = new Map<string, number>();
  for (const h of articleHits) if (h.passage.kind === "article" && !searched.has(h.passage.docId)) searched.set(h.passage.docId, Math.max(0, h.score / top));
  const asked = askedFor(question);
  const scored = local.rank(query).map((m) => {
    const word = coverageOf(terms, m.doc.haystack);
    const kind = asked.length && m.doc.sentences.some((s) => answersKind(s, asked)) ? 1 : 0;
    return { m, word, kind, rankScore: m.coverage + word + 0.5 * (searched.get(m.doc.docId) ?? 0) + 0.2 * kind };
  });
  scored.sort((a, b) => b.rankScore - a.rankScore);
  const rankScore = new Map(scored.map((s) => [s.m, s.rankScore]));
  let matches: LocalMatch[] = scored.map((s) => s.m);
  if (!matches.length) return null;
  // A town named in the question selects that town's articles.
  const named = townsIn(input.question, local.towns);
  const towns = named.length || !previous ? named : townsIn(previous, local.towns);
  if (towns.length) {
    const inIt = matches.filter((m) => inTown(m.doc, towns));
    if (inIt.length) matches = inIt;
  }
  const own = timeScope(input.question, today);
  // The year carries over only to the same question about another town ("那后安的呢"); "那国庆那几天呢" is another time.
  const scope = own.year === null && !own.latest && previous && named.length ? timeScope(previous, today) : own;
  matches = inYear(matches, scope.year);
  const best = matches[0];
  const notes: SourceNote[] = [];
  let chosen = best;
  if (scope.year === null) {
    // A newer article on the same matter supersedes the older one.
    const same = matches.filter((m) => rankScore.get(m)! >= rankScore.get(best)! * NEAR_TIE && titleOverlap(m.doc.title, best.doc.title) >= SAME_MATTER);
    for (const m of same) if (newer(m.doc, chosen.doc)) chosen = m;
    if (chosen !== best && chosen.doc.date) notes.push({ prompt: "note-latest", docId: chosen.doc.docId, date: chosen.doc.date });
  }
  const docs = [chosen.doc];
  // A 更正, 撤销 or 延期 goes first, what it corrects after it, and the reply says which holds.
  const close = (m: LocalMatch) => m !== chosen && rankScore.get(m)! >= rankScore.get(chosen)! * 0.7;
  const correction =
    correctionOf(chosen.doc, local.docs) ??
    (CORRECTION.test(chosen.doc.title) ? null : matches.find((m) => close(m) && newer(m.doc, chosen.doc) && CORRECTION.test(m.doc.title))?.doc ?? null);
  // What a 更正/延期 corrects: named by it, else the best-ranked older article close on the question that is no correction itself.
  const original =
    correctedBy(chosen.doc, local.docs) ??
    (CORRECTION.test(chosen.doc.title)
      ? matches.find((m) => close(m) && newer(chosen.doc, m.doc) && !CORRECTION.test(m.doc.title))?.doc ?? null
      : null);
  if (correction && (scope.year === null || correction.date?.startsWith(String(scope.year)))) docs.unshift(correction);
  else if (original) docs.push(original);
  if (docs.length > 1) {
    notes.length = 0;
    notes.push({ prompt: "note-superseded", docId: docs[0].docId, date: docs[0].date ?? "" });
  }
  const second = matches.find((m) => m.doc !== chosen.doc);
  const kindMatch = asked.length ? (chosen.doc.sentences.some((s) => answersKind(s, asked)) ? 1 : 0) : 0.5;
  const searcherFound = searched.get(chosen.doc.docId) ?? 0;
  const features = [
    chosen.coverage,
    chosen.titleCoverage,
    coverageOf(terms, chosen.doc.haystack),
    kindMatch,
    chosen.coverage - (second?.coverage ?? 0),
    searcherFound,
    asksLocalFact(question) ? 1 : 0,
    Math.min(1, local.questionBigrams(query).size / 10),
  ];
  const p = probability(model.local, features);
  return { ok: p >= 0.5, probability: p, features, hits: [], docs, notes, local, question };
}

export function judgeLaw(input: { question: string; terms: TermMatcher; hits: Hit[]; model: DecisionModel; minCoverage: number }): Judgement | null {
  const { question, terms, hits, model, minCoverage } = input;
  if (!hits.length) return null;
  const covs = hits.map((h) => coverage(terms, h.passage));
  const top = covs.slice(0, 3).sort((a, b) => b - a);
  let own = 0;
  let expansion = 0;
  for (const { weight, expansion: e } of terms.weights.values()) {
    if (e) expansion += weight;
    else own += weight;
  }
  const features = [
    top[0] ?? 0,
    top[1] ?? 0,
    own + expansion ? expansion / (own + expansion) : 0,
    asksLaw(question) ? 1 : 0,
    asksLocalFact(question) ? 1 : 0,
    Math.min(1, [...terms.weights.values()].filter((w) => !w.expansion).length / 10),
  ];
  const p = probability(model.law, features);
  // PUFA_MIN_COVERAGE stays a floor (at 70%): below it no passage is on the question's topic, however legal it sounds.
  const ok = p >= 0.5 && (top[0] ?? 0) > minCoverage * 0.7;
  return { ok, probability: p, features, hits, docs: [], notes: [] };
}

/** Total weight of the question's own words: the scale a sentence bonus is measured in. */
function ownWeight(terms: TermMatcher): number {
  let own = 0;
  for (const { weight, expansion } of terms.weights.values()) if (!expansion) own += weight;
  return own || 1;
}

/**
 * A law sentence holding what was asked (罚多少 → the sentence with the amounts) scores higher, and
 * so does the article's first sentence, which states the rule the rest qualifies.
 */
export function lawBonus(terms: TermMatcher, question: string): SentenceBonus {
  const asked = askedFor(question);
  const k = ownWeight(terms) * 0.5;
  return (sentence, passage) => (asked.length && answersKind(sentence, asked) ? k : 0) + (passage.text.indexOf(sentence) <= 12 ? k * 0.6 : 0);
}

/**
 * For the office's articles: the sentence holding what was asked, with the question's words and
 * bigrams (so a typo still counts), beats the article's opening paragraph.
 */
export function localBonus(terms: TermMatcher, question: string, query: string, local: LocalArticles): SentenceBonus {
  const asked = askedFor(question);
  const scale = ownWeight(terms);
  const q = local.questionBigrams(query);
  let total = 0;
  for (const w of q.values()) total += w;
  const thing = asked.includes("amount") ? measuredThing(question) : null;
  return (sentence) => {
    let got = 0;
    for (const [b, w] of q) if (sentence.includes(b)) got += w;
    const share = total ? got / total : 0;
    // The article is already the one on the matter: the sentence holding what was asked wins even when
    // it repeats none of the question's words (一、登记地点：……窗口。).
    // A yes/no rule counts only in a sentence about the question's own thing (不再需要提供户口簿).
    const kinds = share > 0 ? asked : asked.filter((k) => k !== "rule");
    // Of an article's many figures, the one about what was measured (奖几多 → the reward's).
    const measured = thing && sentence.includes(thing) && answersKind(sentence, ["amount"]) ? 0.8 : 0;
    return scale * (0.6 * share + measured + (kinds.length && answersKind(sentence, kinds) ? 1.5 : 0));
  };
}

/** The best chunk of each chosen article (the one whose best window scores highest), quoted within the budget. */
export function localExcerpts(
  judged: Judgement,
  terms: TermMatcher,
  question: string,
  query: string,
  prompts: Prompts,
  options: { budget: number; maxPassages: number },
): Excerpt[] {
  const bonus = localBonus(terms, question, query, judged.local!);
  const room = Math.max(120, Math.floor(options.budget / Math.max(1, Math.min(judged.docs.length, options.maxPassages))));
  const hits: Hit[] = judged.docs.map((doc, i) => {
    let best: ArticlePassage = doc.chunks[0];
    let bestScore = -1;
    for (const c of doc.chunks) {
      const w = bestWindow(c, terms, room, bonus, askedFor(question).length > 0);
      if (w && w.score > bestScore) {
        bestScore = w.score;
        best = c;
      }
    }
    return { passage: best, score: bestScore, rank: i + 1 };
  });
  return selectExcerpts(hits, terms, prompts, { ...options, sentenceBonus: bonus, oneSentence: askedFor(question).length > 0 });
}
