/**
 * Replies waiting to go out. Work for one chat runs strictly in order (answers arrive in the
 * order the questions were asked, and a paused chat holds its later replies back); different
 * chats run side by side. The total number of waiting tasks is bounded: when full, push()
 * refuses and the caller declines the question instead of piling up memory.
 */
export class ConversationQueue {
  private tails = new Map<string, Promise<void>>();
  private count = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly maxPending: number,
    private readonly onError: (err: unknown, key: string) => void = () => {},
  ) {}

  /** Queues the task behind earlier ones of the same chat; false when the queue is full. */
  push(key: string, task: () => Promise<void>): boolean {
    if (this.count >= this.maxPending) return false;
    this.count++;
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task).catch((err: unknown) => this.onError(err, key));
    const tail = run.finally(() => {
      this.count--;
      if (this.tails.get(key) === tail) this.tails.delete(key);
      if (this.count === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    this.tails.set(key, tail);
    return true;
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.count;
  }

  /** Chats with work queued. */
  get chats(): number {
    return this.tails.size;
  }

  /** Resolves when nothing is queued or running. */
  onIdle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
