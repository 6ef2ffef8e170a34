/**
 * The answer engine: question (+ the same person's recent turns) → plain-text reply with citations.
 * It knows nothing of WeChat, consoles or HTTP. Offline it quotes the corpus; with a model
 * configured it lets the model phrase the answer, and falls back to the quotes on any fault.
 */
import { childLogger } from "../logger.js";
import type { AnswerComposer, AnswerEngine, AskRequest, Hit, Reply, ReplyParts, Searcher } from "../types.js";
import { loadDecisionModel, type DecisionModel } from "./decision.js";
import { FocusLaws } from "./focus-laws.js";
import { orderLawHits, penaltyCompanions } from "./law-order.js";
import { localOnLawsMatter } from "./law-signature.js";
import { asksOfItsCase, lawsCitedBy, ledByOfficeCited } from "./office-citations.js";
import { applyEquivalents, readAsked, rewriteWords } from "./equivalents.js";
import { selectExcerpts } from "./excerpts.js";
import { fuseHits } from "./fuse-hits.js";
import { soundsLikeOffice } from "./homophones.js";
import { cjkPairsOf } from "./local-articles.js";
import { holdsFollowUp, looksLikeFollowUp, ownTopic, retrievalQuery, shortQuestion, topicWords } from "./follow-up.js";
import { cannedParts, extractiveParts, joinParts, llmParts, sectionedParts, toCitation, type AnswerSection, type Excerpt } from "./layout.js";
import { SURE, articleQuery, asksOfficeFact, judgeLaw, judgeLocal, lawBonus, lawCoverage, lawJoins, localExcerpts, officeAsks, localLacks, passagesOf, tellsFine, type Judgement, type SourceNote } from "./judge.js";
import type { Prompts } from "./prompts.js";
import { shippedModerator, type Moderator } from "../safety/moderation.js";
import { classifyQuestion } from "./question-guard.js";
import { answersKind, asks, asksFineAmount, asksRule, bareClausesOf, factsAsked, inLawsWords, lawPart, officePart } from "./question-type.js";
import { citedHits, closeToBest, namesLawArticle } from "./relevance.js";
import { ownWordsFirst, termMatcher } from "./term-weights.js";
import { toSimplified } from "../text/simplified.js";

const log = childLogger("engine");

export interface EngineOptions {
  /** Longer questions are declined with a clear message (default 500 characters). */
  maxQuestionChars: number;
  /** Characters of quoted text in one answer (default 600). */
  excerptChars: number;
  /** Passages quoted at most (default 3). */
  maxPassages: number;
  /** Share of the question's weighted words the best passage must contain (default 0.3). */
  minCoverage: number;
  /** A further passage is quoted only if it covers at least this share of what the best one covers. */
  secondaryRatio: number;
  /** Deadline for the model's whole answer (ms). */
  llmDeadlineMs: number;
}

/** How much of a law's ask its first passages hold for the ask to be the law's beside an office's answer (lawAskJudged). */
const PART_COVERED = 0.8;

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  maxQuestionChars: 500,
  excerptChars: 600,
  maxPassages: 3,
  minCoverage: 0.3,
  secondaryRatio: 0.6,
  llmDeadlineMs: 8000,
};

export interface EngineDeps {
  /** Called per question, so that a refreshed index is used from the next question on. */
  searcher: () => Searcher;
  prompts: Prompts;
  composer?: AnswerComposer | null;
  options?: Partial<EngineOptions>;
  /** Told about every answered question (the question log listens here). */
  onReply?: (request: AskRequest, reply: Reply, latencyMs: number) => void;
  /** Today, for 现在/今年/去年 and the newest notice (tests fix it). */
  now?: () => Date;
  /** The per-source answer decision (default: src/answer/decision-model.json). */
  decision?: DecisionModel;
  /** Told the features and verdicts of each source (the answer bench fits the decision from them). */
  onJudged?: (question: string, judged: { local: Judgement | null; law: Judgement | null }) => void;
  /** Questions it blocks are refused before retrieval (default: the shipped word list). */
  moderator?: Moderator;
  /** The laws the office's work rests on, preferred among near-equal law hits (default: src/data/focus-laws.txt). */
  focus?: FocusLaws;
}

/**
 * Does the reply answer the message itself: tell the kind of fact it asks (见到了打哪个电话 → a phone
 * number), or hold a pair of characters of its own topic words (read by pairs, as a typo, 台疯, breaks
 * a word into single characters)? A message with no topic words of its own leans on the last turn.
 */
function keepsOwnTopic(message: string, reply: Reply): boolean {
  const quoted = reply.citations.map((c) => c.excerpt);
  const facts = factsAsked(readAsked(message));
  if (facts.length && quoted.some((e) => answersKind(e, facts))) return true;
  const own = cjkPairsOf(topicWords(message).join(""));
  return !own.length || own.some((pair) => quoted.some((e) => e.includes(pair)));
}

export function createEngine(deps: EngineDeps): AnswerEngine {
  const opt = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const { prompts } = deps;
  const now = deps.now ?? (() => new Date());
  const moderator = deps.moderator ?? shippedModerator();
  const focus = deps.focus ?? FocusLaws.default();

  function canned(reason: Reply["reason"], name: string, vars: Record<string, string | number>, flags = { emergency: false, dispute: false }): Reply {
    const parts = cannedParts(prompts, name, vars, flags);
    return { text: joinParts(parts), parts, citations: [], refused: reason !== "greeting", reason, emergency: flags.emergency, mode: "canned" };
  }

  /** A question naming law articles gets exactly those (or nothing, when we lack them); a question an admin labelled gets its articles. */
  function namedOrTaught(question: string, hits: Hit[]): Hit[] | null {
    const cited = citedHits(question, hits);
    if (cited.length) return cited.slice(0, opt.maxPassages);
    // It names an article we do not have: another law's article with the same number is no answer.
    if (namesLawArticle(question)) return [];
    // An admin labelled this very question: its articles answer it, however few of its words they share.
    const taught = hits.filter((h) => h.labelled === "same");
    if (taught.length) return taught.slice(0, opt.maxPassages);
    return null;
  }

  /** The supersession notes, each naming its article by the [n] it has in this reply (a note whose article is not quoted is dropped). */
  function noteLines(notes: readonly SourceNote[], numbered: readonly Excerpt[]): string[] {
    return notes.flatMap((note) => {
      const e = numbered.find((x) => x.passage.kind === "article" && x.passage.docId === note.docId);
      return e ? [prompts.render(note.prompt, { n: e.n, date: note.date })] : [];
    });
  }

  function answered(parts: ReplyParts, excerpts: Excerpt[], emergency: boolean, mode: Reply["mode"]): Reply {
    return { text: joinParts(parts), parts, citations: excerpts.map(toCitation), refused: false, reason: "answered", emergency, mode };
  }

  /**
   * The law's verdict on the first ask of a message of several that asks a rule, penalty or liability in the law's words
   * (法律讲参赌罚多少, 能不能判轻点; not 讲座我可以报名去听吗), when that verdict is yes. A last clause asking the
   * rule joins the ask before it (系咪都畀刑拘咗 帮人考试会判咩), so the clauses are tried too. The office's article
   * already answers the message, so a part whose first passages hold nearly all its words (PART_COVERED) is
   * the law's too, however short it is for the model: 帮人考试会判吗 → 刑法第二百八十四条之一.
   */
  function lawAskJudged(reading: string, hits: Hit[], searcher: Searcher, model: DecisionModel): Judgement | null {
    const parts = [...new Set([...asks(reading), ...bareClausesOf(reading)])].filter((a) => a !== reading);
    for (const part of parts.filter((a) => asksRule(a) && inLawsWords(a))) {
      const judged = judgeLaw({ question: part, terms: termMatcher(searcher, applyEquivalents(part)), hits, model, minCoverage: opt.minCoverage });
      if (judged?.ok) return judged;
      if (judged && lawCoverage(judged) >= PART_COVERED) return { ...judged, ok: true };
    }
    return null;
  }

  async function ask(request: AskRequest, asFollowUp?: boolean): Promise<Reply> {
    const verdict = classifyQuestion(request.question ?? "", { maxChars: opt.maxQuestionChars });
    const flags = { emergency: verdict.emergency, dispute: verdict.dispute };
    const q = verdict.question;
    if (verdict.kind !== "empty" && verdict.kind !== "too_long" && moderator.check(q).blocked) return canned("moderated", "moderated", {});
    switch (verdict.kind) {
      case "empty":
        return canned("empty", "empty", {});
      case "too_long":
        return canned("too_long", "too-long", { max: opt.maxQuestionChars });
      case "greeting":
        return canned("greeting", "help", {});
      case "out_of_scope":
        return canned("out_of_scope", "out-of-scope", {}, flags);
    }

    // The question in the material's words (电瓶车 → 电动自行车, 派处所 → 派出所), with the topic of the previous turn for a follow-up.
    const searcher = deps.searcher();
    // A pinyin keyboard's wrong candidate for a word the office's articles write (兴龙, 效车) is read as that word.
    const heard = soundsLikeOffice(searcher);
    const typed = heard(q);
    const { text: asked, spoken } = rewriteWords(typed);
    const reading = readAsked(typed);
    const contextWords = (request.context ?? []).map((t) => ({ turn: t, ...rewriteWords(heard(t.question)) }));
    const context = request.context && contextWords.map((w) => ({ ...w.turn, question: w.text }));
    // Whether this is a follow-up is decided once, on the question as typed.
    const followUp = !!request.context?.length && (asFollowUp ?? looksLikeFollowUp(q));
    let query = retrievalQuery(asked, context, followUp);
    if (deps.composer && followUp && request.context) {
      const rewritten = await deps.composer.rewriteFollowUp(q, request.context, Math.min(3000, opt.llmDeadlineMs));
      if (rewritten) query = applyEquivalents(rewritten);
    }
    const terms = termMatcher(searcher, query);
    // The previous turn's words find the article; within it, the follow-up's own words and kind choose the sentence.
    const sentenceTerms = query === asked ? terms : ownWordsFirst(terms, asked);
    // Each source searched on its own: 64,000 statutes never crowd the office's articles out, nor back.
    // Twice as many law hits as are judged, so that a focus law's passage, or one labelled questions like
    // this one name, just below the tenth can be lifted.
    // Asked a fine, the articles fining what the first three (in the answer's order) forbid join from the library, and all are ordered again.
    // A message asking the office a fact and the law a rule: the law is searched on its own asks too (lawPart), and
    // the two searches are one list (fuseHits).
    const lawAsk = followUp ? query : lawPart(query);
    const searchedWhole = await searcher.search(query, { k: 20, kinds: ["law"] });
    const searchedLaw = lawAsk === query ? searchedWhole : fuseHits(searchedWhole, await searcher.search(lawAsk, { k: 20, kinds: ["law"] })).slice(0, 20);
    // Which of a law's fines for its rules at large is on the question's matter is read with the lexicon's words too (电动自行车 → 非机动车).
    const about = [asked, ...[...terms.weights].filter(([, v]) => v.expansion).map(([w]) => w)].join(" ");
    const companions = penaltyCompanions(orderLawHits(searchedLaw, focus, {}, asked, about), passagesOf(searcher), asked, about);
    const lawHits = orderLawHits([...searchedLaw, ...companions], focus, {}, asked, about).slice(0, 10);
    // The office's articles are searched without the law's asks (officePart): the law's part answers those.
    const officeQuery = articleQuery(searcher, followUp ? query : officePart(query), [...spoken, ...(followUp ? contextWords.flatMap((w) => w.spoken) : [])]);
    const articleHits = await searcher.search(officeQuery, { k: 10, kinds: ["article"] });
    const hits = [...lawHits, ...articleHits];

    let sections: AnswerSection[];
    // Which article supersedes or is the newest (rendered with its [n] once the reply is numbered).
    let sourceNotes: SourceNote[] = [];
    const named = namedOrTaught(q, hits);
    if (named) {
      if (!named.length) return canned("no_match", "no-match", {}, flags);
      const excerpts = selectExcerpts(named, terms, prompts, { budget: opt.excerptChars, maxPassages: opt.maxPassages });
      sections = [{ label: "", excerpts }];
    } else {
      const model = deps.decision ?? loadDecisionModel();
      const lastTurn = request.context?.length ? readAsked(heard(request.context.at(-1)!.question)) : null;
      const previous = followUp ? lastTurn : null;
      const queryRead = readAsked(query);
      // Whether an article holds the question's topic is read on the office's own query: a spoken form put back (摩的) is a topic word.
      const topicTerms = officeQuery === query ? terms : termMatcher(searcher, officeQuery);
      let local = await judgeLocal({ question: reading, query: officeQuery, terms, topicTerms, searcher, articleHits, today: now(), model, previous, lastTurn });
      let law = judgeLaw({ question: queryRead, terms, hits: lawHits, model, minCoverage: opt.minCoverage });
      // A follow-up neither source answers (冇发票得唔得 after 万城被偷嘅电驴去边度领): the office's article that
      // answered the last turn alone, when it holds what the follow-up is about. The topic is inherited;
      // the sentence is chosen on the follow-up's own words and kind.
      if (followUp && !local?.ok && !law?.ok) {
        const before = await judgeOffice(request.context!.at(-1)!.question, searcher, heard, model);
        if (before?.ok && holdsFollowUp(before.docs[0], asked, reading)) local = { ...before, question: reading };
      }
      // A message asking an office fact and the law at once (做护河志愿者一日补几多钱 救人嗰阵自己受伤边个赔): the law's
      // ask is judged on its own words as well, over the same passages; the office's words beside it are none a law holds.
      if (local?.ok && law && !law.ok) law = lawAskJudged(reading, lawHits, searcher, model) ?? law;
      deps.onJudged?.(q, { local, law });
      const localOk = !!local?.ok;
      const rule = asksRule(reading);
      // Is the office's article on the matter of the law that answers (its title and opening find one of
      // the law's passages, or it holds the question's words)? Read only when both sources answer.
      const onMatter = localOk && law?.ok ? await localOnLawsMatter(searcher, local!.docs, terms, law.hits) : true;
      // What the law's part is asked for (判几耐 → a span: 三年以下有期徒刑).
      const lawFacts = factsAsked(reading).filter((k) => k === "duration" || k === "amount" || k === "age");
      const useLaw = lawJoins(law, localOk, queryRead, reading, onMatter, localOk ? localLacks(local!, reading) : []);
      // After the law's answer to a rule, the office's article comes only on the law's matter (one that
      // holds the question's words is: 21年扫黑抓了多少个犯罪嫌疑人 asks the report's figure).
      // And asked a fine when the law's passages are off the article's matter, an article that tells its
      // case's fine answers (星火网咖……被查咗, then 罚几多: 罚款8000元, not 道路交通安全法).
      const useLocal = localOk && (!(useLaw && rule) || onMatter || asksOfficeFact(local!, reading) || (asksFineAmount(reading) && tellsFine(local!)));
      if (!useLocal && !useLaw) return canned("no_match", "no-match", {}, flags);
      // A question that asks for the rule, penalty or liability: the law first, even when it names a figure
      // (带了几克冰毒被查到怎么处理); a place, event, figure, date or procedure: the office's article first.
      const localFirst = useLocal && !rule;
      const both = useLocal && useLaw;
      const localBudget = both ? Math.round(opt.excerptChars * 0.55) : opt.excerptChars;
      // A follow-up's sentence is chosen on its own words where the article writes them (发票), else on the
      // last turn's too (几点开门; 晚上有人冇 is answered by 24小时受理).
      const sentenceQuery = followUp && ownTopic(asked).some((w) => local!.docs[0]?.haystack.includes(w)) ? asked : officeQuery;
      const localPart: AnswerSection = {
        label: "part-local",
        excerpts: useLocal ? localExcerpts(local!, sentenceTerms, both ? officeAsks(local!.question ?? reading) : local!.question ?? reading, sentenceQuery, prompts, { budget: localBudget, maxPassages: both ? 2 : opt.maxPassages, besideLaw: both }) : [],
      };
      // The law the office's report cites for its case (office-citations.ts), asked of that case or surely answered by
      // the report: not a notice on another matter that met 路上出了车祸第一步该干嘛 by a few words.
      const officeCited = both && rule && (asksOfItsCase(reading, local!.docs[0]) || local!.probability >= SURE) ? lawsCitedBy(local!.docs, searcher, terms) : [];
      const lawPart: AnswerSection = {
        label: "part-law",
        excerpts: useLaw
          ? selectExcerpts(closeToBest(terms, ledByOfficeCited(law!.hits, officeCited), opt.secondaryRatio, (h) => lawFacts.length > 0 && answersKind(h.passage.text, lawFacts)), terms, prompts, {
              budget: opt.excerptChars - localPart.excerpts.reduce((n, e) => n + e.text.length, 0),
              // Up to three articles even beside the office's part: of a long local + law question's law
              // hits the one answering is often the third (answer bench: local + law .79 → .88).
              maxPassages: opt.maxPassages,
              sentenceBonus: lawBonus(terms, reading),
            })
          : [],
      };
      sections = localFirst ? [localPart, lawPart] : [lawPart, localPart];
      sections = sections.filter((sec) => sec.excerpts.length);
      // Number on across sections.
      let n = 0;
      sections = sections.map((sec) => ({ ...sec, excerpts: sec.excerpts.map((e) => ({ ...e, n: ++n })) }));
      if (useLocal) sourceNotes = local!.notes;
      // A single source needs no label: the answer reads as before.
      if (sections.length === 1 && sections[0].label === "part-law") sections[0] = { ...sections[0], label: "" };
    }
    const excerpts = sections.flatMap((sec) => sec.excerpts);
    if (!excerpts.length) return canned("no_match", "no-match", {}, flags);

    if (deps.composer) {
      const result = await deps.composer.compose({ question: q, context: request.context, excerpts, deadlineMs: opt.llmDeadlineMs });
      if (result.ok) {
        // The source list is pufa's, from the [n] that survived verification, renumbered in order of use.
        const cited = result.used.map((n) => excerpts.find((e) => e.n === n)).filter((e): e is Excerpt => !!e);
        const renumber = new Map(cited.map((e, i) => [e.n, i + 1]));
        const body = result.body.replace(/\[(\d+)\]/g, (m, n: string) => (renumber.has(Number(n)) ? `[${renumber.get(Number(n))}]` : m));
        const final = cited.map((e, i) => ({ ...e, n: i + 1 }));
        return answered(llmParts(prompts, body, final, flags, noteLines(sourceNotes, final)), final, flags.emergency, "llm");
      }
      log.warn({ cause: result.cause }, "model answer rejected; sending the extractive answer");
    }
    const labelled = sections.filter((sec) => sec.label);
    const parts: ReplyParts = labelled.length ? sectionedParts(prompts, sections, flags, noteLines(sourceNotes, excerpts)) : extractiveParts(prompts, excerpts, flags);
    return answered(parts, excerpts, flags.emergency, "extractive");
  }

  /** The office's judgement of a question asked alone (no context): the articles on its matter, and whether they answer. */
  async function judgeOffice(question: string, searcher: Searcher, heard: (text: string) => string, model: DecisionModel): Promise<Judgement | null> {
    const typed = heard(question);
    const { text, spoken } = rewriteWords(typed);
    const terms = termMatcher(searcher, text);
    const officeQuery = articleQuery(searcher, text, spoken);
    const articleHits = await searcher.search(officeQuery, { k: 10, kinds: ["article"] });
    const topicTerms = officeQuery === text ? terms : termMatcher(searcher, officeQuery);
    return judgeLocal({ question: readAsked(typed), query: officeQuery, terms, topicTerms, searcher, articleHits, today: now(), model, previous: null });
  }

  return {
    async ask(typed) {
      const started = performance.now();
      const request = inSimplified(typed);
      let reply = await ask(request);
      // A short message that did not read as a follow-up (见到了打哪个电话) but finds nothing alone is
      // asked once more with the previous turn's topic: the person is most likely still on it.
      // Unless it names a thing of its own that the answer then found does not hold (台风来了怎么办 after
      // a question on 网吧: a new topic the material lacks, not the last one).
      if (reply.reason === "no_match" && request.context?.length && shortQuestion(request.question ?? "")) {
        const again = await ask(request, true);
        if (!again.refused && keepsOwnTopic(rewriteWords(request.question ?? "").text, again)) reply = again;
      }
      deps.onReply?.(typed, reply, performance.now() - started);
      return reply;
    },
  };
}

/** The request read in simplified characters, as the material is written (補領身份證 → 补领身份证), its earlier turns too. Pure. */
function inSimplified(typed: AskRequest): AskRequest {
  const question = toSimplified(typed.question ?? "");
  return typed.context ? { ...typed, question, context: typed.context.map((t) => ({ ...t, question: toSimplified(t.question) })) } : { ...typed, question };
}
