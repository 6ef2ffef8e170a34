/** End to end: real Wechaty events from wechaty-puppet-mock through the WeChat channel. */
import { afterEach, describe, expect, it } from "vitest";
import { types } from "wechaty";
import { Prompts } from "../../src/answer/prompts.js";
import { functionCommands } from "../../src/channels/wechat/admin.js";
import { linkAsCommand } from "../../src/channels/wechat/message-reader.js";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createCorpusCommands } from "../../src/admin/chat-commands.js";
import { QuestionLog } from "../../src/admin/question-log.js";
import { FakeEngine, LAW_SOURCE } from "./fake-engine.js";
import { AT, BOT_NAME, Harness } from "./harness.js";
import pino from "pino";
import { Writable } from "node:stream";

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

describe("when the bot answers in a group", () => {
  it("answers an @mention once, @-mentioning the asker, with a citation", async () => {
    const h = await start();
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    h.ask(alice, "醉驾怎么处罚？", room);
    await h.settle();

    const replies = h.repliesIn(room);
    expect(replies).toHaveLength(1);
    expect(replies[0].startsWith(`@${alice.payload.name}`)).toBe(true);
    expect(replies[0]).toContain("[1]「");
    expect(replies[0]).toContain(LAW_SOURCE);
    const engine = h.engine as FakeEngine;
    expect(engine.questions()).toEqual(["醉驾怎么处罚？"]); // the mention is not part of the question
    expect(engine.calls[0].channel).toBe("wechat");
  });

  it("stays silent on chatter that does not address it", async () => {
    const h = await start();
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    h.say(alice, "今天晚上吃什么？", room);
    h.say(bob, "醉驾怎么处罚？我随便问问", room);
    h.say(alice, `@${bob.payload.name}${AT}你问这个干嘛`, room, [bob]);
    await h.settle();

    expect(h.repliesIn(room)).toEqual([]);
    expect((h.engine as FakeEngine).calls).toHaveLength(0);
    expect(h.bot.counters().dropped["not-addressed"]).toBe(3);
  });

  it("answers a message starting with a trigger prefix, full- or half-width colon", async () => {
    const h = await start();
    const [alice] = h.people(1);
    const room = h.room("村民群", [alice]);
    h.say(alice, "普法 出租银行卡犯法吗", room);
    h.say(alice, "问：酒驾扣几分", room);
    h.say(alice, "问:超速罚多少", room);
    await h.settle();

    expect((h.engine as FakeEngine).questions().sort()).toEqual(["出租银行卡犯法吗", "超速罚多少", "酒驾扣几分"].sort());
    expect(h.repliesIn(room)).toHaveLength(3);
  });

  it("answers a quote of its own message, and only the text under the quote", async () => {
    const h = await start();
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    const sep = "- - - - - - - - - - - - - - -";
    h.say(alice, `「${BOT_NAME}：关于“醉驾”，普法资料中的相关内容如下：……」\n${sep}\n那第二次被查到呢？`, room);
    h.say(bob, `「${alice.payload.name}：那第二次被查到呢？」\n${sep}\n我也想知道`, room); // quotes a person: not for the bot
    await h.settle();

    expect((h.engine as FakeEngine).questions()).toEqual(["那第二次被查到呢？"]);
    expect(h.repliesIn(room)).toHaveLength(1);
    expect(h.repliesIn(room)[0].startsWith(`@${alice.payload.name}`)).toBe(true);
  });

  it("ignores rooms outside PUFA_ALLOWED_ROOMS", async () => {
    const h = await start({ env: { PUFA_ALLOWED_ROOMS: "村民群" } });
    const [alice] = h.people(1);
    const allowed = h.room("村民群", [alice]);
    const other = h.room("广场舞群", [alice]);
    h.ask(alice, "醉驾怎么处罚？", allowed);
    h.ask(alice, "醉驾怎么处罚？", other);
    await h.settle();

    expect(h.repliesIn(allowed)).toHaveLength(1);
    expect(h.repliesIn(other)).toEqual([]);
    expect(h.bot.counters().dropped["room-not-allowed"]).toBe(1);
  });

  it("answers a question repeated in the same group within the window once, but again in another group", async () => {
    const h = await start();
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    const other = h.room("二组群", [alice, bob]);
    h.ask(alice, "醉驾怎么处罚？", room);
    h.ask(bob, "醉驾 怎么处罚", room); // same words, other spacing and punctuation
    h.ask(alice, "醉驾怎么处罚？", other);
    await h.settle();

    expect(h.repliesIn(room)).toHaveLength(1);
    expect(h.repliesIn(other)).toHaveLength(1);
    expect(h.bot.counters().deduped).toBe(1);
  });
});

describe("in a private chat", () => {
  it("answers every text message, without any trigger", async () => {
    const h = await start();
    const [alice] = h.people(1);
    h.say(alice, "醉驾怎么处罚？", h.me);
    await h.settle();

    const replies = h.repliesIn(alice);
    expect(replies).toHaveLength(1);
    expect(replies[0].startsWith("@")).toBe(false);
    expect(replies[0]).toContain(LAW_SOURCE);
  });

  it("hints once that only text is understood for images, voice and emoticons; a group stays silent", async () => {
    const h = await start();
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Image });
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Audio });
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Emoticon });
    h.raw({ talkerId: bob.id, roomId: room.id, type: types.Message.Image });
    await h.settle();

    expect(h.repliesIn(alice)).toEqual([prompts.get("only-text")]);
    expect(h.repliesIn(room)).toEqual([]);
    expect(h.bot.counters()).toMatchObject({ hints: 1, hintsSuppressed: 2 });
    expect(h.bot.counters().dropped["media-in-group"]).toBe(1);
  });

  it("drops backlog from before the start (minus the grace window) and links or system messages", async () => {
    const h = await start({ env: { PUFA_STARTUP_GRACE_SECONDS: "30" } });
    const [alice] = h.people(1);
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Text, text: "昨天的问题", timestamp: Date.now() - 3600_000 });
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Text, text: "刚才的问题", timestamp: Date.now() - 10_000 });
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Url, text: "<appmsg/>" });
    await h.settle();

    expect((h.engine as FakeEngine).questions()).toEqual(["刚才的问题"]);
    expect(h.bot.counters().dropped).toMatchObject({ stale: 1, "unsupported-type": 1 });
  });
});

describe("follow-ups", () => {
  it("pass the same person's earlier question in the same chat, never another person's or another group's", async () => {
    const h = await start();
    const engine = h.engine as FakeEngine;
    const [alice, bob] = h.people(2);
    const room1 = h.room("一组群", [alice, bob]);
    const room2 = h.room("二组群", [alice, bob]);

    h.ask(alice, "醉驾怎么处罚？", room1);
    await h.settle();
    h.ask(bob, "出租银行卡犯法吗？", room1);
    await h.settle();
    h.ask(alice, "偷电动车怎么处理？", room2);
    await h.settle();
    h.ask(alice, "那第二次被查到呢？", room1);
    await h.settle();
    h.ask(bob, "那借给亲戚呢？", room1);
    await h.settle();
    h.say(alice, "那第二次被查到呢？", h.me); // private chat: a conversation of its own
    await h.settle();

    const contextOf = (q: string, i = 0) =>
      engine.calls.filter((c) => c.question === q)[i]?.context?.map((t) => t.question) ?? [];
    expect(contextOf("醉驾怎么处罚？")).toEqual([]);
    expect(contextOf("那第二次被查到呢？", 0)).toEqual(["醉驾怎么处罚？"]);
    expect(contextOf("那借给亲戚呢？")).toEqual(["出租银行卡犯法吗？"]);
    expect(contextOf("那第二次被查到呢？", 1)).toEqual([]);
    expect(contextOf("偷电动车怎么处理？")).toEqual([]);
  });

  it("forget questions older than the follow-up window", async () => {
    const h = await start({ env: { PUFA_FOLLOWUP_MINUTES: "0" } });
    const engine = h.engine as FakeEngine;
    const [alice] = h.people(1);
    h.say(alice, "醉驾怎么处罚？", h.me);
    await h.settle();
    await new Promise((r) => setTimeout(r, 5));
    h.say(alice, "那第二次呢？", h.me);
    await h.settle();
    expect(engine.calls[1].context ?? []).toEqual([]);
  });
});

describe("long answers", () => {
  it("are split: every part within the limit, excerpts whole with their [n], sources in the last part", async () => {
    const limit = 400;
    const h = await start({ env: { PUFA_MAX_REPLY_CHARS: String(limit) }, engine: new FakeEngine({ excerpts: 5, excerptChars: 150 }) });
    const [alice] = h.people(1);
    const room = h.room("村民群", [alice]);
    h.ask(alice, "醉驾怎么处罚？", room);
    await h.settle();

    const parts = h.repliesIn(room);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
    expect(parts[0].startsWith(`@${alice.payload.name}`)).toBe(true);
    expect(parts.slice(1).every((p) => !p.startsWith("@"))).toBe(true); // one @ per answer, not per part
    for (let n = 1; n <= 5; n++) {
      const holder = parts.filter((p) => p.includes(`[${n}]「`));
      expect(holder).toHaveLength(1);
      expect(holder[0]).toMatch(new RegExp(`\\[${n}\\]「[^」]+」`)); // the whole excerpt, closed, in that part
    }
    expect(parts.findIndex((p) => p.includes("来源："))).toBe(parts.length - 1);
    expect(parts.at(-1)).toContain(`[5] ${LAW_SOURCE}`);
  });
});

describe("admin commands", () => {
  it("#状态 from a non-admin gets the admin-denied text only; an admin gets the status", async () => {
    const h = await start({
      env: { PUFA_ADMIN_IDS: "admin-1" },
      extra: { stats: () => ({ indexSize: 12345, lastRefresh: "2025-01-02 03:04" }) },
    });
    const admin = h.person({ id: "admin-1", name: "管理员" });
    const [alice] = h.people(1);
    h.say(alice, "#状态", h.me);
    h.say(admin, "#状态", h.me);
    await h.settle();

    expect(h.repliesIn(alice)).toEqual([prompts.get("admin-denied")]);
    const status = h.repliesIn(admin);
    expect(status).toHaveLength(1);
    expect(status[0]).toContain("12345");
    expect(status[0]).toContain("2025-01-02 03:04");
    expect((h.engine as FakeEngine).calls).toHaveLength(0); // neither went to the engine
    expect(h.bot.counters()).toMatchObject({ denied: 1, commands: 1 });
  });

  it("#未答 lists recently refused questions; #帮助 gives the public help to anyone", async () => {
    const h = await start({ env: { PUFA_ADMIN_IDS: "admin-2" }, engine: new FakeEngine({ refuseWord: "天气" }) });
    const admin = h.person({ id: "admin-2", name: "管理员" });
    const [alice] = h.people(1);
    const room = h.room("村民群", [alice]);
    h.ask(alice, "明天天气怎么样", room);
    h.ask(alice, "醉驾怎么处罚", room);
    await h.settle();
    h.say(admin, "#未答", h.me);
    h.say(alice, "#帮助", h.me);
    await h.settle();
    h.say(admin, "#帮助", h.me);
    await h.settle();

    const [unanswered, adminHelp] = h.repliesIn(admin);
    expect(unanswered).toContain("明天天气怎么样");
    expect(unanswered).not.toContain("醉驾怎么处罚");
    expect(h.repliesIn(alice)).toEqual([prompts.get("help")]);
    expect(adminHelp).toBe(`${prompts.get("help")}\n\n${prompts.get("admin-help")}`);
  });

  it("accepts extra registered commands (the later #添加, #删除, #列表)", async () => {
    const seen: string[] = [];
    const h = await start({
      env: { PUFA_ADMIN_IDS: "admin-3" },
      extra: { commands: new Map([["列表", { run: ({ args }) => (seen.push(args), "共 0 篇") }]]) },
    });
    const admin = h.person({ id: "admin-3", name: "管理员" });
    const [alice] = h.people(1);
    h.bot.commands.set("删除", { run: ({ args }) => (seen.push(`删除 ${args}`), "已删除") }); // registered while running
    h.say(admin, "#列表 全部", h.me);
    h.say(alice, "#列表", h.me);
    await h.settle();
    h.say(admin, "#删除 3", h.me);
    await h.settle();
    expect(seen).toEqual(["全部", "删除 3"]);
    expect(h.repliesIn(admin)).toEqual(["共 0 篇", "已删除"]);
    expect(h.repliesIn(alice)).toEqual([prompts.get("admin-denied")]);
  });

  it("plugs in function commands keyed with # (the corpus commands' shape), multi-line text intact", async () => {
    const calls: Array<{ actorId: string; text: string }> = [];
    const corpus = new Map([["#添加", async (a: { actorId: string; text: string }) => (calls.push(a), "已添加")]]);
    const h = await start({ env: { PUFA_ADMIN_IDS: "admin-4" }, extra: { commands: functionCommands(corpus) } });
    const admin = h.person({ id: "admin-4", name: "管理员" });
    h.say(admin, "#添加 防诈骗提醒\n不要把银行卡借给别人。\n转账前先核实。", h.me);
    await h.settle();
    expect(calls).toEqual([{ actorId: "admin-4", text: "防诈骗提醒\n不要把银行卡借给别人。\n转账前先核实。" }]);
    expect(h.repliesIn(admin)).toEqual(["已添加"]);
  });
});

describe("corpus commands in WeChat", () => {
  it("#添加 from a non-admin is refused and changes nothing; from an admin it adds the article, re-indexes and is audited", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pufa-wechat-add-"));
    const corpus = path.join(dir, "corpus");
    const log = new QuestionLog(path.join(dir, "pufa.sqlite"));
    let reindexed = 0;
    const commands = functionCommands(createCorpusCommands({ corpusDir: corpus, log, onChange: async () => void reindexed++ }));
    const h = await start({ env: { PUFA_ADMIN_IDS: "admin-5" }, extra: { commands } });
    const admin = h.person({ id: "admin-5", name: "管理员" });
    const [mallory] = h.people(1);
    const text = "#添加 防诈骗提醒\n不要把银行卡、电话卡借给别人使用。\n转账前先向110核实。";
    h.say(mallory, text, h.me);
    await h.settle();
    expect(h.repliesIn(mallory)).toEqual([prompts.get("admin-denied")]);
    expect(reindexed).toBe(0);
    h.say(admin, text, h.me);
    await h.settle();
    expect(reindexed).toBe(1);
    expect(readdirSync(corpus).filter((f) => f.endsWith(".md"))).toHaveLength(1);
    expect(log.auditTrail(10).map((r) => r.action)).toContain("corpus.add");
    log.close();
  });
});

describe("an admin shares an article link in a private chat", () => {
  it("imports the page (fetched from a real local server), re-indexes and replies; a non-admin's link is only a question", async () => {
    const page = `<html><head><meta charset="utf-8"><title>和乐镇开展禁毒宣传</title></head><body><h1>和乐镇开展禁毒宣传</h1>
      <p>发布时间：2025-06-20</p><p>6月20日，和乐派出所在镇文化广场开展禁毒宣传活动，发放宣传资料800余份，现场解答群众咨询。</p>
      <p>民警提醒，吸食、注射毒品的，依法给予治安管理处罚；发现涉毒线索请拨打110举报。</p></body></html>`;
    const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/1.html`;
    const dir = mkdtempSync(path.join(os.tmpdir(), "pufa-wechat-link-"));
    const corpus = path.join(dir, "corpus");
    const log = new QuestionLog(path.join(dir, "pufa.sqlite"));
    let reindexed = 0;
    try {
      const commands = functionCommands(createCorpusCommands({ corpusDir: corpus, log, onChange: async () => void reindexed++ }));
      const h = await start({ env: { PUFA_ADMIN_IDS: "admin-6" }, extra: { commands } });
      const admin = h.person({ id: "admin-6", name: "管理员" });
      const [villager] = h.people(1);
      h.say(villager, url, h.me);
      await h.settle();
      expect(reindexed).toBe(0);
      expect(existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith(".md")) : []).toHaveLength(0);
      h.say(admin, url, h.me);
      await h.settle();
      expect(reindexed, h.repliesIn(admin).join("\n")).toBe(1);
      const files = readdirSync(corpus).filter((f) => f.endsWith(".md"));
      expect(files).toHaveLength(1);
      const stored = readFileSync(path.join(corpus, files[0]), "utf8");
      expect(stored).toContain("发放宣传资料800余份");
      expect(stored).toContain(url);
      expect(h.repliesIn(admin)).toHaveLength(1);
      expect(log.auditTrail(10).map((r) => r.action)).toContain("corpus.add");
    } finally {
      log.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("linkAsCommand: a bare address or a shared card becomes #导入; other text, other schemes or no such command do not", () => {
    expect(linkAsCommand(" https://example.gov.cn/a.html ", null, "#导入")).toBe("#导入 https://example.gov.cn/a.html");
    expect(linkAsCommand("", "http://example.gov.cn/b", "#导入")).toBe("#导入 http://example.gov.cn/b");
    expect(linkAsCommand("看看这个 https://example.gov.cn/a.html", null, "#导入")).toBeNull();
    expect(linkAsCommand("", "javascript:alert(1)", "#导入")).toBeNull();
    expect(linkAsCommand("https://example.gov.cn/a.html", null, null)).toBeNull();
  });
});

describe("staying safe", () => {
  it("over the per-person limit: one polite notice, then silence", async () => {
    const h = await start({ env: { PUFA_RATE_PERSON_PER_MINUTE: "2" } });
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    for (let i = 1; i <= 5; i++) h.ask(alice, `第${i}个问题：醉驾怎么处罚？`, room);
    h.ask(bob, "出租银行卡犯法吗？", room); // someone else is not affected
    await h.settle();

    const replies = h.repliesIn(room);
    const notices = replies.filter((r) => r.includes(prompts.get("rate-limited")));
    expect(notices).toHaveLength(1);
    expect(replies.filter((r) => r.includes(LAW_SOURCE))).toHaveLength(3);
    expect(h.bot.counters()).toMatchObject({ limited: 3, notices: 1, answered: 3 });
  });

  it("over the group's daily budget: one notice for the day, within the budget", async () => {
    const h = await start({ env: { PUFA_GROUP_DAILY_BUDGET: "3" } });
    const people = h.people(4);
    const room = h.room("村民群", people);
    for (const [i, p] of people.entries()) h.ask(p, `问题${i}：醉驾怎么处罚？`, room);
    await h.settle();
    h.ask(people[0], "还有一个问题", room);
    await h.settle();

    const replies = h.repliesIn(room);
    expect(replies.filter((r) => r.includes(prompts.get("daily-limit")))).toHaveLength(1);
    expect(replies.filter((r) => r.includes(LAW_SOURCE))).toHaveLength(2); // the budget's last message is the notice
    expect(replies).toHaveLength(3);
  });

  it("a send refused as too frequent is retried after a back-off and not lost", async () => {
    const h = await start();
    const [alice] = h.people(1);
    const room = h.room("村民群", [alice]);
    const puppet = h.wechaty.puppet;
    const original = puppet.messageSendText.bind(puppet);
    let refusals = 2;
    puppet.messageSendText = async (...args: Parameters<typeof original>) => {
      if (refusals > 0) {
        refusals--;
        throw new Error("发送消息过于频繁，请稍后再试");
      }
      return original(...args);
    };
    h.ask(alice, "醉驾怎么处罚？", room);
    await h.settle();

    expect(h.repliesIn(room)).toHaveLength(1);
    expect(h.repliesIn(room)[0]).toContain(LAW_SOURCE);
    expect(h.bot.counters()).toMatchObject({ riskErrors: 2, retries: 2, sendFailed: 0, answered: 1, sent: 1 });
    const backoffs = h.clock.sleeps.filter((ms) => ms >= 30_000); // risk back-off: about a minute, then two
    expect(backoffs).toHaveLength(2);
    expect(backoffs[1]).toBeGreaterThan(backoffs[0]);
  });

  it("a send that keeps failing is given up after the attempts and counted, not silently dropped", async () => {
    const h = await start({ extra: { retry: { maxAttempts: 3 } } });
    const [alice] = h.people(1);
    const puppet = h.wechaty.puppet;
    puppet.messageSendText = async () => {
      throw new Error("network down");
    };
    h.say(alice, "醉驾怎么处罚？", h.me);
    await h.settle();
    expect(h.bot.counters()).toMatchObject({ sendFailed: 1, retries: 2, undelivered: 1, answered: 0 });
  });

  it("an engine failure gets a polite apology instead of silence", async () => {
    const h = await start({ engine: new FakeEngine({ failWord: "炸" }) });
    const [alice] = h.people(1);
    h.say(alice, "炸了吗", h.me);
    await h.settle();
    expect(h.repliesIn(alice)).toEqual([prompts.get("answer-failed")]);
    expect(h.bot.counters().failed).toBe(1);
  });
});

describe("the log", () => {
  it("names the reason of every message dropped or turned away", async () => {
    const lines: Array<{ msg: string; reason?: string }> = [];
    const sink = new Writable({ write: (chunk, _e, done) => void (lines.push(JSON.parse(String(chunk))), done()) });
    const h = await start({ env: { PUFA_RATE_PERSON_PER_MINUTE: "1" }, extra: { log: pino({ level: "debug" }, sink) } });
    const [alice, bob] = h.people(2);
    const room = h.room("村民群", [alice, bob]);
    h.say(alice, "今天晚上吃什么？", room); // not addressed
    h.raw({ talkerId: alice.id, listenerId: h.me.id, type: types.Message.Url, text: "<appmsg/>" }); // unsupported
    h.ask(bob, "醉驾怎么处罚？", room);
    h.ask(alice, "醉驾 怎么处罚", room); // repeat
    h.ask(bob, "超速罚多少？", room); // over the person limit
    await h.settle();
    const reasons = lines.filter((l) => (l.msg === "message dropped" && l.reason !== "self") || l.msg.endsWith("turned away")).map((l) => l.reason);
    expect(reasons.sort()).toEqual(["duplicate", "not-addressed", "person", "unsupported-type"]);
  });
});

