/**
 * Which version answers, asked the way riders and farmers ask it: now asked before a remembered past
 * year (现在罚几多 去年不是30咩); whether it has changed (时间改了没); a number the question quotes
 * (an old hotline) names its article; and this year's count asked when only last year's warning counts it
 * (今年以来……9起), not a guide of this year whose 自……起 counts nothing.
 */
import { expect, it } from "vitest";
import { timeScope } from "../../src/answer/time-scope.js";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/versions-asked"]);
const today = new Date("2026-12-05T08:00:00+08:00");

it("asks of now when now is asked in one clause and a past year only remembered in another", () => {
  expect(timeScope("电瓶车逆行现在罚几多 去年不是30咩", today)).toEqual({ year: null, latest: true });
  expect(timeScope("去年抓了几个，现在呢", today)).toEqual({ year: null, latest: true });
  // The now-word in a clause that asks nothing is no ask of now.
  expect(timeScope("现在回想起来 去年那个案子抓了几个", today)).toEqual({ year: 2025, latest: false });
});

it("reads whether something has changed as asked of what holds now", () => {
  expect(timeScope("查骑手的时间改了没", today).latest).toBe(true);
  expect(timeScope("号码有冇换", today).latest).toBe(true);
  expect(timeScope("改名字要带什么", today).latest).toBe(false);
  // A renewal asked is no change asked.
  expect(timeScope("证过期了能在这边换吗", today).latest).toBe(false);
});

async function ask(question: string) {
  const reply = await engineAt(built(), "2026-12-05").ask({ question });
  return { docs: citedDocs(reply), text: reply.text, refused: reply.citations.length === 0 };
}

it("answers now's fine from the newer notice though a past year is named", async () => {
  const { docs, text } = await ask("骑电瓶车逆行现在罚几多 去年不是30咩");
  expect(docs[0]).toBe("r-crackdown-2026");
  expect(text).toContain("由30元调整为50元");
});

it("answers from the article that prints the number the question quotes", async () => {
  const { docs, text, refused } = await ask("护农那个专线62270001打了几次都打不通 现在换成哪个号");
  expect(refused).toBe(false);
  expect(docs[0]).toBe("r-farm-patrol");
  expect(text).toContain("62280002");
});

it("answers this year's count from the article that counts it, not from this year's article that counts nothing", async () => {
  const { docs, text } = await ask("假快递客服说赔三倍那种骗局 今年有几单了");
  expect(docs[0]).toBe("r-claim-scam");
  expect(text).toContain("9起");
});
