/**
 * Builds the chat messages. Wording lives in prompts/llm-*.txt; this module only fills in the
 * data. Excerpts, earlier questions and the question are untrusted: each sits between delimiters
 * carrying a random per-request nonce, which the text inside cannot guess or close early.
 */
import { randomBytes } from "node:crypto";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { Prompts } from "../answer/prompts.js";
import type { ConversationTurn } from "../types.js";
import type { ModelExcerpt as Excerpt } from "../types.js";
import { literalParts } from "./leak.js";

export const PROMPT_SYSTEM = "llm-system";
export const PROMPT_ANSWER = "llm-answer";
export const PROMPT_REWRITE = "llm-rewrite";

/** Earlier questions passed to the model: the last few are enough to resolve "那…呢？". */
export const CONTEXT_TURNS = 3;

export function newNonce(): string {
  return randomBytes(6).toString("hex");
}

export function excerptBlock(e: Excerpt, nonce: string): string {
  return `<<<EXCERPT ${e.n} ${nonce}>>>\n[${e.n}] ${oneLine(e.label)}\n${e.text}\n<<<END ${nonce}>>>`;
}

/** Earlier questions, oldest first, one a line. Answers are left out: they are long and were built from other excerpts. */
export function contextLines(context: ConversationTurn[] | undefined): string {
  return (context ?? [])
    .slice(-CONTEXT_TURNS)
    .map((t) => oneLine(t.question))
    .filter(Boolean)
    .join("\n");
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export interface BuiltMessages {
  messages: ChatCompletionMessageParam[];
  /** Instruction texts a reply must not echo (for LeakGuard). */
  secrets: string[];
}

export function answerMessages(prompts: Prompts, question: string, context: ConversationTurn[] | undefined, excerpts: Excerpt[], nonce: string): BuiltMessages {
  const system = prompts.get(PROMPT_SYSTEM);
  const template = prompts.get(PROMPT_ANSWER);
  const user = prompts.render(PROMPT_ANSWER, {
    nonce,
    excerpts: excerpts.map((e) => excerptBlock(e, nonce)).join("\n\n"),
    context: contextLines(context),
    question: question.trim(),
  });
  return {
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    secrets: [system, ...literalParts(template)],
  };
}

export function rewriteMessages(prompts: Prompts, question: string, context: ConversationTurn[], nonce: string): BuiltMessages {
  const template = prompts.get(PROMPT_REWRITE);
  const user = prompts.render(PROMPT_REWRITE, { nonce, context: contextLines(context), question: question.trim() });
  return { messages: [{ role: "user", content: user }], secrets: literalParts(template) };
}
