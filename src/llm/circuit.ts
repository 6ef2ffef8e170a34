/**
 * Stops calling a dead endpoint: after `failureThreshold` consecutive failures the circuit opens
 * and every call is refused at once for `cooldownMs`; then one trial call is let through
 * (half-open). Its success closes the circuit, its failure opens it for another cool-down.
 */
export type CircuitState = "closed" | "open" | "half_open";

export interface CircuitOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private isOpen = false;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (!this.isOpen) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half_open" : "open";
  }

  /** True when a call may go out now. A true in half-open state reserves the single trial. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.isOpen = false;
    this.trialInFlight = false;
  }

  failure(): void {
    this.trialInFlight = false;
    this.failures++;
    if (this.isOpen || this.failures >= this.options.failureThreshold) {
      this.isOpen = true;
      this.openedAt = this.now();
    }
  }
}
