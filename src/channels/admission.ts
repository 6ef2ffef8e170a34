/**
 * Admission of everything a person asks the bot for (a question or a command): the same question
 * again in the same group, the per-person, per-group and daily limits, and room in the send queue.
 * It is decided at once, when the message arrives: what is admitted is queued, what is not is
 * turned away now, with one notice per blocking window (of the person, the group, the day, the
 * queue), at most one per person within the notice window whatever the reason, and only where the
 * group's budget still allows one. Nothing admitted is dropped later.
 */
import type { LimitScope, RateLimits } from "./rate-limits.js";
import { ExpiringSet } from "./expiring-set.js";

export type RefusalReason = "duplicate" | LimitScope | "busy";

/** Where queued work goes: one queue per chat, bounded (see wechat/send-queue.ts). */
export interface ChatQueue {
  push(chat: string, task: () => Promise<void>): "queued" | "chat-full" | "full";
}

export interface AdmissionRequest {
  /** Queue key of the chat the reply goes to. */
  chat: string;
  talkerId: string;
  /** Group the reply goes to; null for a private chat (no group limits, no daily budget). */
  roomId: string | null;
  /** Normalized question for "asked in this group a moment ago"; null: never a duplicate (commands, private chats). */
  dedupeKey: string | null;
}

export type AdmissionResult =
  | { admitted: true }
  | {
      admitted: false;
      reason: RefusalReason;
      /** Send the notice for this reason now (once per blocking window, within the group's budget). */
      notify: boolean;
    };

export interface AdmissionOptions {
  limits: RateLimits;
  queue: ChatQueue;
  /** A question repeated in the same group within this time is answered once. */
  duplicateMs: number;
  /** Least time between two notices to one person, and between two "busy" notices to one chat (default 1 min). */
  noticeWindowMs?: number;
  now?: () => number;
}

/** The prompt that tells a person why their message is not answered; duplicates get none (the answer is right above). */
export const NOTICE_PROMPT: Record<Exclude<RefusalReason, "duplicate">, string> = {
  person: "rate-limited",
  group: "rate-limited",
  daily: "daily-limit",
  busy: "busy",
};

export class Admission {
  private readonly duplicates: ExpiringSet;
  private readonly busyNoticed: ExpiringSet;
  private readonly personNoticed: ExpiringSet;

  constructor(private readonly o: AdmissionOptions) {
    const now = o.now ?? Date.now;
    this.duplicates = new ExpiringSet(o.duplicateMs, 10_000, now);
    const windowMs = o.noticeWindowMs ?? 60_000;
    this.busyNoticed = new ExpiringSet(windowMs, 10_000, now);
    this.personNoticed = new ExpiringSet(windowMs, 10_000, now);
  }

  /** Admits the request and queues its task, or says why not. */
  async admit(request: AdmissionRequest, task: () => Promise<void>): Promise<AdmissionResult> {
    const { chat, talkerId, roomId } = request;
    const dupKey = request.dedupeKey && roomId !== null ? `${roomId}|${request.dedupeKey}` : null;
    if (dupKey && !this.duplicates.addIfAbsent(dupKey)) return { admitted: false, reason: "duplicate", notify: false };

    // Limits first, so that a person or group over them hears that (once), not "busy".
    const verdict = await this.o.limits.admit(talkerId, roomId);
    if (!verdict.ok) {
      if (dupKey) this.duplicates.delete(dupKey);
      const notify = verdict.notify && this.mayNotify(request, verdict.scope);
      if (verdict.notify && !notify) this.o.limits.noticeNotSent(verdict.noticeKey);
      return { admitted: false, reason: verdict.scope, notify };
    }
    // No room in the chat's queue or in the whole queue: turned away now, its points given back.
    if (this.o.queue.push(chat, task) !== "queued") {
      await this.o.limits.undo(talkerId, roomId);
      return this.busy(request, dupKey);
    }
    return { admitted: true };
  }

  private busy(request: AdmissionRequest, dupKey: string | null): AdmissionResult {
    if (dupKey) this.duplicates.delete(dupKey);
    const notify = !this.busyNoticed.has(request.chat) && this.mayNotify(request, "busy");
    if (notify) this.busyNoticed.add(request.chat);
    return { admitted: false, reason: "busy", notify };
  }

  /** One notice per person within the window, and in a group only within the day's budget. */
  private mayNotify(request: AdmissionRequest, scope: LimitScope | "busy"): boolean {
    if (this.personNoticed.has(request.talkerId)) return false;
    if (request.roomId !== null && !this.o.limits.spendNotice(request.roomId, scope)) return false;
    this.personNoticed.add(request.talkerId);
    return true;
  }
}
