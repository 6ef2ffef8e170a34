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

it("a person named by surname (那个姓吉的) is the report's 吉某某", async () => {
  const reply = await engineAt(built(), "2026-05-20").ask({ question: "我见过那个姓吉的 打哪个电话" });
  expect(citedDocs(reply)[0]).toBe("t-reward-notice");
  expect(quoted(reply)).toContain("0898-62250321");
});

it("the withdrawal says the reward has ended", async () => {
  const reply = await engineAt(built(), "2026-08-01").ask({ question: "我之前在南桥见过那个姓吉的 现在再去报线索 悬赏还有两万块拿吗" });
  expect(citedDocs(reply)[0]).toBe("t-reward-withdrawn");
  expect(quoted(reply)).toContain("不再给予悬赏奖励");
});

it("where he was caught is the withdrawal's place of arrest", async () => {
  const reply = await engineAt(built(), "2026-08-01").ask({ question: "偷牛那个吉某某最后喺边度捉到的" });
  expect(citedDocs(reply)[0]).toBe("t-reward-withdrawn");
  expect(quoted(reply)).toContain("北海市");
});

it("whether he has been caught by now is answered by the withdrawal", async () => {
  const reply = await engineAt(built(), "2026-08-01").ask({ question: "悬赏那个偷牛的是不是以经抓到了" });
  expect(citedDocs(reply)[0]).toBe("t-reward-withdrawn");
  expect(quoted(reply)).toMatch(/抓获|落网/);
});

it("a count asked in 处 is told by the article that counts in 处", async () => {
  const reply = await engineAt(built(), "2026-08-01").ask({ question: "南桥派出所巡水塘巡了几多处？？" });
  expect(citedDocs(reply)[0]).toBe("t-pond-patrol");
  expect(quoted(reply)).toContain("14处");
});
