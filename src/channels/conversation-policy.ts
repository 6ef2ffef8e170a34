/**
 * The one rule for follow-ups, shared by every chat channel (WeChat, console): what of a finished
 * exchange is remembered, and which earlier turns go with the next question. A greeting, an empty
 * message, an over-long one or one the moderation list refused is no context; a question the engine could not answer still is
 * (its follow-up may be answerable), without an answer. Memory is per person and chat.
 */
import type { ConversationTurn, Reply } from "../types.js";
import { ConversationMemory } from "./conversation-memory.js";

/** Earlier turns passed with a question. */
export const FOLLOW_UP_TURNS = 3;
/** How long an earlier turn counts as context, unless configured (PUFA_FOLLOWUP_MINUTES). */
export const DEFAULT_FOLLOW_UP_MS = 10 * 60_000;

const NOT_CONTEXT = new Set<Reply["reason"]>(["empty", "greeting", "too_long", "moderated"]);

export interface ConversationPolicyOptions {
  windowMs?: number;
  /** Conversations remembered at most (least recent dropped first). */
  maxConversations?: number;
}

export class ConversationPolicy {
  private readonly memory: ConversationMemory;

  constructor(options: ConversationPolicyOptions = {}, now: () => number = Date.now) {
    this.memory = new ConversationMemory(
      { windowMs: options.windowMs ?? DEFAULT_FOLLOW_UP_MS, maxConversations: options.maxConversations ?? 2000, maxTurns: FOLLOW_UP_TURNS },
      now,
    );
  }

  /** One conversation: a person in a chat (roomId null: a private chat). */
  static key(roomId: string | null, talkerId: string): string {
    return ConversationMemory.key(roomId, talkerId);
  }

  /** Earlier turns for the next question, oldest first; undefined when there are none. */
  context(key: string): ConversationTurn[] | undefined {
    const turns = this.memory.recent(key);
    return turns.length > 0 ? turns : undefined;
  }

  /** Remembers a finished exchange, if it is context for what comes next. */
  record(key: string, question: string, reply: Pick<Reply, "reason" | "refused" | "text">, askedAt: number): void {
    if (NOT_CONTEXT.has(reply.reason)) return;
    this.memory.remember(key, { question, answer: reply.refused ? undefined : reply.text, at: askedAt });
  }

  /** Conversations remembered. */
  get size(): number {
    return this.memory.size;
  }
}
