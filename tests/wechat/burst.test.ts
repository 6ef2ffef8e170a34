/** 1,000 @-mentions from 50 people in 5 groups at once, through real Wechaty events. */
import { describe, expect, it } from "vitest";
import { runWechatBurst, runWechatBurstBench } from "../../src/bench/wechat-burst.js";
import { FakeEngine } from "./fake-engine.js";

describe("a burst of 1,000 group questions", () => {
  it("answers, limits or dedupes every one of them, loses none, and keeps memory bounded", async () => {
    const engine = new FakeEngine();
    const r = await runWechatBurst({ engine });
    const c = r.counters;

    expect(r.messages).toBe(1000);
    expect(c.received).toBe(1000);
    expect(c.questions).toBe(1000); // every message was addressed to the bot
    expect(c.answered + c.limited + c.deduped).toBe(1000);
    expect(c.failed + c.undelivered + c.sendFailed).toBe(0);
    // All three outcomes really happen in this burst.
    expect(c.answered).toBeGreaterThan(0);
    expect(c.limited).toBeGreaterThan(0);
    expect(c.deduped).toBeGreaterThan(0);
    // Per-person limit 8/min × 50 people and per-group 50/min × 5 groups: at most 250 answers.
    expect(c.answered).toBeLessThanOrEqual(250);
    expect(engine.calls).toHaveLength(c.answered);

    // Every message the bot sent arrived: answers plus one notice per limited person or group.
    expect(r.replies).toBe(c.sent);
    expect(c.sent).toBe(c.answered + c.notices);
    expect(c.notices).toBeGreaterThan(0);
    expect(c.notices).toBeLessThanOrEqual(50 + 5);

    // Follow-up memory: bounded, and never mixes people or groups.
    expect(r.memorySize).toBeLessThanOrEqual(r.memoryBound);
    for (const call of engine.calls) {
      const asker = call.question.split(" ")[0];
      for (const turn of call.context ?? []) expect(turn.question.split(" ")[0]).toBe(asker);
    }

    // Each answer @-mentions the person who asked that question.
    for (const list of r.repliesByRoom.values()) {
      for (const text of list.filter((t) => t.includes("「"))) {
        const asker = /“(r\d+p\d+) /.exec(text)?.[1];
        expect(asker).toBeDefined();
        expect(text.startsWith(`@${asker}`)).toBe(true);
      }
    }
  }, 60_000);

  it("runWechatBurstBench reports throughput, heap growth and no losses", async () => {
    const b = await runWechatBurstBench({ rooms: 2, peoplePerRoom: 5, messagesPerPerson: 10 }); // the full size runs above
    expect(b.messages).toBe(100);
    expect(b.lost).toBe(0);
    expect(b.messagesPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(b.heapDeltaMb)).toBe(true);
  }, 60_000);
});
