import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/llm/circuit.js";
import { LlmFault, retryAfter } from "../../src/llm/faults.js";
import { withRetries } from "../../src/llm/retry.js";

describe("CircuitBreaker", () => {
  it("opens after N consecutive failures, half-opens after the cool-down with a single trial", () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, now: () => t });
    b.failure();
    b.failure();
    b.success(); // resets the count
    b.failure();
    b.failure();
    expect(b.state).toBe("closed");
    b.failure();
    expect(b.state).toBe("open");
    expect(b.tryAcquire()).toBe(false);
    t = 999;
    expect(b.tryAcquire()).toBe(false);
    t = 1000;
    expect(b.state).toBe("half_open");
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false); // the trial is taken
    b.failure(); // trial failed: open for another cool-down
    expect(b.state).toBe("open");
    t = 2000;
    expect(b.tryAcquire()).toBe(true);
    b.success();
    expect(b.state).toBe("closed");
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(true);
  });
});

describe("withRetries", () => {
  const retryable = () => new LlmFault("http_503", "busy", true);

  it("retries retryable faults up to maxRetries, then throws the last one", async () => {
    let calls = 0;
    const err = await withRetries(
      async () => {
        calls++;
        throw retryable();
      },
      { maxRetries: 3, deadline: Date.now() + 5000, signal: new AbortController().signal, baseDelayMs: 5 },
    ).catch((e: unknown) => e);
    expect(calls).toBe(4);
    expect((err as LlmFault).code).toBe("http_503");
  });

  it("does not retry a fault that is not retryable", async () => {
    let calls = 0;
    await withRetries(
      async () => {
        calls++;
        throw new LlmFault("http_400");
      },
      { maxRetries: 3, deadline: Date.now() + 5000, signal: new AbortController().signal, baseDelayMs: 5 },
    ).catch(() => {});
    expect(calls).toBe(1);
  });

  it("returns the first success", async () => {
    let calls = 0;
    const v = await withRetries(
      async () => {
        if (++calls < 3) throw retryable();
        return "ok";
      },
      { maxRetries: 5, deadline: Date.now() + 5000, signal: new AbortController().signal, baseDelayMs: 5 },
    );
    expect([v, calls]).toEqual(["ok", 3]);
  });

  it("gives up instead of sleeping past the deadline", async () => {
    let calls = 0;
    const t0 = Date.now();
    await withRetries(
      async () => {
        calls++;
        throw retryable();
      },
      { maxRetries: 10, deadline: Date.now() + 400, signal: new AbortController().signal, baseDelayMs: 200 },
    ).catch(() => {});
    expect(Date.now() - t0).toBeLessThan(400);
    expect(calls).toBeLessThanOrEqual(2);
  });
});

describe("retryAfter", () => {
  it("reads retry-after-ms, seconds and HTTP dates", () => {
    expect(retryAfter(new Headers({ "retry-after-ms": "150" }))).toBe(150);
    expect(retryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
    const inFive = new Date(Date.now() + 5000).toUTCString();
    expect(retryAfter(new Headers({ "retry-after": inFive }))).toBeGreaterThan(3000);
    expect(retryAfter(new Headers())).toBeUndefined();
  });
});
