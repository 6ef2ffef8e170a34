/**
 * What night-shift workers ask, heard closely: one ask of two facts (原来不是20号吗 现在改到哪天 在哪上: the
 * day and the place) gets a sentence for each; 微信号几多 asks the account to add, not a figure; a place
 * is told by the road it is on (在滨海大道“蓝月亮”清吧); 那6个醉驾的 points at a report's count. And the words:
 * 年底 is 年末 and 岁末, 带驾 is 代驾.
 */
import { describe, expect, it } from "vitest";
import { rewriteWords } from "../../src/answer/equivalents.js";
import { answersKind, askedFor, asksLocalFact } from "../../src/answer/question-type.js";
import { officeAsks } from "../../src/answer/judge.js";
import { askerOf, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/nights"]);
const ask = askerOf(built);

describe("what is asked", () => {
  it("微信号几多 asks the account to add, not an amount; the account tells it", () => {
    expect(askedFor("有无微信能举报 微信号几多")).toEqual(["phone"]);
    expect(answersKind("群众可添加举报微信号dongao_ye110，或拨打值班电话。", ["phone"])).toBe(true);
  });

  it("a road names where (在滨海大道“蓝月亮”清吧); 在道路上 does not", () => {
    expect(answersKind("检查中，民警在滨海大道“蓝月亮”清吧发现未成年人3名。", ["place"])).toBe(true);
    expect(answersKind("驾驶人在道路上行驶应当系安全带。", ["place"])).toBe(false);
  });
});

describe("a report pointed at", () => {
  it("那6个醉驾的 points at a count a report told: the office's material is asked, as 上次 asks it", () => {
    expect(asksLocalFact("年底查到的那6个醉驾会坐牢不")).toBe(true);
    expect(asksLocalFact("醉驾会坐牢不")).toBe(false);
    expect(asksLocalFact("那宗案后来怎样")).toBe(true);
  });

  it("那6个醉驾的会坐牢不 beside the law asks the report how their case went on (立案侦查), not where the checkpoints were", () => {
    expect(officeAsks("年底查到的那6个醉驾会坐牢不")).toContain("后来怎么处理的");
    expect(askedFor(officeAsks("年底查到的那6个醉驾会坐牢不"))).toContain("outcome");
    expect(answersKind("6名醉驾人员已被依法立案侦查，31名酒驾人员均被暂扣驾驶证6个月并处罚款。", ["outcome"])).toBe(true);
    expect(officeAsks("醉驾会坐牢不")).toBe("醉驾会坐牢不");
  });
});

describe("everyday words", () => {
  it("年底 is 年末 and 岁末 too; 带驾 is 代驾", () => {
    expect(rewriteWords("年底查酒驾抓了几个").text).toBe("年底 年末 岁末查酒驾抓了几个");
    expect(rewriteWords("带驾小哥喝了酒").text).toBe("代驾小哥喝了酒");
  });
});

describe("the sentences that tell it", () => {
  it("改到哪天 在哪上 is told by the new day and the new place, each its own sentence", async () => {
    const { docs, text } = await ask("我报了那个防溺水培训班 原来不是20号吗 现在改到哪天 在哪上");
    expect(docs[0]).toBe("n-class-later");
    expect(text).toContain("2026年7月4日");
    expect(text).toContain("市游泳馆二楼会议室");
  });

  it("微信号几多 is told by the account", async () => {
    const { docs, text } = await ask("东澳那边想举报夜场放未成年进去 有无微信能举报 微信号几多");
    expect(docs[0]).toBe("n-bar-check");
    expect(text).toContain("dongao_ye110");
  });

  it("a follow-up 那家店在哪条路 is told by the road the bar is on", async () => {
    const { docs, text } = await ask("那家店在哪条路 叫乜名", "东澳那次夜查 有家清吧放中学生进去 咋罚的");
    expect(docs[0]).toBe("n-bar-check");
    expect(text).toContain("滨海大道");
  });
});
