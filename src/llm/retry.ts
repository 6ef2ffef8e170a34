/**
 * Bounded retries with exponential backoff that never outlive a deadline. The SDK's own retries
 * are off (maxRetries: 0) because they know nothing about the whole-answer deadline.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { LlmFault, toFault } from "./faults.js";

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Absolute time (ms since epoch, same clock as `now`) after which no attempt or wait may run. */
  deadline: number;
  /** Aborted at the deadline (or by the caller): stops an attempt in flight and any backoff. */
  signal: AbortSignal;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** An attempt that could not get at least this long before the deadline is not started. */
  minAttemptMs?: number;
  now?: () => number;
  onRetry?: (fault: LlmFault, attempt: number, delayMs: number) => void;
}

export async function withRetries<T>(attempt: (signal: AbortSignal, n: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const now = o.now ?? Date.now;
  const base = o.baseDelayMs ?? 250;
  const cap = o.maxDelayMs ?? 4000;
  const minAttempt = o.minAttemptMs ?? 100;
  for (let n = 0; ; n++) {
    if (o.signal.aborted || now() >= o.deadline) throw new LlmFault("timeout", "deadline reached");
    try {
      return await attempt(o.signal, n);
    } catch (err) {
      const fault = toFault(err, o.signal);
      if (!fault.retryable || n >= o.maxRetries) throw fault;
      // Full jitter on an exponential step; a server's Retry-After wins when longer.
      const step = Math.min(cap, base * 2 ** n);
      const delay = Math.max(Math.round(step / 2 + Math.random() * (step / 2)), fault.retryAfterMs ?? 0);
      if (now() + delay + minAttempt >= o.deadline) throw fault;
      o.onRetry?.(fault, n + 1, delay);
      try {
        await sleep(delay, undefined, { signal: o.signal });
      } catch {
        throw new LlmFault("timeout", "deadline reached during backoff");
      }
    }
  }
}
