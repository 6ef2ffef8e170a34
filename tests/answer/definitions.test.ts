/** "What counts as X?": the question's form, the defining sentence's form, and the lift in the law order. */
import { describe, expect, it } from "vitest";
import { asksDefinition, definedTerms, definesAsked } from "../../src/answer/definitions.js";
import { orderLawHits } from "../../src/answer/law-order.js";
import type { Hit, LawPassage } from "../../src/types.js";

function lawHit(lawShort: string, article: string, score: number, text: string): Hit {
  const passage = { kind: "law", id: `${lawShort}${article}`, lawShort, lawTitle: lawShort, article, text, headings: [] } as unknown as LawPassage;
  return { passage, score, rank: 1 } as Hit;
}
const names = (hits: Hit[]) => hits.map((h) => `${(h.passage as LawPassage).lawShort}${(h.passage as LawPassage).article}`);

describe("asksDefinition", () => {
  it("reads the forms that ask what a term covers", () => {
    for (const q of ["哪些东西算是个人信息", "什么样的刀算管制刀具", "什么叫非法集资", "跑分是啥意思", "家庭暴力包括哪些", "醉驾怎么认定"]) expect(asksDefinition(q), q).toBe(true);
  });
  it("a count or an amount asked before 算 asks the line the term is drawn at", () => {
    for (const q of ["偷几多次先算多次盗窃", "打几次才算多次殴打", "偷多少钱才算数额较大"]) expect(asksDefinition(q), q).toBe(true);
    for (const q of ["偷了几次算不算犯罪了没有人知道", "算一算罚多少钱", "几多钱"]) expect(asksDefinition(q), q).toBe(false);
  });
  it("not a question about a case or a penalty", () => {
    for (const q of ["打电话的是不是骗子", "酒驾罚多少钱", "电瓶车上牌要带啥", "被人打了怎么办"]) expect(asksDefinition(q), q).toBe(false);
  });
});

describe("definedTerms", () => {
  it("finds the term after 所称 / 所管制的, and at a sentence's start before 是指 / 是以", () => {
    expect(definedTerms("第二条 本法所称电信网络诈骗，是指以非法占有为目的……的行为。")).toEqual(["电信网络诈骗"]);
    expect(definedTerms("第二条 本规定所管制的刀具是：匕首、三棱刀……")).toEqual(["刀具"]);
    expect(definedTerms("第四条 个人信息是以电子或者其他方式记录的……信息。")).toEqual(["个人信息"]);
    expect(definedTerms("第一千零三十四条 自然人的个人信息受法律保护。\n\n个人信息是以电子或者其他方式记录的……")).toEqual(["个人信息"]);
  });
  it("an interpretation's 认定为“X” draws the line of the term in quotes", () => {
    expect(definedTerms("第三条 二年内盗窃三次以上的，应当认定为“多次盗窃”。")).toEqual(["多次盗窃"]);
    expect(definesAsked("偷几多次先算多次盗窃", "第三条 二年内盗窃三次以上的，应当认定为“多次盗窃”。")).toBe(true);
    expect(definedTerms("第一条 盗窃公私财物价值一千元至三千元以上的，应当认定为刑法第二百六十四条规定的数额较大。")).toEqual([]);
  });
  it("a 是指 after a clause mark, or after 前款/以上, defines no term of its own", () => {
    expect(definedTerms("第十条 有下列情形之一的，是指情节严重：")).toEqual([]);
    expect(definedTerms("第五条 前款所称以上，是指包括本数。")).toEqual([]);
    expect(definedTerms("第二百三十四条 故意伤害他人身体的，处三年以下有期徒刑。")).toEqual([]);
  });
  it("definesAsked: the defined term, or its first and last two letters, are in the question", () => {
    expect(definesAsked("什么样的刀算管制刀具", "本规定所管制的刀具是：匕首")).toBe(true);
    expect(definesAsked("哪些东西算是个人信息", "个人信息是以电子或者其他方式记录的")).toBe(true);
    expect(definesAsked("哪些东西算是个人信息", "本法所称电信网络诈骗，是指")).toBe(false);
  });
});

describe("the definition lift in the law order", () => {
  const hits = [
    lawHit("刑法", "第二百五十三条之一", 1.69, "违反国家有关规定，向他人出售或者提供公民个人信息，情节严重的……"),
    lawHit("民法典", "第一千零三十五条", 1.62, "处理个人信息的，应当遵循合法、正当、必要原则……"),
    lawHit("个人信息保护法", "第四条", 1.42, "第四条 个人信息是以电子或者其他方式记录的……各种信息。"),
  ];
  it("lifts the defining passage for a question that asks what a term covers", () => {
    expect(names(orderLawHits(hits, null, {}, "哪些东西算是个人信息"))[0]).toBe("个人信息保护法第四条");
  });
  it("no lift without the question, or with a zero lift", () => {
    expect(names(orderLawHits(hits, null))).toEqual(names(hits));
    expect(names(orderLawHits(hits, null, { definition: 0 }, "哪些东西算是个人信息"))).toEqual(names(hits));
  });
});
