/**
 * The way out: every message the bot sends goes through here. A reply is split by its parts
 * (reply-splitter.ts), every message is checked before anything of it is sent (a reply that
 * fails the check is withheld whole, never half-sent), extra messages count against the group's
 * daily budget, and the sender paces and retries them.
 */
import type { Logger } from "pino";
import type { ReplyParts } from "../../types.js";
import type { RateLimits } from "../rate-limits.js";
import { MIN_SPLIT_LIMIT, splitReplyParts, splitText } from "../reply-splitter.js";
import type { Sender } from "./sender.js";

/** Where a reply goes: a private chat, or a group with the asker @-mentioned in the first message. */
export interface Target {
  /** Queue key: one per chat. */
  chat: string;
  roomId: string | null;
  roomTopic: string | null;
  /** Sends one message; `first` carries the @mention in a group. */
  say(text: string, first: boolean): Promise<unknown>;
  /** Characters the @mention adds to the first message. */
  mentionLength(): Promise<number>;
}

/** An engine reply (split by its parts) or a plain text (notices, command output). */
export type Outgoing = { parts: ReplyParts } | { text: string };

export type OutputVerdict = { ok: true } | { ok: false; reason: string };

/** The output check every message passes before it is sent (moderation, links, @所有人, hidden characters). */
export type OutputCheck = (text: string) => OutputVerdict;

export type DeliveryResult = "sent" | "undelivered" | "withheld";

export interface OutboxOptions {
  sender: Sender;
  limits: RateLimits;
  check: OutputCheck;
  maxReplyChars: number;
  log: Logger;
  /** Called for each message the check stopped. */
  onBlocked?: (reason: string) => void;
}

export class Outbox {
  constructor(private readonly o: OutboxOptions) {}

  /** Splits, checks and sends; "withheld" when a message failed the check (nothing of it was sent). */
  async deliver(target: Target, outgoing: Outgoing): Promise<DeliveryResult> {
    const limit = Math.max(MIN_SPLIT_LIMIT, this.o.maxReplyChars - (await target.mentionLength()));
    const messages = "parts" in outgoing ? splitReplyParts(outgoing.parts, limit) : splitText(outgoing.text, limit);
    for (const text of messages) {
      const verdict = this.o.check(text);
      if (!verdict.ok) {
        this.o.onBlocked?.(verdict.reason);
        // The reason only: the text may carry what the check objects to.
        this.o.log.warn({ chat: target.chat, reason: verdict.reason, chars: text.length }, "outgoing message failed the output check: not sent");
        return "withheld";
      }
    }
    // The first message was counted when the request was admitted; a long reply's others count now.
    if (target.roomId !== null && messages.length > 1) this.o.limits.spend(target.roomId, messages.length - 1);
    let all = true;
    for (const [i, text] of messages.entries()) {
      all = (await this.o.sender.deliver(target.chat, text, () => target.say(text, i === 0))) && all;
    }
    return all ? "sent" : "undelivered";
  }
}
