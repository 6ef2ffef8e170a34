/**
 * What each person recently asked in each chat, so a follow-up ("那第二次被查到呢？") reaches the
 * engine with the earlier question. Keyed by chat + person: nothing crosses people or groups.
 * Bounded three ways: turns per conversation, conversations in total (least recently used goes
 * first), and age (turns older than the follow-up window are forgotten).
 */
import type { ConversationTurn } from "../types.js";

export interface ConversationMemoryOptions {
  /** Turns older than this are not context any more. */
  windowMs: number;
  /** Conversations kept at most; the least recently active is dropped first. */
  maxConversations: number;
  /** Turns kept per conversation (the latest ones). */
  maxTurns: number;
}

export class ConversationMemory {
  /** Map order is recency order: remember() re-inserts the key at the end. */
  private turns = new Map<string, ConversationTurn[]>();

  constructor(
    private readonly options: ConversationMemoryOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (options.maxConversations < 1 || options.maxTurns < 1) throw new RangeError("ConversationMemory: bounds must be ≥ 1");
  }

  /** roomId null = private chat. */
  static key(roomId: string | null, talkerId: string): string {
    return `${roomId ?? "private"}|${talkerId}`;
  }

  /** Turns of this conversation still inside the window, oldest first. */
  recent(key: string): ConversationTurn[] {
    const cutoff = this.now() - this.options.windowMs;
    return (this.turns.get(key) ?? []).filter((t) => t.at >= cutoff).map((t) => ({ ...t }));
  }

  remember(key: string, turn: ConversationTurn): void {
    const cutoff = this.now() - this.options.windowMs;
    const kept = (this.turns.get(key) ?? []).filter((t) => t.at >= cutoff);
    kept.push(turn);
    this.turns.delete(key);
    this.turns.set(key, kept.slice(-this.options.maxTurns));
    this.sweep(cutoff);
  }

  forget(key: string): void {
    this.turns.delete(key);
  }

  get size(): number {
    return this.turns.size;
  }

  /** Drops expired conversations from the least recent end, then the least recent ones over the bound. */
  private sweep(cutoff: number): void {
    for (const [key, list] of this.turns) {
      const newest = list.at(-1);
      if (newest && newest.at >= cutoff) break;
      this.turns.delete(key);
    }
    while (this.turns.size > this.options.maxConversations) {
      const oldest = this.turns.keys().next().value;
      if (oldest === undefined) break;
      this.turns.delete(oldest);
    }
  }
}
