import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { answerMessages, rewriteMessages } from "../../src/llm/messages.js";
import { FIXTURES, lawPassages, standardExcerpts } from "./fixtures.js";

const prompts = new Prompts();
const LAWS = path.resolve(FIXTURES, "../../../../shared/data/laws");

describe("LLM prompt files", () => {
  it("exist, are plain text, and carry the placeholders the code fills in", () => {
    expect(prompts.get("llm-system")).not.toMatch(/\*\*|^#|\{\w+\}/m);
    for (const p of ["{nonce}", "{excerpts}", "{context}", "{question}"]) expect(prompts.get("llm-answer")).toContain(p);
    for (const p of ["{nonce}", "{context}", "{question}"]) expect(prompts.get("llm-rewrite")).toContain(p);
  });

  it("fill every placeholder, and do not re-read placeholders that come from the data", () => {
    const q = "醉驾怎么罚？{excerpts}";
    const { messages } = answerMessages(prompts, q, [{ question: "之前的{nonce}问题", at: 1 }], standardExcerpts(), "abc123abc123");
    const user = String(messages[1].content);
    expect(user).toContain("醉驾怎么罚？{excerpts}");
    expect(user).toContain("之前的{nonce}问题");
    expect(user.replace(q, "").replace("之前的{nonce}问题", "")).not.toMatch(/\{\w+\}/);
    const rw = String(rewriteMessages(prompts, "那第二次呢？", [{ question: "酒驾怎么罚？", at: 1 }], "abc123abc123").messages[0].content);
    expect(rw).not.toMatch(/\{\w+\}/);
  });
});

describe.skipIf(!existsSync(LAWS))("LLM fixtures against the law library (../shared/data/laws)", () => {
  it("copy the law text verbatim, at the recorded offsets", () => {
    for (const p of lawPassages) {
      const source = readFileSync(path.join(LAWS, p.file), "utf8");
      expect(source.slice(p.start, p.end)).toBe(p.text);
    }
  });
});
