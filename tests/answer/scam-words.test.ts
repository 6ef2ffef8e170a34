/**
 * 刷单 is searched as typed: an office warning that writes 刷单兼职 answers a question on its case, not a
 * fair's notice that names 刷单返利 among the scams it will demonstrate.
 */
import { expect, it } from "vitest";
import { citedDocs, engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/scam-words"]);

it("a case told in the question's own word is found by it, not by a longer form another article writes", async () => {
  const reply = await engineAt(built(), "2026-06-01").ask({ question: "南桥刷单被骗那个 公安抓到人没有" });
  expect(citedDocs(reply)).toContain("t-task-scam");
  expect(citedDocs(reply)).not.toContain("t-scam-fair");
});
