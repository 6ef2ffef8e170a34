/**
 * A set whose entries expire after a fixed time and which never holds more than `max` entries
 * (oldest dropped first). Used for "answered this question in this group a minute ago",
 * "already hinted this person" and "already saw this message id".
 */
export class ExpiringSet {
  /** key → expiry (epoch ms); Map order is insertion order, so the oldest entries come first. */
  private until = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const t = this.until.get(key);
    if (t === undefined) return false;
    if (t > this.now()) return true;
    this.until.delete(key);
    return false;
  }

  add(key: string): void {
    const now = this.now();
    this.until.delete(key);
    this.until.set(key, now + this.ttlMs);
    for (const [k, t] of this.until) {
      if (t > now && this.until.size <= this.max) break;
      this.until.delete(k);
    }
  }

  /** True when the key was absent (and is now present). */
  addIfAbsent(key: string): boolean {
    if (this.has(key)) return false;
    this.add(key);
    return true;
  }

  delete(key: string): void {
    this.until.delete(key);
  }

  get size(): number {
    return this.until.size;
  }
}
