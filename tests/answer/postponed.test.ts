/**
 * A postponement recites what was first planned (原定于……在镇人民政府三楼会议室举办): asked where the
 * talk is now, the reply quotes the new place, not the old one its question names.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/postponed"]);

it("the new place is quoted, not the recital of the old one", async () => {
  const reply = await engineAt(built(), "2026-03-30").ask({ question: "防范电信诈骗宣讲会还在后安镇人民政府三楼会议室开吗 到底在边度" });
  expect(citedDocs(reply)[0]).toBe("t-talk-postponed");
  expect(reply.citations[0].excerpt).toContain("文化活动中心");
});
