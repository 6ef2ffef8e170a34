/**
 * What holds now, asked the way people ask it: a past year sets the scene and the ask is of now
 * (前年……的时候要带结婚证，现在……还要带吗); the newer notice's sentence ending the old way of the thing asked
 * (无需提供结婚证, not 不用再跑窗口); of a county notice ruling town by town, the town named; and whether a story is a scam, by the
 * warning's verdict (凡是……都是诈骗).
 */
import { expect, it } from "vitest";
import { timeScope } from "../../src/answer/time-scope.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/now-asked"]);

async function ask(question: string): Promise<{ docs: string[]; first: string }> {
  const reply = await engineAt(built(), "2026-11-20").ask({ question });
  return { docs: citedDocs(reply), first: reply.citations[0]?.excerpt ?? "" };
}

it("a past year that sets the scene does not scope an ask of now", () => {
  const today = new Date("2026-11-20T08:00:00+08:00");
  expect(timeScope("前年给老大上户口的时候要带结婚证原件 现在给老二上户口还要带结婚证吗", today)).toEqual({ year: null, latest: true });
  // Asked of that year itself, it scopes.
  expect(timeScope("前年那次上户口要带什么", today)).toEqual({ year: 2024, latest: false });
  expect(timeScope("今年现在还能放鞭炮吗", today).year).toBe(2026);
});

// [what the case shows, the question, the article that answers first, what its first quote holds]
it.each([
  ["what ended, asked of now: the newer notice's sentence ending the thing asked of", "前年给老大上户口的时候要带结婚证原件 现在给老二上户口还要带结婚证吗", "t-newborn-change", "无需提供结婚证"],
  ["a county notice ruling town by town: the sentence on the town named", "北大现在能不能放烟花？住我们店的客人想在门口放", "t-fireworks-towns", "北大镇区"],
  ["whether a story is a scam: the warning's verdict", "我弟玩游戏有个人说他帐号被冻结了要先交保证金才能解冻 这种是不是骗子啊", "t-game-scam", "都是诈骗"],
])("%s", async (_case, question, doc, fact) => {
  const { docs, first } = await ask(question);
  expect(docs[0]).toBe(doc);
  expect(first).toContain(fact);
});
