/**
 * Sending one message the careful way: account-wide pacing (one send at a time, a small random
 * pause before each, as a person would type), and retries with back-off when WeChat refuses.
 * A "risk" refusal (sending too often, account flagged) pauses that chat much longer. A message
 * is never dropped silently: a final failure is logged at error level with its full text.
 */
import type { Logger } from "pino";
import type { Clock } from "../clock.js";

export interface SenderOptions {
  delayMs: { min: number; max: number };
  clock: Clock;
  random: () => number;
  log: Logger;
  /** Attempts for ordinary errors (default 5). */
  maxAttempts?: number;
  /** Attempts when WeChat says "too frequent" / risk (default 10: with the back-off, about 5 hours). */
  maxRiskAttempts?: number;
  /** First back-off after an ordinary error (default 5 s), doubled each time. */
  retryBaseMs?: number;
  /** First back-off after a risk error (default 60 s), doubled each time. */
  riskBaseMs?: number;
  /** Back-off ceiling (default 30 min). */
  maxBackoffMs?: number;
  /** A say() that has not settled after this long counts as failed (default 60 s, real time). */
  sendTimeoutMs?: number;
}

export interface SendCounters {
  sent: number;
  retries: number;
  riskErrors: number;
  failed: number;
}

/** WeChat's refusals for sending too much: 操作频繁, frequency limit, risk control, 风控 … */
export function isRiskError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /频繁|frequen|risk|limit|风控|限制/i.test(message);
}

export class Sender {
  readonly counters: SendCounters = { sent: 0, retries: 0, riskErrors: 0, failed: 0 };
  private gate: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly o: Required<SenderOptions>;

  constructor(options: SenderOptions) {
    this.o = {
      maxAttempts: 5,
      maxRiskAttempts: 10,
      retryBaseMs: 5_000,
      riskBaseMs: 60_000,
      maxBackoffMs: 30 * 60_000,
      sendTimeoutMs: 60_000,
      ...options,
    };
  }

  /** After close(), messages not yet sent are logged as lost instead of retried. */
  close(): void {
    this.closed = true;
  }

  /** Sends `text` through `say`, retrying as needed. True when it went out. */
  async deliver(chat: string, text: string, say: () => Promise<unknown>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (this.closed) {
        this.counters.failed++;
        this.o.log.error({ chat, text }, "bot stopped before this message could be sent");
        return false;
      }
      try {
        await this.paced(() => withTimeout(say(), this.o.sendTimeoutMs));
        this.counters.sent++;
        return true;
      } catch (err) {
        const risk = isRiskError(err);
        if (risk) this.counters.riskErrors++;
        const limit = risk ? this.o.maxRiskAttempts : this.o.maxAttempts;
        if (attempt >= limit) {
          this.counters.failed++;
          this.o.log.error({ chat, err, attempts: attempt, text }, "giving up sending a message");
          return false;
        }
        const wait = this.backoff(attempt, risk);
        this.counters.retries++;
        this.o.log.warn({ chat, err, attempt, risk, retryInMs: wait }, risk ? "WeChat refused: pausing this chat" : "send failed: retrying");
        await this.o.clock.sleep(wait);
      }
    }
  }

  /** Back-off before retry number `attempt`: doubling from the base, capped, with ±10% jitter. */
  backoff(attempt: number, risk: boolean): number {
    const base = risk ? this.o.riskBaseMs : this.o.retryBaseMs;
    const raw = Math.min(this.o.maxBackoffMs, base * 2 ** (attempt - 1));
    return Math.round(raw * (0.9 + 0.2 * this.o.random()));
  }

  /** One send at a time for the whole account, each after a random pause. */
  private paced<T>(fn: () => Promise<T>): Promise<T> {
    const { min, max } = this.o.delayMs;
    const delay = Math.round(min + (max - min) * this.o.random());
    const run = this.gate.then(async () => {
      if (delay > 0) await this.o.clock.sleep(delay);
      return fn();
    });
    this.gate = run.catch(() => undefined);
    return run;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`send timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
