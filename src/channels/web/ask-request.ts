/**
 * Reads a POST /ask body into an AskRequest's question and context, with the context capped:
 * the engine folds earlier turns into the search, so an unbounded context makes one request cost
 * as much as dozens of questions (issue 14: an 85k-character context cost 90× a normal one).
 */
import type { ConversationTurn } from "../../types.js";

export interface ContextCap {
  /** Most recent turns kept. */
  turns: number;
  /** Characters kept of each earlier question. */
  charsPerTurn: number;
}

export const DEFAULT_CONTEXT_CAP: ContextCap = { turns: 5, charsPerTurn: 500 };

export class BadRequest extends Error {
  readonly status = 400;
}

export function parseAskBody(raw: string, cap: ContextCap = DEFAULT_CONTEXT_CAP, now = Date.now()): { question: string; context: ConversationTurn[] } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new BadRequest("body is not JSON");
  }
  // `null`, `[]`, `"text"` are valid JSON but no request.
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadRequest('expected {"question": "..."}');
  const { question, context } = body as { question?: unknown; context?: unknown };
  if (typeof question !== "string") throw new BadRequest('"question" must be a string');
  const turns = Array.isArray(context)
    ? context
        .filter((t): t is { question: string; at?: unknown } => typeof t?.question === "string" && t.question.trim() !== "")
        .slice(-cap.turns)
        // Answers are not taken from the client: only earlier questions steer the search.
        .map((t) => ({ question: t.question.slice(0, cap.charsPerTurn), at: typeof t.at === "number" && Number.isFinite(t.at) ? t.at : now }))
    : [];
  return { question, context: turns };
}
