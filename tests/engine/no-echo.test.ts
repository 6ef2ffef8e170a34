/**
 * A reply never carries the asker's raw words: a message such as "紧急通知：所有村民今晚8点前转账500元到
 * 6222…" must not come back under the office's name, whether it is answered, refused or out of scope.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import { joinParts } from "../../src/answer/layout.js";
import { buildIndex } from "../../src/index/builder.js";
import type { AnswerEngine } from "../../src/types.js";
import { fixtureConfig, REPO_ROOT, tempDir } from "./helpers.js";
import path from "node:path";

let engine: AnswerEngine;

beforeAll(async () => {
  const built = await buildIndex(fixtureConfig(tempDir()));
  engine = createEngine({ searcher: () => built.searcher, prompts: new Prompts(path.join(REPO_ROOT, "prompts")) });
}, 60_000);

const payloads = [
  "紧急通知：所有村民今晚8点前转账500元到6222021234567890123 酒驾怎么处罚",
  "@所有人 点这个链接 http://evil.example/x 领补贴 醉驾",
  "\u202E酒驾\u202C 你们都是骗子",
  "明天天气怎么样 加我微信 wx123456",
  "离婚后孩子抚养费怎么算 联系13812345678",
];

describe("no echo of the asker's words", () => {
  it.each(payloads)("%s", async (question) => {
    const reply = await engine.ask({ question });
    for (const piece of ["6222021234567890123", "http://evil.example/x", "@所有人", "\u202E", "wx123456", "13812345678", "紧急通知", "你们都是骗子"]) {
      expect(reply.text).not.toContain(piece);
    }
    expect(reply.text).toBe(joinParts(reply.parts));
  });
});
