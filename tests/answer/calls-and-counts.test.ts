/**
 * Questions of local-fresh178's to 184's kinds (快递理赔, 花钱安排工作, 二手车押车, 预付卡跑路).
 * A number to call asked of a matter: that matter's notice gives it, not another matter's 举报电话, nor a talk's
 * 报名 line; none holds it, the message is refused (no statute holds a number to call). An old value asked whether it
 * still holds: the sentence changing it. A thing found back: where it was found. A follow-up opening on 佢: what the
 * case's money went on. Who may come to a talk. A price asked per unit (一张卡卖几多蚊). A law's list item quoted with its lead-in (the fine). And words: 半 typed for 办, 做咩 asking what for, 骗 with its charge
 * asked as 诈骗, 代为 for an errand done for another.
 * The fixture articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import { bestWindow } from "../../src/answer/excerpts.js";
import { looksLikeFollowUp } from "../../src/answer/follow-up.js";
import type { TermMatcher } from "../../src/answer/term-weights.js";
import type { Passage } from "../../src/types.js";
import { lawJoins, type Judgement } from "../../src/answer/judge.js";
import { askedFor, callForOther, callPurposes, countedThing, pricedPer, unitPriced } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("words as people type them", () => {
  it("半 typed for 办 where something is got done, never 半 of a time or a span", () => {
    expect(readAsked("验车礼拜六有冇得半")).toContain("有没有得办");
    expect(readAsked("窗口半咩")).toContain("窗口办");
    expect(readAsked("考急半身份证")).toContain("办身份证");
    expect(readAsked("5点半就收")).toContain("5点半");
    expect(readAsked("神州半岛有冇")).toContain("神州半岛");
    expect(readAsked("半夜有人偷")).toContain("半夜");
    expect(readAsked("过去半年")).toContain("半年");
  });

  it("做咩 at the end asks what for; what a case's money went on is its reason", () => {
    expect(readAsked("佢啲钱用去做咩")).toContain("做什么");
    expect(askedFor(readAsked("佢啲钱用去做咩"))).toContain("reason");
    expect(askedFor(readAsked("犯法咩"))).not.toContain("reason");
  });

  it("佢 opens a follow-up as 他 does; so does a short ask of a fact naming nothing (骗咗几个人 几多钱)", () => {
    expect(looksLikeFollowUp("佢啲钱用去做咩")).toBe(true);
    expect(looksLikeFollowUp("骗咗几个人 几多钱")).toBe(true);
    expect(looksLikeFollowUp("电瓶车上牌要带啥")).toBe(false);
    expect(looksLikeFollowUp("好的知道了")).toBe(false);
  });

  it("几多场讲座 counts 场; 边啲人可以去听 asks who may come", () => {
    expect(countedThing(readAsked("今年公安搞咗几多场防骗讲座"))).toBe("场");
    expect(askedFor(readAsked("边啲人可以去听"))).toContain("person");
  });

  it("骗 with its charge asked reads as 诈骗, 吓人攞钱 as 敲诈勒索; an errand done for another as 代为; 骗 alone is not 诈骗公私财物", () => {
    const lexicon = Lexicon.default();
    const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);
    expect(expansions("健身房老板骗咗成班会员 佢系咩罪名 会坐几耐监")).toContain("诈骗");
    expect(expansions("咁样吓人攞钱 治安上拘几多日")).toContain("敲诈勒索");
    expect(expansions("我老豆唔得闲 叫人帮佢去半 要多带咩")).toContain("委托书");
    expect(expansions("骗子打电话嚟")).not.toContain("公私财物");
  });

  it("一张卡卖几多蚊 asks a price per 张, which 每张200元 tells and 每张卡几百元 does not", () => {
    expect(unitPriced(readAsked("卖电话卡畀骗子嗰个后生仔 一张卡卖几多蚊"))).toBe("张");
    expect(unitPriced(readAsked("几多钱一只"))).toBe("只");
    expect(unitPriced(readAsked("一共卖咗几多钱"))).toBeNull();
    expect(pricedPer("以电话卡每张200元、微信账号每个200元的价格卖给对方", "张")).toBe(true);
    expect(pricedPer("以每张卡几百元的价格收购", "张")).toBe(false);
  });

  it("a reporting line is not a 报名 line; a 咨询电话 serves any call", () => {
    expect(callPurposes("举报假证打咩电话")).toEqual([0]);
    expect(callForOther("三、报名：请拨打北岭派出所电话0898-63325118报名。", callPurposes("举报假证打咩电话"))).toBe(true);
    expect(callForOther("二、咨询电话：0898-63310001。", callPurposes("举报假证打咩电话"))).toBe(false);
  });
});

describe("a law's list item and its lead-in", () => {
  // 道路交通安全法第九十九条's opening: the fine in the lead-in, the acts in the items.
  const text =
    "第九十九条 有下列行为之一的，由公安机关交通管理部门处二百元以上二千元以下罚款：\n\n（一）未取得机动车驾驶证、机动车驾驶证被吊销或者机动车驾驶证被暂扣期间驾驶机动车的；\n\n（二）将机动车交由未取得机动车驾驶证或者机动车驾驶证被吊销、暂扣的人驾驶的；\n\n（三）造成交通事故后逃逸，尚不构成犯罪的；";
  const passage = { kind: "law", id: "law:x", lawShort: "道路交通安全法", article: "第九十九条", text, start: 0, end: text.length } as unknown as Passage;
  const word = (weight: number, expansion = false) => ({ weight, expansion });
  const terms: TermMatcher = { weights: new Map([["驾驶证", word(5)], ["摩托", word(6)], ["未取得", word(4, true)]]) };

  it("an item quoted brings its lead-in, with the fine", () => {
    const span = bestWindow(passage, terms, 120);
    const quoted = text.slice(span!.start, span!.end);
    expect(quoted).toContain("二百元以上二千元以下罚款");
    expect(quoted).toContain("（一）未取得机动车驾驶证");
  });

  it("a lead-in that does not fit with the item leaves the item as chosen", () => {
    const span = bestWindow(passage, terms, 60);
    expect(text.slice(span!.start, span!.end)).not.toContain("罚款");
  });
});

describe("a number to call, asked of a matter", () => {
  const built = fixtureIndex(["tests/fixtures/answer/scams-and-papers", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("the matter's own notice gives its reporting line, not a talk's 报名 line", async () => {
    const { docs, text } = await ask("举报假证打咩电话");
    expect(docs[0]).toBe("f-papers-tip-2025");
    expect(text).toContain("63316610");
    expect(text).not.toContain("63325118");
  });

  it("a talk's 报名 line still answers 报名", async () => {
    const { docs, text } = await ask("识破假证讲座报名打咩电话");
    expect(docs[0]).toBe("f-papers-talk-2026");
    expect(text).toContain("63325118");
  });

  it("a matter no article holds: refused, not another matter's 举报电话", async () => {
    const { docs } = await ask("举报传销嘅电话系几多");
    expect(docs).toEqual([]);
  });
});

describe("the law beside a number to call", () => {
  // A confident law verdict, as the library gives 举报假证嘅电话系几多 (电话's words read as 个人信息).
  const law = { ok: true, probability: 0.9, grounded: true, voted: false, hits: [], docs: [], features: [] } as unknown as Judgement;

  it("the law does not answer a number to call, with the office's article or without", () => {
    expect(lawJoins(law, false, "举报假证嘅电话系几多", "举报假证嘅电话系几多")).toBe(false);
    expect(lawJoins(law, true, "兴隆派出所报警电话几多号", "兴隆派出所报警电话几多号")).toBe(false);
  });

  it("the law still answers a rule, alone or beside a number asked", () => {
    expect(lawJoins(law, false, "做假证会唔会判刑", "做假证会唔会判刑")).toBe(true);
    expect(lawJoins(law, false, "做假证会唔会判刑 举报电话系几多", "做假证会唔会判刑 举报电话系几多")).toBe(true);
  });
});

describe("changes, cases and talks", () => {
  const built = fixtureIndex(["tests/fixtures/answer/calls-and-counts", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("an old reward asked whether it still holds: the sentence raising it, not a warning full of the matter's words", async () => {
    const { docs, text } = await ask("举报租车抵押骗局最多奖3000蚊 而家仲系咁多吗");
    expect(docs[0]).toBe("f-pledge-tip-2025");
    expect(text.split(" ")[0]).toContain("6000元");
  });

  it("where a thing taken was found back: the sentence of finding it, not where it was taken", async () => {
    const { text } = await ask("南湾镇架货车畀人拖走 后来喺边度搵返");
    expect(text).toContain("椰林路");
  });

  it("how a man of a case was dealt with: his detention, not the truck found", async () => {
    const { text } = await ask("南湾镇冒充车贷公司嗰个男人 后来点处理了");
    expect(text.split(" ")[0]).toContain("刑事拘留");
  });

  it("a follow-up opening on 佢: what the case's money went on", async () => {
    const { docs, text } = await ask("佢啲钱用去做咩", "南湾拖车嗰单");
    expect(docs[0]).toBe("f-pledge-case-2025");
    expect(text).toContain("偿还网络赌债");
  });

  it("who may come to a talk: its 参加对象", async () => {
    const { text } = await ask("南湾防租车抵押骗局讲座 边啲人可以去听");
    expect(text).toContain("驾校学员");
  });

  it("the reporting line of a notice that names it only 咨询电话, not a talk's 报名 line", async () => {
    const { docs, text } = await ask("举报租车抵押骗局打咩电话");
    expect(docs[0]).toBe("f-pledge-tip-2025");
    expect(text).toContain("63319999");
  });
});
