/**
 * Replies waiting to go out, one queue per chat. Work for one chat runs strictly in order (answers
 * arrive in the order the questions were asked, and a paused chat holds its later replies back);
 * different chats run side by side, and since each chat hands the sender one message at a time,
 * the sender serves the chats in turn: a flooded chat waits behind its own messages, not everyone
 * else behind it. Bounded twice, so one chat cannot take the whole queue: per chat and in total.
 * Short notices ("busy", "over the limit") have a reserve of their own beyond the total, so a
 * question turned away for lack of room can still be told so.
 */
export type PushResult = "queued" | "chat-full" | "full";

export interface QueueBounds {
  /** Tasks waiting or running, all chats together (notices excepted). */
  maxPending: number;
  /** Tasks waiting or running for one chat. */
  maxPerChat: number;
  /** Notices that may wait beyond maxPending. */
  noticeReserve: number;
}

export class ConversationQueue {
  private tails = new Map<string, Promise<void>>();
  private perChat = new Map<string, number>();
  private count = 0;
  private notices = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly bounds: QueueBounds,
    private readonly onError: (err: unknown, key: string) => void = () => {},
  ) {}

  /** Would a task for this chat be queued now? */
  room(key: string): PushResult {
    if ((this.perChat.get(key) ?? 0) >= this.bounds.maxPerChat) return "chat-full";
    if (this.count - this.notices >= this.bounds.maxPending) return "full";
    return "queued";
  }

  /** Queues the task behind earlier ones of the same chat, if there is room. */
  push(key: string, task: () => Promise<void>): PushResult {
    const room = this.room(key);
    if (room === "queued") this.enqueue(key, task, false);
    return room;
  }

  /** Queues a short notice from the reserve; false when even the reserve is used up. */
  pushNotice(key: string, task: () => Promise<void>): boolean {
    if (this.notices >= this.bounds.noticeReserve) return false;
    this.enqueue(key, task, true);
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

  private enqueue(key: string, task: () => Promise<void>, notice: boolean): void {
    this.count++;
    if (notice) this.notices++;
    this.perChat.set(key, (this.perChat.get(key) ?? 0) + 1);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(task).catch((err: unknown) => this.onError(err, key));
    const tail = run.finally(() => {
      this.count--;
      if (notice) this.notices--;
      const left = (this.perChat.get(key) ?? 1) - 1;
      if (left > 0) this.perChat.set(key, left);
      else this.perChat.delete(key);
      if (this.tails.get(key) === tail) this.tails.delete(key);
      if (this.count === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    });
    this.tails.set(key, tail);
  }
}
