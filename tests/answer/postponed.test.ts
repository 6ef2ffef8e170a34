/**
 * A postponement recites what was first planned (原定于……在镇人民政府三楼会议室举办): asked where the
 * talk is now, the reply quotes the new place, not the old one its question names.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig, type PufaConfig } from "../../src/config.js";
import { buildIndex, type BuildResult } from "../../src/index/builder.js";
import { REPO_ROOT, tempDir } from "../engine/helpers.js";
import { citedDocs, engineAt } from "./helpers.js";

let config: PufaConfig;
let built: BuildResult;
beforeAll(async () => {
  config = loadConfig({}, { corpus: [path.join(REPO_ROOT, "tests/fixtures/answer/postponed")], data: tempDir("pufa-postponed-") });
  built = await buildIndex(config);
}, 60_000);
afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

it("the new place is quoted, not the recital of the old one", async () => {
  const reply = await engineAt(built, "2026-03-30").ask({ question: "防范电信诈骗宣讲会还在后安镇人民政府三楼会议室开吗 到底在边度" });
  expect(citedDocs(reply)[0]).toBe("t-talk-postponed");
  expect(reply.citations[0].excerpt).toContain("文化活动中心");
});
