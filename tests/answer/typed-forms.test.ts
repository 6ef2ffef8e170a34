/**
 * Messages typed the way people type them: traditional characters (補領身份證), Hainan and Cantonese
 * particles ending an ask (钱追得回来无, 学历呢 初中毕业行不), letters and figures (app, 12123), a police word
 * jieba does not know (辅警, not 辅/警报); how a case told of ended (后来咋处理的) asks the report, not the
 * law; a figure told roughly (六万几) names no thing measured; and a 更正 whose sentence names the thing
 * before the figure it corrects.
 */
import { expect, it } from "vitest";
import { looksLikeFollowUp, shortQuestion } from "../../src/answer/follow-up.js";
import { asksRule, factsAsked } from "../../src/answer/question-type.js";
import { wordTokens } from "../../src/text/tokenize.js";
import { toSimplified } from "../../src/text/simplified.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/typed-forms"]);

async function ask(question: string, context?: string): Promise<{ docs: string[]; text: string }> {
  const reply = await engineAt(built(), "2026-11-10").ask({ question, ...(context ? { context: [{ question: context, at: 0 }] } : {}) });
  return { docs: citedDocs(reply), text: reply.citations.map((c) => c.excerpt).join(" ") };
}

it("reads traditional characters as simplified, and Cantonese characters as typed", () => {
  expect(toSimplified("補領身份證要幾多錢")).toBe("补领身份证要几多钱");
  // opencc's table would make these rare characters (𠮶, 㖞) no one types.
  expect(toSimplified("嗰个阿婆喎")).toBe("嗰个阿婆喎");
  expect(toSimplified("电瓶车上牌要带啥 app 12123")).toBe("电瓶车上牌要带啥 app 12123");
});

it("keeps the police words jieba does not know whole", () => {
  expect(wordTokens("今年辅警报名到几号截止")).toContain("辅警");
  expect(wordTokens("今年辅警报名到几号截止")).not.toContain("警报");
});

it("hears the asks that end in a dialect particle or 不 as asks", () => {
  expect(looksLikeFollowUp("钱追得回来无")).toBe(true);
  expect(shortQuestion("学历呢 初中毕业行不")).toBe(true);
  expect(shortQuestion("咋坐车去 有地方停车木有")).toBe(true);
  // Telling, not asking: no follow-up.
  expect(shortQuestion("好的知道了")).toBe(false);
});

it("reads how a case told of ended as the report's fact, the law's punishment as the law's", () => {
  expect(asksRule("发视频说长丰有人抢小孩那个 后来怎么处理的")).toBe(false);
  expect(factsAsked("发视频说长丰有人抢小孩那个 后来怎么处理的")).toContain("outcome");
  expect(asksRule("造谣的会怎么处理")).toBe(true);
  expect(asksRule("那个造谣的后来怎么处理了 法律上最多拘几天")).toBe(true);
});

// [what the case shows, the question, the context, the article that answers first, what its quotes hold]
it.each([
  ["traditional characters", "週六上午辦不辦證件", undefined, "t-id-guide", "每周六上午9:00"],
  ["a Hainan particle ending a follow-up (无)", "钱追得回来无", "长丰那个造谣抢小孩的 后来被抓了未", "t-rumour", "行政拘留5日"],
  ["an ask ending in 呢 and 不, after the last turn", "学历呢 初中毕业行不", "今年辅警招聘啥条件", "t-recruit", "高中"],
  ["a police word jieba splits wrong (辅警报名 → 辅/警报/名)", "帮dd问下 今年辅警报名到几号截止", undefined, "t-recruit", "11月20日"],
  ["how a case ended: the report's outcome", "发视频说长丰有人抢小孩那个 后来咋处理的", undefined, "t-rumour", "行政拘留5日"],
  ["a figure told roughly (六万几) is no thing measured: the money asked is", "后安那个阿伯听讲被骗了六万几，到底是几多钱", undefined, "t-health-scam", "62400元"],
  ["a 更正 naming the thing before the figure it corrects", "礼纪车祸那个司机后来鉴定出来喝了几多酒", undefined, "t-crash-correction", "124mg/100ml"],
])("%s", async (_case, question, context, doc, fact) => {
  const { docs, text } = await ask(question, context);
  expect(docs[0]).toBe(doc);
  expect(text).toContain(fact);
});
