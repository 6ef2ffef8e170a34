/**
 * What is asked, heard more closely, and the sentence that tells it: 最多延几年 asks a span, 改成哪几天
 * dates (and a 延期 notice's change to a date beats its change of a radius beside a date), 拿啥 what to
 * bring, 在哪个号上办 which account; 最后咋处理了 is told in the sentence after the case (立案侦查, 训诫);
 * 值几个钱 by 成本, 冻住了多少 by 冻结 (which also tells the article), 口诀是啥 by the sentence naming the
 * 口诀, 能不能治病 by 不能, 报案要带啥 by 保存好……凭证, 几点可以去 by 午休时间; 这样可以吗 asks a rule,
 * 上交 is 上缴, and 黑老大, 村霸 are searched in the law's words. A town named without 镇 in an article's
 * region (万宁市兴隆华侨农场) is a town a question can name.
 */
import { describe, expect, it } from "vitest";
import { rewriteWords } from "../../src/answer/equivalents.js";
import { answersKind, askedFor, countedThing, measuredThing, thingAsked } from "../../src/answer/question-type.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { askerOf, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/told"]);

const ask = askerOf(built);

describe("what is asked", () => {
  it("几年 asks a span; 近几年, 十几年 and 几年级 do not", () => {
    expect(askedFor("跑车出远门回不来 驾照能延一下不 最多延几年")).toContain("duration");
    expect(askedFor("近几年查得严不严")).not.toContain("duration");
    expect(askedFor("坐了十几年牢")).not.toContain("duration");
    expect(askedFor("读几年级")).not.toContain("duration");
  });

  it("改成哪几天 asks the dates, not how many days", () => {
    expect(askedFor("现在到底改成哪几天")).toEqual(["date"]);
    expect(askedFor("办好要等几天")).toEqual(["duration"]);
  });

  it("拿啥 alone asks what to bring; 能拿到什么 what is given", () => {
    expect(askedFor("派出所不开的话拿啥")).toContain("documents");
    expect(askedFor("去了能拿到什么")).toContain("gift");
    expect(askedFor("去了能拿到什么")).not.toContain("documents");
    // Whether one can get it (他能领不) asks what is given too, beside what to bring.
    expect(askedFor("听说派出所送头盔 他能领不 要拿啥去")).toEqual(expect.arrayContaining(["documents", "gift"]));
  });

  it("在哪个号上办 asks which account, not where", () => {
    expect(askedFor("手机上能办没有 在哪个号上办")).toEqual(["app"]);
    expect(askedFor("派出所在哪个地方")).toContain("place");
  });

  it("the thing measured before its result (冻住了多少 → 冻); a rough figure told (好几万) counts nothing", () => {
    expect(measuredThing("被骗的钱冻住了多少")).toBe("冻");
    expect(countedThing("花了好几万买护膝 那护膝其实值几个钱")).toBeNull();
    expect(measuredThing("花了好几万买护膝 那护膝其实值几个钱")).toBe("值");
    expect(countedThing("奖几多")).toBeNull();
    expect(countedThing("查了几间网吧")).toBe("网吧");
  });

  it("这样可以吗 asks whether what one means to do is allowed; 上交 is 上缴, and 切勿自行运送, 不能治病 tell a rule", () => {
    expect(askedFor("她想自己拿袋子装着送去派出所上交 这样可以吗")).toContain("rule");
    expect(rewriteWords("送去派出所上交").text).toBe("送去派出所上缴");
    expect(answersKind("请拨打电话由民警上门收取，切勿自行运送。", ["rule"])).toBe(true);
    expect(answersKind("二、保健品不是药品，不能治病；", ["rule"])).toBe(true);
  });

  it("a minor's case ends in 训诫; a cheated buyer keeps 小票 and 凭证; a school's room opens at 午休时间", () => {
    expect(answersKind("派出所查明情况后，对3人予以训诫，责令其家长严加管教。", ["outcome"])).toBe(true);
    expect(answersKind("请保存好购物小票、聊天记录和转账凭证，立即报案。", ["documents"])).toBe(true);
    expect(answersKind("学校心理辅导室每天午休时间开放。", ["time"])).toBe(true);
  });

  it("黑老大 and 村霸 are searched in the law's words", () => {
    const lexicon = Lexicon.default();
    expect(lexicon.match("举报黑老大有奖吗").flatMap((m) => m.expansions)).toContain("黑社会性质组织");
    expect(lexicon.match("村里有个村霸").flatMap((m) => m.expansions)).toContain("恶势力");
  });

  it("口诀是啥 names the thing asked", () => {
    expect(thingAsked("派出所讲的防欺凌口诀是啥来着")).toBe("口诀");
    expect(thingAsked("这个是什么")).toBeNull();
  });
});

describe("the sentence that tells it", () => {
  it("a 延期 notice answers the new dates with its change to a date, not its change of a radius on a day", async () => {
    const reply = await ask("太阳河龙舟赛不是说推迟了吗 现在到底改成哪几天", undefined, "2026-05-28");
    expect(reply.docs[0]).toBe("t-regatta-delay");
    expect(reply.text).toContain("6月15日至6月17日");
  });

  it("a town named without 镇 in an article's region (万宁市兴隆华侨农场) is a town the question can name", async () => {
    const reply = await ask("兴隆那边过年几点可以放烟花", undefined, "2026-02-01");
    expect(reply.docs[0]).toBe("t-fireworks-xinglong");
    expect(reply.text).toContain("除夕20时至24时");
  });

  it("最后咋处理了: the outcome told in the sentence after the case", async () => {
    const reply = await ask("南桥那个骑摩托见了检查点就跑的 最后咋处理了");
    expect(reply.text).toContain("危险驾驶罪被立案侦查");
  });

  it("能不能治病 is answered by the tip that says it cannot", async () => {
    const reply = await ask("楼下店里卖护膝水杯的说能治老寒腿 我外婆信了 保健品到底能不能治病");
    expect(reply.text).toContain("不能治病");
  });

  it("值几个钱 is answered by what it cost to make", async () => {
    const reply = await ask("北大那个阿婆花了好几万买护膝 那护膝其实值几个钱");
    expect(reply.text).toContain("成本不足80元");
  });

  it("冻住了多少 takes the article that tells a sum frozen, over a newer one on the matter", async () => {
    const reply = await ask("骗老人买保健品 免费理疗那些案子 被骗的钱冻住了多少");
    expect(reply.docs[0]).toBe("t-elder-warning");
    expect(reply.text).toContain("31万余元");
  });

  it("口诀是啥 is answered by the sentence naming the 口诀, not the one naming who spoke", async () => {
    const reply = await ask("三更罗派出所那个女教导员讲的防欺凌口诀是啥来着");
    expect(reply.text).toContain("不怕、不忍、快说");
  });

  it("报案要带啥 after a story of being cheated: what to keep and bring", async () => {
    const reply = await ask("那去报案要带些啥东西", "我奶奶买了一堆保健品好像被骗了 咋整");
    expect(reply.text).toContain("转账凭证");
  });

  it("几点可以去 is answered by 午休时间", async () => {
    const reply = await ask("学校里面能找谁说 几点可以去", "三更罗派出所去学校讲欺凌那次说了些啥");
    expect(reply.text).toContain("午休时间");
  });
});
