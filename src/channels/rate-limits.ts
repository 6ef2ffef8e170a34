/**
 * Keeps one chatty person or one busy group from making the bot account look like a spammer:
 * questions per person per minute, questions per group per minute (rate-limiter-flexible),
 * and a daily budget of messages sent into each group (own counter, so it rolls over at local midnight).
 * When something is over a limit the caller is told to send one notice, then stay silent
 * until that limit frees up again. The last message of a group's day is kept for the notice that
 * the day's budget is spent, so the budget holds notices included.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { localDay } from "./clock.js";

export interface RateLimitOptions {
  perPersonPerMinute: number;
  perGroupPerMinute: number;
  /** Messages the bot may send into one group per day (answers, command replies, their extra parts, notices). */
  groupDailyBudget: number;
}

export type LimitScope = "person" | "group" | "daily";

/** Messages of a group's daily budget kept for the notice that the budget is spent. */
const DAILY_NOTICE_RESERVE = 1;

export type LimitVerdict =
  | { ok: true }
  | {
      ok: false;
      scope: LimitScope;
      /** True once per blocking window: send the notice now, stay silent for the rest. */
      notify: boolean;
      /** Which blocking window the notice belongs to (see noticeNotSent). */
      noticeKey: string;
      retryAfterMs: number;
    };

export class RateLimits {
  private readonly person: RateLimiterMemory;
  private readonly group: RateLimiterMemory;
  /** "roomId" → messages sent today; reset when the day changes. */
  private daily = new Map<string, number>();
  private day = "";
  /** Notice keys → epoch ms until which no further notice is due. */
  private noticedUntil = new Map<string, number>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.person = new RateLimiterMemory({ keyPrefix: "person", points: options.perPersonPerMinute, duration: 60 });
    this.group = new RateLimiterMemory({ keyPrefix: "group", points: options.perGroupPerMinute, duration: 60 });
  }

  /**
   * Counts one question from this person (in this group, roomId null for a private chat): the
   * person's limit first, then the group's, then one message of the group's daily budget. The
   * budget is checked and taken in one step after the awaits, so concurrent questions can neither
   * overdraw it nor use it up while they are still waiting on the other limits.
   */
  async admit(talkerId: string, roomId: string | null): Promise<LimitVerdict> {
    const personWait = await tryConsume(this.person, talkerId);
    if (personWait !== null) return this.refuse("person", `person|${talkerId}`, personWait);
    if (roomId === null) return { ok: true };
    const groupWait = await tryConsume(this.group, roomId);
    if (groupWait !== null) {
      await this.person.reward(talkerId, 1); // the person's question was not answered: give the point back
      return this.refuse("group", `group|${roomId}`, groupWait);
    }
    if (this.remainingToday(roomId) <= DAILY_NOTICE_RESERVE) {
      await Promise.all([this.person.reward(talkerId, 1), this.group.reward(roomId, 1)]);
      return this.refuse("daily", `daily|${roomId}`, msUntilMidnight(this.now()));
    }
    this.spend(roomId, 1);
    return { ok: true };
  }

  /** Records `n` more messages sent into a group today (extra parts of a long answer, notices). */
  spend(roomId: string, n: number): void {
    this.rollDay();
    this.daily.set(roomId, (this.daily.get(roomId) ?? 0) + n);
  }

  /**
   * Takes one message of the group's budget for a notice, if the budget allows it: the daily notice
   * may use the message kept for it, other notices may not. False: send no notice.
   */
  spendNotice(roomId: string, scope: LimitScope | "busy"): boolean {
    const floor = scope === "daily" ? 0 : DAILY_NOTICE_RESERVE;
    if (this.remainingToday(roomId) <= floor) return false;
    this.spend(roomId, 1);
    return true;
  }

  /** The notice admit() asked for was not sent after all: the next refusal in that window asks again. */
  noticeNotSent(noticeKey: string): void {
    this.noticedUntil.delete(noticeKey);
  }

  /** Gives back what admit() took for a question that will not be answered after all. */
  async undo(talkerId: string, roomId: string | null): Promise<void> {
    if (roomId !== null) {
      this.spend(roomId, -1);
      await this.group.reward(roomId, 1);
    }
    await this.person.reward(talkerId, 1);
  }

  remainingToday(roomId: string): number {
    this.rollDay();
    return this.options.groupDailyBudget - (this.daily.get(roomId) ?? 0);
  }

  private refuse(scope: LimitScope, noticeKey: string, retryAfterMs: number): LimitVerdict {
    const now = this.now();
    const until = this.noticedUntil.get(noticeKey);
    const notify = until === undefined || until <= now;
    if (notify) {
      this.noticedUntil.set(noticeKey, now + Math.max(retryAfterMs, 1000));
      this.pruneNotices(now);
    }
    return { ok: false, scope, notify, retryAfterMs, noticeKey };
  }

  private pruneNotices(now: number): void {
    if (this.noticedUntil.size < 10_000) return;
    for (const [k, t] of this.noticedUntil) if (t <= now) this.noticedUntil.delete(k);
  }

  private rollDay(): void {
    const today = localDay(this.now());
    if (today !== this.day) {
      this.day = today;
      this.daily.clear();
    }
  }
}

/** null when consumed; otherwise the ms until a point frees up. */
async function tryConsume(limiter: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (err) {
    if (err instanceof RateLimiterRes) return err.msBeforeNext;
    throw err;
  }
}

function msUntilMidnight(ms: number): number {
  const d = new Date(ms);
  d.setHours(24, 0, 0, 0);
  return d.getTime() - ms;
}
