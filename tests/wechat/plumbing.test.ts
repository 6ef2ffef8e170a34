/** The small stateful parts: follow-up memory, expiring sets, rate limits, the queue and the sender. */
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ConversationMemory } from "../../src/channels/conversation-memory.js";
import { Admission } from "../../src/channels/admission.js";
import { RateLimits } from "../../src/channels/rate-limits.js";
import { ExpiringSet } from "../../src/channels/expiring-set.js";
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

  it("keeps a daily budget per group, its last message for the notice, that rolls over at local midnight and cannot be overdrawn concurrently", async () => {
    const clock = manualClock(new Date(2025, 0, 1, 23, 0).getTime());
    const limits = new RateLimits({ perPersonPerMinute: 100, perGroupPerMinute: 100, groupDailyBudget: 3 }, clock.now);
    const verdicts = await Promise.all(["a", "b", "c", "d", "e"].map((who) => limits.admit(who, "g1")));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(2);
    expect(limits.spendNotice("g1", "person")).toBe(false); // other notices may not take the daily notice's message
    expect(limits.spendNotice("g1", "daily")).toBe(true);
    expect(limits.spendNotice("g1", "daily")).toBe(false);
    expect(limits.remainingToday("g1")).toBe(0);
    expect(verdicts.filter((v) => !v.ok && v.scope === "daily" && v.notify)).toHaveLength(1);
    expect((await limits.admit("a", null)).ok).toBe(true); // private chats have no group budget
    clock.advance(2 * 3600_000);
    expect(limits.remainingToday("g1")).toBe(3);
  });
});

describe("ConversationQueue", () => {
  it("runs one chat in order, chats side by side, and refuses beyond the bound", async () => {
    const q = new ConversationQueue({ maxPending: 3, maxPerChat: 10, noticeReserve: 0 });
    const log: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    expect(q.push("a", async () => void (await gate, log.push("a1")))).toBe("queued");
    expect(q.push("a", async () => void log.push("a2"))).toBe("queued");
    expect(q.push("b", async () => void log.push("b1"))).toBe("queued");
    expect(q.push("c", async () => void log.push("c1"))).toBe("full");
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
    const q = new ConversationQueue({ maxPending: 10, maxPerChat: 10, noticeReserve: 0 }, (err) => errors.push(String(err)));
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

describe("ConversationQueue bounds", () => {
  it("holds one chat to its own share, so a flooded chat leaves room for the others", async () => {
    const q = new ConversationQueue({ maxPending: 10, maxPerChat: 3, noticeReserve: 2 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const pushes = Array.from({ length: 6 }, () => q.push("flood", () => gate));
    expect(pushes).toEqual(["queued", "queued", "queued", "chat-full", "chat-full", "chat-full"]);
    expect(q.push("quiet", async () => {})).toBe("queued");
    // Notices come from a reserve of their own, even for the full chat; the reserve is bounded too.
    expect([q.pushNotice("flood", async () => {}), q.pushNotice("flood", async () => {}), q.pushNotice("x", async () => {})]).toEqual([true, true, false]);
    release();
    await q.onIdle();
    expect(q.room("flood")).toBe("queued");
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

describe("Admission", () => {
  const setup = (o: { person?: number; group?: number; budget?: number; maxPending?: number; maxPerChat?: number } = {}) => {
    const limits = new RateLimits({ perPersonPerMinute: o.person ?? 100, perGroupPerMinute: o.group ?? 100, groupDailyBudget: o.budget ?? 100 });
    const queue = new ConversationQueue({ maxPending: o.maxPending ?? 100, maxPerChat: o.maxPerChat ?? 100, noticeReserve: 100 });
    const ran: string[] = [];
    const admission = new Admission({ limits, queue, duplicateMs: 60_000 });
    const ask = (talkerId: string, roomId: string | null, q: string | null = null) =>
      admission.admit({ chat: roomId ?? `private:${talkerId}`, talkerId, roomId, dedupeKey: q }, async () => void ran.push(`${talkerId}:${q}`));
    return { limits, queue, ran, ask };
  };

  it("answers a question repeated in one group once, with no notice, and again after a refusal", async () => {
    const { ask, queue } = setup({ person: 1 });
    expect(await ask("a", "g", "醉驾")).toEqual({ admitted: true });
    expect(await ask("b", "g", "醉驾")).toEqual({ admitted: false, reason: "duplicate", notify: false });
    expect(await ask("a", "g", "超速")).toMatchObject({ admitted: false, reason: "person", notify: true });
    expect(await ask("c", "g", "超速")).toEqual({ admitted: true }); // a's refused question did not block it as a repeat
    await queue.onIdle();
  });

  it("turns a question away at once as busy when the queue is full, notifying each chat once, without using the person's points", async () => {
    const limits = new RateLimits({ perPersonPerMinute: 2, perGroupPerMinute: 100, groupDailyBudget: 100 });
    const queue = new ConversationQueue({ maxPending: 1, maxPerChat: 1, noticeReserve: 10 });
    const admission = new Admission({ limits, queue, duplicateMs: 0 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const enter = (who: string) => admission.admit({ chat: `private:${who}`, talkerId: who, roomId: null, dedupeKey: null }, () => gate);
    expect(await enter("a")).toEqual({ admitted: true });
    expect(await enter("b")).toEqual({ admitted: false, reason: "busy", notify: true });
    expect(await enter("b")).toEqual({ admitted: false, reason: "busy", notify: false }); // one notice per chat and window
    expect(await enter("c")).toEqual({ admitted: false, reason: "busy", notify: true });
    release();
    await queue.onIdle();
    expect(await enter("b")).toEqual({ admitted: true });
    await queue.onIdle();
    expect(await enter("b")).toEqual({ admitted: true }); // b's busy refusals cost no points (limit 2)
    await queue.onIdle();
    expect(await enter("b")).toMatchObject({ admitted: false, reason: "person" });
  });

  it("sends a limit notice in a group only while the day's budget allows one", async () => {
    const { ask, limits, queue } = setup({ person: 1, budget: 3 });
    expect(await ask("a", "g")).toEqual({ admitted: true });
    expect(await ask("a", "g")).toMatchObject({ reason: "person", notify: true }); // spends the 2nd message
    expect(await ask("b", "g")).toMatchObject({ reason: "daily", notify: true }); // the 3rd, kept for it
    expect(await ask("c", "g")).toMatchObject({ reason: "daily", notify: false });
    expect(limits.remainingToday("g")).toBe(0);
    await queue.onIdle();
  });

  it("gives one person one notice per window whatever the reason, and keeps the group's notice for the next person", async () => {
    const limits = new RateLimits({ perPersonPerMinute: 1, perGroupPerMinute: 100, groupDailyBudget: 4 });
    const queue = new ConversationQueue({ maxPending: 100, maxPerChat: 100, noticeReserve: 100 });
    const admission = new Admission({ limits, queue, duplicateMs: 0 });
    const ask = (who: string) => admission.admit({ chat: "g", talkerId: who, roomId: "g", dedupeKey: null }, async () => {});
    expect(await ask("a")).toEqual({ admitted: true });
    expect(await ask("a")).toMatchObject({ reason: "person", notify: true });
    expect(await ask("b")).toEqual({ admitted: true }); // the budget's 3rd message; the 4th is kept for the daily notice
    expect(await ask("a")).toMatchObject({ reason: "person", notify: false });
    expect(await ask("c")).toMatchObject({ reason: "daily", notify: true });
    await queue.onIdle();
  });
});
