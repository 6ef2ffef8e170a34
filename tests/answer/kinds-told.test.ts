/**
 * How an article tells the kind asked, in the words reports and guides use: a rounded sum (涉案价值3600余元,
 * 19万余元) is money; a plate's term of validity (有效期2年) tells how often it is renewed (多久要换一次);
 * a tip says 一定要 or 记住, under a line such as 警方提醒： that heads the list and is no answer itself.
 */
import { expect, it } from "vitest";
import { isHeadingLine } from "../../src/answer/headings.js";
import { answersKind, askedFor } from "../../src/answer/question-type.js";
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

it("quotes the tip, not the line heading the tips, when asked what to watch for", async () => {
  expect(isHeadingLine("警方提醒：")).toBe(true);
  expect(isHeadingLine("现将有关事项通告如下：")).toBe(false);
  expect(answersKind("记住“一看二摸三听四测”", ["advice"])).toBe(true);
  expect(askedFor("怕系假钱 点样认出来")).toContain("advice");
  const { docs, first } = await ask("收豆角的老板装完车给我看个转帐截图 讲要几个钟才到 到现在都冇到 以后要注意什么");
  expect(docs[0]).toBe("r-fake-transfer");
  expect(first).toContain("确认到账后再装车");
});
