/** The pure parts: equivalents, what a question asks for, time words, supersession, the decision's fit. */
import { describe, expect, it } from "vitest";
import { crossValidatedProbabilities, fitLogistic, probability } from "../../src/answer/decision.js";
import { applyEquivalents, parseEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { topicWords, retrievalQuery } from "../../src/answer/follow-up.js";
import { bigramsOf, townsIn } from "../../src/answer/local-articles.js";
import { answersKind, askedFor } from "../../src/answer/question-type.js";
import { timeScope, titleOverlap } from "../../src/answer/time-scope.js";

describe("equivalents", () => {
  it("rewrites spoken words to the material's, longest first, never twice", () => {
    const eq = parseEquivalents("[words]\n电驴 电动自行车\n电驴子 电动自行车\n车 汽车\n[asking]\n几多 多少\n");
    expect(applyEquivalents("电驴子几多钱", eq)).toBe("电动自行车几多钱");
    expect(readAsked("电驴子几多钱", eq)).toBe("电动自行车多少钱");
  });

  it("the shipped file covers the issue's examples", () => {
    expect(applyEquivalents("电瓶车礼拜六去派处所带身分证")).toBe("电动自行车周六去派出所带身份证");
    expect(readAsked("晓得罚几多吗")).toBe("知道罚多少吗");
  });
});

describe("what a question asks for", () => {
  it.each([
    ["罚款几多钱", "amount"],
    ["几点开始", "time"],
    ["在哪办", "place"],
    ["要带啥", "documents"],
    ["举报电话是多少", "phone"],
    ["小偷抓到没有", "outcome"],
  ])("%s → %s", (q, kind) => {
    expect(askedFor(readAsked(q))).toContain(kind);
  });

  it("knows a sentence that holds it", () => {
    expect(answersKind("共查获电动自行车41辆。", ["amount"])).toBe(true);
    expect(answersKind("为加强管理，现通知如下。", ["amount"])).toBe(false);
    expect(answersKind("三、办理时间：工作日上午8:00至12:00。", ["time"])).toBe(true);
    expect(answersKind("一、登记地点：派出所户籍窗口。", ["place"])).toBe(true);
    expect(answersKind("我局决定继续在全市开展登记工作。", ["place"])).toBe(false);
  });
});

describe("time words", () => {
  const today = new Date("2026-03-01T00:00:00Z");
  it.each([
    ["今年的通知", 2026, false],
    ["去年的通知", 2025, false],
    ["前年", 2024, false],
    ["21年的活动", 2021, false],
    ["2023年那次", 2023, false],
    ["现在还要带合格证吗", null, true],
    ["最近有什么活动", null, true],
    ["我18岁", null, false],
  ])("%s → year %s, latest %s", (q, year, latest) => {
    expect(timeScope(q, today)).toEqual({ year, latest });
  });
});

describe("same matter, towns, bigrams", () => {
  it("titles of two years of one notice overlap; different matters do not", () => {
    expect(titleOverlap("关于开展2024年电动自行车登记上牌工作的通知", "关于开展2026年电动自行车登记上牌工作的通知")).toBeGreaterThan(0.9);
    expect(titleOverlap("龙滚镇禁毒宣传活动", "电动自行车登记上牌")).toBeLessThan(0.2);
  });
  it("a town is found by its name with or without 镇", () => {
    expect(townsIn("龙滚那边的活动", ["龙滚镇", "龙滚", "和乐镇", "和乐"])).toEqual(["龙滚"]);
    expect(townsIn("和乐镇的活动", ["龙滚镇", "龙滚", "和乐镇", "和乐"])).toEqual(["和乐镇"]);
  });
  it("bigrams are CJK pairs and ASCII runs", () => {
    expect(bigramsOf("派出所110")).toEqual(["派出", "出所", "110"]);
  });
});

describe("follow-ups", () => {
  it("inherit the previous question's topic words, not its asking words", () => {
    expect(topicWords("被狗咬了怎么办")).not.toContain("怎么办");
    const q = retrievalQuery("那如果狗是流浪狗呢", [{ question: "被邻居家的狗咬了怎么办", at: 0 }]);
    expect(q).toContain("邻居");
    expect(q).not.toContain("怎么办");
    expect(retrievalQuery("喝醉了开车被查到会怎么判刑", [{ question: "被狗咬了", at: 0 }])).toBe("喝醉了开车被查到会怎么判刑");
  });
});

describe("the per-source decision", () => {
  it("fits a logistic regression that separates answerable from not, and predicts held out", () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 60; i++) {
      const c = (i % 20) / 20;
      xs.push([c, i % 2]);
      ys.push(c > 0.5 ? 1 : 0);
    }
    const m = fitLogistic(xs, ys);
    expect(probability(m, [0.9, 0])).toBeGreaterThan(0.5);
    expect(probability(m, [0.1, 1])).toBeLessThan(0.5);
    const held = crossValidatedProbabilities(xs, ys, 5);
    const right = held.filter((p, i) => (p >= 0.5 ? 1 : 0) === ys[i]).length;
    expect(right / ys.length).toBeGreaterThanOrEqual(0.85);
  });
});

describe("the shipped decision", () => {
  it("is a fitted model with one weight per feature (a broken file would fall back to the old threshold)", async () => {
    const { loadDecisionModel, FEATURES, THRESHOLD_MODEL } = await import("../../src/answer/decision.js");
    const m = loadDecisionModel();
    expect(m.local.weights).toHaveLength(FEATURES.local.length);
    expect(m.law.weights).toHaveLength(FEATURES.law.length);
    expect(m).not.toEqual(THRESHOLD_MODEL);
  });
});

describe("what a figure measures", () => {
  it.each([
    ["提供线索奖多少", "奖"],
    ["一共抓了多少人", "抓"],
    ["被骗多少钱", "骗"],
    ["有多少人", null],
  ])("%s → %s", async (q, thing) => {
    const { measuredThing } = await import("../../src/answer/question-type.js");
    expect(measuredThing(q)).toBe(thing);
  });
});
