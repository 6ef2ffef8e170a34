/**
 * Admission of everything a person asks the bot for (a question or a command): the same question
 * again in the same group, the per-person, per-group and daily limits, and room in the send queue.
 * It is decided at once, when the message arrives: what is admitted is queued, what is not is
 * turned away now, with at most one notice per person (per group, per chat) and blocking window,
 * and only where the group's budget still allows one. Nothing admitted is dropped later.
 */
import type { LimitScope, RateLimits } from "./rate-limits.js";
import { ExpiringSet } from "./wechat/expiring-set.js";

export type RefusalReason = "duplicate" | LimitScope | "busy";

/** Where queued work goes: one queue per chat, bounded (see wechat/send-queue.ts). */
export interface ChatQueue {
  room(chat: string): "queued" | "chat-full" | "full";
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
  /** Least time between two "busy" notices to one chat. */
  busyNoticeMs?: number;
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

  constructor(private readonly o: AdmissionOptions) {
    const now = o.now ?? Date.now;
    this.duplicates = new ExpiringSet(o.duplicateMs, 10_000, now);
    this.busyNoticed = new ExpiringSet(o.busyNoticeMs ?? 60_000, 10_000, now);
  }

  /** Admits the request and queues its task, or says why not. */
  async admit(request: AdmissionRequest, task: () => Promise<void>): Promise<AdmissionResult> {
    const { chat, talkerId, roomId } = request;
    const dupKey = request.dedupeKey && roomId !== null ? `${roomId}|${request.dedupeKey}` : null;
    if (dupKey && !this.duplicates.addIfAbsent(dupKey)) return { admitted: false, reason: "duplicate", notify: false };

    // Room first, so a question that cannot be queued costs the person no point.
    if (this.o.queue.room(chat) !== "queued") return this.busy(request, dupKey);

    const verdict = await this.o.limits.admit(talkerId, roomId);
    if (!verdict.ok) {
      if (dupKey) this.duplicates.delete(dupKey);
      const notify = verdict.notify && (roomId === null || this.o.limits.spendNotice(roomId, verdict.scope));
      return { admitted: false, reason: verdict.scope, notify };
    }
    // Others may have filled the queue while the limits were checked: then the points go back.
    if (this.o.queue.push(chat, task) !== "queued") {
      await this.o.limits.undo(talkerId, roomId);
      return this.busy(request, dupKey);
    }
    return { admitted: true };
  }

  private busy(request: AdmissionRequest, dupKey: string | null): AdmissionResult {
    if (dupKey) this.duplicates.delete(dupKey);
    const first = this.busyNoticed.addIfAbsent(request.chat);
    const notify = first && (request.roomId === null || this.o.limits.spendNotice(request.roomId, "busy"));
    return { admitted: false, reason: "busy", notify };
  }
}
