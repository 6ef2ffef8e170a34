/**
 * What old people and their children ask of a report, heard closely: 查出来到底是乜东西做的 asks what a
 * thing proved to be, 被骗的钱退回来了吗 whether the money came back (and points back at the case just
 * named), 几岁的老人才可以领 an age, 找了多久 a span told as 9个多小时, 咋坐车过去 好停车不 the way there,
 * 赔几倍 a multiple. And the words: 一天一夜 is 24小时, 四个轮的电动车 a 四轮电动车.
 */
import { describe, expect, it } from "vitest";
import { rewriteWords } from "../../src/answer/equivalents.js";
import { looksLikeFollowUp } from "../../src/answer/follow-up.js";
import { askedFor } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/elders"]);
const ask = askerOf(built);

describe("what is asked", () => {
  it("查出来到底是乜东西做的 asks what a thing proved to be", () => {
    expect(askedFor("那个降糖丸 警察查出来到底是乜东西做的")).toEqual(["findings"]);
  });

  it("被骗的钱退回来了吗 asks whether the money came back, not whether anyone was caught", () => {
    expect(askedFor("被骗的钱退回来了吗")).toEqual(["recovered"]);
    expect(askedFor("钱追回来没有")).toEqual(["recovered"]);
    expect(askedFor("抓到没有")).toEqual(["outcome"]);
  });

  it("几岁的老人才可以领 asks an age; 赔几倍 a multiple, 好几倍 tells one", () => {
    expect(askedFor("几岁的老人才可以领")).toContain("age");
    expect(askedFor("卖的人要赔几倍给俺们")).toEqual(["amount"]);
    expect(askedFor("价钱涨了好几倍")).not.toContain("amount");
  });

  it("咋坐车过去, 好停车不 ask the way there (transit), not a way round", () => {
    expect(askedFor("咋坐车过去 好停车不")).toEqual(["transit"]);
    expect(askedFor("那边好不好停车")).toEqual(["transit"]);
    expect(askedFor("那段路封了 开车要兜边度过")).toEqual(["route"]);
  });

  it("被骗的钱退回来了吗 points back at the case just named; 被骗了找哪个部门, 交钱要不要排队 do not", () => {
    expect(looksLikeFollowUp("被骗的钱退回来了吗，有无电话可以问")).toBe(true);
    expect(looksLikeFollowUp("在网上被骗了钱应该先找哪个部门")).toBe(false);
    // 钱 beside 要不要 asks nothing of a case.
    expect(looksLikeFollowUp("交钱要不要排队")).toBe(false);
  });
});

describe("everyday words", () => {
  it("一天一夜 is 24小时, 四个轮的电动车 a 四轮电动车", () => {
    expect(rewriteWords("要等够一天一夜才能报警吗").text).toBe("要等够24小时才能报警吗");
    expect(rewriteWords("四个轮的电动车能上路吗").text).toBe("四轮电动车能上路吗");
  });
});

describe("the sentence that tells it", () => {
  it("查出来到底是乜东西做的 is told by what the test found", async () => {
    const { docs, text } = await ask("山根卖的那个降糖丸 警察查出来到底是乜东西做的");
    expect(docs[0]).toBe("e-pill-scam");
    expect(text).toContain("普通淀粉片");
  });

  it("a follow-up 被骗的钱退回来了吗 is told by the sum got back, of the case named before", async () => {
    const { docs, text } = await ask("被骗的钱退回来了吗，有无电话可以问", "山根那个送米骗老人的店 后来咋处理了");
    expect(docs[0]).toBe("e-pill-scam");
    expect(text).toContain("追回赃款11.3万元");
  });

  it("找了多久 is told by a span written 9个多小时", async () => {
    const { docs, text } = await ask("大茂走丢那个阿婆 最后在哪里找到的 找了多久");
    expect(docs[0]).toBe("e-missing-elder");
    expect(text).toContain("9个多小时");
  });

  it("a follow-up 几岁的老人才可以领 is told by the age", async () => {
    const { docs, text } = await ask("几岁的老人才可以领", "听说派出所免费发防走失的胸卡给老人 是真的吗");
    expect(docs[0]).toBe("e-missing-elder");
    expect(text).toContain("70周岁以上");
  });

  it("要等够一天一夜才能报警吗 is told by the 24小时 tip", async () => {
    const { docs, text } = await ask("家里老人一个下午没见人 是不是要等够一天一夜才能报警");
    expect(docs).toContain("e-missing-elder");
    expect(text).toContain("不必等到24小时");
  });

  it("a follow-up 咋坐车过去 好停车不 is told by the bus and the parking", async () => {
    const { docs, text } = await ask("咋坐车过去 好停车不", "礼纪派出所户籍室现在搬到哪了");
    expect(docs[0]).toBe("e-window-move");
    expect(text).toContain("公交5路");
  });
});
