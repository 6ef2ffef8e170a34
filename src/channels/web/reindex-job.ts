/**
 * One re-index at a time, with its progress for any number of watchers (the console's SSE
 * stream). The build reports stages (laws, index …) with done/total; percent is over the current
 * stage, and "done" always ends at 100 so a page never waits on a build that had nothing to do.
 */
import type { BuildProgress } from "../../index/builder.js";

export interface ReindexState {
  state: "idle" | "running" | "done" | "failed";
  stage: string;
  done: number;
  total: number;
  percent: number;
  error?: string;
  finishedAt?: string;
}

export class ReindexJob {
  private current: ReindexState = { state: "idle", stage: "", done: 0, total: 0, percent: 0 };
  private readonly listeners = new Set<(s: ReindexState) => void>();
  private running: Promise<void> | null = null;

  constructor(private readonly run: (progress: BuildProgress) => Promise<unknown>) {}

  get state(): ReindexState {
    return this.current;
  }

  /** Starts a build unless one is running; resolves when it ends (never rejects: the state says failed). */
  start(): Promise<void> {
    if (this.running) return this.running;
    this.set({ state: "running", stage: "start", done: 0, total: 0, percent: 0 });
    const progress: BuildProgress = {
      start: (label, total) => this.set({ ...this.current, stage: label, done: 0, total, percent: 0 }),
      update: (done) => this.set({ ...this.current, done, percent: this.current.total ? Math.min(99, Math.floor((100 * done) / this.current.total)) : 0 }),
      stop: () => {},
    };
    this.running = this.run(progress)
      .then(() => this.set({ ...this.current, state: "done", stage: "done", percent: 100, finishedAt: new Date().toISOString() }))
      .catch((err: Error) => this.set({ ...this.current, state: "failed", error: err.message, finishedAt: new Date().toISOString() }))
      .finally(() => (this.running = null));
    return this.running;
  }

  subscribe(listener: (s: ReindexState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(s: ReindexState): void {
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}
