/**
 * End-to-end answers over a real index built from the fixture law library and corpus:
 * article lookup, verbatim excerpts, citation numbering, refusals, 110/12348 advice, follow-ups,
 * law versions.
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import type { PufaConfig } from "../../src/config.js";
import { buildIndex, type BuildResult } from "../../src/index/builder.js";
import type { AnswerEngine, LawPassage } from "../../src/types.js";
import { expectConsistentCitations, expectVerbatim, fixtureConfig, sourceLines, tempDir } from "./helpers.js";

let dataDir: string;
let config: PufaConfig;
let built: BuildResult;
let engine: AnswerEngine;
/** Same index, a small quoting budget: forces windows and clipped sentences. */
let tightEngine: AnswerEngine;
const prompts = new Prompts();

beforeAll(async () => {
  dataDir = tempDir();
  config = fixtureConfig(dataDir);
  built = await buildIndex(config);
  engine = createEngine({ searcher: () => built.searcher, prompts });
  tightEngine = createEngine({ searcher: () => built.searcher, prompts, options: { excerptChars: 100 } });
}, 60_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const DRINK_DRIVING = (c: { path: string; article: string | null; title: string }) =>
  c.path === "drink-driving.md" || (c.title === "中华人民共和国道路交通安全法" && c.article === "第九十一条") || (c.title === "中华人民共和国刑法" && c.article === "第一百三十三条之一");

describe("the fixture index", () => {
  it("holds the fixture's law articles and articles, a small library", () => {
    expect(built.stats.lawArticles).toBeGreaterThanOrEqual(15);
    expect(built.stats.lawArticles).toBeLessThan(30);
    expect(built.stats.documents).toBe(4);
  });
});

describe("article lookup", () => {
  const cases = [
    { q: "刑法第一百三十三条之一", title: "中华人民共和国刑法", article: "第一百三十三条之一" },
    { q: "刑法133条之一", title: "中华人民共和国刑法", article: "第一百三十三条之一" },
    { q: "道交法第91条", title: "中华人民共和国道路交通安全法", article: "第九十一条" },
    { q: "治安管理处罚法第四十九条", title: "中华人民共和国治安管理处罚法", article: "第四十九条" },
  ];

  it.each(cases)("$q → that article is the first hit", async ({ q, title, article }) => {
    const top = (await built.searcher.search(q, { k: 5 }))[0].passage as LawPassage;
    expect(top.kind).toBe("law");
    expect(top.lawTitle).toBe(title);
    expect(top.article).toBe(article);
  });

  it.each(cases)("$q → quoted first, alone, with its source line", async ({ q, title, article }) => {
    const reply = await engine.ask({ question: q });
    expect(reply.refused).toBe(false);
    expect(reply.reason).toBe("answered");
    expect(reply.citations[0]).toMatchObject({ n: 1, kind: "law", title, article, source: null });
    // A question naming one article gets that article only, not its neighbours in the same law.
    expect(reply.citations).toHaveLength(1);
    expect(sourceLines(reply.text)[0]).toEqual({ n: 1, label: `《${title}》${article}` });
    const firstQuote = reply.text.indexOf("[1]「");
    expect(firstQuote).toBeGreaterThan(-1);
    expect(reply.text.slice(firstQuote + 4).startsWith(reply.citations[0].excerpt)).toBe(true);
    expectVerbatim(reply, config, built.searcher.passages);
  });

  it("quotes the 刑法 article with the exact source 《中华人民共和国刑法》第一百三十三条之一", async () => {
    const reply = await engine.ask({ question: "刑法第一百三十三条之一" });
    expect(reply.text).toContain("[1] 《中华人民共和国刑法》第一百三十三条之一");
    expect(reply.citations[0].excerpt.startsWith("第一百三十三条之一")).toBe(true);
    expect(reply.text).toContain("醉酒驾驶机动车的");
  });

  it("quotes every article a question names, in the law it names", async () => {
    const reply = await engine.ask({ question: "刑法第一百三十三条之一和第二百六十六条" });
    expect(reply.citations.map((c) => c.article).sort()).toEqual(["第一百三十三条之一", "第二百六十六条"].sort());
    expect(reply.citations.every((c) => c.title === "中华人民共和国刑法")).toBe(true);
  });

  it("never lets another law's article with the same number stand in for a missing one", async () => {
    // The fixture has 治安管理处罚法第四十三条 but no 消防法 at all.
    const reply = await engine.ask({ question: "消防法第四十三条" });
    expect(reply.citations.some((c) => c.article === "第四十三条")).toBe(false);
  });
});

describe("every excerpt is verbatim, every [n] resolves", () => {
  const questions = [
    "刑法第一百三十三条之一",
    "道交法第91条",
    "治安管理处罚法第四十九条",
    "酒驾怎么处罚",
    "喝酒开车被查到会怎样",
    "诈骗公私财物数额较大怎么判",
    "殴打他人怎么处罚",
    "盗窃怎么处罚",
    "寻衅滋事怎么处罚",
    "家庭暴力是什么",
    "遭受家庭暴力可以申请人身安全保护令吗",
    "发现未成年人受到侵害向哪里报告",
    "出租银行卡违法吗",
    "刷单返利是诈骗吗",
    "暑假防溺水要注意什么",
    "有人落水怎么办",
    "电动自行车停放时怎么防盗",
    "我被骗了正在转账",
    "明知他人利用信息网络实施犯罪提供帮助",
    "反电信网络诈骗法第三十一条",
  ];

  it("for many questions, with the default and with a tight quoting budget", { timeout: 60_000 }, async () => {
    let answered = 0;
    let windows = 0;
    for (const e of [engine, tightEngine]) {
      for (const question of questions) {
        const reply = await e.ask({ question });
        if (reply.refused) {
          expect(reply.citations).toEqual([]);
          continue;
        }
        answered++;
        expect(reply.citations.length, question).toBeGreaterThan(0);
        expectVerbatim(reply, config, built.searcher.passages);
        expectConsistentCitations(reply);
        const byId = new Map(built.searcher.passages.map((p) => [p.id, p]));
        windows += reply.citations.filter((c) => byId.get(c.passageId)!.text.trim() !== c.excerpt).length;
      }
    }
    // Not vacuous: most of these are answered, and some quotes are windows of longer passages.
    expect(answered).toBeGreaterThanOrEqual(questions.length);
    expect(windows).toBeGreaterThan(0);
  });
});

describe("refusals", () => {
  it.each(["明天天气怎么样", "帮我写首诗"])("%s → out of scope, no citations", async (question) => {
    const reply = await engine.ask({ question });
    expect(reply).toMatchObject({ refused: true, reason: "out_of_scope", citations: [], mode: "canned" });
    // A stranger's words are never sent back under the office's name.
    expect(reply.text).not.toContain(question);
  });

  it("a legal question the fixture says nothing about → no_match, no citations", async () => {
    // Guard: the fixture really has nothing on child support.
    expect(built.searcher.passages.some((p) => p.text.includes("抚养费") || p.text.includes("抚养"))).toBe(false);
    const reply = await engine.ask({ question: "离婚后孩子抚养费怎么算" });
    expect(reply).toMatchObject({ refused: true, reason: "no_match", citations: [] });
    expect(reply.text).not.toMatch(/\[\d+\]/);
  });
});

describe("110 and 12348 advice", () => {
  const emergency = prompts.get("advice-emergency");
  const dispute = prompts.get("advice-dispute");

  it.each(["有人在打架怎么办", "我被骗了正在转账"])("%s → 110", async (question) => {
    const reply = await engine.ask({ question });
    expect(reply.emergency).toBe(true);
    expect(reply.text).toContain("110");
    expect(reply.text).toContain(emergency);
  });

  it("an ordinary question gets no emergency advice", async () => {
    const reply = await engine.ask({ question: "酒驾怎么处罚" });
    expect(reply.emergency).toBe(false);
    expect(reply.text).not.toContain(emergency);
    expect(reply.text).not.toContain(dispute);
  });

  it.each(["我老公打我怎么办", "我的邻居借钱不还，我该怎么起诉他"])("personal dispute %s → 12348 advice", async (question) => {
    const reply = await engine.ask({ question });
    expect(reply.text).toContain("12348");
    expect(reply.text).toContain(dispute);
  });
});

describe("follow-up questions", () => {
  it("'那第二次被查到呢？' after '酒驾怎么处罚' retrieves drink-driving material", async () => {
    const reply = await engine.ask({ question: "那第二次被查到呢？", context: [{ question: "酒驾怎么处罚", at: Date.now() }] });
    expect(reply.refused).toBe(false);
    expect(reply.citations.length).toBeGreaterThan(0);
    expect(DRINK_DRIVING(reply.citations[0])).toBe(true);
    expect(reply.citations.some((c) => c.excerpt.includes("再次饮酒后驾驶"))).toBe(true);
    expectVerbatim(reply, config, built.searcher.passages);
    expectConsistentCitations(reply);
  });

  it("the same words without context find nothing to quote", async () => {
    const reply = await engine.ask({ question: "那第二次被查到呢？" });
    expect(reply.citations.some(DRINK_DRIVING)).toBe(false);
  });
});

describe("law versions", () => {
  it("two versions of one law collapse onto the current one", async () => {
    const law = (h: { passage: { kind: string } }) => h.passage as LawPassage;
    const isArt11 = (p: LawPassage) => p.kind === "law" && p.lawShort === "未成年人保护法" && p.article === "第十一条";
    const both = built.searcher.passages.filter((p): p is LawPassage => p.kind === "law" && isArt11(p));
    expect(both.map((p) => p.version).sort()).toEqual(["2020-10-17", "2024-04-26"]);

    const hits = (await built.searcher.search("发现未成年人受到侵害向哪里报告", { k: 10 })).filter((h) => isArt11(law(h)));
    expect(hits).toHaveLength(1);
    expect(law(hits[0])).toMatchObject({ version: "2024-04-26", current: true });

    const all = (await built.searcher.search("发现未成年人受到侵害向哪里报告", { k: 10, allVersions: true })).filter((h) => isArt11(law(h)));
    expect(all.map((h) => law(h).version).sort()).toEqual(["2020-10-17", "2024-04-26"]);
  });

  it("the answer cites the current version, labelled without a version date", async () => {
    const reply = await engine.ask({ question: "未成年人保护法第十一条" });
    expect(reply.citations[0]).toMatchObject({ article: "第十一条", path: "社会法/未成年人保护法(2024-04-26).md", source: null, date: "2024-04-26" });
    expect(sourceLines(reply.text)[0].label).toBe("《中华人民共和国未成年人保护法》第十一条");
    expectVerbatim(reply, config, built.searcher.passages);
  });
});
