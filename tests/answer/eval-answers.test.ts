/** The answer-level evaluator: pure scoring of replies, and `pufa eval --answers` run as a process. */
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatAnswerReport, parseAnswerItems, runAnswerEval, scoreReply, summarize, type AnswerItem } from "../../src/eval/answers.js";
import type { AnswerEngine, Citation, Reply } from "../../src/types.js";
import { childEnv, CLI_MAIN, FIXTURE_CORPUS, FIXTURE_LAWS, tempDir, TSX } from "../engine/helpers.js";
import { LOCAL_CORPUS } from "./helpers.js";

function reply(text: string, citations: Partial<Citation>[], refused = false): Reply {
  return {
    text,
    parts: { body: [text], sources: "", notes: [] },
    citations: citations.map((c, i) => ({ n: i + 1, kind: "article", title: "", article: null, source: null, date: null, path: "", excerpt: "", start: 0, end: 0, passageId: "", ...c })) as Citation[],
    refused,
    reason: refused ? "no_match" : "answered",
    emergency: false,
    mode: "extractive",
  };
}

const item = (over: Partial<AnswerItem>): AnswerItem => ({ id: "x", question: "q", kind: "fact", gold: [{ doc: "lc-1" }], facts: ["38名"], context: [], ...over });

describe("scoring a reply", () => {
  it("right: not refused, a gold source cited, every fact in the text", () => {
    expect(scoreReply(item({}), reply("抓获犯罪嫌疑人38 名", [{ passageId: "article:lc-1#0" }])).outcome).toBe("right");
  });
  it("wrong passage: the gold source cited but a fact missing", () => {
    expect(scoreReply(item({}), reply("为加强管理……", [{ passageId: "article:lc-1#2" }])).outcome).toBe("wrong_passage");
  });
  it("wrong source, wrongly refused", () => {
    expect(scoreReply(item({}), reply("38名", [{ passageId: "article:lc-10#0" }])).outcome).toBe("wrong_source");
    expect(scoreReply(item({}), reply("抱歉", [], true)).outcome).toBe("refused");
  });
  it("law gold by short or full title and article; file gold by path", () => {
    const law = reply("x", [{ kind: "law", title: "中华人民共和国刑法", article: "第一百三十三条之一" }]);
    expect(scoreReply(item({ gold: [{ law: "刑法", article: "第一百三十三条之一" }], facts: [] }), law).outcome).toBe("right");
    expect(scoreReply(item({ gold: [{ law: "刑法", article: "第一百三十三条" }], facts: [] }), law).outcome).toBe("wrong_source");
    expect(scoreReply(item({ gold: [{ file: "a.md" }], facts: [] }), reply("x", [{ path: "sub/a.md" }])).outcome).toBe("right");
  });
  it("negatives: lines without gold count only as refused or not", () => {
    const [neg] = parseAnswerItems(`{"id":"n1","question":"洗衣机漏水怎么修","kind":"chitchat"}\n`);
    expect(neg.gold).toEqual([]);
    expect(scoreReply(neg, reply("抱歉", [], true)).outcome).toBe("negative_refused");
    // A greeting's help text quotes no material: not an answer.
    expect(scoreReply(neg, reply("您好，我可以回答……", [], false)).outcome).toBe("negative_refused");
    expect(scoreReply(neg, reply("[1]「…」", [{ path: "a.md" }], false)).outcome).toBe("negative_answered");
    const s = summarize("neg", [{ item: neg, outcome: "negative_answered", missing: [], cited: [], ms: 1 }]);
    expect(s).toMatchObject({ n: 0, negatives: 1, negativesRefused: 0 });
  });
  it("a line that is not JSON is named", () => {
    expect(() => parseAnswerItems('{"question":"a"}\nnot json\n', "set.jsonl")).toThrow("set.jsonl:2");
  });
});

describe("pufa eval --answers, as a user runs it", () => {
  it("prints the answer-level table per kind and the negatives' share refused", () => {
    const dir = tempDir("pufa-eval-answers-");
    try {
      const set = path.join(dir, "local.jsonl");
      writeFileSync(
        set,
        [
          { id: "a1", question: "夏季整治抓了多少人", kind: "fact", gold: [{ doc: "t-report" }], facts: ["38名"] },
          { id: "a2", question: "和乐镇禁毒活动在哪里", kind: "town", gold: [{ doc: "t-hele-drugs" }], facts: ["和乐镇中心小学操场"] },
        ]
          .map((o) => JSON.stringify(o))
          .join("\n"),
      );
      const neg = path.join(dir, "negatives.jsonl");
      writeFileSync(neg, `${JSON.stringify({ id: "n1", question: "洗衣机漏水怎么修", kind: "chitchat" })}\n`);
      const out = execFileSync(
        TSX,
        [CLI_MAIN, "--data", path.join(dir, "data"), "--corpus", LOCAL_CORPUS, "--corpus", FIXTURE_CORPUS, "--laws", FIXTURE_LAWS, "eval", "--answers", set, "--answers", neg],
        { env: childEnv(), encoding: "utf8", timeout: 120_000 },
      );
      expect(out).toContain("| set | n | right | wrongly refused | right source, wrong passage | wrong source | negatives refused |");
      expect(out).toMatch(/\| .*local\.jsonl \| 2 \| 1\.00 \| 0\.00 \| 0\.00 \| 0\.00 \| — \|/);
      expect(out).toMatch(/\|   town \| 1 \| 1\.00 /);
      expect(out).toMatch(/negatives\.jsonl \| 1 \| — \| — \| — \| — \| 1\.00 \(1\/1\) \|/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe("a question the engine throws on", () => {
  // An engine that answers every question but one, on which it throws as a bug would.
  const engine = {
    ask: async ({ question }: { question: string }) => {
      if (question === "崩") throw new TypeError("Cannot read properties of undefined (reading 'doc')");
      return reply("抓获犯罪嫌疑人38名", [{ passageId: "article:lc-1#0" }]);
    },
  } as unknown as AnswerEngine;

  it("is a miss reported with the error, and the questions after it are still asked and scored", async () => {
    const items = [item({ id: "a" }), item({ id: "b", question: "崩" }), item({ id: "c" }), item({ id: "n", question: "崩", gold: [], facts: [] })];
    const results = await runAnswerEval(engine, items);
    expect(results.map((r) => r.outcome)).toEqual(["right", "failed", "right", "failed"]);
    const s = summarize("set", results);
    expect([s.n, s.right, s.negatives, s.negativesRefused]).toEqual([3, 2, 1, 0]);
    const report = formatAnswerReport("set", results);
    expect(report).toContain("- [b] failed 崩 → (engine error: Cannot read properties of undefined (reading 'doc'))");
  });
});
