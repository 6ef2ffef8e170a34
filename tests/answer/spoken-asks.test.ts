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

describe("the sentence that answers", () => {
  it("documents asked after a crash: the article listing what to bring, not one naming 驾驶证 beside a rule", async () => {
    const { docs, quoted } = await ask("撞车了除了驾照还要带啥");
    expect(docs[0]).toBe("t-fender-bender");
    expect(quoted).toContain("行驶证");
  });

  it("the photos to take", async () => {
    const { quoted } = await ask("刮车冇人伤 要影咩相");
    expect(quoted).toContain("拍摄3张照片");
  });

  it("the road closed, not the detour", async () => {
    const { quoted } = await ask("和乐龙舟赛封边条路");
    expect(quoted).toContain("滨港路");
  });

  it("where to park and whether it costs: the sentence telling both", async () => {
    const { docs, quoted } = await ask("去政务中心学满分，揸车去泊边度，使唔使钱");
    expect(docs[0]).toBe("t-study-moved");
    expect(quoted).toContain("地下停车场");
  });

  it("where and until when to claim: the notice's place and period, not a report's hours and streets told by the way", async () => {
    const { quoted } = await ask("新市村冇咗架电瓶车 去边领 ddl几时");
    expect(quoted).toContain("东海路19号");
    expect(quoted).toContain("10月31日");
  });

  it("whether a caller's story is true: the office's warning, not the story told back", async () => {
    const { docs, quoted } = await ask("有人打电话讲我快递丢了要赔我三倍钱 是真的不");
    expect(docs[0]).toBe("t-parcel-refund-warning");
    expect(quoted).toContain("官方客服");
  });

  it("an amount stated: the tier that holds it", async () => {
    const { quoted } = await ask("山上有人种咗罂粟，成五六百株咁多，举报可以攞几多奖金");
    expect(quoted).toContain("1500元");
  });

  it("still the old window? The new address, not the sentence retiring the old one", async () => {
    const { docs, quoted } = await ask("我驾驶证下个月到期，以前系去红专西路交警队一楼换，现在还是去那里吗");
    expect(docs[0]).toBe("t-licence-window-moved");
    expect(quoted).toContain("文明北路168号");
  });

  it("a number asked again: the sentence giving the new one beside the retired one is quoted", async () => {
    expect((await ask("村里有人种罂粟想举报，打咩电话？我记得系62219110，仲啱唔啱")).quoted).toContain("0898-62219000");
  });

  it("found or not, and where; who found him", async () => {
    expect((await ask("长丰那个走失的阿公，最后揾到冇？喺边度揾到？")).quoted).toContain("礼纪镇一处槟榔园");
    expect((await ask("边个揾到嘅", "长丰走失那个阿公揾到未")).quoted).toContain("黄某某");
  });

  it("a count asked in kinds: the figure in 种", async () => {
    expect((await ask("和乐中学禁毒课 警察畀学生睇咗几多种假毒品")).quoted).toContain("16种");
  });

  it("the old way asked after: what ended it", async () => {
    const { quoted } = await ask("村警务助理代问 兴隆那边有个阿婆家里住了外国亲戚 以前是我们警务助理帮她填表送去派出所 现在还可以这样吗");
    expect(quoted).toContain("不再代为登记");
  });

  it("papers asked: the numbered list after its lead-in, not the lead-in alone", async () => {
    const { docs, quoted } = await ask("我阿爸在长丰墟那个养老体验店交了三万块，后来店关了。派出所说要去登记，要带哪些东西去？");
    expect(docs[0]).toBe("t-fundraising-case");
    expect(quoted).toContain("交款收据");
    expect(quoted).toContain("转账记录");
  });

  it("what was picked up: the numbered items", async () => {
    const { quoted } = await ask("有个游客话国庆喺兴隆唔见咗嘢，派出所执到啲咩，有冇电脑、细路仔嘅单车嗰啲");
    expect(quoted).toContain("平板电脑");
    expect(quoted).toContain("儿童自行车");
  });

  it("which room to claim in, after a correction moved it", async () => {
    const { docs, quoted } = await ask("兴隆国庆执到嘅手机 去派出所边个房认领 最迟几时要去");
    expect(docs[0]).toBe("t-lost-property-fix");
    expect(quoted).toContain("三楼档案室");
    expect(quoted).toContain("11月15日");
  });

  it("where it moved to", async () => {
    const { quoted } = await ask("满分学习而家仲系去返车管大厅定系搬咗去边度");
    expect(quoted).toContain("政务服务中心");
  });

  it("another number, after a scam question: the article of the turn before", async () => {
    const { docs, quoted } = await ask("110打唔通 仲有咩号码", "长丰刷单俾人呃咗钱点算");
    expect(docs[0]).toBe("t-task-scam-case");
    expect(quoted).toContain("0898-62260001");
    // Alone, it is the holiday duty notice's.
    expect((await ask("110打唔通 仲有咩号码")).quoted).toContain("0898-62210000");
  });
});
