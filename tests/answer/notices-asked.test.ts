/**
 * A correction speaks first to what its title says it changes: asked how a child without an ID card is
 * registered, or within how many hours guests are reported, the notice answers first and a correction
 * moving its training's day and place comes after. And words: 打风 is 台风, 船仔 渔船, 嗰两条友 那两人, 几个钟 几个
 * 小时; 机器点样先唔俾人偷走 asks how to keep it.
 */
import { describe, expect, it } from "vitest";
import { changeAsked, changeNamed } from "../../src/answer/correction-scope.js";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { askedFor } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/notices"]);
const ask = askerOf(built, "2025-12-01");

describe("what a correction's title says it changes", () => {
  const changed = changeNamed("关于调整石梅湾地区民宿登记培训时间和地点的通知", "关于石梅湾地区民宿落实旅客住宿登记的通知", ["东澳", "石梅湾"]);
  it("names the training, its time and place, not the notice's own words", () => {
    expect(changed).toEqual(expect.arrayContaining(["培训", "时间", "地点"]));
    expect(changed).not.toContain("民宿");
    expect(changed).not.toContain("调整");
  });
  it("speaks to a question naming it or asking its kind of fact, not to another", () => {
    expect(changeAsked(changed, "培训改到哪天了", ["date"])).toBe(true);
    expect(changeAsked(changed, "现在去哪里开会", ["place"])).toBe(true);
    expect(changeAsked(changed, "客人带个小孩没身份证怎么登记", [])).toBe(false);
    // A correction whose title names nothing of its own may speak to anything.
    expect(changeAsked([], "客人带个小孩没身份证怎么登记", [])).toBe(true);
  });
  it("names nothing for a title that only postpones or corrects a report by its quoted title", () => {
    expect(changeNamed("关于防范电信诈骗宣讲会延期举办的通知", "后安派出所将举办防范电信诈骗宣讲会", ["后安"])).toEqual([]);
    expect(changeNamed("关于《万宁警方开展太阳河非法捕捞整治 查处案件14起》一文的更正说明", "万宁警方开展太阳河非法捕捞整治 查处案件14起", ["万宁"])).toEqual([]);
  });
});

describe("a correction beside the notice it corrects", () => {
  it("asked of the notice's other content, the notice answers first", async () => {
    const { docs, text } = await ask("客人带个细佬仔 冇身份证 民宿点样登记");
    expect(docs[0]).toBe("n-homestay-rules");
    expect(text).toContain("户口簿");
  });

  it("asked within how many hours guests are reported, the notice answers, not the training's 约1小时", async () => {
    const { docs, text } = await ask("民宿客人入住几个钟内要报上去");
    expect(docs[0]).toBe("n-homestay-rules");
    expect(text).toContain("3小时内");
  });

  it("asked of the training's day, the correction answers first", async () => {
    const { docs, text } = await ask("民宿登记的培训现在改到哪天了");
    expect(docs[0]).toBe("n-homestay-training-change");
    expect(text).toContain("11月27日");
  });
});

describe("words", () => {
  it("打风 is 台风, 船仔 渔船; 嗰两条友 is read as 那两人 and 几个钟 asks hours", () => {
    expect(rewriteWords("打风嘅时候海滩开唔开").text).toBe("台风的时候海滩开不开");
    expect(readAsked("偷船仔机器嗰两条友会唔会坐监")).toBe("偷渔船机器那两人会不会坐牢");
    expect(readAsked("入住几个钟内要报上去")).toBe("入住几个小时内要报上去");
  });

  it("扣满 is 记满, 头一回 第一次, 摩拖车 摩托车; 放炮仗 is 燃放烟花爆竹, as notices write it", () => {
    expect(rewriteWords("分扣满了要学几天 头一回扣满那种").text).toBe("分记满了要学几天 第一次记满那种");
    expect(rewriteWords("牛漏领摩拖车").text).toBe("牛漏领摩托车");
    expect(rewriteWords("长丰墟哪一段不给放炮仗").text).toBe("长丰墟哪一段不给燃放烟花爆竹");
  });

  it("机器点样先唔俾人偷走 asks how to keep it from thieves", () => {
    expect(askedFor(readAsked("船仔泊喺港里过夜 机器点样先唔俾人偷走"))).toEqual(["advice"]);
  });
});
