/** The small stateful parts: follow-up memory, expiring sets, rate limits, the queue and the sender. */
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ConversationMemory } from "../../src/channels/conversation-memory.js";
import { RateLimits } from "../../src/channels/rate-limits.js";
import { ExpiringSet } from "../../src/channels/wechat/expiring-set.js";
import { ConversationQueue } from "../../src/channels/wechat/send-queue.js";
import { Sender, isRiskError } from "../../src/channels/wechat/sender.js";

const silent = pino({ level: "silent" });

function manualClock(start = 1_700_000_000_000) {
  let t = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    advance: (ms: number) => void (t += ms),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

describe("ConversationMemory", () => {
  it("returns this conversation's turns inside the window, oldest first, at most maxTurns", () => {
    const clock = manualClock();
    const m = new ConversationMemory({ windowMs: 60_000, maxConversations: 10, maxTurns: 2 }, clock.now);
    const k = ConversationMemory.key("r@chatroom", "alice");
    for (const q of ["一", "二", "三"]) {
      m.remember(k, { question: q, at: clock.now() });
      clock.advance(1000);
    }
    expect(m.recent(k).map((t) => t.question)).toEqual(["二", "三"]);
    expect(m.recent(ConversationMemory.key("r@chatroom", "bob"))).toEqual([]);
    expect(m.recent(ConversationMemory.key(null, "alice"))).toEqual([]);
    clock.advance(61_000);
    expect(m.recent(k)).toEqual([]);
  });

  it("stays within maxConversations, dropping the least recently active", () => {
    const clock = manualClock();
    const m = new ConversationMemory({ windowMs: 3_600_000, maxConversations: 3, maxTurns: 2 }, clock.now);
    for (const who of ["a", "b", "c"]) m.remember(who, { question: who, at: clock.now() });
    m.remember("a", { question: "a2", at: clock.now() }); // a is now the most recent
    m.remember("d", { question: "d", at: clock.now() });
    expect(m.size).toBe(3);
    expect(m.recent("b")).toEqual([]);
    expect(m.recent("a").map((t) => t.question)).toEqual(["a", "a2"]);
  });

  it("sweeps expired conversations when new ones arrive", () => {
    const clock = manualClock();
    const m = new ConversationMemory({ windowMs: 1000, maxConversations: 100, maxTurns: 2 }, clock.now);
    for (let i = 0; i < 50; i++) m.remember(`k${i}`, { question: "q", at: clock.now() });
    clock.advance(2000);
    m.remember("fresh", { question: "q", at: clock.now() });
    expect(m.size).toBe(1);
  });
});

describe("ExpiringSet", () => {
  it("forgets after the ttl and holds at most max entries", () => {
    const clock = manualClock();
    const s = new ExpiringSet(1000, 3, clock.now);
    expect(s.addIfAbsent("a")).toBe(true);
    expect(s.addIfAbsent("a")).toBe(false);
    clock.advance(1001);
    expect(s.has("a")).toBe(false);
    for (const k of ["b", "c", "d", "e"]) s.add(k);
    expect(s.size).toBe(3);
    expect(s.has("b")).toBe(false);
    expect(s.has("e")).toBe(true);
  });
});

describe("RateLimits", () => {
  it("limits a person, notifies once per blocking window, and leaves others alone", async () => {
    const limits = new RateLimits({ perPersonPerMinute: 2, perGroupPerMinute: 100, groupDailyBudget: 100 });
    const verdicts = [];
    for (let i = 0; i < 5; i++) verdicts.push(await limits.admit("alice", "g1"));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, false, false, false]);
    expect(verdicts.filter((v) => !v.ok && v.notify)).toHaveLength(1);
    expect(verdicts[2]).toMatchObject({ ok: false, scope: "person" });
    expect((await limits.admit("bob", "g1")).ok).toBe(true);
  });

  it("limits a group and gives the person's point back", async () => {
    const limits = new RateLimits({ perPersonPerMinute: 2, perGroupPerMinute: 1, groupDailyBudget: 100 });
    expect((await limits.admit("alice", "g1")).ok).toBe(true);
    expect(await limits.admit("bob", "g1")).toMatchObject({ ok: false, scope: "group", notify: true });
    expect((await limits.admit("bob", "g2")).ok).toBe(true); // bob's refused question did not use his point
    expect((await limits.admit("bob", "g3")).ok).toBe(true);
  });

  it("keeps a daily budget per group that rolls over at local midnight, and cannot be overdrawn concurrently", async () => {
    const clock = manualClock(new Date(2025, 0, 1, 23, 0).getTime());
    const limits = new RateLimits({ perPersonPerMinute: 100, perGroupPerMinute: 100, groupDailyBudget: 3 }, clock.now);
    const verdicts = await Promise.all(["a", "b", "c", "d", "e"].map((who) => limits.admit(who, "g1")));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(3);
    expect(verdicts.filter((v) => !v.ok && v.scope === "daily" && v.notify)).toHaveLength(1);
    expect((await limits.admit("a", null)).ok).toBe(true); // private chats have no group budget
    clock.advance(2 * 3600_000);
    expect(limits.remainingToday("g1")).toBe(3);
  });
});

describe("ConversationQueue", () => {
  it("runs one chat in order, chats side by side, and refuses beyond the bound", async () => {
    const q = new ConversationQueue(3);
    const log: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    expect(q.push("a", async () => void (await gate, log.push("a1")))).toBe(true);
    expect(q.push("a", async () => void log.push("a2"))).toBe(true);
    expect(q.push("b", async () => void log.push("b1"))).toBe(true);
    expect(q.push("c", async () => void log.push("c1"))).toBe(false);
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(["b1"]); // b is not held up by a
    release();
    await q.onIdle();
    expect(log).toEqual(["b1", "a1", "a2"]);
    expect(q.pending).toBe(0);
    expect(q.chats).toBe(0);
  });

  it("keeps going after a failing task and reports it", async () => {
    const errors: string[] = [];
    const q = new ConversationQueue(10, (err) => errors.push(String(err)));
    const done: string[] = [];
    q.push("a", async () => {
      throw new Error("boom");
    });
    q.push("a", async () => void done.push("after"));
    await q.onIdle();
    expect(errors).toEqual(["Error: boom"]);
    expect(done).toEqual(["after"]);
  });
});

describe("Sender", () => {
  it("classifies WeChat's too-frequent refusals as risk", () => {
    expect(isRiskError(new Error("操作过于频繁"))).toBe(true);
    expect(isRiskError(new Error("Rate LIMIT exceeded"))).toBe(true);
    expect(isRiskError("risk control")).toBe(true);
    expect(isRiskError(new Error("socket hang up"))).toBe(false);
  });

  it("paces sends with a random delay in the configured range, one at a time", async () => {
    const clock = manualClock();
    let r = 0;
    const randoms = [0, 1, 0.5];
    const sender = new Sender({ delayMs: { min: 100, max: 300 }, clock, random: () => randoms[r++ % 3], log: silent });
    let running = 0;
    let most = 0;
    const say = async () => {
      most = Math.max(most, ++running);
      await new Promise((res) => setImmediate(res));
      running--;
    };
    await Promise.all([sender.deliver("a", "1", say), sender.deliver("b", "2", say), sender.deliver("c", "3", say)]);
    expect(clock.sleeps).toEqual([100, 300, 200]);
    expect(most).toBe(1);
    expect(sender.counters.sent).toBe(3);
  });

  it("backs off longer and longer after risk errors, then delivers", async () => {
    const clock = manualClock();
    const sender = new Sender({ delayMs: { min: 0, max: 0 }, clock, random: () => 0.5, log: silent, riskBaseMs: 60_000, retryBaseMs: 1000 });
    let fails = 3;
    const ok = await sender.deliver("a", "text", async () => {
      if (fails-- > 0) throw new Error("发送过于频繁");
    });
    expect(ok).toBe(true);
    expect(clock.sleeps).toEqual([60_000, 120_000, 240_000]);
    expect(sender.counters).toMatchObject({ sent: 1, retries: 3, riskErrors: 3, failed: 0 });
  });

  it("gives up after maxAttempts, counted as failed", async () => {
    const clock = manualClock();
    const sender = new Sender({ delayMs: { min: 0, max: 0 }, clock, random: () => 0.5, log: silent, maxAttempts: 2 });
    const ok = await sender.deliver("a", "text", async () => {
      throw new Error("offline");
    });
    expect(ok).toBe(false);
    expect(sender.counters).toMatchObject({ sent: 0, retries: 1, failed: 1 });
  });

  it("after close() logs the message instead of sending it", async () => {
    const sender = new Sender({ delayMs: { min: 0, max: 0 }, clock: manualClock(), random: () => 0, log: silent });
    sender.close();
    let called = false;
    expect(await sender.deliver("a", "t", async () => void (called = true))).toBe(false);
    expect(called).toBe(false);
  });
});
