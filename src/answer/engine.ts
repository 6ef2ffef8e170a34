/**
 * The answer engine: question (+ the same person's recent turns) → plain-text reply with citations.
 * It knows nothing of WeChat, consoles or HTTP. Offline it quotes the corpus; with a model
 * configured it lets the model phrase the answer, and falls back to the quotes on any fault.
 */
import { childLogger } from "../logger.js";
import type { AnswerEngine, AskRequest, ConversationTurn, Hit, Reply, ReplyParts, Searcher } from "../types.js";
import { selectExcerpts } from "./excerpts.js";
import { looksLikeFollowUp, retrievalQuery } from "./follow-up.js";
import { cannedParts, extractiveParts, joinParts, llmParts, toCitation, type Excerpt } from "./layout.js";
import type { Prompts } from "./prompts.js";
import { shippedModerator, type Moderator } from "../safety/moderation.js";
import { classifyQuestion } from "./question-guard.js";
import { citedHits, coverage, namesLawArticle } from "./relevance.js";
import { termMatcher, type TermMatcher } from "./term-weights.js";

const log = childLogger("engine");

/** What the engine needs of a language model (src/llm implements it). */
export interface AnswerComposer {
  compose(input: {
    question: string;
    context?: ConversationTurn[];
    excerpts: Excerpt[];
    deadlineMs?: number;
  }): Promise<{ ok: true; body: string; used: number[] } | { ok: false; cause: string }>;
  rewriteFollowUp(question: string, context: ConversationTurn[], deadlineMs?: number): Promise<string | null>;
}

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
  /** Deadline for the question's embedding (endpoint embeddings); past it the search runs without the dense side. */
  embedDeadlineMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  maxQuestionChars: 500,
  excerptChars: 600,
  maxPassages: 3,
  minCoverage: 0.3,
  secondaryRatio: 0.6,
  llmDeadlineMs: 8000,
  embedDeadlineMs: 3000,
};

export interface EngineDeps {
  /** Called per question, so that a refreshed index is used from the next question on. */
  searcher: () => Searcher;
  prompts: Prompts;
  composer?: AnswerComposer | null;
  options?: Partial<EngineOptions>;
  /**
   * The question's vector, for an index whose vectors come from an endpoint (the searcher cannot
   * embed synchronously). null, a failure or the deadline: the search runs lexically.
   */
  embedQuery?: (query: string) => Promise<Float32Array | null>;
  /** Told about every answered question (the question log listens here). */
  onReply?: (request: AskRequest, reply: Reply, latencyMs: number) => void;
  /** Questions it blocks are refused before retrieval (default: the shipped word list). */
  moderator?: Moderator;
}

/** The promise's value, or null when it fails or is not settled within `ms` (logged: the answer goes on without it). */
async function withDeadline<T>(run: () => Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      log.warn({ ms }, "question embedding timed out; searching without the dense side");
      resolve(null);
    }, ms);
  });
  try {
    return await Promise.race([
      Promise.resolve()
        .then(run)
        .catch((err: unknown) => {
          log.warn({ err }, "question embedding failed; searching without the dense side");
          return null;
        }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function createEngine(deps: EngineDeps): AnswerEngine {
  const opt = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const { prompts } = deps;
  const moderator = deps.moderator ?? shippedModerator();

  function canned(reason: Reply["reason"], name: string, vars: Record<string, string | number>, flags = { emergency: false, dispute: false }): Reply {
    const parts = cannedParts(prompts, name, vars, flags);
    return { text: joinParts(parts), parts, citations: [], refused: reason !== "greeting", reason, emergency: flags.emergency, mode: "canned" };
  }

  /** Hits worth quoting: the best must cover enough of the question; others must come close to it. */
  function relevantHits(question: string, terms: TermMatcher, hits: Hit[]): Hit[] {
    if (!hits.length) return [];
    // A question naming articles gets exactly those articles: other passages of the same law share its title, not its topic.
    const cited = citedHits(question, hits);
    if (cited.length) return cited.slice(0, opt.maxPassages);
    // It names an article we do not have: another law's article with the same number is no answer.
    if (namesLawArticle(question)) return [];
    // An admin labelled this very question: its articles answer it, however few of its words they share.
    const taught = hits.filter((h) => h.labelled === "same");
    if (taught.length) return taught.slice(0, opt.maxPassages);
    const scored = hits.map((h) => ({ h, c: coverage(terms, h.passage) }));
    const best = Math.max(...scored.slice(0, 3).map((s) => s.c));
    if (best < opt.minCoverage) return [];
    return scored.filter((s) => s.c >= Math.max(opt.minCoverage, best * opt.secondaryRatio)).map((s) => s.h);
  }

  async function ask(request: AskRequest): Promise<Reply> {
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

    let query = retrievalQuery(q, request.context);
    if (deps.composer && request.context?.length && looksLikeFollowUp(q)) {
      const rewritten = await deps.composer.rewriteFollowUp(q, request.context, Math.min(3000, opt.llmDeadlineMs));
      if (rewritten) query = rewritten;
    }
    const queryVector = deps.embedQuery ? await withDeadline(() => deps.embedQuery!(query), opt.embedDeadlineMs) : null;
    const searcher = deps.searcher();
    const terms = termMatcher(searcher, query);
    const hits = relevantHits(q, terms, await searcher.search(query, { k: 10, ...(queryVector ? { queryVector } : {}) }));
    if (!hits.length) return canned("no_match", "no-match", {}, flags);

    const excerpts = selectExcerpts(hits, terms, prompts, { budget: opt.excerptChars, maxPassages: opt.maxPassages });
    if (!excerpts.length) return canned("no_match", "no-match", {}, flags);

    if (deps.composer) {
      const result = await deps.composer.compose({ question: q, context: request.context, excerpts, deadlineMs: opt.llmDeadlineMs });
      if (result.ok) {
        // The source list is pufa's, from the [n] that survived verification, renumbered in order of use.
        const cited = result.used.map((n) => excerpts.find((e) => e.n === n)).filter((e): e is Excerpt => !!e);
        const renumber = new Map(cited.map((e, i) => [e.n, i + 1]));
        const body = result.body.replace(/\[(\d+)\]/g, (m, n: string) => (renumber.has(Number(n)) ? `[${renumber.get(Number(n))}]` : m));
        const final = cited.map((e, i) => ({ ...e, n: i + 1 }));
        const parts = llmParts(prompts, body, final, flags);
        return { text: joinParts(parts), parts, citations: final.map(toCitation), refused: false, reason: "answered", emergency: flags.emergency, mode: "llm" };
      }
      log.warn({ cause: result.cause }, "model answer rejected; sending the extractive answer");
    }
    const parts: ReplyParts = extractiveParts(prompts, excerpts, flags);
    return {
      text: joinParts(parts),
      parts,
      citations: excerpts.map(toCitation),
      refused: false,
      reason: "answered",
      emergency: flags.emergency,
      mode: "extractive",
    };
  }

  return {
    async ask(request) {
      const started = performance.now();
      const reply = await ask(request);
      deps.onReply?.(request, reply, performance.now() - started);
      return reply;
    },
  };
}
