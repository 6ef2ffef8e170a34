/**
 * Time as the chat channels see it. Injected so tests and the burst bench can run
 * send delays and retry back-offs instantly while recording what would have been waited.
 */
import { localDate } from "../text/dates.js";
export interface Clock {
  /** epoch ms */
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Wall clock. Timers are unref'd: Wechaty keeps the process alive while it runs, a pending back-off must not. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, Math.max(0, ms)).unref();
    }),
};

/** Local calendar day of an epoch-ms instant, e.g. "2025-03-08": budgets and "today" counts roll over at local midnight. */
export function localDay(ms: number): string {
  return localDate(new Date(ms));
}

/** "03-08 14:05": short local time for admin listings. */
export function shortLocalTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
