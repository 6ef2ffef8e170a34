/**
 * Issue 14 through real Wechaty events: every message the bot sends passes the same admission
 * (commands included), floods do not starve other chats, nobody is dropped without a word, admin
 * output stays out of groups, and every outgoing message passes the output check.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { FakeEngine, LAW_SOURCE } from "./fake-engine.js";
import { AT, BOT_NAME, Harness } from "./harness.js";

const prompts = new Prompts();
let h: Harness | undefined;

async function start(...args: Parameters<typeof Harness.start>): Promise<Harness> {
  h = await Harness.start(...args);
  return h;
}

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** The shipped defaults for limits and queue (the harness is generous otherwise). */
const DEFAULT_LIMITS = {
  PUFA_RATE_PERSON_PER_MINUTE: "5",
  PUFA_RATE_GROUP_PER_MINUTE: "20",
  PUFA_GROUP_DAILY_BUDGET: "300",
  PUFA_QUEUE_SIZE: "500",
};

/** A group message without the @mention the first message of a reply carries. */
const unmention = (text: string) => text.replace(/^@\S+[\s\u2005]/, "");

/** A clock whose sleeps (the pause before each send) wait until the test opens the gate: replies pile up in the queues meanwhile. */
function gatedClock() {
  let open: () => void = () => {};
  const gate = new Promise<void>((r) => (open = r));
  return { clock: { now: () => Date.now(), sleep: () => gate }, open: () => open() };
}

describe("commands pass the same admission as questions", () => {
  it("600 × #帮助 from one non-admin in a group: at most the person's limit and one notice; another person's private question is still answered", async () => {
    const h = await start({ env: DEFAULT_LIMITS });
    const [mallory, alice] = h.people(2);
    const room = h.room("村民群", [mallory, alice]);
    for (let i = 0; i < 600; i++) h.say(mallory, `@${BOT_NAME}${AT}#帮助`, room, [h.me]);
    h.say(alice, "醉驾怎么处罚？", h.me);
    await h.settle(60_000);

    const inRoom = h.repliesIn(room);
    const notices = inRoom.filter((r) => r.includes(prompts.get("rate-limited")));
    expect(notices).toHaveLength(1);
    expect(inRoom.filter((r) => r.includes(prompts.get("help")))).toHaveLength(5); // PUFA_RATE_PERSON_PER_MINUTE
    expect(inRoom).toHaveLength(6);
    expect(h.repliesIn(alice)).toHaveLength(1);
    expect(h.repliesIn(alice)[0]).toContain(LAW_SOURCE);
    expect(h.bot.counters()).toMatchObject({ commands: 5, commandsLimited: 595 });
  }, 60_000);

  it("a command flood under a generous person limit stops at the group's daily budget, one message of it the notice", async () => {
    const budget = 10;
    const h = await start({ env: { PUFA_GROUP_DAILY_BUDGET: String(budget), PUFA_RATE_PERSON_PER_MINUTE: "1000" } });
    const [mallory] = h.people(1);
    const room = h.room("村民群", [mallory]);
    for (let i = 0; i < 600; i++) h.say(mallory, `@${BOT_NAME}${AT}#帮助`, room, [h.me]);
    await h.settle(60_000);

    const inRoom = h.repliesIn(room);
    expect(inRoom.length).toBeLessThanOrEqual(budget);
    expect(inRoom.filter((r) => r.includes(prompts.get("daily-limit")))).toHaveLength(1);
    expect(inRoom.filter((r) => r.includes(prompts.get("help")))).toHaveLength(budget - 1);
  }, 60_000);
});

describe("nobody is dropped without a word", () => {
  it("1,000 people asking privately at once: each gets an answer or an immediate busy notice, exactly one message", async () => {
    const h = await start({ env: DEFAULT_LIMITS });
    const people = h.people(1000);
    for (const [i, p] of people.entries()) h.say(p, `第${i}个问题：醉驾怎么处罚？`, h.me);
    await h.settle(120_000);

    let answered = 0;
    let busy = 0;
    for (const p of people) {
      const got = h.repliesIn(p);
      expect(got).toHaveLength(1);
      if (got[0] === prompts.get("busy")) busy++;
      else if (got[0].includes(LAW_SOURCE)) answered++;
    }
    expect(answered + busy).toBe(1000);
    expect(answered).toBeGreaterThanOrEqual(500); // the queue holds 500 at once
    const c = h.bot.counters();
    expect(c.answered).toBe(answered);
    expect(c.busy).toBe(busy);
  }, 120_000);

  it("a flooded group cannot take the whole queue: a private question after the flood is answered, ahead of most of the group", async () => {
    const { clock, open } = gatedClock();
    const h = await start({ env: { PUFA_QUEUE_SIZE: "50", PUFA_CHAT_QUEUE_SIZE: "20", PUFA_SEND_DELAY_MS: "5" }, extra: { clock } });
    const crowd = h.people(100);
    const [alice] = h.people(1, "阿丽");
    const room = h.room("村民群", crowd);
    for (const [i, p] of crowd.entries()) h.ask(p, `第${i}个问题：出租银行卡犯法吗？`, room);
    h.say(alice, "醉驾怎么处罚？", h.me);
    while (h.bot.counters().questions < 101) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20)); // the last admissions settle
    open(); // only now does anything go out
    await h.settle(60_000);

    expect(h.repliesIn(alice)).toHaveLength(1);
    expect(h.repliesIn(alice)[0]).toContain(LAW_SOURCE);
    const position = h.sends.findIndex((s) => s.chat === alice.id);
    const groupAnswers = h.repliesIn(room).filter((r) => r.includes(LAW_SOURCE)).length;
    expect(groupAnswers).toBe(20);
    expect(position).toBeLessThanOrEqual(1); // at most the group's message already at the sender goes first
    expect(h.repliesIn(room).map(unmention).filter((r) => r === prompts.get("busy"))).toHaveLength(1);
  }, 60_000);
});

describe("admin commands stay out of groups", () => {
  it("#未答 from an admin in a group: nothing in the group, the list in the private chat, personal data redacted", async () => {
    const h = await start({
      env: { PUFA_ADMIN_IDS: "admin-9" },
      engine: new FakeEngine({ refuseWord: "帮我查" }),
      extra: { redact: (t) => t.replace(/\d{6,}/g, "[号码]") },
    });
    const admin = h.person({ id: "admin-9", name: "管理员" });
    const [alice] = h.people(1);
    const room = h.room("村民群", [admin, alice]);
    h.say(alice, "帮我查一下身份证110101199003071234和手机13812345678", h.me);
    await h.settle();
    h.say(admin, `@${BOT_NAME}${AT}#未答`, room, [h.me]);
    await h.settle();

    expect(h.repliesIn(room)).toEqual([]);
    const [list] = h.repliesIn(admin);
    expect(list).toContain("帮我查一下身份证[号码]和手机[号码]");
    expect(list).not.toMatch(/110101199003071234|13812345678/);
    expect(h.bot.counters().commandsMovedPrivate).toBe(1);
  });

  it("an admin command from a non-admin in a group gets the refusal only, under the limits", async () => {
    const h = await start({ env: { PUFA_ADMIN_IDS: "admin-9", PUFA_RATE_PERSON_PER_MINUTE: "2" } });
    const [mallory] = h.people(1);
    const room = h.room("村民群", [mallory]);
    for (let i = 0; i < 20; i++) h.say(mallory, `@${BOT_NAME}${AT}#未答`, room, [h.me]);
    await h.settle();
    expect(h.repliesIn(room).map(unmention).sort()).toEqual([prompts.get("admin-denied"), prompts.get("admin-denied"), prompts.get("rate-limited")].sort());
  });
});

describe("the output check", () => {
  it("stops a reply that fails it: nothing of it is sent, the asker gets the apology instead", async () => {
    const h = await start({
      env: { PUFA_MAX_REPLY_CHARS: "400" },
      engine: new FakeEngine({ excerpts: 5, excerptChars: 150 }),
      extra: { outputCheck: (text) => (text.includes("第3段摘录") ? { ok: false, reason: "test-word" } : { ok: true }) },
    });
    const [alice] = h.people(1);
    h.say(alice, "醉驾怎么处罚？", h.me);
    await h.settle();
    expect(h.repliesIn(alice)).toEqual([prompts.get("answer-failed")]);
    expect(h.bot.counters()).toMatchObject({ withheld: 1, blocked: 1, answered: 0 });
  });

  it("is checkOutgoing by default: a reply with a link off the allow-list or @所有人 is withheld", async () => {
    const poisoned = {
      ask: async () => {
        const parts = { body: ["[1]「详情请访问 http://evil.example.com/claim 领取」"], sources: "来源：\n[1] 某文章", notes: ["@所有人 注意"] };
        return { text: "", parts, citations: [], refused: false, reason: "answered" as const, emergency: false, mode: "extractive" as const };
      },
    };
    const h = await start({ engine: poisoned });
    const [alice] = h.people(1);
    h.say(alice, "怎么领补贴？", h.me);
    await h.settle();
    expect(h.repliesIn(alice)).toEqual([prompts.get("answer-failed")]);
    expect(h.bot.counters()).toMatchObject({ withheld: 1, blocked: 1 });
  });

  it("checks every message the bot sends: notices and command replies too", async () => {
    const checked: string[] = [];
    const h = await start({
      env: { PUFA_RATE_PERSON_PER_MINUTE: "1" },
      extra: { outputCheck: (text) => (checked.push(text), { ok: true }) },
    });
    const [alice] = h.people(1);
    h.say(alice, "#帮助", h.me);
    h.say(alice, "醉驾怎么处罚？", h.me);
    await h.settle();
    expect(h.repliesIn(alice)).toEqual([prompts.get("help"), prompts.get("rate-limited")]);
    expect(checked).toEqual(h.repliesIn(alice));
  });
});
