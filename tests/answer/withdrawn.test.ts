/**
 * A reward notice and its withdrawal, a town's patrol report and another report of the same office:
 * a person named by surname (那个姓吉的) finds the report's 吉某某; the withdrawal's sentence that ends
 * the reward answers whether it still holds; the arrest's place answers 喺边度捉到; a count asked in 处
 * is told by the article that counts in 处.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/withdrawn"]);
const quoted = (reply: { citations: { excerpt: string }[] }) => reply.citations.map((c) => c.excerpt).join(" ");

it.each([
  ["a person named by surname (那个姓吉的) is the report's 吉某某", "2026-05-20", "我见过那个姓吉的 打哪个电话", "t-reward-notice", "0898-62250321"],
  ["the withdrawal says the reward has ended", "2026-08-01", "我之前在南桥见过那个姓吉的 现在再去报线索 悬赏还有两万块拿吗", "t-reward-withdrawn", "不再给予悬赏奖励"],
  ["where he was caught is the withdrawal's place of arrest", "2026-08-01", "偷牛那个吉某某最后喺边度捉到的", "t-reward-withdrawn", "北海市"],
  ["whether he has been caught by now is answered by the withdrawal", "2026-08-01", "悬赏那个偷牛的是不是以经抓到了", "t-reward-withdrawn", /抓获|落网/],
  ["a count asked in 处 is told by the article that counts in 处", "2026-08-01", "南桥派出所巡水塘巡了几多处？？", "t-pond-patrol", "14处"],
] as const)("%s", async (_what, today, question, first, quote) => {
  const reply = await engineAt(built(), today).ask({ question });
  expect(citedDocs(reply)[0]).toBe(first);
  if (typeof quote === "string") expect(quoted(reply)).toContain(quote);
  else expect(quoted(reply)).toMatch(quote);
});
