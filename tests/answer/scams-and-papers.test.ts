/**
 * Questions of local-fresh170's to 176's kinds (裸聊敲诈, 钓鱼短信, 食品安全, 假证).
 * The old value typed (仲系2万蚊吗, 仲系63311205吗) names the notice that changes it, even when a round-up
 * holds more of the question's words. People counted as caught (捉咗几多人) are counted in a sentence of
 * arrests, not in a notice's quota. A town named only
 * in a county article's list of towns is no place of that article's. Asked an app's name, the close article that
 * names one answers, not one that names none. A law's later paragraph on the act asked (逃逸) is quoted over its
 * opening. And words: 推迟 is 延期, 猪脚 猪蹄,
 * 案值 涉案金额; 嚟讲课 asks who; 借咗人几多钱 measures 借; 几多个骗人嘅聊天APP counts 聊天; 报警之后 tells a story.
 * The fixture articles are original, set in 东港.
 */
import { describe, expect, it } from "vitest";
import { readAsked, rewriteWords } from "../../src/answer/equivalents.js";
import { bestWindow } from "../../src/answer/excerpts.js";
import { lawBonus } from "../../src/answer/judge.js";
import { answersKind, askedFor, asksRule, countedThing, measuredThing } from "../../src/answer/question-type.js";
import type { TermMatcher } from "../../src/answer/term-weights.js";
import type { Passage } from "../../src/types.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("words as people say them", () => {
  it("推迟 is 延期, 猪脚 猪蹄, 案值 涉案金额, 文凭 毕业证书", () => {
    expect(rewriteWords("讲座点解要推迟").text).toContain("延期");
    expect(rewriteWords("卤猪脚拎去验 验出咩成分").text).toContain("猪蹄");
    expect(rewriteWords("卤猪脚拎去验 验出咩成分").text).toContain("送检");
    expect(rewriteWords("个案值加埋几多钱").text).toContain("涉案金额");
    expect(rewriteWords("买假大专文凭嗰个").text).toContain("毕业证书");
  });

  it("系边个嚟讲课, 系边个嚟讲嘅 ask who; a ride laid on (接送) names no one who did a deed", () => {
    expect(askedFor(readAsked("识假证嗰个讲座 系边个嚟讲课"))).toContain("person");
    expect(askedFor(readAsked("礼纪个防骗讲座系边个嚟讲嘅"))).toContain("person");
    expect(answersKind("讲座当天，派出所将在镇政府门口安排车辆接送行动不便的群众。", ["person"])).toBe(false);
    expect(answersKind("讲座由派出所反诈民警主讲。", ["person"])).toBe(true);
  });

  it("借咗人几多钱 measures the lending; 几多个骗人嘅聊天APP counts the apps; 报警之后 tells the story, it asks no law", () => {
    expect(measuredThing(readAsked("兴隆嗰个假房产证借咗人几多钱"))).toBe("借");
    expect(countedThing(readAsked("公安封咗几多个骗人嘅聊天APP"))).toBe("聊天");
    expect(countedThing(readAsked("抓咗几多个卖假药嘅人"))).toBe("人");
    expect(asksRule(readAsked("被骗嗰个 报警之后派出所帮佢冻结返几多"))).toBe(false);
    expect(asksRule(readAsked("屋企人被打咗 使唔使报警"))).toBe(true);
  });
});

describe("a law's paragraph on the act asked", () => {
  // 道路交通安全法第一百零一条: the opening on a crime, the second paragraph on running away.
  const text =
    "第一百零一条 违反道路交通安全法律、法规的规定，发生重大交通事故，构成犯罪的，依法追究刑事责任，并由公安机关交通管理部门吊销机动车驾驶证。\n\n造成交通事故后逃逸的，由公安机关交通管理部门吊销机动车驾驶证，且终生不得重新取得机动车驾驶证。";
  const passage = { kind: "law", id: "law:x", lawShort: "道路交通安全法", article: "第一百零一条", text, start: 0, end: text.length } as unknown as Passage;
  const word = (weight: number, expansion = false) => ({ weight, expansion });
  // The question's words (撞完人逃跑, 驾驶证会点) and the lexicon's statutory reading of them (逃逸).
  const terms: TermMatcher = { weights: new Map([["交通事故", word(4)], ["司机", word(9)], ["逃跑", word(7)], ["驾驶证", word(5)], ["逃逸", word(7.3, true)]]) };

  it("quotes the paragraph on 逃逸, not the opening", () => {
    const span = bestWindow(passage, terms, 80, { sentenceBonus: lawBonus(terms, "交通事故 司机撞完人逃跑 驾驶证会点") });
    expect(text.slice(span!.start, span!.end)).toContain("终生不得重新取得");
  });

  it("the opening still, when no later paragraph holds a statutory word the opening lacks", () => {
    const plain: TermMatcher = { weights: new Map([["交通事故", word(4)], ["驾驶证", word(5)]]) };
    const span = bestWindow(passage, plain, 80, { sentenceBonus: lawBonus(plain, "出了交通事故 驾驶证会点") });
    expect(text.slice(span!.start, span!.end)).toContain("构成犯罪");
  });
});

describe("notices changed, a round-up of arrests, scam cases", () => {
  const built = fixtureIndex(["tests/fixtures/answer/scams-and-papers", "tests/fixtures/answer/local"]);
  const ask = askerOf(built, "2026-12-01");

  it("the old reward typed: the notice that raises it, not the round-up that pays rewards", async () => {
    const { docs, text } = await ask("举报办证窝点奖金最多仲系2万蚊吗");
    expect(docs[0]).toBe("f-papers-tip-2025");
    expect(text).toContain("4万元");
  });

  it("the old phone typed: the newer notice, not the round-up", async () => {
    const { docs, text } = await ask("举报办证窝点个电话仲系63311205吗 打唔通");
    expect(docs).toContain("f-papers-tip-2025");
    expect(text).toContain("63316610");
  });

  it("people caught this year: the round-up's arrests, not a talk's quota", async () => {
    const { docs, text } = await ask("今年打办证窝点 全市捉咗几多人");
    expect(docs[0]).toBe("f-papers-roundup-2025");
    expect(text).toContain("41名");
    expect(text).not.toContain("100名");
  });

  it("the town's own case, not a county round-up naming the town in a list", async () => {
    const { docs, text } = await ask("西坡 阿伯喺边间银行差啲汇钱畀骗子");
    expect(docs[0]).toBe("f-bank-stop-2026");
    expect(text).toContain("新华路农商银行");
  });

  it("an app asked: the case naming its app, not one told without", async () => {
    const { docs, text } = await ask("嗰个男仔被美女叫去下载咩APP 跟住就被录屏敲诈");
    expect(docs[0]).toBe("f-transfer-case-2024");
    expect(text).toContain("甜聊");
  });
});
