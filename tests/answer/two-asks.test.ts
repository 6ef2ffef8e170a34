/**
 * A message that asks two things at once (查了几多条船 …… 罚了几多; 电话几多 …… 是不是都要穿): each ask
 * gets the sentence that answers it, not only the one the whole message matches best.
 */
import { expect, it } from "vitest";
import { asks } from "../../src/answer/question-type.js";
import { readAsked } from "../../src/answer/equivalents.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/two-asks"]);

/** The reply's first cited article and all it quotes. */
async function ask(question: string): Promise<{ first: string; quoted: string }> {
  const reply = await engineAt(built(), "2026-05-20").ask({ question });
  return { first: citedDocs(reply)[0], quoted: reply.citations.map((c) => c.excerpt).join(" ") };
}

it("a message is read as its asks, each with the clauses before it; an ask with no word of its own goes with the last", () => {
  expect(asks(readAsked("港北渔港那次查渔船 查了几多艘渔船 被罚的船主罚几多"))).toHaveLength(2);
  expect(asks(readAsked("港北渔港检查渔船 罚了几多 几时弄"))).toHaveLength(1);
  // A clause that tells (有人打电话讲……) asks nothing.
  expect(asks(readAsked("刚才有人打电话讲我涉嫌洗钱 那个app叫咩名"))).toHaveLength(1);
});

it("two figures asked: the count of what was checked and the fine are both quoted", async () => {
  const { first, quoted } = await ask("港北渔港那次查渔船 查了几多艘渔船 被罚的船主罚几多");
  expect(first).toBe("t-boat-checks");
  expect(quoted).toContain("渔船64艘");
  expect(quoted).toContain("罚款400元");
});

it("a phone number and a yes/no rule asked: the rule about the ask's own thing is quoted beside the number", async () => {
  const { quoted } = await ask("港北派出所电话几多啊？？想问渔船的事，船员出海是不是都要穿救生衣");
  expect(quoted).toContain("0898-62258800");
  expect(quoted).toContain("全程穿着");
});

it("a place and a fee asked after a rule: the place where it is done is quoted, not only the fee", async () => {
  const { first, quoted } = await ask("猫仔登记系唔系要戴那个标识环 我住和乐这边 边度可以领啊 要唔要钱的");
  expect(first).toBe("t-cat-fee-change");
  expect(quoted).toContain("和乐镇解放路21号");
  expect(quoted).toContain("免费");
});
