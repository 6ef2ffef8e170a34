/**
 * Moderation where users meet it: the engine refuses a blocked question before retrieval with the
 * neutral canned reply, and the runtime logs it as its categories only.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import { loadConfig } from "../../src/config.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { createModerator, parseModerationList } from "../../src/safety/moderation.js";
import type { Searcher } from "../../src/types.js";
import { FIXTURE_CORPUS, FIXTURE_LAWS, tempDir } from "../engine/helpers.js";

const prompts = new Prompts();

function countingSearcher(): Searcher & { calls: number } {
  const s = {
    calls: 0,
    async search() {
      s.calls++;
      return [];
    },
  };
  return s;
}

describe("engine guard", () => {
  it("refuses a blocked question with the canned reply, before any search, and never repeats it", async () => {
    const searcher = countingSearcher();
    const engine = createEngine({ searcher: () => searcher, prompts });
    const reply = await engine.ask({ question: "你个傻 逼机器人" });
    expect(reply).toMatchObject({ reason: "moderated", refused: true, mode: "canned", citations: [] });
    expect(reply.text).toContain(prompts.get("moderated"));
    expect(reply.text).not.toMatch(/傻|逼|机器人/);
    expect(searcher.calls).toBe(0);
  });

  it("lets a question about the offence itself go on to retrieval", async () => {
    const searcher = countingSearcher();
    const engine = createEngine({ searcher: () => searcher, prompts });
    for (const question of ["赌博怎么处罚", "被骂了可以报警吗", "邻居骂我傻逼可以告他吗"]) {
      expect((await engine.ask({ question })).reason, question).not.toBe("moderated");
    }
    expect(searcher.calls).toBe(3);
  });

  it("uses the moderator it is given", async () => {
    const engine = createEngine({ searcher: countingSearcher, prompts, moderator: createModerator(parseModerationList("辱骂 坏蛋")) });
    expect((await engine.ask({ question: "你这个坏蛋" })).reason).toBe("moderated");
    expect((await engine.ask({ question: "你个傻逼" })).reason).not.toBe("moderated");
  });
});

describe("runtime: PUFA_MODERATION, the log row of a blocked question, feedback, private", () => {
  let dir: string;
  let rt: Runtime;
  beforeAll(async () => {
    dir = tempDir("pufa-mod-rt-");
    const list = path.join(dir, "words.txt");
    writeFileSync(list, "辱骂 大坏蛋\n");
    const config = loadConfig({ PUFA_MODERATION: list }, { corpus: [FIXTURE_CORPUS], laws: FIXTURE_LAWS, data: path.join(dir, "data") });
    rt = await openRuntime(config);
  }, 90_000);
  afterAll(() => {
    rt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("logs a blocked question as [已屏蔽:类别], without its text", async () => {
    const reply = await rt.engine.ask({ question: "你是个大坏蛋，13812345678", channel: "wechat", askerId: "wxid_a", chat: "group" });
    expect(reply.reason).toBe("moderated");
    const [row] = rt.questionLog!.recentRefused(1);
    expect(row).toMatchObject({ question: "[已屏蔽:辱骂]", reason: "moderated", private: false });
    rt.questionLog!.close();
    const db = path.join(rt.config.dataDir, "pufa.sqlite");
    const bytes = Buffer.concat(["", "-wal"].map((s) => db + s).filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from("大坏蛋"))).toBe(false);
    expect(bytes.includes(Buffer.from("13812345678"))).toBe(false);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare("SELECT COUNT(*) AS n FROM questions WHERE question LIKE '%坏蛋%'").get()).toEqual({ n: 0 });
    raw.close();
  });
});

describe("runtime: feedback by the reply's log entry", () => {
  let dir: string;
  let rt: Runtime;
  beforeAll(async () => {
    dir = tempDir("pufa-fb-rt-");
    rt = await openRuntime(loadConfig({}, { corpus: [FIXTURE_CORPUS], laws: FIXTURE_LAWS, data: path.join(dir, "data") }));
  }, 90_000);
  afterAll(() => {
    rt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives the reply's row id; questions without a chat kind count as private", async () => {
    const reply = await rt.engine.ask({ question: "醉驾怎么处罚", channel: "http" });
    const id = rt.logEntryId(reply);
    expect(id).toBeTypeOf("number");
    expect(rt.questionLog!.feedback(id!, true)).toBe(true);
    expect(rt.questionLog!.between().find((r) => r.id === id)).toMatchObject({ useful: true, private: true });
    const tooLong = await rt.engine.ask({ question: "问".repeat(5000), channel: "http" });
    expect(tooLong.reason).toBe("too_long");
    expect(rt.logEntryId(tooLong)).toBeNull(); // counted, not stored
  });
});
