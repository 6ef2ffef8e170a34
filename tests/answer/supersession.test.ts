/**
 * A 延期 notice that does not name what it extends: the reply quotes it first, then the older
 * notice on the question (which holds the rest of the rules), with the note saying which holds.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig, type PufaConfig } from "../../src/config.js";
import { buildIndex, type BuildResult } from "../../src/index/builder.js";
import { REPO_ROOT, tempDir } from "../engine/helpers.js";
import { citedDocs, engineAt, prompts } from "./helpers.js";

let config: PufaConfig;
let built: BuildResult;
beforeAll(async () => {
  config = loadConfig({}, { corpus: [path.join(REPO_ROOT, "tests/fixtures/answer/extension")], data: tempDir("pufa-extension-") });
  built = await buildIndex(config);
}, 60_000);
afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

it("the extension first, what it extends after it, and a note", async () => {
  const reply = await engineAt(built, "2025-02-01").ask({ question: "春节放烟花爆竹现在几点以后就不能放了" });
  expect(citedDocs(reply)).toEqual(["t-fire-extension", "t-fire-notice"]);
  expect(reply.parts.notes[0]).toBe(prompts.render("note-superseded", { n: 1, date: "2025-01-20" }));
});
