/**
 * What a chat channel counts: every message received and how it ended (dropped and why, answered,
 * turned away and why, failed), today's questions for #状态, and the recent questions it could not
 * answer for #未答. Counting only: no decision is taken here.
 */
import type { Reply } from "../types.js";
import { localDay } from "./clock.js";

export type DropCounter =
  | "self"
  | "stale"
  | "not-a-person"
  | "room-not-allowed"
  | "media-in-group"
  | "unsupported-type"
  | "empty"
  | "not-addressed"
  | "repeat-delivery";

export interface ChannelCounters {
  /** Message events not sent by the bot itself. */
  received: number;
  dropped: Record<DropCounter, number>;
  /** Questions addressed to the bot; each ends as exactly one of answered, deduped, limited, failed, undelivered, withheld. */
  questions: number;
  /** The engine replied (possibly a polite refusal) and every part was sent. */
  answered: number;
  /** Same question in the same group within the duplicate window. */
  deduped: number;
  /** Over a rate limit, the daily budget, or no room in the queue ("busy"). */
  limited: number;
  /** Of limited: turned away because the queue had no room. */
  busy: number;
  /** The engine threw (the asker got the answer-failed text). */
  failed: number;
  /** Answered, but WeChat would not take every part even after retries (logged). */
  undelivered: number;
  /** The reply failed the output check and was not sent (the asker got the answer-failed text). */
  withheld: number;
  /** Of answered: the engine's reply was a refusal. */
  refused: number;
  /** Limit and busy notices queued. */
  notices: number;
  hints: number;
  hintsSuppressed: number;
  /** Commands run (admitted). */
  commands: number;
  /** Commands (and admin refusals) turned away by the limits or for lack of queue room. */
  commandsLimited: number;
  /** Admin commands from non-admins. */
  denied: number;
  /** Admin commands sent in a group: answered privately to the admin instead. */
  commandsMovedPrivate: number;
  /** Outgoing messages the output check stopped. */
  blocked: number;
}

export interface RefusedQuestion {
  question: string;
  /** epoch ms */
  at: number;
  reason: string;
  /** Room topic, or null for a private chat. */
  room?: string | null;
}

/** Today's figures of this channel (for #状态 when the question log gives none). */
export interface TodayStats {
  questionsToday: number;
  answeredToday: number;
  refusedToday: number;
}

/** Reasons whose question is no content gap (#未答 lists what the material lacks). */
const NOT_A_GAP = new Set<Reply["reason"]>(["empty", "greeting", "too_long", "moderated"]);

export class ChannelStats {
  readonly counters: ChannelCounters = {
    received: 0,
    dropped: {
      self: 0,
      stale: 0,
      "not-a-person": 0,
      "room-not-allowed": 0,
      "media-in-group": 0,
      "unsupported-type": 0,
      empty: 0,
      "not-addressed": 0,
      "repeat-delivery": 0,
    },
    questions: 0,
    answered: 0,
    deduped: 0,
    limited: 0,
    busy: 0,
    failed: 0,
    undelivered: 0,
    withheld: 0,
    refused: 0,
    notices: 0,
    hints: 0,
    hintsSuppressed: 0,
    commands: 0,
    commandsLimited: 0,
    denied: 0,
    commandsMovedPrivate: 0,
    blocked: 0,
  };
  private today = { day: "", questions: 0, answered: 0, refused: 0 };
  private ring: RefusedQuestion[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ringSize = 100,
  ) {}

  question(): void {
    this.counters.questions++;
    this.rollToday().questions++;
  }

  /** An engine reply for a question asked at `at` in `room` (topic; null: private). */
  reply(question: string, reply: Pick<Reply, "refused" | "reason">, at: number, room: string | null): void {
    const today = this.rollToday();
    if (!reply.refused) {
      today.answered++;
      return;
    }
    this.counters.refused++;
    today.refused++;
    if (NOT_A_GAP.has(reply.reason)) return;
    this.ring.push({ question, at, reason: reply.reason, room });
    if (this.ring.length > this.ringSize) this.ring.splice(0, this.ring.length - this.ringSize);
  }

  /** Recent questions the engine declined, newest first. */
  unanswered(limit: number): RefusedQuestion[] {
    return this.ring.slice(-limit).reverse();
  }

  todayStats(): TodayStats {
    const t = this.rollToday();
    return { questionsToday: t.questions, answeredToday: t.answered, refusedToday: t.refused };
  }

  snapshot(): ChannelCounters {
    return { ...this.counters, dropped: { ...this.counters.dropped } };
  }

  private rollToday() {
    const day = localDay(this.now());
    if (day !== this.today.day) this.today = { day, questions: 0, answered: 0, refused: 0 };
    return this.today;
  }
}
