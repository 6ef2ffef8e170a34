/**
 * The optional model layer the answer engine calls when OPENAI_API_KEY is set: a fluent answer
 * written from the excerpts, verified sentence by sentence (verify.ts) before it is returned.
 * It never throws: every fault (deadline, 429/5xx after retries, empty or malformed output,
 * open circuit, failed verification) comes back as { ok: false, cause } fast enough for the
 * engine to send its extractive answer within the same deadline.
 */
import type OpenAI from "openai";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { Prompts } from "../answer/prompts.js";
import { childLogger } from "../logger.js";
import type { AnswerComposer, ComposeInput, ConversationTurn, ModelExcerpt } from "../types.js";
import { CircuitBreaker } from "./circuit.js";
import { createOpenAiClient } from "./client.js";
import type { LlmConfig } from "./config.js";
import { ENDPOINT_HEALTHY_CAUSES, LlmFault, toFault } from "./faults.js";
import { LeakGuard } from "./leak.js";
import { stripMarkdown, stripThinking } from "./markdown.js";
import { answerMessages, newNonce, rewriteMessages } from "./messages.js";
import { withRetries } from "./retry.js";
import { citationNumbers, normalizeCitations } from "./reply-sentences.js";
import { verifyAnswer, type Removal } from "./verify.js";

export type { ComposeInput, ModelExcerpt };

export type ComposeResult =
  | { ok: true; body: string; used: number[]; removed: Removal[] }
  | { ok: false; cause: string };

/** The engine's composer port (types.ts AnswerComposer), also telling what verification removed. */
export interface LlmComposer extends AnswerComposer {
  compose(input: ComposeInput): Promise<ComposeResult>;
}

export interface ComposerDeps {
  /** A ready client (tests); by default one is built from the config. */
  client?: OpenAI;
  /**
   * Law names of the whole library, so a bare mention of a law outside the excerpts is recognized.
   * A function, asked at each answer: the served index may have been hot-reloaded since the start.
   */
  knownLaws?: () => Iterable<string>;
  now?: () => number;
}

/** A rewritten question longer than this is not a question any more. */
const MAX_REWRITE_CHARS = 300;

const log = childLogger("llm");

export function createLlmComposer(config: LlmConfig, prompts: Prompts, deps: ComposerDeps = {}): LlmComposer {
  const client = deps.client ?? createOpenAiClient(config);
  const now = deps.now ?? Date.now;
  const breaker = new CircuitBreaker({ failureThreshold: config.circuitFailures, cooldownMs: config.circuitCooldownMs, now });

  /** One chat call with retries inside `budgetMs`; resolves to the raw content or throws an LlmFault. */
  async function chat(messages: ChatCompletionMessageParam[], budgetMs: number, temperature: number): Promise<{ content: string; truncated: boolean }> {
    const deadline = now() + budgetMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new LlmFault("timeout", "deadline reached")), budgetMs);
    // Belt and braces: the race settles at the deadline even if an SDK promise ignored the abort.
    const expired = new Promise<never>((_, reject) =>
      controller.signal.addEventListener("abort", () => reject(new LlmFault("timeout", "deadline reached")), { once: true }),
    );
    expired.catch(() => {});
    try {
      return await Promise.race([
        expired,
        withRetries(
          async (signal) => {
            const completion = await client.chat.completions.create(
              {
                model: config.chatModel,
                messages,
                temperature,
                ...(config.maxTokens > 0 ? { max_tokens: config.maxTokens } : {}),
              },
              { signal, timeout: Math.max(1, deadline - now()), maxRetries: 0 },
            );
            return readCompletion(completion);
          },
          {
            maxRetries: config.maxRetries,
            deadline,
            signal: controller.signal,
            now,
            onRetry: (fault, attempt, delayMs) => log.info({ cause: fault.code, attempt, delayMs }, "llm retry"),
          },
        ),
      ]);
    } catch (err) {
      throw toFault(err, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  function fallback(cause: string, started: number, extra: Record<string, unknown> = {}): { ok: false; cause: string } {
    log.warn({ cause, ms: now() - started, model: config.chatModel, ...extra }, "llm fallback: extractive answer");
    return { ok: false, cause };
  }

  /** Records the outcome for the circuit: an endpoint that answered is healthy even if the answer was unusable. */
  function settle(cause: string | null): void {
    if (cause === null || ENDPOINT_HEALTHY_CAUSES.has(cause)) breaker.success();
    else breaker.failure();
  }

  async function compose(input: ComposeInput): Promise<ComposeResult> {
    const started = now();
    if (!input.excerpts.length) return fallback("no_excerpts", started);
    if (!breaker.tryAcquire()) return fallback("circuit_open", started);
    const budget = input.deadlineMs ?? config.timeoutMs;
    const nonce = newNonce();
    let built;
    try {
      built = answerMessages(prompts, input.question, input.context, input.excerpts, nonce);
    } catch (err) {
      breaker.success(); // a missing prompt file is our fault, not the endpoint's
      return fallback("prompt_missing", started, { error: String(err) });
    }
    let raw: { content: string; truncated: boolean };
    try {
      raw = await chat(built.messages, budget, config.temperature);
    } catch (err) {
      const fault = toFault(err);
      settle(fault.code);
      return fallback(fault.code, started, { error: fault.message });
    }
    settle(null);

    let draft = stripMarkdown(stripThinking(raw.content));
    if (raw.truncated) draft = dropUnfinishedTail(draft);
    if (!draft.trim()) return fallback("empty", started);
    if (!citationNumbers(normalizeCitations(draft)).length) return fallback("no_citations", started, { draft: clip(draft) });

    const verified = verifyAnswer(draft, input.excerpts, { knownLaws: deps.knownLaws?.() ?? [], leak: { nonce, secrets: built.secrets } });
    if (verified.removed.length) log.info({ removed: verified.removed }, "llm sentences removed by verification");
    if (!verified.answers) return fallback("verification_failed", started, { removed: verified.removed.length });
    log.debug({ ms: now() - started, used: verified.used }, "llm answer verified");
    return { ok: true, body: verified.body, used: verified.used, removed: verified.removed };
  }

  async function rewriteFollowUp(question: string, context: ConversationTurn[], deadlineMs?: number): Promise<string | null> {
    const started = now();
    if (!context.length) return question.trim() || null;
    if (!breaker.tryAcquire()) {
      fallback("circuit_open", started, { task: "rewrite" });
      return null;
    }
    const nonce = newNonce();
    let built;
    try {
      built = rewriteMessages(prompts, question, context, nonce);
    } catch (err) {
      breaker.success();
      fallback("prompt_missing", started, { task: "rewrite", error: String(err) });
      return null;
    }
    let raw: { content: string; truncated: boolean };
    try {
      raw = await chat(built.messages, deadlineMs ?? config.rewriteTimeoutMs, 0);
    } catch (err) {
      const fault = toFault(err);
      settle(fault.code);
      fallback(fault.code, started, { task: "rewrite", error: fault.message });
      return null;
    }
    settle(null);
    const rewritten = cleanRewrite(raw.content);
    const why = !rewritten ? "empty" : rewritten.length > MAX_REWRITE_CHARS ? "too_long" : new LeakGuard({ nonce, secrets: built.secrets }).check(rewritten) ? "leak" : null;
    if (why) {
      fallback(why, started, { task: "rewrite" });
      return null;
    }
    return rewritten;
  }

  return { compose, rewriteFollowUp };
}

/** The reply text of a completion, or an LlmFault saying what is wrong with it. */
export function readCompletion(completion: unknown): { content: string; truncated: boolean } {
  const choices = (completion as { choices?: unknown } | null | undefined)?.choices;
  if (!Array.isArray(choices)) throw new LlmFault("malformed", "no choices in the response");
  if (!choices.length) throw new LlmFault("empty", "no choices returned");
  const choice = choices[0] as { message?: { content?: unknown; refusal?: unknown }; finish_reason?: unknown };
  if (choice.finish_reason === "content_filter") throw new LlmFault("content_filter");
  const content = choice.message?.content;
  if (content === null || content === undefined || content === "") {
    throw new LlmFault(choice.message?.refusal ? "refused" : "empty", "no content in the first choice");
  }
  if (typeof content !== "string") throw new LlmFault("malformed", "content is not a string");
  if (!content.trim()) throw new LlmFault("empty", "blank content");
  return { content, truncated: choice.finish_reason === "length" };
}

/** A reply cut by max_tokens ends mid-sentence: drop what follows the last sentence end. */
function dropUnfinishedTail(text: string): string {
  const m = /^[\s\S]*[。！？!?](?:\s*\[\d+\])*/.exec(text);
  return m ? m[0] : "";
}

/** First non-empty line, without a "问题：" label or wrapping quotes. */
function cleanRewrite(content: string): string {
  const line = stripMarkdown(stripThinking(content))
    .split("\n")
    .map((l) => l.trim())
    .find(Boolean);
  if (!line) return "";
  return line
    .replace(/^(?:改写后的)?(?:问题|提问)\s*[:：]\s*/, "")
    .replace(/^[「“"'](.*)[」”"']$/, "$1")
    .trim();
}

function clip(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
