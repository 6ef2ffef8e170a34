/**
 * A short message that finds nothing alone is asked again with the previous turn's topic, unless it
 * names a thing of its own that the article found then does not hold: 台疯来了怎么办 after a question
 * on a 网吧 check is a new topic the material lacks, not a follow-up.
 */
import { expect, it } from "vitest";
import { engineAt, fixtureIndex } from "./helpers.js";

const built = fixtureIndex(["tests/fixtures/answer/new-topic", "corpus"]);

it("a new topic (typed with a typo or not) is refused, not answered with the last topic's article", async () => {
  const engine = engineAt(built(), "2026-11-25");
  const context = [{ question: "兴龙网吧检查举报电话几多", at: 0 }];
  expect((await engine.ask({ question: "台疯来了怎么办", context })).refused).toBe(true);
  expect((await engine.ask({ question: "台风来了怎么办", context })).refused).toBe(true);
  // Still on the last topic, it is answered from it.
  expect((await engine.ask({ question: "举报打哪个电话啊", context })).text).toContain("0898-62256110");
});
