/** The console chat over the real engine, with injected streams instead of a terminal. */
import { rmSync } from "node:fs";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import { runConsoleChat } from "../../src/channels/console.js";
import { buildIndex } from "../../src/index/builder.js";
import type { AnswerEngine, AskRequest } from "../../src/types.js";
import { fixtureConfig, tempDir } from "../engine/helpers.js";

let dataDir: string;
let engine: AnswerEngine;
const asked: AskRequest[] = [];

beforeAll(async () => {
  dataDir = tempDir();
  const built = await buildIndex(fixtureConfig(dataDir));
  engine = createEngine({ searcher: () => built.searcher, prompts: new Prompts(), onReply: (req) => asked.push(req) });
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs a chat over the given input lines; resolves with everything printed. */
async function chat(lines: string[], banner?: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (d: Buffer) => (printed += d.toString()));
  const done = runConsoleChat(engine, { input, output, banner, prompt: "问>" });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await done;
  return printed;
}

describe("runConsoleChat", () => {
  it("two lines in → two answers out, in order, after the banner", async () => {
    asked.length = 0;
    const printed = await chat(["道交法第91条", "明天天气怎么样"], "欢迎使用");
    const first = await engine.ask({ question: "道交法第91条" });
    const second = await engine.ask({ question: "明天天气怎么样" });
    expect(printed.startsWith("欢迎使用\n")).toBe(true);
    const a = printed.indexOf(first.text);
    const b = printed.indexOf(second.text);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(asked.slice(0, 2).map((r) => [r.question, r.channel])).toEqual([
      ["道交法第91条", "console"],
      ["明天天气怎么样", "console"],
    ]);
  });

  it("blank lines ask nothing; 退出 ends the chat", async () => {
    asked.length = 0;
    await chat(["", "   ", "酒驾怎么处罚", "退出", "刑法第一百三十三条之一"]);
    expect(asked.map((r) => r.question)).toEqual(["酒驾怎么处罚"]);
  });

  it("an answered question is the context of the next one", async () => {
    asked.length = 0;
    const printed = await chat(["酒驾怎么处罚", "那第二次被查到呢？"]);
    expect(asked[1].context?.map((t) => t.question)).toEqual(["酒驾怎么处罚"]);
    const followUp = printed.slice(printed.lastIndexOf("问> ", printed.length - 5));
    expect(followUp).toContain("再次饮酒后驾驶");
  });

  it("follows the same follow-up rule as WeChat: a declined question is context, a greeting is not", async () => {
    asked.length = 0;
    await chat(["你好", "明天天气怎么样", "那后天呢"]);
    expect(asked.map((r) => r.question)).toEqual(["你好", "明天天气怎么样", "那后天呢"]);
    expect(asked[2].context?.map((t) => t.question)).toEqual(["明天天气怎么样"]);
    expect(asked[2].context?.[0].answer).toBeUndefined(); // the refusal's text is not passed on as an answer
  });
});
