/**
 * Judges each source on its own: which of the office's articles answers (town, year, the newest on
 * the same matter, a correction of it) and whether it answers at all; whether the law hits do. Each
 * verdict is the calibrated decision (decision.ts) over features that mean the same for every question.
 */
import type { ArticlePassage, Hit, Passage, Searcher } from "../types.js";
import { titleSpans } from "./abbreviations.js";
import { probability, type DecisionModel } from "./decision.js";
import { bestWindow, selectExcerpts, type SentenceBonus, type WindowOptions } from "./excerpts.js";
import { isCjk, normalize, stopwordSet } from "../text/tokenize.js";
import { segment } from "../text/segmenter.js";
import type { Excerpt } from "./layout.js";
import { changeAsked, changeNamed } from "./correction-scope.js";
import { cjkPairsOf, headingAt, inTown, LocalArticles, localArticlesOf, townsIn, type LocalDoc, type LocalMatch } from "./local-articles.js";
import type { Prompts } from "./prompts.js";
import { spokenAsking } from "./equivalents.js";
import { NUMBERED } from "./headings.js";
import { asksDefinition, definesNamed } from "./definitions.js";
import { PUNISHMENT } from "./law-order.js";
import { ARTICLE_PATTERN } from "../text/numerals.js";
import { surnameReferences } from "./persons.js";
import { CALL_WORD, ownTopic, TIMES_OF_DAY } from "./follow-up.js";
import { HEARD_COUNT, PENALTY_NAMED, asksTermOf, STILL_WORDS, aboutLegalTopic, answersKind, askedFor, asks, asksCharge, clausesOf, lastClause, besidesFineAmount, asksLocalFact, asksHour, asksOpeningHours, asksNumber, asksOnlyNumber, asksRule, callForOther, callPurposes, countMeasure, pricedPer, unitPriced, asksUntil, countedThing, factsAsked, headingAnswers, measuredThing, thingAsked, tellsCharge, tellsHour, tellsUntil, weekdaysNamed, askingPhrases, ruledAct, paidThing, pointsAtPerson, withoutOutcomeAsked, type AskedFor } from "./question-type.js";
import { coverage, passageHaystack } from "./relevance.js";
import { coverageOf, found, ownWordsFirst, scoreText, type TermMatcher } from "./term-weights.js";
import { roughSumHeld, roughSums, statedQuantities, tierHolds } from "../text/quantities.js";
import { LAW_ITEM, splitSentences } from "../text/sentences.js";
import { CHANGED, CORRECTION, correctedBy, correctionOf, inYear, matterOf, matterPairs, namesMatter, newer, onlyRaised, repealedBy, runsOf, sameArea, sameMatter, speaksOf, timeScope } from "./time-scope.js";

export interface SourceNote {
  /** prompts/ file. */
  prompt: "note-superseded" | "note-latest";
  /** The article the note is about (its [n] is filled in once numbered). */
  docId: string;
  date: string;
}

export interface Judgement {
  ok: boolean;
  /** Law: the passages hold the question's own words (not only the lexicon's statutory synonyms). */
  grounded?: boolean;
  /** Law: the labelled questions nearest this one name the first passage strongly (see VOTED, VOTED_LIKELY). */
  voted?: boolean;
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

/** A law verdict this sure needs no coverage floor, only one of the question's own words in the passages. */
const CONFIDENT = 0.8;
/**
 * A law verdict this sure is quoted even when the statute shares none of the question's own words
 * (赌钱, 偷, 坐牢), and, on passages that do hold them, even after a local article with the fact asked for.
 */
export const SURE = 0.9;
/**
 * Labelled questions' summed similarity for the first law passage that answers on its own (the
 * negatives' highest with the eleventh session's 643 starter questions: 0.22; with the 1,069 of the
 * twelfth, one negative reaches 0.29 and is answered, the next 0.24. At 0.3, that one negative is
 * refused but policing-fresh5 loses two questions, .89 → .84).
 */
const VOTED = 0.25;
/**
 * The same, for a verdict of at least 0.5: any labelled neighbour naming the first passage (no
 * negative's first passage there gets a vote at all, with the starter set and neighbours sharing two
 * terms). A story that tells a theft in its own words (后面骑摩托的一把把她挎包抢了就跑…会怎么判)
 * shares none of them with 抢夺, so nothing grounds it; a neighbour's label does. In a library without
 * the topic the neighbours' gold is not there and casts no vote. Answer bench, whole library, against
 * 0.15 (the eleventh session's, when negatives at p ≥ 0.5 reached 0.11): wrongly refused on the
 * starter .04 → .02, fresh3 .03 → 0, fresh5 .02 → 0, fresh7 .12 → .09; right on fresh2 .93 → .95,
 * fresh3 .80 → .83, fresh4 .85 → .90; negatives refused 239 of 247 either way.
 */
const VOTED_LIKELY = 0.05;
/** A lexicon word this heavy (share of the question's heaviest term) names the statute's topic. */
const NAMED_WEIGHT = 0.35;
/** …and its passage holds this share of the weight of all the lexicon's words for the question. */
const NAMED_SHARE = 0.2;
/** A second sentence of the article is quoted when it scores this share of the best one. */
const SECOND_SENTENCE = 0.6;
/** An article is on the question's matter when it ranks this close to the best (a town's or a year's article must be). */
const ON_MATTER = 0.5;
/** A county-wide article that names the town weighs this much against the town's own. */
const NAMED_TOWN = 0.8;
/** Kinds an article holds or not, whatever its words (an app's name, a phone number, a list of documents). */
const HELD_KINDS: ReadonlySet<AskedFor> = new Set(["app", "phone", "documents"]);
/** How close to the first an article naming such a kind must be to answer before it. */
const HOLDER_CLOSE = 0.75;
/** The weight of a county article that names the town only among others (万城镇、和乐镇、后安镇). */
const LISTED_TOWN = 0.6;
/** Near ties on bigram coverage: the same matter told twice (two years of one notice). */
const NEAR_TIE = 0.8;
/** …and of those, the ones that hold the asked kind with at least this share of the best one's question words (a newer notice says it in its own words). */
const HOLDS_AS_WELL = 0.5;
/** Titles sharing this share of bigrams are about the same matter. */
const SAME_MATTER = 0.4;

/** The searcher's passages, when it exposes them (the index does; a stub may not). */
export function passagesOf(searcher: Searcher): readonly Passage[] | null {
  const p = (searcher as { passages?: readonly Passage[] }).passages;
  return Array.isArray(p) ? p : null;
}

/**
 * The query the office's articles are searched with: the equivalents' written forms, and back the
 * spoken forms they replaced where the articles themselves write them (an office writes 上户口 and
 * 电动车 as often as 户口登记 and 电动自行车; the laws never do), and a person named by surname
 * (那个姓符的) as the articles write one (符某).
 */
export function articleQuery(searcher: Searcher, query: string, spoken: readonly string[]): string {
  const passages = passagesOf(searcher);
  if (!passages) return query;
  const local = localArticlesOf(passages);
  // 那个姓符的 is 符某某 in the office's report; 快处点 is the title's 快处快赔服务点.
  const persons = surnameReferences(query);
  const kept = [...spoken.filter((w) => local.share(w) > 0), ...persons.filter((p) => local.docs.some((d) => d.haystack.includes(p))), ...titleSpans(query, local)];
  return kept.length ? `${query} ${kept.join(" ")}` : query;
}

export async function judgeLocal(input: {
  question: string;
  query: string;
  terms: TermMatcher;
  /** The words an article must hold some of to be on the question's topic (default `terms`): the office's query's. */
  topicTerms?: TermMatcher;
  searcher: Searcher;
  /** The searcher's ranking of the articles alone. */
  articleHits: Hit[];
  /** For a follow-up, the previous question (read): its town, year and what it asked carry over when this one names none. */
  previous?: string | null;
  /** The same person's last turn (read), follow-up or not: the town it named is still the one talked of when this one names none. */
  lastTurn?: string | null;
  today: Date;
  model: DecisionModel;
}): Promise<Judgement | null> {
  const { query, terms, searcher, articleHits, today, model, previous } = input;
  const passages = passagesOf(searcher);
  const local = passages ? localArticlesOf(passages) : new LocalArticles(articleHits.map((h) => h.passage));
  if (!local.docs.length) return null;
  // What a follow-up asks ("那后安的呢" after a figure question) is what the previous turn asked, unless it
  // asks yes or no of a thing of its own (答题仲系送大米咩 after 宣讲改咗几时开: the prize, not the time).
  const question = previous && !askedFor(input.question).length && !asksOwnYesNo(input.question, previous, local) ? `${input.question} ${previous}` : input.question;
  // The articles ranked among themselves: their own bigram statistics, the question's weighted words,
  // and the searcher's ranking restricted to articles (lexicon, dense side).
  const top = articleHits[0]?.score || 1;
  const searched = new Map<string, number>();
  for (const h of articleHits) if (h.passage.kind === "article" && !searched.has(h.passage.docId)) searched.set(h.passage.docId, Math.max(0, h.score / top));
  // Advice (怎么办) is no kind an article must hold to answer: it chooses sentences, not articles.
  const asked = askedFor(question).filter((k) => k !== "advice");
  const facts = factsAsked(question);
  const bigrams = local.questionBigrams(query);
  const until = asksUntil(question);
  // 巡了几多处: an article that counts in 处 (水域11处) tells that count; one with other figures does not.
  // Measure words people swap (查了几间 for 网吧9家) count as one.
  const counted = asked.includes("amount") ? countedThing(question) : null;
  const countedAs = counted ? swappedFor(counted) : [];
  // Asked only where or when someone was caught (喺边度畀警察捉到): an article tells it in the sentence of the arrest.
  const caughtOnly = facts.length === 1 && CAUGHT_KINDS.has(facts[0]) && CAUGHT_ASKED.test(question);
  // With no thing counted, a case's money measured (冻住了多少 → 冻: 冻结涉案资金42万余元; 追回, 缴获, 挽回) tells
  // the article with that figure. Other things measured (司机几多岁 → 机) say too little of an article.
  const measuredVerb = asked.includes("amount") && !counted ? measuredThing(question) : null;
  const measured = measuredVerb && CASE_MONEY_VERB.test(measuredVerb) ? measuredVerb : null;
  // An article telling that money in a figure (追回……21.6万元 for 拿回几多钱).
  const tellsMeasured = (d: LocalDoc) => !!measured && d.sentences.some((s) => answersKind(s, ["amount"]) && tellsOf(s, measured));
  // An article telling a figure of the thing counted (民宿38家 for 查了几多间民宿).
  // A measure word counted (几单 → 起, 宗, 件) is told right after its figure (11起), not by 起 of 自9月21日起.
  // So is 场 of events (几多场讲座 → 宣讲86场).
  const figureOf = counted && (SWAPPED_MEASURES.some((g) => g.includes(counted)) || counted === "场") ? figureIn(countedAs) : null;
  // People counted as caught (捉咗几多人): a sentence of arrests counts them, not a notice's quota (限120名).
  const arrestsCounted = !!counted && PERSON_MEASURES.includes(counted) && measuredThing(question) === "抓";
  // 几多间培训机构: the thing named, then its figure in the measure asked or one swapped for it (培训机构、健身房等……93家).
  const listed = counted && !figureOf ? listedFigure(question, counted) : null;
  const countsIt = (d: LocalDoc) =>
    d.sentences.some((s) => answersKind(s, ["amount"]) && (figureOf ? figureOf.test(s) : countedAs.some((c) => countedNear(s, c)) || countedListed(s, counted!, listed)) && (!arrestsCounted || tellsOf(s, "抓")));
  const callOnly = asksOnlyNumber(question);
  const purposes = callOnly ? callPurposes(question) : [];
  const unit = asked.includes("amount") || asked.includes("fee") ? unitPriced(question) : null;
  // 嗰个女大学生……系几号嘅事: a fact of a person's case pointed at, which a report tells and a notice of a talk does not.
  const ofToldPerson = facts.length > 0 && pointsAtPerson(question);
  const scored = local.rank(query).map((m) => {
    const word = coverageOf(terms, m.doc.haystack);
    // Asked a fact (要带啥), the article holding that kind ranks up, not one holding a rule word beside it (不得).
    // Asked where or when someone was caught, the sentence of the arrest tells it (not a report's 在校学生 beside its 抓获).
    // Asked a number for a purpose (举报假证打咩电话), a talk's 报名 line is none.
    const kind = asked.length && m.doc.sentences.some((s) => answersKind(s, facts.length ? facts : asked) && (!caughtOnly || CAUGHT_TOLD.test(s)) && !(callOnly && callForOther(s, purposes))) ? 1 : 0;
    // 最迟几号 is answered by an article that ends a period (4月10日前), not by one that dates an event.
    const ends = until && m.doc.sentences.some((s) => tellsUntil(s)) ? 1 : 0;
    const count =
      kind && ((counted && countsIt(m.doc)) || tellsMeasured(m.doc)) ? 1 : 0;
    // 一张卡卖几多蚊: an article pricing the thing per that unit (电话卡每张200元), not one telling a rough 每张卡几百元.
    const priced = unit && m.doc.sentences.some((s) => pricedPer(s, unit)) ? 1 : 0;
    const report = ofToldPerson && !NOTICE_PAPER.test(m.doc.title) ? 1 : 0;
    const rest = word + 0.5 * (searched.get(m.doc.docId) ?? 0) + 0.2 * kind + 0.2 * ends + 0.2 * count + 0.2 * priced + 0.2 * report;
    const base = m.coverage + rest;
    // An article whose title names the question's matter (居住证 → 办事指南：居住证申领) is about it, not just
    // mentioning it: it ranks first. Whether another is close on the question (a correction titled its own
    // way, 关于临时放宽燃放时段的补充公告) is judged without that.
    return { m, word, kind, base, rest, rankScore: base + 0.5 * m.titleCoverage };
  });
  scored.sort((a, b) => b.rankScore - a.rankScore);
  const rankScore = new Map(scored.map((s) => [s.m, s.rankScore]));
  const closeness = new Map(scored.map((s) => [s.m, s.base]));
  let matches: LocalMatch[] = scored.map((s) => s.m);
  if (!matches.length) return null;
  // Asked only a thing an article names or does not (下载咩APP, 打边个电话, 要带咩): the first close one naming
  // it answers, not one a little closer on the question's words that names none (the same scam told without its app).
  const holder = facts.length === 1 && HELD_KINDS.has(facts[0]) && !scored[0].kind ? scored.find((x) => x.kind && x.rankScore >= scored[0].rankScore * HOLDER_CLOSE) : undefined;
  if (holder) matches = [holder.m, ...matches.filter((m) => m !== holder.m)];
  // The old value typed (仲系3万蚊吗, 仲系62271105吗, 系咪最多5000蚊) that a notice changes, or prints while a newer one
  // changes it, names that notice as surely as its title.
  // The values typed are read once (none typed, no article is read for them).
  const typed: TypedValues = { numbers: typedNumbers(question), amounts: typedAmounts(question) };
  const valueTyped = typed.numbers.length > 0 || typed.amounts.length > 0;
  const typedOf = valueTyped
    ? scored.find((x) => changesAmountOf(typed, x.m.doc) || quotesNumberOf(typed, x.m.doc) || (statesAmountOf(typed, x.m.doc) && !!correctionOf(x.m.doc, local.docs)))
    : undefined;
  // The notice that changes it leads (仲系: what holds now), the one typed from after it.
  if (typedOf && typedOf !== scored[0]) {
    const successor = correctionOf(typedOf.m.doc, local.docs);
    const first = [matches.find((m) => m.doc === successor), typedOf.m].filter((m): m is LocalMatch => !!m);
    matches = [...first, ...matches.filter((m) => !first.includes(m))];
  }
  const onMatter = (list: LocalMatch[]) => list.filter((m) => rankScore.get(m)! >= rankScore.get(list[0])! * ON_MATTER);
  // A town named in the question selects that town's articles on the matter (its own first, then a
  // county-wide one that names it); the town's articles on other matters do not answer.
  const named = townsIn(input.question, local.towns);
  // 发现有人落水该咋办 after 大茂划了多少危险水域: still 大茂.
  const towns = named.length ? named : townsIn(previous ?? input.lastTurn ?? "", local.towns);
  if (towns.length) {
    // The town's own article is preferred, a little: a county notice naming the town may be more on the matter.
    // Named only in a list of towns (在万城镇、和乐镇、后安镇租用门店) it is no place of the article's own: less still.
    const weight = (m: LocalMatch) =>
      inTown(m.doc, towns) ? 1 : towns.some((t) => m.doc.haystack.includes(t)) ? (towns.every((t) => listedOnly(m.doc.haystack, t)) ? LISTED_TOWN : NAMED_TOWN) : 0;
    const inIt = onMatter(matches).filter((m) => weight(m) > 0);
    // Among the town's articles its name tells none from another (北大镇 in one's title is no sign it is on the matter).
    const placeless = new Map(local.rank(towns.reduce((q, t) => q.replaceAll(t, " "), query)).map((m) => [m.doc, m]));
    const rest = new Map(scored.map((x) => [x.m, x.rest]));
    const onQuestion = (m: LocalMatch) => {
      const p = placeless.get(m.doc);
      return p ? p.coverage + rest.get(m)! + 0.5 * p.titleCoverage : rankScore.get(m)!;
    };
    if (inIt.length) matches = inIt.sort((a, b) => onQuestion(b) * weight(b) - onQuestion(a) * weight(a));
  }
  const own = timeScope(input.question, today);
  // The year carries over only to the same question about another town ("那后安的呢"); "那国庆那几天呢" is another time.
  const scope = own.year === null && !own.latest && previous && named.length ? timeScope(previous, today) : own;
  // The named year among the articles on the matter: 今年过年能不能放鞭炮 is not answered by this year's
  // patrol report when the fireworks notice in force is from last winter.
  // This year asked with no article of this year on the matter (今年举报奖金是多少, the rules of 2025
  // still in force): the notice in force answers, as without a year.
  let dated = scope.year !== null;
  if (scope.year !== null) {
    const candidates = onMatter(matches);
    const found = inYear(candidates, scope.year, (s) => facts.length > 0 && answersKind(s, facts));
    // Asked a count in a measure word (今年有几单了), the year's articles that count none of it (a guide's 2张照片) are no article of
    // the year on the matter: the one that counts it answers, as with no year (a warning's 今年以来……11起).
    // A thing counted in a measure word before it (几多部手机): a figure in that measure (73部) counts it. So with a case's
    // money asked (今年帮老人拿回几多钱 → 挽回): other money of the year (退还3360元 at a stopped talk) is no figure of it.
    const measure = !figureOf && counted ? countMeasure(question) : null;
    const inMeasure = measure && SWAPPED_MEASURES.some((g) => g.includes(measure)) ? figureIn(swappedFor(measure)) : null;
    const tellsCount: ((d: LocalDoc) => boolean) | null = figureOf
      ? countsIt
      : inMeasure
        ? (d) => d.sentences.some((s) => answersKind(s, ["amount"]) && inMeasure.test(s))
        : measured
          ? tellsMeasured
          : null;
    const counting = new Set(tellsCount ? candidates.filter((m) => tellsCount(m.doc)) : []);
    const countless = counting.size > 0 && found !== candidates && !found.some((m) => counting.has(m));
    if (countless) matches = [...matches.filter((m) => counting.has(m)), ...matches.filter((m) => !counting.has(m))];
    if (!countless && found !== candidates) matches = found;
    else if (scope.year === today.getFullYear()) dated = false;
  }
  // Without a year, a notice repealed by name in a newer one no longer answers.
  if (!dated) {
    const inForce = matches.filter((m) => !repealedBy(m.doc, local.docs));
    if (inForce.length) matches = inForce;
  }
  // A follow-up with no topic of its own (罚咗几多 after 护电保线行动查咗几多间废品站) asks of the article the last turn
  // was about, when that one tells the kind asked (处罚款共计3.2万元): not of another the two turns' words fit better
  // (a case report titled 废品站经营者被罚).
  // Only when the follow-up names nothing of its own (那个被查的ktv罚了多少 names the KTV), and that article is on the
  // matter as the two turns read it.
  if (previous && !named.length && facts.length && !ownTopic(input.question).length && !LATIN_WORD.test(input.question)) {
    // The last turn's article is the one its own words rank first, when they hold at least half of them: 从来没办过通行证's
    // 通行 alone (coverage 0.17) does not make an e-bike notice what it was about.
    const top = local.rank(previous)[0];
    const at = top && top.coverage >= LAST_TURN_COVERAGE ? matches.findIndex((m) => m.doc === top.doc) : -1;
    if (at > 0 && rankScore.get(matches[at])! >= rankScore.get(matches[0])! * NEAR_TIE && top.doc.sentences.some((s) => answersKind(s, facts))) {
      matches = [matches[at], ...matches.filter((_, j) => j !== at)];
    }
  }
  const best = matches[0];
  const notes: SourceNote[] = [];
  // Asked what holds now (现在, 而家, 目前) for a figure, time, place ….
  const now = !dated && own.latest && facts.length > 0;
  let chosen = best;
  if (!dated) {
    // A newer article on the same matter supersedes the older one, on what it says: asked for a
    // figure, time, place … the newest of those that hold it about as well as any (a deadline's
    // extension does not say where to register).
    // Same matter: titles alike without the issuer's name, year and kind of paper (the traffic police's
    // helmet notice and its crash report share 万宁市公安局交通警察大队关于 and nothing else), a little less
    // alike than a correction must be, or naming the same person.
    // Asked what holds now, any article of the same place on the question's topic that tells it is a
    // version of it, whatever its title (a town's report's reward of 200元, its next notice's 500元).
    // A county-wide notice is no version of a town's.
    // The two titles must name one thing beyond the place and the office (太阳河 in both): a town's articles
    // on other matters hold the question's topic word often enough (龙滚's 平安集市 and its lost-and-found notice).
    // A town's articles on one thing share a word of it (水库); a county's many share single words across
    // matters (出租 of 出租房屋 and of 出租出借两卡): two of them then, or one the question names (养老), or the
    // newer one's text names the older one's matter (a window's move notice: 二手车过户 of the guide's title).
    const bestMatter = matterOf(best.doc.title, local.places);
    const bestPairs = new Set(cjkPairsOf(bestMatter));
    const townsOwn = local.towns.some((t) => (best.doc.region ?? "").includes(t));
    // Pairs that run on in both titles are one word (秋季学期 and 春季学期 share 季学 and 学期: one word, 季学期).
    const sharesThing = (d: LocalDoc) => {
      const both = new Set(matterPairs(d.title, local.places).filter((b) => bestPairs.has(b) && !officeWord(b, local)));
      const words = runsOf([...both], d.title, best.doc.title);
      return words.length >= 2 || (words.length === 1 && (townsOwn || cjkPairsOf(words[0]).some((b) => question.includes(b)))) || namesMatter(d, bestMatter);
    };
    // Asked a count of a thing (上次整治罚了多少人), a version tells a count of it: a registration notice's
    // 12.6万辆 is no newer figure of a crackdown report's 罚款214人次.
    const tells = (m: LocalMatch) =>
      !!m.doc.region &&
      m.doc.region === best.doc.region &&
      (m === best || (sharesThing(m.doc) && (!counted || countsIt(m.doc)))) &&
      factHold(m.doc, facts, bigrams) > 0 &&
      onTopic(m.doc, input.topicTerms ?? terms, local, today, askingPhrases(question), question);
    const versions = now && tells(best);
    // Another town's notice on the same matter is no newer version (后安's registration notice tells 万城 nothing).
    // Nor is a report of results a newer version of a notice's rules (打击私屠滥宰……专项行动成效显著 of 受理私屠滥宰……线索举报的通告).
    // A notice is one of a report that set rules out (部署……治安管理工作, then 关于……治安管理的通告): local-fresh9 −4 without it.
    const titledAlike = (m: LocalMatch) => rankScore.get(m)! >= rankScore.get(best)! * NEAR_TIE && sameMatter(m.doc, best.doc, SAME_MATTER) && sameArea(m.doc.region, best.doc.region) && (NOTICE_PAPER.test(m.doc.title) || !NOTICE_PAPER.test(best.doc.title));
    let same = matches.filter((m) => titledAlike(m) || (versions && rankScore.get(m)! >= rankScore.get(best)! * ON_MATTER && tells(m)));
    if (facts.length && same.length > 1) {
      const holds = new Map(same.map((m) => [m, factHold(m.doc, facts, bigrams)]));
      const top = Math.max(...holds.values());
      // Beyond the words every title of them writes (马拉松), a version holds some of the question's own where the
      // best-ranked does: a race's lost-and-found report is no version of its postponement notice on 领物.
      const own = new Map([...bigrams].filter(([b]) => !same.every((m) => m.doc.title.includes(b))));
      const ownHolds = new Map(same.map((m) => [m, factHold(m.doc, facts, own)]));
      const ownWanted = (ownHolds.get(best) ?? 0) > FACT_BASE;
      // None may pass both (the best-ranked holds the question's own words, the one holding most does not): then all stay.
      const kept = top > 0 ? same.filter((m) => holds.get(m)! >= top * HOLDS_AS_WELL && (!ownWanted || ownHolds.get(m)! > FACT_BASE)) : same;
      if (kept.length) same = kept;
      if (!same.includes(chosen)) chosen = same[0];
    }
    for (const m of same) if (newer(m.doc, chosen.doc)) chosen = m;
    // 电话仲系62212110吗: the article that retires or changes the number typed (原举报电话0898-62212110同时停用)
    // tells what replaced it, whatever newer notice of the office shares its matter's words.
    const retiring = now && typed.numbers.length ? matches.find((m) => retiresNumber(m.doc, typed.numbers)) : undefined;
    if (retiring) chosen = retiring;
    // 代步车登记咨询电话仲系62231457吗: the number is the first article's own; what holds now is told by the notice
    // that names that article and prevails, else by the article itself: not by a newer notice on a like matter (电动自行车登记上牌).
    else if (now && quotesNumberOf(typed, best.doc)) {
      const successor = correctionOf(best.doc, local.docs);
      chosen = (successor && matches.find((m) => m.doc === successor)) || best;
    }
    if (chosen !== best && chosen.doc.date) notes.push({ prompt: "note-latest", docId: chosen.doc.docId, date: chosen.doc.date });
  }
  const docs = [chosen.doc];
  // A 更正, 撤销 or 延期 goes first, what it corrects after it, and the reply says which holds.
  const close = (m: LocalMatch) => m !== chosen && closeness.get(m)! >= closeness.get(chosen)! * 0.7;
  const correction =
    correctionOf(chosen.doc, local.docs) ??
    // Asked of a person's case pointed at, not one naming another article as what it corrects (a talk's 延期 names
    // the talk's notice, not the case's report).
    (CORRECTION.test(chosen.doc.title) ? null : matches.find((m) => close(m) && newer(m.doc, chosen.doc) && CORRECTION.test(m.doc.title) && (!ofToldPerson || (correctedBy(m.doc, local.docs) ?? chosen.doc) === chosen.doc))?.doc ?? null);
  // What a 更正/延期 corrects: named by it, else the best-ranked older article close on the question that is no correction itself.
  const original =
    correctedBy(chosen.doc, local.docs) ??
    (CORRECTION.test(chosen.doc.title)
      ? matches.find((m) => close(m) && newer(chosen.doc, m.doc) && !CORRECTION.test(m.doc.title))?.doc ?? null
      : null);
  // Asked for a figure, time, place …, a correction that says nothing of that kind is beside the point;
  // asked no fact, one that holds none of the question's words outside its title and its recital of
  // the old notice (the stolen bikes' count and tips, asked whether another item of the report, a rumour, was true).
  // Its sentences that only name the old notice or what stays as it was (原通知中关于……2小时内上传……等其他内容不变) tell nothing new.
  const questionPairs = [...bigrams.keys()];
  // A clause keeping the rest (……放宽为年满60周岁，发放范围……，其他对象不变) leaves what the sentence changes said.
  const newSaid = (d: LocalDoc): LocalDoc => ({ ...d, sentences: d.sentences.filter((s) => !recites(d, s)).map((s) => s.replace(UNCHANGED_CLAUSE, "")).filter((s) => s.length > 0) });
  // Asked whether a value heard still holds (仲系奖500蚊咩), a correction changing a value of that kind (奖励标准提高为……1000元) is on it.
  const heard = heardStill(question);
  const ties = heardTies(question);
  const changesHeardOf = (d: LocalDoc) => heard.length > 0 && newSaid(d).sentences.some((s) => changesHeard(s, heard, ties));
  const relevant = (d: LocalDoc) => {
    const said = newSaid(d);
    return changesHeardOf(d) || (facts.length ? factHold(said, facts, bigrams) > 0 : said.sentences.some((s) => questionPairs.some((b) => s.includes(b) && !d.title.includes(b))));
  };
  // A correction whose title names what it adjusts (调整……培训时间和地点) goes first only when asked of that
  // (correction-scope.ts): asked of the rest (客人带个小孩冇身份证点样登记), the notice it corrects comes first,
  // the correction still quoted after it and named by the note. Asked what holds now or of a year, the newer leads.
  // Or the question quotes the old value the correction changes (听讲要65岁先领到 → 由年满65周岁放宽为年满60周岁),
  // or names what only the correction's new text holds (定位卡 of 四、新增防走失定位卡).
  const addsAsked = (corr: LocalDoc, corrected: LocalDoc) => {
    const said = newSaid(corr).sentences;
    return questionPairs.some((b) => !corr.title.includes(b) && !corrected.haystack.includes(b) && said.some((s) => s.includes(b)));
  };
  // A number typed that the corrected notice prints, where the correction changes a number (打62231507仲有冇人听 →
  // 三、咨询电话。变更为0898-62259110): what replaced it is asked.
  const numberChanged = (corr: LocalDoc, corrected: LocalDoc) =>
    typed.numbers.length > 0 && quotesNumberOf(typed, corrected) && newSaid(corr).sentences.some((s) => changesTo(s, ["phone"]));
  const changeIsAsked = (corr: LocalDoc, corrected: LocalDoc) =>
    own.latest ||
    dated ||
    changeAsked(changeNamed(corr.title, corrected.title, local.places), question, asked) ||
    changesQuoted(corr, question) ||
    addsAsked(corr, corrected) ||
    changesHeardOf(corr) ||
    numberChanged(corr, corrected) ||
    restatesAsked(newSaid(corr), corrected, facts, questionPairs);
  // A notice the chosen one repeals by name (……《……的通告》同时废止) has nothing left to say: the note says it was replaced.
  const repealed = !!original && repealedBy(original, local.docs) === chosen.doc;
  // The newer of the two and what it corrects: the chosen one's correction, or the chosen one and its original.
  const pair =
    correction && relevant(correction) && (!dated || speaksOf(correction, scope.year!)) ? [correction, chosen.doc] : original && !repealed ? [chosen.doc, original] : null;
  if (pair) docs.splice(0, docs.length, ...(changeIsAsked(pair[0], pair[1]) ? pair : [pair[1], pair[0]]));
  const superseding = pair?.[0] ?? chosen.doc;
  if (docs.length > 1 || repealed) {
    notes.length = 0;
    notes.push({ prompt: "note-superseded", docId: superseding.docId, date: superseding.date ?? "" });
  }
  // A village of the office's articles named (田新村那段路) asks about local matters as a town does.
  const villageNamed = [...question.matchAll(VILLAGE)].some((v) => !GENERIC_VILLAGE.test(v[0]) && local.docs.some((d) => d.haystack.includes(v[0])));
  const featuresOf = (m: LocalMatch): number[] => {
    const second = matches.find((x) => x.doc !== m.doc);
    return [
      m.coverage,
      m.titleCoverage,
      coverageOf(terms, m.doc.haystack),
      asked.length ? (m.doc.sentences.some((s) => answersKind(s, asked)) ? 1 : 0) : 0.5,
      m.coverage - (second?.coverage ?? 0),
      searched.get(m.doc.docId) ?? 0,
      // A town of the office's own named (礼纪晚上经常查醉驾) asks about local matters as much as 我们这里 does;
      // so does a value heard asked whether it holds (系咪最多奖5000蚊咋: the office's reward).
      asksLocalFact(question) || named.length || villageNamed || heard.length > 0 ? 1 : 0,
      Math.min(1, bigrams.size / 10),
    ];
  };
  // Asked what holds now, a newer version of the best-ranked article answers whenever that one does:
  // whether the office's material answers is judged on the better of the two.
  let features = featuresOf(chosen);
  let p = probability(model.local, features);
  if (now && chosen !== best && newer(chosen.doc, best.doc)) {
    const onBest = featuresOf(best);
    const pBest = probability(model.local, onBest);
    if (pBest > p) [features, p] = [onBest, pBest];
  }
  // A number the article prints (护农专线62271110打不通 现在换成哪个号) names it as surely as its title would:
  // it is the topic, whatever else the message's words are (举报电话仲系62215110咩 打极都唔通); so does the old
  // notice's number when the newer one that replaces it is chosen (the pair answers together).
  const quoted = docs.some((d) => quotesNumberOf(typed, d) || changesAmountOf(typed, d));
  // Asked how the case of people pointed at ended (那个包工头欠薪跑路 抓到冇), only a report telling of that case
  // answers, not one that met a word of it by chance (跑路 of 数据多跑路 in a county's round-up of arrests). The last
  // turn's words tell the case only where that turn was about this article (开车那个人后来咋样了 after 山根撞车那次……),
  // not after another matter (电瓶车上牌要带啥, whose 上牌 the round-up also writes).
  const ofCase = asked.includes("outcome") && CASE_PEOPLE.test(question);
  // 三无船系咩意思: a notice defining the term asked (本通告所称“三无船舶”，是指……) answers it, as a law's definition would.
  const defines = asksDefinition(question) && chosen.doc.sentences.some((s) => definesNamed(question, s));
  return {
    ok: quoted || defines || (p >= 0.5 && onTopic(chosen.doc, input.topicTerms ?? terms, local, today, askingPhrases(question), question) && (!ofCase || tellsOfCase(chosen.doc, question, input.topicTerms ?? terms, local, previous))),
    probability: p,
    features,
    hits: [],
    docs,
    notes,
    local,
    question,
  };
}

/** The verbs of a case's money, which a report tells in a figure of its own (冻结, 止付, 追回, 缴获, 挽回, 退还, 损失; 赚咗几多 → 非法获利). */
const CASE_MONEY_VERB = /^[冻止追缴挽退损赚汇转]$/;

/** The measures people are counted in. */
const PERSON_MEASURES: readonly string[] = ["名", "人", "个", "位"];
/** Measure words that people use for one another (几间网吧 for 9家, 几部车 for 46辆, 几单 for 17起). */
const SWAPPED_MEASURES: readonly (readonly string[])[] = [["间", "家", "户", "个"], ["部", "辆", "台", "架"], PERSON_MEASURES, ["起", "宗", "单", "件"]];
/** A count of vehicles asked in their measure word (几多架代步车, 多少辆摩的). */
const VEHICLE_COUNT = /(?:多少|几多|几)(架|辆|部|台)(?=[^，。？?\s]{0,4}车)/;
/** A figure told in a measure word people swap for the one asked, right after its number (3名 for 几个; not 29岁）……人); null for a word counted (民宿). */
function swappedFigure(counted: string): RegExp | null {
  const others = swappedFor(counted).filter((m) => m !== counted);
  return others.length ? figureIn(others) : null;
}
/** A figure told in one of these measure words, right after its number (11起, 3余名). */
function figureIn(measures: readonly string[]): RegExp {
  return new RegExp(`[0-9０-９]\\s*(余|多)?\\s*(${measures.join("|")})`);
}
/** The measure words a count asked in this one may be told in (几个 → 个, 名, 人, 位, 间, 家, 户); a word counted (民宿) only itself. */
function swappedFor(counted: string): string[] {
  const groups = SWAPPED_MEASURES.filter((g) => g.includes(counted));
  return groups.length ? [...new Set(groups.flat())] : [counted];
}

/** A village by name (田新村, 文通村): two or three characters before 村. */
const VILLAGE = /[\p{Script=Han}]{2,3}村/gu;
/** …not a kind of village (新农村, 我们村). */
const GENERIC_VILLAGE = /(农|乡|山|渔|们|个|那|这|嗰|本|全|各|每)村$/;

/** A word in at least this share of the office's articles (派出所, 民警 in a county's reports) names the office, not a topic… */
const OFFICE_SHARE = 0.3;
/** …once there are enough articles to tell; the words naming a police office are its own in any corpus. */
const OFFICE_SHARE_MIN_ARTICLES = 10;
/** A long question needs one more of its topic words in the article for every this many it has. */
const TOPIC_WORDS_PER = 6;
/** How a question reports what it heard (网上说, 听讲, 有人话, 我看): never its topic. */
const HEARSAY = /^(说|讲|话|看|听说|听讲|听人说|据说)$/;
/** How a question names the law it asks (法律讲最多罚几多, 法规点规定): the source asked, not its topic; an article titled 这些法律后果 is on no matter named so. */
const LAW_NAMED = /^(法律|法规|法例|法律法规)$/;
/** A Cantonese character that links or asks (系 of 系边个嚟讲, 边, 咩, 嘅, 咗), cut alone by the segmenter: never a topic. */
const SPOKEN_FUNCTION = /^[系边咩乜嘅咗唔冇喺嚟啲佢咁噉嗰呢哋畀俾]$/;
/** Going somewhere to hand in, bring or get something done (去派出所交东西, 在哪里办): the errand, not its topic. */
const ERRAND = /^(去|来|到|交|送|拿|带|携带|办|弄|搞|东西|事|事情|需要)$/;
const OFFICE = /^(派出所|公安|公安局|公安机关|民警|警察|警方|警务|辅警)$/;

/** A word that names the office, not a topic: 派出所, 民警, or, once there are enough articles to tell, one in 30% or more of them. */
export function officeWord(w: string, local: LocalArticles): boolean {
  return OFFICE.test(w) || (local.docs.length >= OFFICE_SHARE_MIN_ARTICLES && local.share(w) >= OFFICE_SHARE);
}

/**
 * Does the article hold the question's topic? The question's own words that are neither the office's
 * (派出所; words in most of its articles), nor a place of its regions (万宁, 和乐), nor asking words
 * (几点, 哪里) name its topic; the article must hold one of them, or a lexicon word for one.
 * 万宁派出所在哪里办身份证 is not answered by a report that says where a school lecture was held.
 */
function onTopic(doc: LocalDoc, terms: TermMatcher, local: LocalArticles, today: Date, asking: readonly string[], question = ""): boolean {
  const counted = local.docs.length >= OFFICE_SHARE_MIN_ARTICLES;
  const office = (w: string) => officeWord(w, local);
  const timeWord = (w: string) => {
    const t = timeScope(w, today);
    return t.year !== null || t.latest;
  };
  // A single character (养, 犬, 枪) names a topic only where the articles are enough to tell it from 去 and 办.
  // The words that ask (哪条 of 哪条路, 门牌 of 门牌几号) name no topic.
  const topical = (w: string) =>
    (Array.from(w).length >= 2 || counted) &&
    !office(w) &&
    !local.places.some((t) => t.includes(w) || w.includes(t)) &&
    !askedFor(w).length &&
    !asking.some((a) => a.includes(w)) &&
    !timeWord(w) &&
    !HEARSAY.test(w) &&
    !LAW_NAMED.test(w) &&
    !SPOKEN_FUNCTION.test(w) &&
    !ERRAND.test(w) &&
    !spokenAsking(w);
  // A bare number (12, 2.4) names no topic.
  const all = [...terms.weights].filter(([w]) => topical(w) && !/^[\d.%]+$/.test(w));
  // Asked a number to call, the call's words (举报, 电话) name the topic only alone: 举报电话系几多 asks any
  // article's line, 举报假证嘅电话 the line of an article on 假证, not a drug talk's 举报电话.
  // A single character left (号 of 几多号) names no matter of its own.
  const callsFor = asksNumber(question) ? all.filter(([w, v]) => !v.expansion && !CALL_WORD.test(w) && Array.from(w).length >= 2) : [];
  const words = callsFor.length ? all.filter(([w]) => !CALL_WORD.test(w)) : all;
  if (!words.some(([, v]) => !v.expansion)) return true;
  // One is enough for a question of a few words: requiring a share of their weight (0.2–0.4) refused the
  // office's own articles more often than it kept policing stories for the law (src/bench/answer-bench.ts).
  // A story of many words holds one of any article's by chance: one more for every TOPIC_WORDS_PER of them.
  // Only words some article holds can match by chance (老伴, 一圈 and 两米 in no article are no risk).
  const own = words.filter(([w, v]) => !v.expansion && local.share(w) > 0).length;
  const need = Math.max(1, 1 + Math.floor((own - 1) / TOPIC_WORDS_PER));
  const holds = (w: string) => found(doc.haystack, w) > 0 || resegmented(w, question, doc, local);
  // A lexicon word cut from a phrase is held with its phrase: 安全 of 安全出口 (read for 楼道停车) is in any article on
  // traffic (道路交通安全) and names no matter.
  return words.filter(([w, v]) => (v.phrase ? doc.haystack.includes(v.phrase) : holds(w))).length >= need;
}

/** A negation, which starts a verb (不肯, 唔肯): never the second half of a noun. */
const NEGATION = /^[不没冇唔未别莫勿]$/;

/**
 * Is a two-character word of the question the segmenter's wrong cut, where the article writes the word one
 * character over (山火烧咗几多亩 cut 山/火烧: the report writes 山火)? The pair across the cut, neither
 * character a stopword, is read as the word when the article holds it and it is a topic's (few articles hold it).
 */
function resegmented(word: string, question: string, doc: LocalDoc, local: LocalArticles): boolean {
  const chars = Array.from(word);
  if (chars.length !== 2 || !question) return false;
  const q = Array.from(normalize(question));
  const stop = stopwordSet();
  // A negation starts a verb (停车不肯搬 is 停车/不肯, never 车不 of 开车不喝酒).
  const cjk = (c: string | undefined) => !!c && isCjk(c.charCodeAt(0)) && !stop.has(c) && !NEGATION.test(c);
  for (let i = 0; i + 1 < q.length; i++) {
    if (q[i] !== chars[0] || q[i + 1] !== chars[1]) continue;
    const across = [cjk(q[i - 1]) && cjk(q[i]) ? q[i - 1] + q[i] : "", cjk(q[i + 1]) && cjk(q[i + 2]) ? q[i + 1] + q[i + 2] : ""];
    if (across.some((b) => b && doc.haystack.includes(b) && !officeWord(b, local) && local.share(b) < OFFICE_SHARE && !local.places.some((t) => t.includes(b)))) return true;
  }
  return false;
}

/**
 * Does the article tell of this case: a pair of the case's words (the message without its asking, its places and
 * office words) or a word of three characters or more the lexicon reads them as (跑掉 → 肇事后逃逸) in its text, outside a
 * quoted slogan (“数据多跑路、群众少跑腿”); or a shorter such word (逃逸) in a paragraph telling how a case ended.
 * A county's round-up of arrests tells of no 包工头 who ran off because it wrote 跑路 in a slogan.
 */
function tellsOfCase(doc: LocalDoc, question: string, terms: TermMatcher, local: LocalArticles, previous?: string | null): boolean {
  // A follow-up's words (and the lexicon's for them) are searched with the last turn's: those tell the case only
  // where that turn was about this article.
  const lastTurn = !!previous && aboutDoc(previous, doc, local);
  const pairs = [...local.questionBigrams(withoutOutcomeAsked(lastTurn ? `${question} ${previous}` : question)).keys()].filter(
    (b) => !local.places.some((t) => t.includes(b)) && !officeWord(b, local),
  );
  const read = previous && !lastTurn ? [] : [...terms.weights].filter(([w, v]) => v.expansion && Array.from(w).length >= 2).map(([w]) => w);
  const unquoted = doc.haystack.replace(SLOGAN, " ");
  if ([...pairs, ...read.filter((w) => Array.from(w).length >= 3)].some((b) => unquoted.includes(b))) return true;
  const paragraphs = doc.chunks.flatMap((c) => normalize(c.text).split(/\n\s*\n/));
  return paragraphs.some((p) => answersKind(p, ["outcome"]) && read.some((b) => p.includes(b)));
}
/** Was the earlier question about this article: is it, or what it corrects or what corrects it, the one the articles' own ranking puts first for it? */
function aboutDoc(earlier: string, doc: LocalDoc, local: LocalArticles): boolean {
  const top = local.rank(earlier)[0]?.doc;
  return !!top && (top === doc || correctedBy(doc, local.docs) === top || correctionOf(doc, local.docs) === top);
}
/** A quoted slogan or saying (“数据多跑路、群众少跑腿”), not a term of a case (“看场费”): six characters or more. */
const SLOGAN = /“[^”]{6,}”/g;

/** Does a sentence of the article print one of the numbers typed as the old one, changed or retired? */
function retiresNumber(doc: LocalDoc, typed: readonly string[]): boolean {
  return doc.sentences.some((s) => (CHANGED.test(s) || RETIRED.test(s)) && typed.some((t) => digitsOf(s).includes(t)));
}

/** Is every mention of the town one item of a list of towns (万城镇、和乐镇、后安镇)? Not 万宁站、兴隆旅游区: a place of its own. Pure. */
function listedOnly(text: string, townNamed: string): boolean {
  const town = townNamed.replace(/镇$/, "");
  let at = text.indexOf(town);
  if (at < 0) return false;
  for (; at >= 0; at = text.indexOf(town, at + town.length)) {
    const after = text.slice(at + town.length, at + town.length + 2);
    if (!/^镇[、和及与]/.test(after) && !(text.slice(at - 2, at) === "镇、" && after[0] === "镇")) return false;
  }
  return true;
}

/** The values a message typed: phone or case numbers, and amounts (500蚊, 3万蚊). */
interface TypedValues {
  numbers: string[];
  amounts: string[];
}
/** A phone or case number of six digits or more, typed in the question, that the article prints. */
function quotesNumberOf(typed: TypedValues, doc: LocalDoc): boolean {
  const digits = digitsOf(doc.haystack);
  return typed.numbers.some((t) => digits.includes(t));
}
/**
 * An amount typed (系咪仲系奖500蚊) that a sentence of the article changes (由最高500元提高至最高2000元) names
 * that notice as surely as its title: the question asks whether the old figure still holds.
 */
function changesAmountOf(typed: TypedValues, doc: LocalDoc): boolean {
  // A whole figure of the sentence: 500 is not the 500 of 1500元.
  return typed.amounts.length > 0 && doc.sentences.some((s) => CHANGED.test(s) && statesOneOf(s, typed.amounts));
}
/** An amount typed (最多5000蚊) that a sentence of the article states (奖励最高5000元). */
function statesAmountOf(typed: TypedValues, doc: LocalDoc): boolean {
  return typed.amounts.length > 0 && doc.sentences.some((s) => statesOneOf(s, typed.amounts));
}
/** Does the sentence state one of the amounts as a whole figure in 元? */
function statesOneOf(sentence: string, amounts: readonly string[]): boolean {
  return [...sentence.matchAll(STATED_AMOUNT)].some((m) => amounts.includes(m[1]));
}
/** The amounts a message typed in 元, 蚊 or 块 (500蚊 → 500, 3万蚊 → 3万). */
function typedAmounts(question: string): string[] {
  return [...normalize(question).matchAll(TYPED_AMOUNT)].map((m) => m[1]);
}
/** An amount typed in 元, 蚊 or 块 (500蚊). */
const TYPED_AMOUNT = /(?<![0-9.])([0-9]+(?:\.[0-9]+)?万?)(?:元|蚊|块|文)/g;
/** An amount an article states in 元 (最高2000元). */
const STATED_AMOUNT = /(?<![0-9.])([0-9]+(?:\.[0-9]+)?万?)元/g;
/** The phone or case numbers of six digits or more a question typed. */
function typedNumbers(question: string): string[] {
  return [...question.matchAll(/[0-9]{6,}/g)].map((m) => m[0]);
}
/** A text with the dashes and spaces inside its numbers dropped (0898-62212110 → 089862212110). */
const digitsOf = (text: string) => text.replace(/[-－\s]/g, "");

/**
 * How well an article holds the asked-for fact: 0 without a sentence of that kind, else a base for
 * having one plus the best share of the question's bigrams in such a sentence (read under its heading).
 */
function factHold(doc: LocalDoc, facts: readonly AskedFor[], q: Map<string, number>): number {
  let total = 0;
  for (const w of q.values()) total += w;
  let best = 0;
  for (const s of doc.sentences) {
    if (!answersKind(s, facts)) continue;
    let got = 0;
    for (const [b, w] of q) if (holdsPair(s, b)) got += w;
    best = Math.max(best, FACT_BASE + (total ? got / total : 0));
  }
  return best;
}

/** What holding a sentence of the kind asked is worth, before the question's words in it. */
const FACT_BASE = 0.2;

/** A sentence holds a pair of the question's; a number typed (24号) only as a number of its own, not within 2024. */
function holdsPair(sentence: string, pair: string): boolean {
  if (!/^[0-9]+$/.test(pair)) return sentence.includes(pair);
  const digit = (c: string | undefined) => !!c && c >= "0" && c <= "9";
  for (let at = sentence.indexOf(pair); at >= 0; at = sentence.indexOf(pair, at + 1)) {
    if (!digit(sentence[at - 1]) && !digit(sentence[at + pair.length])) return true;
  }
  return false;
}

/**
 * How strongly labelled questions like this one were answered by one of the first three passages
 * (their summed similarity, capped at 1). A story told without a single statutory word ("充了八万提不
 * 出来，又说要交税才能提") still has neighbours among the labelled policing questions, and they name
 * the article; chit-chat has none.
 */
export function labelledVote(hits: readonly Hit[]): number {
  return Math.min(1, Math.max(0, ...hits.slice(0, 3).map((h) => h.vote ?? 0)));
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
  const rule = asksRule(question);
  const features = [
    top[0] ?? 0,
    top[1] ?? 0,
    own + expansion ? expansion / (own + expansion) : 0,
    rule ? 1 : 0,
    aboutLegalTopic(question) ? 1 : 0,
    asksLocalFact(question) ? 1 : 0,
    Math.min(1, [...terms.weights.values()].filter((w) => !w.expansion).length / 5),
    labelledVote(hits),
  ];
  const p = probability(model.law, features);
  // PUFA_MIN_COVERAGE stays a floor (at 70%) for a doubtful verdict: below it no passage is on the question's
  // topic, however legal it sounds. A confident one passes it when the best passages hold one of the
  // question's own words: a story told in its own words ("交三千八进去，再拉人头") shares few words with the
  // article that answers it. Statutory synonyms alone are no sign the passages are on its topic (孩子 →
  // 未成年人 for a question on 抚养费, in a library without it) — unless the verdict is sure and the passages
  // hold two of the question's terms: 赌钱 reaches 赌博 and 赌资 only through the lexicon
  // (src/bench/answer-bench.ts, with the lexicon's policing words: policing stories right .27 → .33,
  // pufa-domain .54 → .59; negatives refused 238 → 237 of 247).
  // How many of the top three passages hold each of the question's terms of two characters or more.
  const haystacks = hits.slice(0, 3).map((h) => normalize(passageHaystack(h.passage)));
  const held = [...terms.weights]
    .filter(([word]) => Array.from(word).length >= 2)
    .map(([word, w]) => ({ own: !w.expansion, passages: haystacks.filter((t) => t.includes(word)).length }));
  const grounded = (p >= CONFIDENT && held.some((h) => h.own && h.passages > 0)) || (p >= 0.5 && (top[0] ?? 0) > minCoverage * 0.7);
  // Linked: at least two of the question's terms, its own or the lexicon's, run through the passages (each
  // held by two of the top three: 赌博 and 赌资 for 赌钱). One synonym (未成年人 for 孩子), or words that
  // turn up in one passage each (他人, 造成), is no link: the library may lack the topic.
  const linked = held.filter((h) => h.passages >= Math.min(2, haystacks.length)).length >= 2;
  // Named (quoted on a confident verdict): a question asking for the rule or penalty whose first passage
  // holds a statutory word the lexicon read in it, and a rare one (a third of the question's heaviest
  // term): 偷…坐牢吗 → 有期徒刑, 算家暴吗 → 家庭暴力. Common statutory words (他人, 造成) are light and name
  // no topic; a question that asks no rule (离婚后孩子抚养费怎么算) is not linked by a synonym of one of
  // its things (孩子 → 未成年人).
  // And the first passage holds a fifth of all the lexicon read (宠物狗咬伤…要赔 reads 饲养, 动物, 损害,
  // 他人, 未成年人 …: a passage holding only 未成年人 is about another matter).
  const heaviest = Math.max(0, ...[...terms.weights.values()].map((w) => w.weight));
  const expansions = [...terms.weights].filter(([, w]) => w.expansion);
  const inFirst = expansions.filter(([word]) => !!haystacks[0]?.includes(word));
  const expansionWeight = (list: typeof expansions) => list.reduce((n, [, w]) => n + w.weight, 0);
  const named =
    rule &&
    inFirst.some(([, w]) => w.weight >= NAMED_WEIGHT * heaviest) &&
    expansionWeight(inFirst) >= NAMED_SHARE * expansionWeight(expansions);
  // Voted: the labelled questions nearest this one name the first passage, together as strongly as no
  // chit-chat's neighbours name anything. They tie a story to its article when no word does.
  // A likely verdict needs less (VOTED_LIKELY).
  const vote = hits[0]?.vote ?? 0;
  const voted = vote >= VOTED || (p >= 0.5 && vote >= VOTED_LIKELY);
  return { ok: grounded || (p >= SURE && linked) || (p >= CONFIDENT && named) || voted, grounded, voted, probability: p, features, hits, docs: [], notes: [] };
}

/** The share of the question's words the best of the law's first three passages holds: judgeLaw's first feature. */
export function lawCoverage(judged: Judgement): number {
  return judged.features[0] ?? 0;
}

/** The value typed right after the word asking whether it holds (还是限60个人吗; not 打110……还是说家务事不管). */
const VALUE_CONFIRMED = new RegExp(String.raw`(${STILL_WORDS}|是不是|是否)[^，。？?\s]{0,10}[0-9０-９]`);

/**
 * Whether the law is quoted, given its verdict and whether a local article answers. The law answers
 * unless the question asks for a figure, date, place … that a local article holds. (`query`: read
 * with the previous turn's topic: "那第二次被查到呢" after a 酒驾 question asks about the law.) After
 * such a local fact, the law is added only on a sure verdict on passages holding the question's own
 * words (抓偷牛贼的悬赏多少钱 sounds legal, but asks for the reward), or on a passage that labelled
 * questions like this one were answered with (孩子在学校被堵在厕所要钱…咋办 asks a procedure, and the
 * law has it). And it is added when the local article is off the law's matter (law-signature.ts):
 * such an article is likely the wrong one, and the law is what the citizen needs (answer bench:
 * policing-fresh8 .86 → .88, nothing else changes). It never answers opening hours alone.
 */
export function lawJoins(law: Judgement | null, localAnswers: boolean, query: string, question: string, localOnMatter = true, lacking: readonly AskedFor[] = []): boolean {
  if (!law?.ok) return false;
  // Opening hours are the office's to say: no statute answers 派出所礼拜六开不开门 or 网吧几点关门,
  // so without the office's article the law does not either.
  if (!localAnswers && !asksRule(question) && asksOpeningHours(question)) return false;
  // Nor does a statute hold the number to call (举报假证嘅电话系几多, 兴隆派出所报警电话几多号): the office's article
  // gives it or nothing does.
  // Only of a message that asks nothing else (……电话几多号啊 另外想问下……仲会唔会罚 asks the law too).
  if (!asksRule(question) && asksOnlyNumber(question) && asks(question).length <= 1) return false;
  // A value heard and asked whether it still holds (仲系5月16号上昼, 仲系限60个人吗), beside the office's article
  // that answers: the office set it and says what replaced it; the statutes on the matter are beside the point.
  if (localAnswers && !asksRule(question) && !PENALTY_NAMED.test(question) && VALUE_CONFIRMED.test(question) && heardStill(question).length) return false;
  // Asked a fact the office's article does not hold but the law does (迁来以后几天内去登记 → 农村在十日以内).
  const lawHolds = lacking.length > 0 && law.hits.slice(0, 2).some((h) => answersKind(h.passage.text, lacking));
  // Where the law draws a term's line (偷几多次先算多次盗窃) is the law's to say, whatever the office's article holds.
  return asksRule(query) || asksDefinition(query) || !localAnswers || !localOnMatter || !factsAsked(question).length || lawHolds || (law.probability >= SURE && !!law.grounded) || !!law.voted;
}

/**
 * The kinds of fact asked of the office, each with whether one of the chosen articles holds it. A fine's
 * figure is left out: 罚多少 asks the law's amount (离学校几远内不准鸣喇叭，罚几多 still asks the office how far).
 */
function officeFacts(local: Judgement, question: string): { kind: AskedFor; held: boolean }[] {
  const besidesFine = factsAsked(besidesFineAmount(question)).includes("amount");
  return factsAsked(question)
    .filter((k) => k !== "amount" || besidesFine)
    .map((kind) => ({ kind, held: local.docs.some((d) => d.sentences.some((s) => answersKind(s, [kind]))) }));
}

/** The kinds of fact asked of the office that none of the chosen articles holds (the law may: lawJoins). */
export function localLacks(local: Judgement, question: string): AskedFor[] {
  return officeFacts(local, question).filter((f) => !f.held).map((f) => f.kind);
}

/**
 * Does the question also ask the office a fact its article holds (……要坐牢不？派出所哪天几点钟去学校)?
 * Then the article follows the law's answer to the rule, on the law's matter or not.
 */
export function asksOfficeFact(local: Judgement, question: string): boolean {
  return officeFacts(local, question).some((f) => f.held);
}

/** Does one of the chosen articles tell a fine's figure (被处以罚款8000元)? */
export function tellsFine(local: Judgement): boolean {
  return local.docs.some((d) => d.sentences.some((s) => /罚款/.test(s) && answersKind(s, ["amount"])));
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
  // 法律上咋罚: of an article listing the acts it fines, the sentence with the fine (……处二百元以上一千元以下的罚款：), not only the act's item.
  const penaltyAsked = /罚/.test(question);
  // 个人罚几多: of an article fining 单位 and 个人 in turn, the sentence on the party asked (个人有前款……处警告或者五百元以下罚款).
  // Asked a fine and naming no party, nor any business (楼道停车唔肯搬 法律讲最多罚几多): a citizen asks of a person,
  // so of an article fining 单位 first, the sentence fining 个人.
  const named = [...new Set(question.match(PARTY_ALL) ?? [])];
  const parties = named.length || !penaltyAsked || ORGANISATION.test(question) ? named : ["个人"];
  const onParty = (sentence: string) => parties.some((p) => sentence.replace(ARTICLE_NUMBER, "").startsWith(p) || sentence.includes(`对${p}`));
  // 卖到几多就算犯罪: the line is the first tier (销售金额五万元以上不满二十万元的，处……), not the tiers above it, which
  // hold amounts and penalties too and, summed over a window, outweigh it.
  const lineAsked = asksDefinition(question);
  // The lexicon's statutory reading of the question (撞完人走佬 → 逃逸, 偷人资料 → 窃取) in a later sentence, when the
  // opening holds none of it: that sentence is on the act asked (造成交通事故后逃逸的……终生不得重新取得), over the
  // opening's rule. An opening holding one (饮酒后驾驶的，处暂扣六个月……) is on the act itself.
  const statutory = [...terms.weights].filter(([, v]) => v.expansion && v.weight >= STATUTORY_WEIGHT).map(([w]) => w);
  // Whether a passage's opening sentence holds one of them, read once per passage.
  const openingHolds = new Map<Passage, boolean>();
  const statutoryOpening = (passage: Passage) => {
    let held = openingHolds.get(passage);
    if (held === undefined) {
      const opening = passage.text.slice(0, passage.text.search(/[。\n]|$/) + 1);
      openingHolds.set(passage, (held = statutory.some((w) => opening.includes(w))));
    }
    return held;
  };
  return (sentence, passage) => {
    const at = passage.text.indexOf(sentence);
    const firstTier = !lineAsked || !answersKind(passage.text.slice(0, Math.max(0, at)), ["amount"]);
    // Not an item of a list (（三）造成交通事故后逃逸……；): quoted without its lead-in it says nothing of the penalty.
    const onAct = at > 12 && statutory.length > 0 && !LAW_ITEM.test(sentence.trim()) && statutory.some((w) => sentence.includes(w)) && !statutoryOpening(passage);
    return (
      (asked.length && firstTier && answersKind(sentence, asked) ? k : 0) +
      (at <= 12 ? k * 0.6 : 0) +
      (onAct ? k * 0.8 : 0) +
      (parties.length && onParty(sentence) ? k : 0) +
      (penaltyAsked && firstTier && PUNISHMENT.test(sentence) ? k : 0)
    );
  };
}
/** An expansion this rare (idf weight) is a statutory word of the question's act, not a common one (工作, 执行). */
const STATUTORY_WEIGHT = 5;
/** The parties a law's penalties are written for in turn (单位……；个人……). */
const PARTY_ALL = /个人|单位/g;
/** A business or body named (饭店, 物业, 网吧, 老板): the party a fine is asked of may be 单位. */
const ORGANISATION = /单位|公司|企业|商家|商户|店|厂|酒店|宾馆|旅馆|场所|物业|学校|医院|工地|网吧|超市|老板|机构|平台|作坊|市场/;
/** A law article's number before its text (第六十条 ). */
const ARTICLE_NUMBER = new RegExp(`^${ARTICLE_PATTERN.source}\\s*`);

/**
 * For the office's articles: the sentence holding what was asked, with the question's words and
 * bigrams (so a typo still counts), beats the article's opening paragraph.
 */
export function localBonus(terms: TermMatcher, question: string, query: string, local: LocalArticles): SentenceBonus {
  const asked = askedFor(question);
  const scale = ownWeight(terms);
  const q = local.questionBigrams(query);
  const figures = new Set(figuresIn(query));
  let total = 0;
  for (const w of q.values()) total += w;
  const measuring = asked.includes("amount") ? measuredThing(question) : null;
  const fineAsked = measuring === "罚";
  // 按国家法律最多罚几多: the law's part answers the fine; the office's sentence is for what else is asked.
  const lawsFine = fineAsked && /法律|法规/.test(question);
  const fineMentioned = /罚/.test(question);
  const thing = lawsFine ? null : measuring;
  const counted = asked.includes("amount") && !lawsFine ? countedThing(question) : null;
  // 几多架代步车: a vehicle counted in its measure word is told in any vehicle's (1265辆低速车), however the report names the thing.
  const vehicles = counted ? VEHICLE_COUNT.exec(question)?.[1] : undefined;
  const swapped = counted ? swappedFigure(counted) ?? (vehicles ? figureIn(swappedFor(vehicles)) : null) : null;
  const listed = counted ? listedFigure(question, counted) : null;
  const money = asked.includes("amount") && MONEY_ASKED.test(question);
  // 交几多保证金: of a story's many sums, the one paid as the thing named (先交2000元保证金), even where the title names it too.
  const paid = asked.includes("fee") ? paidThing(question) : null;
  const paidFigure = paid ? new RegExp(`[0-9０-９.]+\\s*(余|多)?\\s*(万)?(元|块)[^，。；、]{0,3}${paid}|${paid}[^，。；、]{0,4}[0-9０-９.]+\\s*(万)?(元|块)`) : null;
  const hour = asked.includes("time") && asksHour(question);
  const chargeAsked = asked.includes("outcome") && asksCharge(question);
  const until = (asked.includes("time") || asked.includes("date")) && asksUntil(question);
  const days = weekdaysNamed(question);
  // 系咪7月11号礼拜六上昼9点: a value heard, asked whether it is so, asks whether it still holds too.
  const heard = heardStill(question);
  const ties = heardTies(question);
  const stillHolds = !asked.length && (STILL.test(question) || heard.length > 0);
  // 以前是警务助理帮她填表，现在还可以这样吗: whether the old way still holds is answered by what ended it (不再代为登记).
  const oldWayAsked = OLD_WAY_ASKED.test(question);
  // 现在……还要带结婚证吗: what ended is the thing the last clause asks of (无需提供结婚证, not 不用再跑窗口).
  const askedOf = oldWayAsked ? ownWords(lastClause(question)).filter((w) => !NO_THING.test(w)) : [];
  // 嗰个关咗几日: of a case's days, the detention's (处以行政拘留8日), not a day of the story (一天内被花掉860元).
  const termAsked = asked.includes("duration") ? asksTermOf(question) : null;
  // 一共抓咗几多人: the total (全年共……抓获犯罪嫌疑人58名), not a part of it told in its own line (抓获犯罪嫌疑人14名).
  // In the clause of the last count, whose thing is the one counted (一共出了多少警察 查了几个网咖: the 网吧's count, no total).
  const totalAsked = TOTAL_ASKED.test(clausesOf(question).filter((c) => /多少|几/.test(c)).at(-1) ?? "");
  // 成五六百株咁多: an amount stated, which a notice's tier (500株以上的，奖励5000元) holds.
  const stated = statedQuantities(question);
  // 杀猪盘骗了五十多万: a sum told roughly, which the case's sentence states (58.6万元).
  const roughTold = roughSums(question);
  // 口诀是啥来着: the sentence telling the thing named (……九字口诀：“不单独、不忍着、不报复”), not one holding the words that point at it (女副所长).
  const named = thingAsked(question);
  const definition = asksDefinition(question);
  const endAsked = asked.filter((k) => k === "outcome" || k === "truth");
  // 去边度拎: where to go, which a list's 在和乐墟农贸市场门口……发现 (where a thing was found) does not tell.
  const goingTo = asked.includes("place") && GOING_TO.test(question);
  // 去边度报名: where to go for that (到……派出所户籍室……报名), not the venue of the talk (地点：……会议室), where a
  // sentence of the passage tells the place for it.
  const placeFor = asked.includes("place") ? PLACE_FOR.exec(question)?.[2] : undefined;
  const placedFor = new Map<LocalDoc, boolean>();
  const tellsPlaceFor = (doc: LocalDoc | undefined) => {
    if (!doc) return false;
    let r = placedFor.get(doc);
    if (r === undefined) placedFor.set(doc, (r = doc.sentences.some((x) => x.includes(placeFor!) && answersKind(x, ["place"]))));
    return r;
  };
  // 喺边度畀警察捉到, 几时捉到嘅: where or when someone was caught, which the sentence of the arrest tells (在……交叉口将两名男子当场查获), not where or when the case began.
  const caughtAsked = CAUGHT_ASKED.test(question);
  // 佢点样处理咗: how a person was dealt with, which finding the stolen truck (找到被开走的小货车) does not tell.
  const dealtAsked = DEALT_ASKED.test(question) && !FOUND_ASKED.test(question);
  // 兴隆现在能不能放烟花: of a notice ruling town by town, the sentence on the town named.
  const townsAsked = townsIn(question, local.towns);
  const otherTowns = local.towns.filter((t) => !townsAsked.some((a) => a.includes(t) || t.includes(a)));
  // Whether an article rules for other towns too is the article's, read once (not per sentence).
  const rulesByTown = new Map<LocalDoc, boolean>();
  const byTown = (doc: LocalDoc) => {
    let r = rulesByTown.get(doc);
    if (r === undefined) rulesByTown.set(doc, (r = rulesTownByTown(doc, townsAsked, otherTowns)));
    return r;
  };
  // 可唔可以锁佢车轮: a permission word just before the act asked (但不能私自锁车), not the report that it was done.
  const act = asked.includes("rule") ? ruledAct(question) : null;
  const actRuled = act ? new RegExp(`(不能|不得|不可以|不准|不许|不要|禁止|严禁|可以|允许|无权|有权)[^，。；！？]{0,4}${act}`) : null;
  const expansions = [...terms.weights].filter(([w, v]) => v.expansion && Array.from(w).length >= 3).map(([w]) => w);
  // Within one article the words of its title tell no sentence from another (the opening paragraph
  // repeats them all): a sentence is chosen on the question's other words.
  const untitled = new Map<string, { q: [string, number][]; total: number; expansions: string[] }>();
  const rest = (title: string) => {
    let r = untitled.get(title);
    if (!r) {
      const t = normalize(title);
      const kept = [...q].filter(([b]) => !t.includes(b));
      r = { q: kept, total: kept.reduce((n, [, w]) => n + w, 0), expansions: expansions.filter((w) => !t.includes(w)) };
      untitled.set(title, r);
    }
    return r;
  };
  // Only the one sentence of its article ruling the act: in a notice ruling it throughout (不得燃放, 禁止燃放 of a
  // fireworks notice) it tells no sentence from another.
  const ruledOnce = new Map<LocalDoc, boolean>();
  const rulesActOnce = (doc: LocalDoc) => {
    let r = ruledOnce.get(doc);
    if (r === undefined) ruledOnce.set(doc, (r = !!actRuled && doc.sentences.filter((x) => actRuled.test(x)).length === 1));
    return r;
  };
  // How much of the question's own words a numbered section's label names as its own matter: words the
  // article writes in that section alone (四、剧本杀门店规定调整), not its words at large (三、考试期间 of a 高考 notice).
  // Read once per article.
  const labelShares = new Map<LocalDoc, number>();
  const labelShare = (doc: LocalDoc, own: { q: [string, number][]; total: number }) => {
    let best = labelShares.get(doc);
    if (best === undefined) {
      const sectionOwn = { q: own.q.filter(([b]) => doc.sentences.filter((x) => x.includes(b)).length <= SECTION_ONLY), total: own.total };
      const labels = doc.sentences.map((x) => LABEL_IN.exec(x)?.[1]).filter((l): l is string => !!l);
      labelShares.set(doc, (best = Math.max(0, ...labels.map((l) => shareIn(l, sectionOwn, figures)))));
    }
    return best;
  };
  return (raw, passage) => {
    // Read under its section heading: "全市各派出所便民服务窗口" answers 去哪办 under "二、办理地点".
    const doc = passage.kind === "article" ? local.doc(passage.docId) : undefined;
    const heading = doc ? headingOf(doc, raw, passage) : "";
    const sentence = `${heading} ${raw}`;
    // A correction's recital restates the matter it changes (我局发布通告，对……植物园南门路口至……段实施……): its
    // words, like the title's, tell none of the changes from another.
    const own = passage.kind === "article" ? rest(doc && CORRECTION.test(doc.title) ? `${passage.title} ${doc.sentences.filter((x) => recites(doc, x)).join(" ")}` : passage.title) : { q: [...q], total, expansions: [] };
    // A paper cited by its title (《……的通告》同时废止) is named, not told: its words are no match.
    const told = `${heading} ${raw.replace(CITED_TITLE, "")}`;
    // The law's words for the question's own (放鞭炮 → 燃放烟花爆竹) mark the sentence a notice words that way.
    const meant = own.expansions.some((w) => sentence.includes(w)) ? EXPANSION_SHARE : 0;
    const ownShare = Math.min(1, shareIn(told, own, figures) + meant);
    // 开三轮见了警察就跑的 最后咋处理了: a report tells the case in one sentence and how it ended in the next
    // (经抽血检验……已涉嫌危险驾驶罪被立案侦查), or what was found of a story (经核查，该消息系谣言): the sentence
    // is about the case told just before it, its words and its town.
    // So is a case's fine, asked of the case (北大那辆面包车……司机罚了多少 → 驾驶人王某某被依法处以罚款1000元 after the stop).
    const caseBefore = endAsked.some((k) => answersKind(told, [k])) || (fineAsked && !lawsFine && FINE_TOLD.test(raw)) ? sentenceBefore(passage.text, raw) : "";
    const share = caseBefore ? Math.max(ownShare, CASE_BEFORE * shareIn(caseBefore, own, figures)) : ownShare;
    // The article is already the one on the matter: the sentence holding what was asked wins even when
    // it repeats none of the question's words (一、登记地点：……窗口。).
    // A yes/no rule counts only in a sentence about the question's own thing (不再需要提供户口簿).
    // 罚几多 asks the law's amount: of the office's sentences only one about a fine answers it (not 载重10吨).
    const kinds = (share > 0 ? asked : asked.filter((k) => k !== "rule")).filter((k) => k !== "amount" || !fineAsked || (!lawsFine && /罚/.test(raw)));
    const facts = kinds.filter((k) => k !== "rule");
    // Of an article's many figures, the one about what was measured (奖几多 → the reward's).
    // The thing counted (查了几多间民宿 → 民宿38家) says it more surely than the verb measured (查 is in 抽查 too).
    // Asked 多少钱, the figure is money (奖励人民币8000元, not 拟对以下2名同志予以表彰奖励).
    // 被骗了八万几，到底是几多钱: no thing named, the money asked is enough.
    // A bare measure word counted (抓了几个) is told in another (3名犯罪嫌疑人): of those, the figure of the deed
    // asked (抓 → 抓获), not another count of the report (诈骗……未成年人40余名).
    const ofIt = counted ? countedNear(raw, counted) || countedListed(raw, counted, listed) || (!!swapped?.test(raw) && (!thing || tellsOf(told, thing))) : thing ? tellsOf(told, thing) : money;
    const measured = (ofIt && answersKind(told, ["amount"]) && (!money || MONEY.test(raw))) || !!paidFigure?.test(raw) ? 0.8 : 0;
    // A fact kind is a strong sign; a yes/no rule word (可以, 需要, 不得) is in most sentences of a notice.
    // A correction's recital of the notice it changes (本所于5月8日发布《……的通告》以来，截至7月25日……)
    // holds the old dates: it answers no time or date (its figures, 已有17名投案, may be what was asked).
    const correction = !!doc && CORRECTION.test(doc.title);
    const recital = correction && RECITAL.test(raw);
    // Its sentence on what was first planned (原定于3月28日……在镇人民政府三楼会议室举办) holds the old time and place.
    // So does any notice's sentence retiring the old one (原红专西路88号……窗口同日停止受理), unless it names
    // the new one beside it (拨打举报电话0898-62219626（原举报电话……已停用）, ……同日停用，新的咨询电话为……).
    const planned = ((correction && ORIGINAL_PLAN.test(raw)) || retiresOnly(raw)) && !CHANGED.test(raw);
    // A notice's preamble (因车管大厅维修，现将有关调整事项通告如下) announces what follows and tells none of it,
    // unless it states the change itself (现将有效期延长至2026年12月31日，有关事项通告如下).
    // Nor does one moving it to a place or time it leaves to what follows (……搬迁至新址办公。).
    const preamble = (PREAMBLE.test(raw) && !CHANGED.test(raw)) || (UNNAMED_NEW.test(raw) && !NAMED_VALUE.test(raw));
    // A notice's signing date on a line of its own (万宁市公安局和乐派出所 / 2024年11月22日) is when it was written, no date it tells.
    const signed = SIGNED_ON.test(raw);
    // A fine is no price (卖几多钱一顶 is not answered by 处20元罚款), unless a fine is what was asked; that it is free
    // answers whatever else the sentence says of fines (本次检查不收取任何费用……发现乱罚款……可以拨打).
    // Asked a count of cases (偷咗几起), a sentence without a figure of them (3人, 5把) tells no such count.
    // A preamble tells one thing: why (受台风天气影响，……作如下调整).
    const factsHere = signed ? [] : preamble ? facts.filter((k) => k === "reason") : facts.filter(
      (k) =>
        !(recital && (k === "time" || k === "date")) &&
        !(planned && OLD_VALUE_KINDS.includes(k)) &&
        !(correction && OLD_VALUE_KINDS.includes(k) && ORIGINAL_PLAN.test(raw) && !answersKind(told.replace(ORIGINAL_CLAUSE, ""), [k])) &&
        (k !== "fee" || fineMentioned || !/罚/.test(raw) || FREE_OF_CHARGE.test(raw)) &&
        (k !== "amount" || !counted || !MEASURE.test(counted) || countedNear(raw, counted)) &&
        (k !== "place" || !goingTo || !EVENT_PLACE.test(raw) || PLACE_LABEL.test(raw)) &&
        (k !== "place" || !placeFor || raw.includes(placeFor) || !tellsPlaceFor(doc)) &&
        (!CAUGHT_KINDS.has(k) || !caughtAsked || CAUGHT_TOLD.test(raw)) &&
        (k !== "outcome" || !dealtAsked || answersKind(raw.replace(FOUND_TOLD, "").replace(CAUGHT_ONLY, ""), ["outcome"])),
    );
    // Of the sentence's own words: a cited title's figure (《……查处案件14起》一文) answers nothing.
    const holdsFact = factsHere.length > 0 && answersKind(told, factsHere);
    // Asked two things (泊边度，使唔使钱), the sentence telling both (地下停车场……前1小时免费) beats one telling either.
    // 几时 asks a time and a date at once: one thing asked, told once. Only of the question's own thing:
    // a report's 中午12时至14时……停放在渔港码头 tells a time and a place by the way.
    // Telling every thing asked (去哪里领 放得几耐: 移交……礼亭路18号……保管期限为6个月) is of the question's thing, whatever words it shares.
    const held = holdsFact ? factsHere.filter((k) => answersKind(told, [k])) : [];
    // Each kind as asked: 几时 asks a time and a date, which a report's 中午12时至14时 does not both tell.
    // Only kinds told as a value (an address, a period, a figure): 领取 of a gift is in every sentence of a helmet notice.
    const everyKind = facts.length > 1 && held.length === facts.length && facts.every((k) => VALUE_KINDS.has(k));
    const alsoHeld = holdsFact && (share > 0 || measured > 0 || everyKind) ? new Set(held.map((k) => (WHEN.includes(k) ? "when" : k))).size - 1 : 0;
    const kind = holdsFact ? 1.5 + ALSO_HELD * alsoHeld : kinds.includes("rule") && answersKind(sentence, ["rule"]) ? 0.4 : 0;
    // The heading names what its paragraph answers (四、所需材料): stronger than a word that happens to match.
    // A notice of several numbered matters (一、检查时间调整 … 四、剧本杀门店规定调整): a sentence holding none of the
    // question's own words, under a label holding none either, where another label names them, is on another
    // matter; its label and its change answer nothing asked (剧本杀……几点之前要走 is not answered by the checks' new hours).
    const otherMatter = !!doc && share === 0 && NUMBERED_LABEL.test(heading) && shareIn(heading, own, figures) === 0 && labelShare(doc, own) >= OTHER_MATTER_SHARE;
    const labelled = heading && !otherMatter && headingAnswers(heading, asked) ? 0.8 : 0;
    // A correction's point is its new value (延长至2025年12月31日, 年龄应为38岁), not its recital of the old one.
    // Only where the sentence holds what was asked or the question's own words: 伤得咋样 is answered by
    // the 续报's 右腿骨折, not by the 更正 of the accident's time beside it. Asked a kind of fact, only with
    // that kind: 兜边度过 is answered by the detour, not by the corrected road section. Asked the figure of a thing
    // (戴头盔的有几成), a changed sentence counts only with that figure: of an 调整 notice's new rules, the
    // fine is no answer, and its recital of the campaign's result (佩戴率……提升至87%) is.
    // Asked only whether it still holds (而家仲封路冇), the change is the answer, whatever words it shares.
    // From when it changed (自2026年5月18日起，撤销……) says more than that it did.
    // Of its changes, the one whose new value is of the kind asked (改成哪几天: 调整为2026年11月28日至12月6日,
    // not 决赛期间……扩大至半径5公里 beside a date).
    // Only of when: a move's sentence (整体搬迁至市公安局政务服务大厅) always names a place, and the new address
    // under its heading says more (local-fresh19 −1 with places too).
    // A value heard (仲系朝早7点先封): the change whose new value is of its kind (管制时间调整为……每日上午6:00至下午18:00).
    // A correction's item under a heading that says it changes (五、奖励标准调整。 then 视情给予每宗500元至5000元奖励) states its new value.
    // So does a numbered item of one whose preamble says the items below are its changes (现将变更事项公告如下：一、活动时间：……).
    const underChange = correction && (CHANGE_HEADING.test(heading) || (NUMBERED_LABEL.test(raw) && !UNCHANGED.test(raw) && listsChanges(doc)));
    const heardChanged = changesHeard(raw, heard, ties) || (underChange && statesHeard(raw, heard, ties));
    const changedTo = (holdsFact && factsHere.every((k) => WHEN.includes(k)) && changesTo(raw, factsHere)) || heardChanged ? CHANGED_TO : 0;
    // A figure raised (奖励由2万元提高至3万元) is a change of the question's matter where it shares a word of it, or where
    // a figure is asked and it is no one tier of a numbered list whose other tiers hold that kind too: a notice
    // raising every tier's reward does not answer 领奖期限 with its first tier, nor 种大麻的举报奖 with 贩卖's.
    // Read only of a sentence whose one change is a raised figure: the tiers are looked through then, not for every sentence.
    // A figure heard and asked whether it still holds (仲系限60个人吗) is the matter of a change to a figure (名额：增加至100名).
    const raisedCounts = () => share > 0 || changesHeard(raw, heard.filter((k) => FIGURE_KINDS.has(k)), ties) || (factsHere.some((k) => FIGURE_KINDS.has(k)) && !(doc && oneTier(raw, doc, factsHere)));
    // A value heard (仲系5月16号上昼): a change to a value of another kind (活动地点：改为……) or calling the old plan off answers it only in part.
    const offHeard = heard.length > 0 && !heardChanged ? OFF_HEARD : 1;
    const changed = correction && !otherMatter && (factsHere.length ? holdsFact : share > 0 || stillHolds) && (!counted || measured > 0) && (CHANGED.test(raw) || heardChanged) && (!onlyRaised(raw) || raisedCounts()) ? offHeard * (stillHolds && SINCE.test(raw) ? 1.2 : 0.8) + changedTo : 0;
    // 几点钟开门 is answered by 8:30至18:00, not by the date the rules took effect.
    const clock = hour && tellsHour(sentence) ? 0.5 : 0;
    // 查到什么时候 is answered by the period's end (9月15日至12月31日), not by an event's day within it.
    const end = until && tellsUntil(sentence) ? 0.5 : 0;
    // 周六去哪交, 礼拜六警务车去边度: of a schedule's days, the one named (周六、周日9:00至16:00, 每月最后一个周六……).
    const day = kind > 0 && days.size > 0 && [...weekdaysNamed(sentence)].some((d) => days.has(d)) ? 1 : 0;
    // The searcher's word score counts the cited title's words too: taken back out.
    const cited = sentence.match(CITED_TITLE);
    // Asked the time or place, the old plan's sentence repeats the question's words (还在镇政府三楼开吗) but answers nothing: they count half.
    // Asked whether a value heard still holds, a preamble announcing the changes (……作如下调整。) repeats the
    // matter's words and tells none of them.
    // So does the old plan's sentence that only calls it off (原定11月15日上午的讲座取消): no new value of the kind heard.
    const callsOff = correction && ORIGINAL_PLAN.test(raw) && !changesHeard(raw, heard, ties);
    const echoesHeard = heard.length > 0 && (preamble || callsOff);
    // Its share of a value heard is the old value's echo (原定于2026年5月16日 for 仲系5月16号): none.
    const echo = echoesHeard ? 0 : planned && facts.some((k) => OLD_VALUE_KINDS.includes(k)) ? 0.5 : 1;
    // Of a notice's tiers (不满50株……; 50株以上不满500株……; 500株以上……), the one holding the amount stated; of a report, the sentence stating the sum told roughly.
    const tier = tierHolds(stated, raw) || roughSumHeld(roughTold, raw) ? TIER : 0;
    const ended = oldWayAsked && share > 0 && endedOf(raw, askedOf) ? ENDED_TOLD : 0;
    // A case's end or fine told right after the sentence on the town asked alone is that town's, in any article.
    const ownTown = townsAsked.length && doc && ((byTown(doc) && namesOnly(sentence, townsAsked, otherTowns)) || (!!caseBefore && namesOnly(caseBefore, townsAsked, otherTowns))) ? OWN_TOWN : 0;
    const tellsNamed = named && !(doc?.title ?? "").includes(named) && told.includes(named) ? NAMED_THING : 0;
    const ruled = actRuled?.test(raw) && doc && rulesActOnce(doc) ? RULED_ACT : 0;
    // 三无船系咩意思: the sentence defining it (本通告所称“三无船舶”，是指无船名船号……), not the one banning it.
    const defining = definition && definesNamed(question, raw) ? NAMED_THING : 0;
    // 那个庄家犯咩罪: of a report's outcomes, the one naming the charge (因涉嫌开设赌场罪被刑事拘留), not the arrest's count.
    const charged = chargeAsked && tellsCharge(sentence) ? NAMED_THING : 0;
    // The old plan's words repeat the question's (中考……集中办理日……5月16日), so its own word score is halved too.
    const echoedWords = echoesHeard ? 0.5 * scoreText(terms, told) : 0;
    const totalTold = totalAsked && measured > 0 && TOTAL_TOLD.test(raw) ? TOTAL : 0;
    const term = termAsked && TERM_TOLD[termAsked].test(raw) ? TERM : 0;
    // Asked only whether a value heard still holds (最多奖3000蚊 而家仲系咁多吗), the change of that value (奖励标准提高至最高5000元)
    // answers, over a sentence holding more of the question's words (凡是自称“快递客服”……一律是诈骗).
    const heardAnswer = heardChanged && !asked.length ? HEARD_CHANGED : 0;
    return -echoedWords + scale * (2 * share * echo + measured + totalTold + term + kind + labelled + changed + heardAnswer + clock + end + day + tier + ended + ownTown + tellsNamed + ruled + defining + charged) - (cited ? scoreText(terms, cited.join(" ")) : 0);
  };
}

/**
 * Is this a county's article that rules for other towns too (二、新增兴隆镇禁放区。……全年禁止燃放 beside
 * 一、万城镇城区……)? A town's own article (region 万宁市后安镇) names its town in its story's sentences: no
 * sign of the one asked.
 */
function rulesTownByTown(doc: LocalDoc, asked: readonly string[], others: readonly string[]): boolean {
  if (asked.some((t) => (doc.region ?? "").includes(t))) return false;
  return doc.sentences.some((s) => others.some((t) => s.includes(t)) && !asked.some((t) => s.includes(t)));
}

/** Does the sentence name a town asked and none other (an opening naming them all is no town's sentence)? */
function namesOnly(sentence: string, asked: readonly string[], others: readonly string[]): boolean {
  return asked.some((t) => sentence.includes(t)) && !others.some((t) => sentence.includes(t));
}
/** Does a change in the sentence set a new value of every kind asked (调整为2026年11月28日至12月6日 for a date; 改为当天下午1:30 tells no 几号)? */
function changesTo(sentence: string, kinds: readonly AskedFor[]): boolean {
  return [...sentence.matchAll(CHANGED_AT)].some((m) => {
    const value = sentence.slice(m.index! + m[0].length).split(/[，,；;。]/)[0];
    return kinds.every((k) => answersKind(value, [k]));
  });
}
const CHANGED_AT = new RegExp(CHANGED.source, "g");
/** A fine's figure told (处以罚款1000元, 罚款500元). */
const FINE_TOLD = /罚款[0-9０-９]/;
/** A change to a value of the kinds asked, beyond any change: a tie-breaker between two changes (0.4 took a correction's sentence over the one holding the question's words: local-fresh8 −1). */
const CHANGED_TO = 0.15;
/** What the change of a value heard, asked only whether it still holds, adds (its words are the old value's, not the question's). */
const HEARD_CHANGED = 0.5;
/** What a change to a value of another kind than the one heard counts (仲系限60个人吗 is answered by 名额：增加至100名, not 活动时间：改为……). */
const OFF_HEARD = 0.5;

/** The sentence before `sentence` in `text` ("" when it is the first), split as the excerpts are. */
function sentenceBefore(text: string, sentence: string): string {
  const at = text.indexOf(sentence);
  return at > 0 ? (splitSentences(text.slice(0, at)).at(-1)?.text ?? "") : "";
}
/** The share of the question's weighted bigrams (those left beside the title's) a text holds. */
function shareIn(text: string, own: { q: [string, number][]; total: number }, figures: ReadonlySet<string> = new Set()): number {
  if (!text || !own.total) return 0;
  let got = 0;
  for (const [b, w] of own.q) if (DIGITS.test(b) ? figureHeld(text, b, figures) : text.includes(b)) got += w;
  return got / own.total;
}
const DIGITS = /^[0-9]+$/;
/**
 * A pair of digits counts only inside a whole figure the question wrote: 以前讲10点's 10 is not in the
 * phone number 0898-62271110, nor 2024's 20 in 0898-62203456.
 */
function figureHeld(text: string, pair: string, figures: ReadonlySet<string>): boolean {
  return figuresIn(text).some((run) => figures.has(run) && run.includes(pair));
}
/** The runs of digits a text writes (0898-62271110 → 0898, 62271110). */
function figuresIn(text: string): string[] {
  return text.match(/[0-9]+/g) ?? [];
}
/** How much of the case told just before it a sentence telling its outcome or finding is about. */
const CASE_BEFORE = 0.8;

/** The sentence telling the thing a "what is it" question names: as strong a sign as a fact of the kind asked. */
const NAMED_THING = 1.5;
/** The sentence ruling the act a yes/no question asks leave for (不能私自锁车): as strong a sign as a fact of the kind asked. */
const RULED_ACT = 1.5;
/** A sentence with none of the question's own words is on another matter when another section's label holds this share of them. */
const OTHER_MATTER_SHARE = 0.15;
/** A numbered section's label (四、剧本杀门店规定调整). */
const NUMBERED_LABEL = new RegExp(`^\\s*${NUMBERED}`);
/** The kinds a raised figure tells (an amount, a fee or reward). */
const FIGURE_KINDS: ReadonlySet<AskedFor> = new Set(["amount", "fee"]);
/** Is `sentence` one numbered item (一、……) of an article whose other numbered items hold the kinds asked, not raised? */
function oneTier(sentence: string, doc: LocalDoc, kinds: AskedFor[]): boolean {
  if (!NUMBERED_LABEL.test(sentence)) return false;
  const own = sentence.replace(/[。！？；\s]+$/, "");
  return [...doc.bodies.values()].some((b) => b !== own && NUMBERED_LABEL.test(b) && !onlyRaised(b) && answersKind(b, kinds));
}
/** …in one of an article's sentences, which are read after the heading above them (标题 一、检查时间调整): the label alone, a sentence of its own or before its colon (not 三、考试期间，……, an item's first clause). */
const LABEL_IN = new RegExp(`(?:^|\\s)(${NUMBERED}[^：:。，,；;\\s]{1,16})(?:[：:]|$)`);
/** A word of at most this many of an article's sentences is a section's own (its label, its sentence, one more). */
const SECTION_ONLY = 3;
/** The sentence on the town asked, among a notice's towns. */
const OWN_TOWN = 0.6;

const EXPANSION_SHARE = 0.25;
/** The tier holding an amount the question states. */
const TIER = 1;
/** Each further kind of fact asked that a sentence tells. */
const ALSO_HELD = 1;
const WHEN: readonly AskedFor[] = ["time", "date", "duration"];
/** Kinds a sentence tells as a value of its own (礼亭路18号, 6个月, 0898-62218110), not a word any sentence of the matter holds (领取). */
const VALUE_KINDS: ReadonlySet<AskedFor> = new Set(["amount", "fee", "time", "date", "duration", "frequency", "place", "documents", "phone", "age"]);
/** A paper cited by its title (《……的通告》, 《……抓获犯罪嫌疑人3名》警情通报), not a thing handed out under one (《邻里纠纷法律知识手册》). */
const CITED_TITLE = /《(?![^》]*(手册|读本|宣传册|宣传单|折页|漫画|挂图|明白纸|绘本)》)[^》]*》/g;

/** A sentence in a section whose heading names what was asked (四、所需材料 for 要带啥): its paragraph is the answer. */
function sectionAnswers(local: LocalArticles, asked: readonly AskedFor[]): (sentence: string, passage: Passage) => boolean {
  return (sentence, passage) => {
    const doc = passage.kind === "article" ? local.doc(passage.docId) : undefined;
    const heading = doc ? headingOf(doc, sentence, passage) : "";
    return !!heading && headingAnswers(heading, asked);
  };
}

/** The section heading a sentence of one of the article's passages sits under ("" for none). */
function headingOf(doc: LocalDoc, sentence: string, passage: Passage): string {
  const at = passage.text.indexOf(sentence);
  // A numbered item's label run into its paragraph (四、增加周末收缴时间。周六、周日上午8:30至11:30……)
  // heads the sentence after it, as a heading line would.
  // One that opens its own sentence with a colon (三、办理时间：……每天8:30至18:00开放) heads that sentence.
  const before = passage.text.slice(Math.max(0, at - INLINE_LABEL_CHARS), at);
  return OWN_LABEL.exec(sentence)?.[1] ?? INLINE_LABEL.exec(before)?.[1] ?? headingAt(doc, passage.start + at);
}
const INLINE_LABEL_CHARS = 24;
const INLINE_LABEL = new RegExp(`(?:^|[。\\n])(${NUMBERED}[^。\\n]{1,16})。$`);
const OWN_LABEL = new RegExp(`^(${NUMBERED}[^：:。，\\n]{1,12})[：:]`);

/**
 * The figure a thing named after its count (几多间培训机构) is told in, within its clause after the thing: in the measure
 * asked or one swapped for it (……等预付式经营场所93家). Built once per message; null when the thing is itself a measure.
 */
function listedFigure(question: string, counted: string): RegExp | null {
  if (SWAPPED_MEASURES.some((g) => g.includes(counted))) return null;
  const measure = countMeasure(question);
  return measure ? new RegExp(`^[^。；;]{0,24}?[0-9０-９]+\\s*(余|多)?(${swappedFor(measure).join("|")})`) : null;
}
/** A list of things and then their figure (排查培训机构、健身房等预付式经营场所93家): the thing, then that figure after it. */
function countedListed(sentence: string, counted: string, figure: RegExp | null): boolean {
  if (!figure) return false;
  const at = sentence.indexOf(counted);
  return at >= 0 && figure.test(sentence.slice(at + counted.length));
}
/** Is the counted thing next to a figure (3人受伤, 警力不少于320人, 几成 → 87%), not just somewhere in the sentence (驾驶人李某某)? `after`: how far after it. */
function countedNear(sentence: string, counted: string, after = 7): boolean {
  // The word counted when the sentence writes it (民宿38家, not 民警42人次 for 民宿); else its first character
  // (警察 → 出动警力320人) or its last, the head of a compound (卡点 → 查缉点由去年的8处增加至12处).
  const chars = Array.from(counted);
  const things = counted.length > 1 && sentence.includes(counted) ? [counted] : [...new Set([chars[0], chars.at(-1)!])];
  // 几成 is a share, told in tenths or as a percentage (佩戴率……提升至87%).
  if (counted[0] === "成" && /[0-9０-９]\s*[%％]/.test(sentence)) return true;
  // 几次 counts times, which a report counts in cases (流窜作案11起).
  if (counted[0] === "次" && /[0-9０-９]\s*(次|起|宗)/.test(sentence)) return true;
  for (const thing of things) {
    for (let at = sentence.indexOf(thing); at >= 0; at = sentence.indexOf(thing, at + 1)) {
      if (/[0-9０-９]/.test(sentence.slice(Math.max(0, at - 6), at + after))) return true;
    }
  }
  return false;
}

/**
 * Does the text tell of the thing measured: its character, or how reports word it (骗了几多钱 → 投入8.6万元,
 * 损失; 偷了几多 → 被盗, 盗窃; 值几个钱 → 成本不足300元; 找回几个, read 追回 → 寻回走失儿童2名; 追返几多钱 → 挽回经济损失3.8万元).
 */
function tellsOf(text: string, thing: string): boolean {
  return text.includes(thing) || !!REPORTED_AS[thing]?.test(text);
}
const REPORTED_AS: Record<string, RegExp> = { 骗: /损失|投入|转账|汇款|充值|被骗|骗取|涉案金额/, 偷: /盗/, 值: /价值|成本|售价|价格|市值/, 抓: /拘留|刑拘|落网|归案|到案|逮捕/, 追: /寻回|寻获|找回|找到|挽回|追缴|返还|发还/, 挽: /追回|追缴|返还|发还/, 退: /返还|发还|退赔|退回|追回|挽回/, 赚: /获利|牟利|违法所得|非法所得|报酬|好处费/, 收: /报酬|好处费|获利|收取/, 刷: /花掉|消费|盗刷|刷走/, 汇: /汇款|汇出|转账/, 转: /转账|汇款|转走|转出/, 止: /止付|冻结|拦截/ };

/** Cases asked for alone (偷咗几起): the count is of them. Not a thing's measure, which people swap (几条船 for 37艘). */
const MEASURE = /^[起宗]$/;

/** 奖他多少钱, 骗咗几多钱: the figure asked is a sum of money… */
const MONEY_ASKED = /(多少|几多)(块)?钱|几(千|百|万)(块|元)/;
/** …which a sentence tells in 元 or 块 (4300余元, 19万余元: a report rounds its sums). */
const MONEY = /[0-9０-９零〇一二两三四五六七八九十百千万.]+\s*(余|多)?\s*(元|万元|亿元|块)/;

/** Asked whether something still holds (还封路吗, 而家仲封路冇), not how it has gone lately (最近……多了没有). */
const STILL = /还|仲/;
/** A word typed in latin letters (ktv, app): a thing named, for all the segmenter's topic words are characters. */
const LATIN_WORD = /[a-z]{2,}/i;
/** The share of its own words a last turn's first article must hold to be the article that turn was about. */
const LAST_TURN_COVERAGE = 0.5;
/** Asking whether what was heard is so (是不是, 系咪 as read). */
const CONFIRM = /是不是|是否|对不对|对吗/;
/** The kinds of value a question can state as heard (a place is too often its topic: 大园公墓嗰段路). */
const HEARD_VALUE_KINDS: readonly AskedFor[] = ["time", "date", "phone", "amount", "fee"];
/**
 * The kinds of value a question states and asks whether it still holds or is so (仲系朝早7点先封: a time;
 * 系咪7月11号礼拜六上昼9点: a date and a time); none when it asks a kind of its own.
 */
function heardStill(question: string): AskedFor[] {
  // A count heard (仲系限60个人吗) asks the amount and is heard too: what else is asked is read without it.
  if (askedFor(question.replace(HEARD_COUNT, " ")).length || !(STILL.test(question) || CONFIRM.test(question))) return [];
  // 仲喺3栋楼下吗: a building's number is an address, no figure heard.
  const figures = question.replace(ADDRESS_NUMBER, " ");
  return HEARD_VALUE_KINDS.filter((k) => answersKind(k === "amount" || k === "fee" ? figures : question, [k]));
}
/** A number that is part of an address (3栋, 2号楼, 5层, 101室). */
const ADDRESS_NUMBER = /[0-9０-９]+\s*(栋|幢|号楼|楼|层|单元|室)/g;

/** What a figure heard is tied to: the thing before it (罚200蚊 → 罚, 奖500 → 奖) and the unit it is per (200蚊一只 → 只). */
interface HeardTies {
  thing: string | null;
  per: string | null;
  /** The question speaks of a deadline (截止, 几时前): a date heard may be one. */
  deadline: boolean;
}
function heardTies(question: string): HeardTies {
  return { thing: HEARD_THING.exec(question)?.[1] ?? null, per: HEARD_PER.exec(question)?.[1] ?? null, deadline: DEADLINE_ASKED.test(question) };
}
const DEADLINE_ASKED = /截止|截至|最迟|之前|[几幾]时前|[几幾]号前/;
/**
 * The clause of a sentence moving a deadline (报名截止时间顺延至7月13日): a day heard (系咪仲系7月8号上昼) is the
 * event's, whose change is the correction's 时间改为……, unless the question speaks of a deadline itself.
 */
const DEADLINE_CLAUSE = /[^，,。；;]*(截止|截至)[^，,。；;]*/g;
const HEARD_THING = /([罚奖赔补扣])[^，。？?\s0-9０-９]{0,2}[0-9０-９]/;
const HEARD_PER = /[0-9０-９]+\s*(?:元|块|蚊)?\s*一(只|辆|个|张|本|次|人|头|户)/;

/**
 * Does the sentence change a value of a kind heard, of the thing heard (仲系罚200蚊: a fine's change, not the reward's
 * 奖励提高至500元; 仲系200蚊一只: the fee 每只, not the reward)?
 */
function changesHeard(sentence: string, heard: readonly AskedFor[], ties: HeardTies): boolean {
  return heard.some((k) => changesTo(k === "date" && !ties.deadline ? sentence.replace(DEADLINE_CLAUSE, "") : sentence, [k])) && tiedAsHeard(sentence, ties);
}
/** Does the sentence state a value of a kind heard, tied as heard (每宗500元至5000元奖励 for 奖 ……2000蚊)? */
function statesHeard(sentence: string, heard: readonly AskedFor[], ties: HeardTies): boolean {
  return heard.some((k) => answersKind(sentence, [k])) && tiedAsHeard(sentence, ties);
}
/** Does the sentence name the thing and the unit a figure heard was tied to (罚, 每只), where it was tied to any? */
function tiedAsHeard(sentence: string, ties: HeardTies): boolean {
  return (!ties.thing || sentence.includes(ties.thing)) && (!ties.per || sentence.includes(ties.per));
}
/**
 * Does a correction's preamble say its numbered items are the changes (现将变更事项公告如下, 有关调整事项通告如下)?
 * Read once per article: it is asked of every numbered sentence of it, for every message.
 */
function listsChanges(doc: LocalDoc): boolean {
  let found = LISTS_CHANGES.get(doc);
  if (found === undefined) LISTS_CHANGES.set(doc, (found = doc.sentences.some((s) => CHANGES_FOLLOW.test(s))));
  return found;
}
const LISTS_CHANGES = new WeakMap<LocalDoc, boolean>();
const CHANGES_FOLLOW = /(变更|调整|更改)(的)?事项[^。；]{0,4}如下/;

/** A correction's item heading that says the item changes (五、奖励标准调整, 二、受理时间变更). */
const CHANGE_HEADING = /(调整|变更|更改|更正)[。：:]?\s*$/;

/**
 * Does a follow-up that asks no kind ask yes or no of a thing of its own, one the previous turn did not name:
 * 答题仲系送大米咩 after 宣讲改咗几时开 (whether the prize still holds: a change an office article states, 由大米一袋改为……),
 * 会唔会入屋帮佢办 after 办证车几时再嚟 (a thing few of the office's articles write: 入户服务)? Then it asks of
 * that thing, not of what the last turn asked. A town is no thing of its own (那兴隆有冇 asks what the last turn did).
 */
function asksOwnYesNo(question: string, previous: string, local: LocalArticles): boolean {
  if (!YES_NO.test(question)) return false;
  const own = ownTopic(question).filter((w) => !previous.includes(w) && !NEGATED.test(w) && !WHEN_OR_WHO.test(w) && !local.towns.some((t) => t.includes(w) || w.includes(t)));
  if (STILL_VALUE.test(question)) return own.some((w) => local.docs.some((d) => d.sentences.some((s) => CHANGED.test(s) && s.includes(w))));
  return own.some((w) => {
    const share = local.share(w);
    return share > 0 && share <= OWN_THING_SHARE;
  });
}
/** 还是……吗, 仍是……吗: whether a value still holds (not 是A还是B, which asks a choice). */
const STILL_VALUE = new RegExp(`(${STILL_WORDS})[^，,。？?是]+吗`);
/** A yes-or-no ask, as the question is read (会唔会 → 会不会, 咩 → 吗). */
const YES_NO = new RegExp(`会不会|能不能|可不可以|得不得|是不是|要不要|行不行|${STILL_VALUE.source}|吗[？?]?$`);
/** 不会, 不得 of 会不会, 得不得: halves of the asking, no thing. */
const NEGATED = /^[不没]/;
/** 夜里有人办吗: a time of day and 有人 ask when the last turn's thing is done, no thing of their own. */
const WHEN_OR_WHO = new RegExp(`^(${TIMES_OF_DAY}|今天|明天|现在|有人|有没有人)$`);
/** A thing of its own is written by few of the office's articles (入户), not by many (办理, 民警). */
const OWN_THING_SHARE = 0.1;

/** The day from which something holds (自5月18日起). */
const SINCE = /[0-9０-９]+月[0-9０-９]+日起/;

/** A sentence that announces the items after it (现将有关事项通告如下, 现更正如下：). */
const PREAMBLE = /如下(调整|变更|更正|修改)?[。：:]?$/;
/** That a thing is free (本次检查不收取任何费用): the answer to a price, whatever fines the sentence names besides. */
const FREE_OF_CHARGE = /免费|免收|不收费|不收取/;
/** A date alone on its line: a notice's signing date under the unit's name. */
const SIGNED_ON = /^\s*[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*$/;

/** 以前……现在还可以吗, 原来……还要……吗: whether the old way still holds. */
const OLD_WAY_ASKED = /(以前|之前|原来|过去|往年|去年|前年|当时|那时)[^。？?]{0,40}(还|仲)(可以|能|要|需|用|是|得)/;
/** A sentence that ends the old way (不再代为登记, 取消年审收费, 无需提交复印件). */
const ENDED = /不再|取消|停止|改为|改由|无需|不用再|不必再/;
const ENDED_AT = new RegExp(ENDED.source, "g");
/** Does the sentence end the old way, of one of these things when the ask names any (无需提供结婚证 for 结婚证)? */
function endedOf(sentence: string, things: readonly string[]): boolean {
  if (!things.length) return ENDED.test(sentence);
  return [...sentence.matchAll(ENDED_AT)].some((m) => things.some((t) => sentence.slice(m.index!, m.index! + m[0].length + ENDED_OBJECT_CHARS).includes(t)));
}
/** Words of a clause that name no thing (现在还可以这样吗). */
const NO_THING = /^(这样|那样|这么|那么|这种|那种|这个|那个|可以|还能|能够|现在|而家|还是|以前|之前|还要|需要|还用|怎样|一样)$/;
/** How far after 无需, 不再 the thing ended is written (无需提供结婚证纸质件). */
const ENDED_OBJECT_CHARS = 8;
const ENDED_TOLD = 0.8;

/** What an old plan or a retired value tells, and so no longer answers: its time, day, place or number. */
const OLD_VALUE_KINDS: readonly AskedFor[] = ["time", "date", "place", "phone"];

/** A clause retiring an old place, number or window (原……同日停止受理, （原举报电话……已停用）). */
const OLD_VALUE = /[（(]?原[^，。；（）()]{0,30}(停止|停用|不再|作废|废止)[^，。；（）()]*[）)]?/g;

/** OLD_VALUE without its global flag, to test a sentence (原举报电话0898-62212110同时停用). */
const RETIRED = new RegExp(OLD_VALUE.source);

/** Does the sentence retire an old value and tell no new one (no 新, no place, number or time outside that clause)? */
function retiresOnly(sentence: string): boolean {
  if (!sentence.match(OLD_VALUE) || /新/.test(sentence)) return false;
  return !answersKind(sentence.replace(OLD_VALUE, " "), OLD_VALUE_KINDS);
}

/** A change to a new place or time it leaves to what follows (搬迁至新址, 调整为新的时间, ……将于11月8日起搬迁办公。). */
const UNNAMED_NEW = /(至|到|为)(新址|新的?(地址|地点|场所|办公地点|时间))|搬迁(办公|营业)?。?$/;
/** A street number or a clock time, named beside it (搬迁至新址（环市一路58号）). */
const NAMED_VALUE = /[路街道]\s*[0-9０-９]+\s*号|[0-9０-９]{1,2}[:：][0-9０-９]{2}/;

/** Asked where to go (去边度拎, 到哪里领, 交去哪); not 后来在哪里, whose 来 is of 后来 (when, not coming). */
const GOING_TO = /(去|到|(?<![后原本未从将])来|拎|领|办|交)[^，,。？?\s]{0,2}(边度|哪里|哪儿|哪|什么地方|咩地方)/;
/** Where to go for a purpose named (去边度报名, 喺边度登记, 哪里领): the purpose. */
const PLACE_FOR = /(边度|哪里|哪儿|什么地方|咩地方|哪)(报名|登记|认领|领取|缴费|预约|报案|举报|办理)/;
/** Where something happened or was found (在和乐中学附近发现, 在新市街清扫时拾得), not where to go. */
const EVENT_PLACE = /在[^，。；]{1,20}(发现|拾得|捡到|查获|抓获|发生|被盗|作案|走失|落水|找到|寻回)/;
/** A term told of a case: days of detention (行政拘留8日), a prison sentence (判处有期徒刑三年). */
const TERM_TOLD: Record<"prison" | "detention", RegExp> = {
  detention: /拘留\s*[0-9０-９一二三四五六七八九十]+\s*(日|天)/,
  prison: /(有期徒刑|拘役)\s*[0-9０-９一二三四五六七八九十]+/,
};
/** What telling the term asked adds: as much as the figure of the thing asked. */
const TERM = 0.8;
/** Asked a total (一共, 总共, 合共, 加埋). */
const TOTAL_ASKED = /一共|总共|合共|总计|共计|加起来|加埋/;
/** A figure told as a total (共, 累计, 合计, 总计). */
const TOTAL_TOLD = /共|累计|合计|总计/;
/** What telling the total adds to a figure's sentence: less than the figure of the thing asked (0.8), enough to pass a part told in more of the question's words. */
const TOTAL = 0.6;
/** Asked where or when someone was caught (喺边度畀警察捉到, 几时捉到嘅), or a thing found back (喺边度搵返, read 找回). */
const CAUGHT_ASKED = /(抓到|抓住|抓获|捉到|捉住|查获|落网|找回|寻回)/;
/** Asked how someone was dealt with (点样处理咗, 怎么处罚的, 判了什么). */
const DEALT_ASKED = /处理|处置|处罚|判|罚/;
/** Asked whether someone or something was found (找到没有, 寻回未). */
const FOUND_ASKED = /找到|找着|寻到|寻回|找回/;
/** Finding told (找到, 寻回, 平安返回): the end of a search, not of a case against someone. */
const FOUND_TOLD = /找到|寻回|被找到|平安返回|接回/g;
/** Catching told (抓获, 破获, 查获, 归案): how a case began to end, not how its people were dealt with (已被依法刑事拘留, 处以罚款). */
const CAUGHT_ONLY = /抓获|破获|查获|归案|落网/g;
/** What of an arrest, or of a thing found back (喺边度搵返 → 在……英豪路一处空地找到), is asked: where and when. */
const CAUGHT_KINDS: ReadonlySet<AskedFor> = new Set(["place", "date", "time"]);
/** A sentence telling the arrest (将……抓获, 当场查获, 控制, 带回). */
const CAUGHT_TOLD = /(抓获|查获|抓到|抓住|捉到|控制|带回|截获|落网|归案|找到|找回|寻回)/;
/** A sentence labelled as the place (认领地点：, 地址：, 位于). */
const PLACE_LABEL = /地点|地址|位于/;

/** A sentence telling what was first planned or written (原定于, 原计划, 原文). */
const ORIGINAL_PLAN = /原定|原计划|原文/;
/**
 * The clause of what was first planned, in a sentence that changes it too (原定于9月13日在镇政府一楼大厅举行的……活动取消，
 * 延期至9月27日……): the old time and place are in it; the sentence tells only the rest.
 */
const ORIGINAL_CLAUSE = /原(定|计划)[^，。；]*/g;

/** What a correction keeps as it was (原通告其他内容不变, 其余事项仍按原通知执行). */
const UNCHANGED = /(其他|其余|其它)[^。；]{0,6}(内容|事项|规定|条款|要求)?[^。；]{0,4}(不变|照旧|继续执行|仍按|按原)/;
/** The clause of a sentence that says the rest stays (，其他对象不变), to its end. */
const UNCHANGED_CLAUSE = new RegExp(`(^|[，,])[^，,。；]*${UNCHANGED.source}[^。；]*`);
/** A sentence that names an earlier notice by its title (发布《……的通告》) or by its day (我所3月17日发布被盗电动自行车认领公告以来). */
const RECITAL = /《[^》]*(通告|通知|公告|通报)》|[0-9０-９]+月[0-9０-９]+日[，,]?(我局|我所|本局|本所)?(发布|印发|公布|发出)[^，。；]{0,30}(通告|通知|公告|通报)/;

/** Does this sentence of the article name an earlier notice? Its own words, not its heading's (关于《……通告》的更正 heads them all). */
function recites(doc: LocalDoc, sentence: string): boolean {
  return RECITAL.test(doc.bodies.get(sentence) ?? sentence);
}

/** Does a sentence of the correction change a figure the question quotes (由……65……为)? */
function changesQuoted(correction: LocalDoc, question: string): boolean {
  const figures = [...new Set(figuresIn(question))];
  return figures.some((f) => {
    const from = new RegExp(`由[^，,。；]{0,12}(?<![0-9])${f}(?![0-9])[^，,。；]{0,8}(为|至|到)`);
    return correction.sentences.some((s) => from.test(s));
  });
}

/**
 * 那本手册送几多人 after a 延期 notice titled for its date and place: the correction tells the thing asked
 * (手册) with the kind asked and other figures (前100名) than the notice it corrects (前50名), so it is
 * asked of, whatever its title names.
 */
function restatesAsked(corr: LocalDoc, corrected: LocalDoc, facts: readonly AskedFor[], pairs: readonly string[]): boolean {
  if (!facts.length) return false;
  const telling = (d: LocalDoc, b: string) => d.sentences.filter((s) => s.includes(b) && answersKind(s, facts));
  const figures = (s: string) => figuresIn(s).join(" ");
  return pairs.some((b) => {
    if (corr.title.includes(b)) return false;
    const old = telling(corrected, b);
    return old.length > 0 && telling(corr, b).some((s) => old.every((o) => figures(o) !== figures(s)));
  });
}

/** The best chunk of each chosen article (the one whose best window scores highest), quoted within the budget. */
export function localExcerpts(
  judged: Judgement,
  terms: TermMatcher,
  question: string,
  query: string,
  prompts: Prompts,
  options: { budget: number; maxPassages: number; besideLaw?: boolean },
): Excerpt[] {
  const bonus = localBonus(terms, question, query, judged.local!);
  const asked = askedFor(question);
  // A value heard asked whether it holds is answered by a correction's one change, not by a paragraph of them.
  const heard = heardStill(question);
  const oneChange = heard.length > 0 && judged.docs.some((d) => CORRECTION.test(d.title));
  const windowOptions: WindowOptions = { sentenceBonus: bonus, oneSentence: asked.length > 0 || oneChange, sectionAnswers: sectionAnswers(judged.local!, asked) };
  const room = Math.max(120, Math.floor(options.budget / Math.max(1, Math.min(judged.docs.length, options.maxPassages))));
  const perArticle: Hit[] = judged.docs.map((doc, i) => {
    let best: ArticlePassage = doc.chunks[0];
    let bestScore = -1;
    for (const c of doc.chunks) {
      const w = bestWindow(c, terms, room, windowOptions);
      if (w && w.score > bestScore) {
        bestScore = w.score;
        best = c;
      }
    }
    return { passage: best, score: bestScore, rank: i + 1 };
  });
  const facts = factsAsked(question);
  const told = (h: Hit) => {
    const w = bestWindow(h.passage as ArticlePassage, terms, room, windowOptions);
    return w ? h.passage.text.slice(w.start, w.end).replace(CITED_TITLE, "") : "";
  };
  const hits = facts.length && perArticle.length > 1 ? withoutIdleCorrections(perArticle, facts, question, told) : perArticle;
  // One article asked for a fact: a second sentence of it that also holds that kind of fact, when it is
  // nearly as much about the question (of a report's figures, the one asked may be the second best).
  const second = facts.length && hits.length === 1 ? secondSentence(hits[0].passage as ArticlePassage, judged.docs.find((d) => d.docId === (hits[0].passage as ArticlePassage).docId) ?? judged.docs[0], terms, room, { ...windowOptions, oneSentence: true }, facts) : null;
  if (second) hits.push({ passage: second, score: 0, rank: 2 });
  // Two or three things asked at once (查了几多间民宿 … 罚几多): an ask the sentences chosen leave unanswered gets its own.
  const doc = judged.docs.find((d) => d.docId === (hits[0]?.passage as ArticlePassage | undefined)?.docId);
  const quoted = hits.filter((h) => (h.passage as ArticlePassage).docId === doc?.docId).map(told);
  const more = doc ? sentencesForOtherAsks(doc, judged.local!, terms, question, room, quoted) : [];
  if (doc) more.push(...changesOfValuesHeard(doc, question, heard, [...quoted, ...more.map((h) => h.passage.text)]));
  // Quoted right after the article's own sentences, before any other article.
  const at = hits.reduce((last, h, i) => ((h.passage as ArticlePassage).docId === doc?.docId ? i + 1 : last), 0);
  hits.splice(at, 0, ...more);
  // A sentence holding what was asked brings the next one of its paragraph when it fits: the report's next
  // step (3名……抓获 → 已被依法刑事拘留), the notice's condition after its rule. Not the sentences chosen for
  // one ask each (a second figure, another ask): they are slices of their paragraph already quoted around.
  const alone = new Set<Passage>([...(second ? [second] : []), ...more.map((h) => h.passage)]);
  // Beside the law's part too: over every small set +6 questions, two on the blind local-fresh50; one lost
  // (local-fresh14's lw-q27: the law's part lost its last clause to the twelve characters the next sentence took).
  // Quoted without the law's part, the sentence before it comes along too (the case's day and place before its
  // figure): over every small set +2 questions, both on the blind local-fresh57 and 61. Beside the law's part it
  // took the room of the law's fine (local-fresh33's mp-q24). Nor of a 更正, 延期 …: the sentence before its new
  // value is its recital of the old one (2024年5月10日，我局发布……), which says what no longer holds (and cost
  // local-fresh42's my-q03 the one it had gained).
  const previousAlong = !options.besideLaw && !judged.docs.some((d) => CORRECTION.test(d.title));
  return selectExcerpts(hits, terms, prompts, { ...options, ...windowOptions, nextAlong: true, previousAlong, alone, perArticle: 2 + more.length, maxPassages: options.maxPassages + more.length });
}

/**
 * A message that asks two or three things (石梅湾查民宿 查了几多间 被罚的老板罚几多; 电话几多 … 是不是每个都要登记; 改到哪天 在哪上):
 * for each ask that the sentences already quoted of the article do not answer, the sentence of the
 * article that does, chosen on that ask's own words and kind, as a verbatim slice of its chunk.
 * Asks of the law (法律点讲, 犯法吗) are the law's part to answer.
 */
function sentencesForOtherAsks(doc: LocalDoc, local: LocalArticles, terms: TermMatcher, question: string, room: number, quoted: string[]): Hit[] {
  const parts = asks(question);
  // One ask of two facts (原来不是28号吗 现在改到哪天 在哪上: the day and the place) is two asks too.
  if (parts.length < 2 && factsAsked(question).length < 2) return [];
  const out: Hit[] = [];
  const taken: { chunk: ArticlePassage; start: number; end: number }[] = [];
  for (const part of parts) {
    if (asksRule(part) || LAW_ASKED.test(part)) continue;
    const told = [...quoted, ...out.map((h) => h.passage.text)].join(" ");
    if (answersAsk(told, part, doc.title)) continue;
    // Only the kinds still unanswered are looked for (边度打 after the fee was quoted: the place).
    const kinds = factsAsked(part).filter((k) => !answersKind(told, [k]));
    const partTerms = ownWordsFirst(terms, part);
    const asked = askedFor(part);
    const bonus = localBonus(partTerms, part, part, local);
    // Of the sentences that answer the ask, the one most about it; one about a word the title lacks first (芯片, not 登记).
    const options: WindowOptions = { sentenceBonus: (raw, p) => bonus(raw, p) + (answersAsk(raw, part, doc.title, kinds) ? ANSWERS_ASK : answersAsk(raw, part, "", kinds) ? ANSWERS_ASK / 2 : 0), oneSentence: true, sectionAnswers: sectionAnswers(local, asked) };
    let best: { chunk: ArticlePassage; start: number; end: number; score: number } | null = null;
    for (const chunk of doc.chunks) {
      const w = bestWindow(chunk, partTerms, room, options);
      if (w && (!best || w.score > best.score)) best = { chunk, start: w.start, end: w.end, score: w.score };
    }
    if (!best || !answersAsk(best.chunk.text.slice(best.start, best.end), part, "", kinds)) continue;
    const b = best;
    if (taken.some((o) => o.chunk === b.chunk && o.start < b.end && b.start < o.end)) continue;
    taken.push(b);
    out.push({ passage: sliceOf(b.chunk, b.start, b.end), score: 0, rank: 2 + out.length });
  }
  return out;
}
/**
 * A correction asked whether two values heard still hold (系咪仲系9月19号上昼喺文化广场搞: the day and the place):
 * each value's change is one of its items (一、活动时间调整为……; 二、活动地点调整为……), and the sentences quoted
 * for the first leave the other unanswered. For each kind heard that no sentence quoted tells, the correction's
 * sentence changing a value of that kind, as a verbatim slice of its chunk. Only when two kinds or more are
 * heard: one is the correction's one change, which the window already chose.
 */
function changesOfValuesHeard(doc: LocalDoc, question: string, heardKinds: readonly AskedFor[], quoted: string[]): Hit[] {
  if (!CORRECTION.test(doc.title)) return [];
  const heard = new Set(heardKinds);
  // The place where it is held and the documents to bring, heard in their own words (喺文化广场搞, 仲系带营业执照复印件吗).
  if (STILL.test(question) || CONFIRM.test(question)) {
    if (PLACE_HEARD.test(question)) heard.add("place");
    if (DOCUMENTS_HEARD.test(question)) heard.add("documents");
  }
  if (heard.size < 2) return [];
  const told = quoted.join(" ").replace(ORIGINAL_CLAUSE, "");
  // A count heard (仲系限60个人吗) is told by a figure in its measure (90名), not by the 1份 of a document beside it.
  const measure = HEARD_COUNT.exec(question)?.groups?.measure;
  const counted = measure ? new RegExp(`[0-9０-９]+\\s*(${/人/.test(measure) ? "名|人|个人" : measure})`) : null;
  const tells = (text: string, kind: AskedFor) => answersKind(text, [kind]) && (kind !== "amount" || !counted || counted.test(text));
  // The correction's sentences, each a verbatim slice of its chunk, read once for every kind.
  const sentences = doc.chunks.flatMap((chunk) => splitSentences(chunk.text, 0).map((sent) => sliceOf(chunk, sent.start, sent.end)));
  const out: Hit[] = [];
  for (const kind of heard) {
    if (tells(told, kind)) continue;
    const found = sentences.find((p) => changesTo(p.text, [kind]) && tells(p.text.replace(ORIGINAL_CLAUSE, ""), kind));
    if (found && !out.some((h) => h.passage.start === found.start)) out.push({ passage: found, score: 0, rank: 2 + out.length });
  }
  return out;
}
/** A place heard where the event is held (喺文化广场搞, 在镇政府开): the place before the verb of holding it. */
const PLACE_HEARD = /(在|喺)[^，。？?\s在喺]{2,14}(搞|举办|举行|办|开|上课|集合)/;
/** Documents heard as the ones to bring (仲系带营业执照复印件吗). */
const DOCUMENTS_HEARD = /(带|携带|提供|交)[^，。？?\s]{2,14}(复印件|原件|证明|照片|证)(吗|么|咩|嘛|$|\s)/;

/** A notice's title (……的通告, 公告, 通知, 办事指南): rules the office sets, not a report of what it did. */
const NOTICE_PAPER = /通告|公告|通知|指南|须知|办法|规定/;

/** Characters [a, b) of a chunk, as a passage of its own: a verbatim slice, offsets kept in the source. */
function sliceOf(c: ArticlePassage, a: number, b: number): ArticlePassage {
  return { ...c, text: c.text.slice(a, b), start: c.start + a, end: c.start + b };
}

/** Far above any sentence's own score: an answering sentence is always preferred. */
const ANSWERS_ASK = 1e6;

/** An ask of what the law says (法律点讲, 按规定, 犯法吗, 条例是怎么写的). */
const LAW_ASKED = /法律|法规|条例|规定|犯法|违法|犯罪|判/;

/**
 * Beside the law's part, what the message asks the office: its clauses other than those asking the law
 * (龙滚那边一共抓了几个？如果没判刑，按法律要罚多少钱 → 龙滚那边一共抓了几个), so the office's
 * sentence is chosen for its own fact, not for the fine the law's part answers. The whole message when
 * no clause asks the law, or the rest asks no fact.
 */
export function officeAsks(question: string): string {
  const clauses = clausesOf(question);
  const office = clauses.filter((c) => !asksTheLaw(c));
  const rest = office.join("");
  if (office.length < clauses.length && factsAsked(rest).length) return rest;
  // The law asked what people of a case told of face (北大偷电瓶那两个人会判几年): the office's report is
  // asked how their case ended (已被依法刑事拘留), not for the sentence naming the crime, unless a fact is asked
  // of the office. Clauses asking only the law's term or fine stay the law's (法律上……最多判几耐 would choose 5分钟内赶到).
  if (!factsAsked(rest).length && CASE_PEOPLE.test(question) && clauses.some((c) => asksTheLaw(c) && PENALTY.test(c))) {
    const ofCase = clauses.filter((c) => CASE_PEOPLE.test(c) || !(asksTheLaw(c) && factsAsked(c).length));
    return `${ofCase.join("").replace(/[，,\s]+$/, "")}，${CASE_ENDED}`;
  }
  return question;
}

/** People of a case pointed at (那两个人, 那几个老板, 那伙偷牛的, 那9个醉驾的, 那个扔菜刀的男人, 那个包工头, 那个欠薪老板), or one told of asked his charge (……骗咗成班会员 佢系咩罪名). */
const CASE_PEOPLE = /那(几|两|三|四|五|些)?(个|名|位)?(人|老板|小偷|扒手|贼|嫌疑人|司机|男的|女的|男人|女人|家伙|后生|学生|骗子|团伙)|那(伙|帮)|那[0-9０-９]+(个|名|位)|那(个|名|位)[^，。？?\s]{1,8}的(人|男人|女人|男的|女的|老板|司机|后生|学生|小偷|贼)|那(个|名|位)[^，。？?\s的]{0,4}(老板|包工头|工头|房东|中介|员工|骗子|小偷|扒手)|(他|她|佢)(们|哋)?(是|系|犯|涉嫌|算|定|判)?(了|咗)?(个)?(什么|咩|啥|乜嘢?)罪/;
/** What a law's penalty is asked with (判几年, 会不会坐牢, 坐几耐监, 罚多少, 拘几天). */
const PENALTY = /判|坐牢|坐[^，。？?\s]{0,3}监|罚|拘|关几|关多久/;
/** How the office's report is asked how a case ended (read as CASE_OUTCOME by question-type). */
const CASE_ENDED = "后来怎么处理的";

/** The kinds of fact a law answers: a fine's amount, a term, an age. */
const LAW_KINDS: ReadonlySet<AskedFor> = new Set(["amount", "duration", "age"]);

/** A fine a case got (被罚的老板罚几多, 罚咗几多, 网吧被罚几多钱): the report's figure, not the law's (会被罚几多 asks the law). */
const CASE_FINE = /罚了|罚咗|罚左|罚过|被罚的|被罚嘅|(?<![会要将就能])被罚(几多|多少|好多)/;

/**
 * Does this clause ask the law alone: a rule or penalty (这样也算犯罪吗, 法律上要判几年), and no fact of the
 * office (要报警打哪个电话 asks a number; 被罚的老板罚几多 the report's fine)?
 */
function asksTheLaw(clause: string): boolean {
  const officeFact = factsAsked(clause).some((k) => !LAW_KINDS.has(k));
  return !officeFact && (LAW_ASKED.test(clause) || (asksRule(clause) && !CASE_FINE.test(clause)));
}

/**
 * Does `text` answer this ask: a fact of each kind asked, of the thing counted or measured (查了几多间民宿
 * → 民宿38家, with 查); or, asked a yes/no rule, a rule about one of the ask's own words that the article's
 * title lacks (是不是每个都要登记 → 逐一登记)?
 */
function answersAsk(text: string, ask: string, title: string, kinds?: AskedFor[]): boolean {
  const facts = kinds?.length ? kinds : factsAsked(ask);
  if (facts.length) {
    // 边度打 要唔要钱: each kind asked (the fee alone leaves the place unanswered).
    if (!facts.every((k) => answersKind(text, [k]))) return false;
    if (!facts.includes("amount") || facts.length > 1) return true;
    const counted = countedThing(ask);
    const thing = measuredThing(ask);
    return (!counted || countedNear(text, counted)) && (!thing || tellsOf(text, thing));
  }
  if (!askedFor(ask).includes("rule")) return true;
  // Of the ask's own words, those the article's title does not hold: 登记 is every sentence's matter, 芯片 one's.
  return answersKind(text, ["rule"]) && ownWords(ask).some((w) => !title.includes(w) && text.includes(w));
}

/** The ask's words of two characters or more that are no function or asking words (登记, 客人). */
function ownWords(ask: string): string[] {
  const stop = stopwordSet();
  return segment(ask).filter((w) => Array.from(w).length >= 2 && /^[\p{Script=Han}]+$/u.test(w) && !stop.has(w) && !/是不是|要不要|能不能|可不可以|有没有|多少|什么/.test(w));
}

/**
 * A 更正 or 延期 changes only what it lists (通报其余内容不变): asked a fact its quoted sentence does not hold (of
 * the thing counted or measured: 几多斤, 奖几多) but the report's article does (抓了几个, 举报奖几多), the
 * report answers alone. Asked the corrected figure, the 更正 still leads. `told`: the sentence quoted of a hit.
 */
function withoutIdleCorrections(hits: Hit[], facts: AskedFor[], question: string, told: (h: Hit) => string): Hit[] {
  const thing = facts.includes("amount") ? measuredThing(question) : null;
  const counted = facts.includes("amount") ? countedThing(question) : null;
  // An extension or withdrawal (延期, 撤销) answers its dates and rules: idle only when a count of cases alone is asked (偷咗几起).
  const countOnly = facts.length === 1 && facts[0] === "amount" && !!counted && MEASURE.test(counted);
  const correction = (h: Hit) => h.passage.kind === "article" && (CORRECTION_NOTICE.test(h.passage.title) || (countOnly && CORRECTION.test(h.passage.title)));
  const docHolds = (h: Hit) => answersKind(told(h), facts);
  // The thing counted (几多斤 → 斤) says it more surely than the verb measured (偷 of 偷了几多斤: the 更正 writes 盗得).
  // A correction's sentence may name the thing a clause before the figure it corrects (血液酒精含量，经司法鉴定为113mg/100ml).
  const answers = (h: Hit) => {
    const text = told(h);
    return answersKind(text, facts) && (counted ? countedNear(text, counted, CORRECTED_FIGURE_REACH) : !thing || tellsOf(text, thing));
  };
  if (!hits.some((h) => !correction(h) && docHolds(h))) return hits;
  return hits.filter((h) => !correction(h) || answers(h));
}

/** How far after the thing counted a correction's figure may stand (血液酒精含量，经司法鉴定为113mg: 12 characters). */
const CORRECTED_FIGURE_REACH = 16;

/** A notice that corrects figures of an earlier one, item by item (更正): the rest of that one stands. */
const CORRECTION_NOTICE = /更正/;

/** The second sentence to quote, from `doc`, outside the best one; as a verbatim slice of its chunk. */
function secondSentence(first: ArticlePassage, doc: LocalDoc, terms: TermMatcher, room: number, windowOptions: WindowOptions, facts: AskedFor[]): ArticlePassage | null {
  const span = bestWindow(first, terms, room, windowOptions);
  if (!span) return null;
  const candidates = doc.chunks.flatMap((c) => (c === first ? [sliceOf(c, 0, span.start), sliceOf(c, span.end, c.text.length)] : [c])).filter((c) => c.text.trim());
  let best: { passage: ArticlePassage; score: number } | null = null;
  for (const c of candidates) {
    const w = bestWindow(c, terms, room, windowOptions);
    if (!w || !answersKind(c.text.slice(w.start, w.end), facts)) continue;
    if (!best || w.score > best.score) best = { passage: c, score: w.score };
  }
  return best && best.score >= SECOND_SENTENCE * span.score ? best.passage : null;
}
