/**
 * Bad input end to end: questions with nothing to answer or far too long, and corpus folders
 * with broken files, legacy encodings, nothing in them, or not there at all.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import type { PufaConfig } from "../../src/config.js";
import { buildIndex, openIndex, type BuildResult } from "../../src/index/builder.js";
import { openRuntime } from "../../src/runtime.js";
import type { AnswerEngine } from "../../src/types.js";
import { expectConsistentCitations, expectVerbatim, FIXTURE_CORPUS, fixtureConfig, tempDir } from "./helpers.js";

let root: string;
let config: PufaConfig;
let built: BuildResult;
let engine: AnswerEngine;
const prompts = new Prompts();

beforeAll(async () => {
  root = tempDir();
  config = fixtureConfig(path.join(root, "data"));
  built = await buildIndex(config);
  engine = createEngine({ searcher: () => built.searcher, prompts });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("questions with nothing to answer", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "  \n\t\u3000 "],
    ["emoji only", "😀😀"],
    ["punctuation only", "？？！。"],
  ])("%s → the 'empty' reply, no citations", async (_name, question) => {
    const reply = await engine.ask({ question });
    expect(reply).toMatchObject({ refused: true, reason: "empty", citations: [], mode: "canned" });
    expect(reply.text).toBe(prompts.render("empty"));
  });

  it("a 100,000-character question gets a clear message, fast", async () => {
    const question = "喝酒开车被查到怎样？".repeat(10_000);
    expect(question.length).toBe(100_000);
    const t0 = performance.now();
    const reply = await engine.ask({ question });
    const ms = performance.now() - t0;
    expect(reply).toMatchObject({ refused: true, reason: "too_long", citations: [] });
    expect(reply.text).toBe(prompts.render("too-long", { max: 500 }));
    expect(reply.text).toContain("500");
    expect(ms).toBeLessThan(1000);
  });

  it("100,000 characters of whitespace around a short question are not 'too long'", async () => {
    const question = `${" ".repeat(50_000)}酒驾怎么处罚${"\n".repeat(50_000)}`;
    const reply = await engine.ask({ question });
    expect(reply.reason).toBe("answered");
    expect(reply.citations.length).toBeGreaterThan(0);
  });
});

describe("a corpus file with malformed front matter", () => {
  it("does not stop the build: a warning names the file", () => {
    expect(built.warnings.some((w) => w.includes("bad-front-matter.md") && /front matter/.test(w))).toBe(true);
  });

  it("its text is still indexed and quotable verbatim", async () => {
    expect(built.searcher.passages.some((p) => p.file === "bad-front-matter.md")).toBe(true);
    const reply = await engine.ask({ question: "电动自行车停放时怎么防盗" });
    expect(reply.citations.some((c) => c.path === "bad-front-matter.md")).toBe(true);
    expectVerbatim(reply, config, built.searcher.passages);
    expectConsistentCitations(reply);
  });
});

describe("a GBK-encoded .txt in the corpus", () => {
  const file = path.join(FIXTURE_CORPUS, "summer-drowning-gbk.txt");

  it("is really GBK, not UTF-8 (guard)", () => {
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file))).toThrow();
  });

  it("is indexed as Chinese text with its first line as title", () => {
    const passages = built.searcher.passages.filter((p) => p.file === "summer-drowning-gbk.txt");
    expect(passages.length).toBeGreaterThan(0);
    expect(passages[0]).toMatchObject({ kind: "article", title: "暑期防溺水安全提示" });
    expect(passages.some((p) => p.text.includes("不私自下水游泳"))).toBe(true);
  });

  it.each(["暑假防溺水要注意什么", "有人落水怎么办"])("%s → quoted verbatim from the decoded file", async (question) => {
    const reply = await engine.ask({ question });
    const c = reply.citations.find((x) => x.path === "summer-drowning-gbk.txt");
    expect(c).toBeDefined();
    expect(c!.title).toBe("暑期防溺水安全提示");
    expectVerbatim(reply, config, built.searcher.passages);
    expectConsistentCitations(reply);
  });
});

describe("an empty or missing corpus folder", () => {
  beforeAll(() => {
    vi.stubEnv("OPENAI_API_KEY", "");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ["empty", true, /no \.md or \.txt articles/],
    ["missing", false, /does not exist/],
  ])("%s: a clear warning, an empty index, no crash; the engine answers no_match", { timeout: 30_000 }, async (name, create, why) => {
    const corpus = path.join(root, `corpus-${name}`);
    if (create) mkdirSync(corpus);
    const cfg = fixtureConfig(path.join(root, `data-${name}`), { corpus: [corpus], laws: null });
    const result = await buildIndex(cfg);
    expect(result.stats.passages).toBe(0);
    expect(result.warnings.some((w) => w.includes(corpus) && why.test(w))).toBe(true);
    expect(openIndex(cfg)?.generation).toBe(result.generation);

    const rt = await openRuntime(cfg, { questionLog: false });
    try {
      expect(rt.holder.current.generation).toBe(result.generation); // served as built, not rebuilt
      const reply = await rt.engine.ask({ question: "酒驾怎么处罚" });
      expect(reply).toMatchObject({ refused: true, reason: "no_match", citations: [] });
      expect(await rt.searcher().search("酒驾", { k: 3 })).toEqual([]);
    } finally {
      rt.close();
    }
  });
});
