/**
 * How an article tells the kind asked, in the words reports and guides use: a rounded sum (涉案价值3600余元,
 * 19万余元) is money; a plate's term of validity (有效期2年) tells how often it is renewed (多久要换一次).
 */
import { expect, it } from "vitest";
import { answersKind } from "../../src/answer/question-type.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/versions-asked"]);

async function ask(question: string) {
  const reply = await engineAt(built(), "2026-12-05").ask({ question });
  return { docs: citedDocs(reply), first: reply.citations[0]?.excerpt ?? "" };
}

it("quotes the sentence with the rounded sum when asked how much it was worth", async () => {
  const { docs, first } = await ask("北大偷快递那两个后生仔 偷了几件 值几多钱");
  expect(docs[0]).toBe("r-locker-theft");
  expect(first).toContain("3600余元");
});

it("reads a term of validity as how often a plate is renewed", async () => {
  expect(answersKind("备案牌有效期2年。", ["frequency"])).toBe(true);
  expect(answersKind("居民身份证有效期为10年。", ["frequency"])).toBe(true);
  const { docs, first } = await ask("电驴后面挂那个骑手牌 多久要换一次");
  expect(docs[0]).toBe("r-registration-2026");
  expect(first).toContain("有效期2年");
});
