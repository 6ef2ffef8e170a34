/**
 * A 延期 notice that does not name what it extends: the reply quotes it first, then the older
 * notice on the question (which holds the rest of the rules), with the note saying which holds.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex, prompts } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/extension"]);

it("the extension first, what it extends after it, and a note", async () => {
  const reply = await engineAt(built(), "2025-02-01").ask({ question: "春节放烟花爆竹现在几点以后就不能放了" });
  expect(citedDocs(reply)).toEqual(["t-fire-extension", "t-fire-notice"]);
  expect(reply.parts.notes[0]).toBe(prompts.render("note-superseded", { n: 1, date: "2025-01-20" }));
});
