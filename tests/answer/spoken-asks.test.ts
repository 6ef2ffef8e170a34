/**
 * What villagers ask in their own words, read as the thing it asks for: 撞车 is a 交通事故, 影咩相 asks
 * the photos to take, 封边条路 the road closed, 泊边度 where to park, 边个房 which room, 搬咗去边度 where
 * it moved; 打电话举报 tells a call, it asks no number; 110打唔通 仲有咩号码 leans on the turn before.
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { looksLikeFollowUp } from "../../src/answer/follow-up.js";
import { askedFor } from "../../src/answer/question-type.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/spoken-asks"]);

/** The reply's cited articles and all it quotes. */
async function ask(question: string, previous?: string): Promise<{ docs: string[]; quoted: string }> {
  const context = previous ? [{ question: previous, at: Date.now() - 60_000 }] : undefined;
  const reply = await engineAt(built(), "2026-06-10").ask({ question, context });
  return { docs: citedDocs(reply), quoted: reply.citations.map((c) => c.excerpt).join(" ") };
}

describe("reading the ask", () => {
  it("a call told is no number asked", () => {
    expect(askedFor(readAsked("如果我发现山上有人种咗罂粟，打电话举报可以攞几多奖金"))).not.toContain("phone");
    expect(askedFor(readAsked("有个游客打电话返嚟讲唔见咗手机，派出所执到啲咩"))).not.toContain("phone");
    expect(askedFor(readAsked("举报电话几多"))).toContain("phone");
    expect(askedFor(readAsked("打电话去边度报"))).toContain("phone");
    expect(askedFor(readAsked("有人打电话讲我快递丢了要赔我三倍钱 是真的不"))).toContain("advice");
  });

  it("the road closed is a place, the way round it a route", () => {
    expect(askedFor(readAsked("龙舟赛封边条路"))).toContain("place");
    expect(askedFor(readAsked("龙舟赛封边条路"))).not.toContain("route");
    expect(askedFor(readAsked("封路之后车点绕"))).toContain("route");
  });

  it("Cantonese words are the material's", () => {
    expect(rewriteWords("撞车了").text).toContain("交通事故");
    expect(rewriteWords("揸车去泊边度").text).toContain("停在哪里");
    expect(rewriteWords("而家仲系去返嗰度定系搬咗去边度").text).toContain("搬到");
  });

  it("whether it is still done where it was asks the place; who found him asks a person", () => {
    expect(askedFor(readAsked("以前系去红专西路换，现在还是去那里吗"))).toContain("place");
    expect(askedFor(readAsked("派出所搬咗未"))).toContain("place");
    expect(askedFor(readAsked("边个揾到嘅"))).toContain("person");
    // Who is liable asks the law, not a person of a report.
    expect(askedFor(readAsked("撞了人谁赔"))).not.toContain("person");
  });

  it("another number asked after one that does not get through is a follow-up", () => {
    expect(looksLikeFollowUp("110打唔通 仲有咩号码")).toBe(true);
    expect(looksLikeFollowUp("110是报警电话吗")).toBe(false);
  });
});

/** A question (after `previous`, when given), the article it must cite first (when one is named) and what its quotes must hold. */
interface Case {
  what: string;
  question: string;
  previous?: string;
  first?: string;
  quotes: string[];
}

const CASES: Case[] = [
  { what: "documents asked after a crash: the article listing what to bring, not one naming 驾驶证 beside a rule", question: "撞车了除了驾照还要带啥", first: "t-fender-bender", quotes: ["行驶证"] },
  { what: "the photos to take", question: "刮车冇人伤 要影咩相", quotes: ["拍摄3张照片"] },
  { what: "the road closed, not the detour", question: "和乐龙舟赛封边条路", quotes: ["滨港路"] },
  { what: "where to park and whether it costs: the sentence telling both", question: "去政务中心学满分，揸车去泊边度，使唔使钱", first: "t-study-moved", quotes: ["地下停车场"] },
  { what: "where and until when to claim: the notice's place and period, not a report's hours and streets told by the way", question: "新市村冇咗架电瓶车 去边领 ddl几时", quotes: ["东海路19号", "10月31日"] },
  { what: "whether a caller's story is true: the office's warning, not the story told back", question: "有人打电话讲我快递丢了要赔我三倍钱 是真的不", first: "t-parcel-refund-warning", quotes: ["官方客服"] },
  { what: "an amount stated: the tier that holds it", question: "山上有人种咗罂粟，成五六百株咁多，举报可以攞几多奖金", quotes: ["1500元"] },
  { what: "still the old window? The new address, not the sentence retiring the old one", question: "我驾驶证下个月到期，以前系去红专西路交警队一楼换，现在还是去那里吗", first: "t-licence-window-moved", quotes: ["文明北路168号"] },
  { what: "a number asked again: the sentence giving the new one beside the retired one is quoted", question: "村里有人种罂粟想举报，打咩电话？我记得系62219110，仲啱唔啱", quotes: ["0898-62219000"] },
  { what: "found or not, and where", question: "长丰那个走失的阿公，最后揾到冇？喺边度揾到？", quotes: ["礼纪镇一处槟榔园"] },
  { what: "who found him", question: "边个揾到嘅", previous: "长丰走失那个阿公揾到未", quotes: ["黄某某"] },
  { what: "a count asked in kinds: the figure in 种", question: "和乐中学禁毒课 警察畀学生睇咗几多种假毒品", quotes: ["16种"] },
  { what: "the old way asked after: what ended it", question: "村警务助理代问 兴隆那边有个阿婆家里住了外国亲戚 以前是我们警务助理帮她填表送去派出所 现在还可以这样吗", quotes: ["不再代为登记"] },
  { what: "papers asked: the numbered list after its lead-in, not the lead-in alone", question: "我阿爸在长丰墟那个养老体验店交了三万块，后来店关了。派出所说要去登记，要带哪些东西去？", first: "t-fundraising-case", quotes: ["交款收据", "转账记录"] },
  { what: "what was picked up: the numbered items", question: "有个游客话国庆喺兴隆唔见咗嘢，派出所执到啲咩，有冇电脑、细路仔嘅单车嗰啲", quotes: ["平板电脑", "儿童自行车"] },
  { what: "which room to claim in, after a correction moved it", question: "兴隆国庆执到嘅手机 去派出所边个房认领 最迟几时要去", first: "t-lost-property-fix", quotes: ["三楼档案室", "11月15日"] },
  { what: "where it moved to", question: "满分学习而家仲系去返车管大厅定系搬咗去边度", quotes: ["政务服务中心"] },
  { what: "another number, after a scam question: the article of the turn before", question: "110打唔通 仲有咩号码", previous: "长丰刷单俾人呃咗钱点算", first: "t-task-scam-case", quotes: ["0898-62260001"] },
  { what: "the same message alone: the holiday duty notice's number", question: "110打唔通 仲有咩号码", quotes: ["0898-62210000"] },
];

describe("the sentence that answers", () => {
  it.each(CASES.map((c) => [c.what, c] as const))("%s", async (_what, c) => {
    const { docs, quoted } = await ask(c.question, c.previous);
    if (c.first) expect(docs[0]).toBe(c.first);
    for (const q of c.quotes) expect(quoted).toContain(q);
  });
});
