/**
 * Questions of local-fresh194's to 200's kinds (扒窃, 买分卖分, 保健品会销, 网约车).
 * A count asked of "this year" that only last year's round-up tells (今年追返几多部手机, 今年帮老人攞返几多钱); a
 * quota heard asked whether it still holds (仲系得80个位咩); who gives a talk (由……民警讲解); how a case's people
 * were dealt with (已被依法刑事拘留, not only 抓获); 要带咩嘢去 after a question has no topic of its own. An article titled 这些法律后果 is on no matter a
 * question names by asking 法律讲; a law's window starts at an item and brings its lead-in; points asked lift the
 * articles setting them. And the words: 买分卖分, 赔3倍, 强行摸, 私家车拉客, 团伙带头, 扣几分, 几多岁先去得.
 * The fixture articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { applyEquivalents, readAsked } from "../../src/answer/equivalents.js";
import { bestWindow } from "../../src/answer/excerpts.js";
import { orderLawHits } from "../../src/answer/law-order.js";
import { askedFor, asksRule, lawPart, measuredThing } from "../../src/answer/question-type.js";
import type { TermMatcher } from "../../src/answer/term-weights.js";
import { Lexicon } from "../../src/retrieval/lexicon.js";
import type { Hit, Passage } from "../../src/types.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("words as people type them", () => {
  const lexicon = Lexicon.default();
  const expansions = (q: string) => lexicon.match(applyEquivalents(q)).flatMap((m) => m.expansions);

  it("licence points bought, sold and taken for others are the scoring rules' 代为接受……记分", () => {
    expect(expansions("组织人买分卖分 法律讲最多罚几多")).toEqual(expect.arrayContaining(["记分", "组织他人实施"]));
    expect(expansions("借证畀人顶分 自己会唔会扣分")).toContain("记分");
    expect(expansions("买分卖分系咩意思")).not.toContain("组织他人实施");
  });

  it("a refund three times over, a woman touched by force, a private car carrying passengers, a gang's leader", () => {
    expect(expansions("我老豆买咗 可唔可以要佢赔3倍")).toContain("增加赔偿");
    expect(expansions("司机强行摸女乘客判几多年")).toContain("强制猥亵");
    expect(expansions("顺风车司机摸女乘客")).toContain("猥亵他人");
    expect(expansions("冇牌私家车拉客犯咩法")).toContain("未取得道路运输经营许可");
    expect(expansions("站街拉客")).not.toContain("未取得道路运输经营许可");
    expect(expansions("团伙带头嗰个点判")).toContain("首要分子");
  });

  it("points and a refund demanded ask the law; from what age one may go asks an age", () => {
    expect(asksRule(readAsked("现场学习考过咗可以扣几分"))).toBe(true);
    expect(asksRule(readAsked("可唔可以要佢赔3倍"))).toBe(true);
    expect(asksRule(readAsked("讲座可唔可以带小朋友"))).toBe(false);
    expect(askedFor(readAsked("礼纪嗰个讲座几多岁先去得"))).toContain("age");
  });

  it("money got back is a case's recovered money; a quota heard asks what it is now", () => {
    expect(measuredThing(readAsked("帮老人攞返几多钱"))).toBe("追");
    expect(askedFor(readAsked("防扒讲座仲系得80个位咩"))).toContain("amount");
  });

  it("an offence named by its act is an ask of the law's own (猥亵人按法律拘几耐)", () => {
    expect(lawPart(readAsked("东湖顺风车司机摸女乘客 佢畀人拘咗几日 猥亵人按法律拘几耐"))).toBe(readAsked("猥亵人按法律拘几耐"));
  });
});

describe("the law's passages", () => {
  const word = (weight: number, expansion = false) => ({ weight, expansion });
  const law = (id: string, article: string, text: string, score: number): Hit =>
    ({ passage: { kind: "law", id, lawShort: "X法", article, version: "1", text, start: 0, end: text.length } as unknown as Passage, score, rank: 0 }) as Hit;

  it("points asked lift the article that sets them above one on the licence", () => {
    const licence = law("a", "第十九条", "第十九条 驾驶机动车，应当依法取得机动车驾驶证。", 10);
    const points = law("b", "第八条", "第八条 机动车驾驶人有下列交通违法行为之一，一次记12分：", 9);
    expect(orderLawHits([licence, points], null, {}, readAsked("借证畀人顶分 自己会唔会扣分 扣几多")).map((h) => h.passage.id)).toEqual(["b", "a"]);
    expect(orderLawHits([licence, points], null, {}, readAsked("借证畀人开车犯法吗")).map((h) => h.passage.id)).toEqual(["a", "b"]);
  });

  // 道路运输条例第六十三条's shape: a lead-in of two clauses, items of two clauses each.
  const text =
    "第六十三条 违反本条例的规定，有下列情形之一的，由主管部门责令停止经营，并处罚款；构成犯罪的，依法追究刑事责任：\n\n（一）未取得经营许可，擅自从事货运经营，违法所得超过1万元的，处违法所得1倍以上5倍以下的罚款；没有违法所得的，处3000元以上1万元以下的罚款；\n\n（二）未取得经营许可，擅自从事客运经营，违法所得超过2万元的，处违法所得2倍以上10倍以下的罚款；没有违法所得的，处1万元以上10万元以下的罚款。";
  const passage = { kind: "law", id: "law:y", lawShort: "Y条例", article: "第六十三条", text, start: 0, end: text.length } as unknown as Passage;
  const terms: TermMatcher = { weights: new Map([["客运", word(6)], ["经营许可", word(5, true)], ["擅自从事", word(5, true)], ["罚款", word(1)], ["违法所得", word(2)]]) };

  it("a window never starts inside an item, and brings the lead-in (责令停止经营) when it fits", () => {
    const span = bestWindow(passage, terms, 120)!;
    const quoted = text.slice(span.start, span.end);
    expect(quoted.startsWith("没有违法所得")).toBe(false);
    const roomy = bestWindow(passage, terms, 400)!;
    expect(text.slice(roomy.start, roomy.end)).toContain("责令停止经营");
  });
});

describe("round-ups, talks, cases and notices", () => {
  const built = fixtureIndex(["tests/fixtures/answer/points-and-rides"]);
  const ask = askerOf(built, "2026-12-01");

  it("this year's count of phones recovered, when only last year's round-up counts them: the round-up", async () => {
    const { docs, text } = await ask("今年反扒行动追返几多部手机 帮大家挽回几多钱");
    expect(docs[0]).toBe("f-pick-roundup-2025");
    expect(text).toContain("64部");
  });

  it("a quota heard, asked whether it still holds, beside a phone: the new quota and the new phone", async () => {
    const { text } = await ask("西岭防扒讲座仲系得80个位咩 报名打63371235啱唔啱");
    expect(text).toContain("120名");
    expect(text).toContain("63371870");
  });

  it("who gives a talk: the sentence naming who explains", async () => {
    const { text } = await ask("西岭派出所搞嘅防扒讲座 系边个嚟讲");
    expect(text).toContain("刑侦大队民警讲解");
  });

  it("how a gang's people were dealt with in the end: their detention, not only their arrest", async () => {
    const { docs, text } = await ask("东湖嗰几个喺水果摊挤人偷手机嘅 最后点处理");
    expect(docs[0]).toBe("f-pick-case-2024");
    expect(text).toContain("刑事拘留");
  });

  // A control: it passes before this change too (local-fresh196's miss of the kind needed 东西 read as an errand, not a topic).
  it("要带咩嘢去 after asking where to report: the report notice's documents", async () => {
    const { docs, text } = await ask("要带咩嘢去", "东港交警 举报买分卖分 去边度办");
    expect(docs[0]).toBe("f-points-report-2023");
    expect(text).toContain("居民身份证");
  });

  it("talks counted this year: the round-up's 宣讲 figure, not a school report that 讲了 a lesson", async () => {
    const { docs, text } = await ask("派出所落村讲防扒 今年讲咗几多场");
    expect(docs[0]).toBe("f-pick-roundup-2025");
    expect(text).toContain("52场");
  });

  it("法律讲 names no topic: a drink-driving article titled 这些法律后果 is not quoted for a stairwell's parking", async () => {
    const { docs } = await ask("楼道停车唔肯搬 法律讲最多罚几多");
    expect(docs).not.toContain("f-drink-drive-2024");
  });
});
