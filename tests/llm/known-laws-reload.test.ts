/**
 * The composer asks for the library's law names at each answer, so an index swapped in by a hot
 * reload (a law added to the library) is what citation verification knows. Real `openai` client
 * against the fake endpoint on 127.0.0.1.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { createLlmComposer } from "../../src/llm/composer.js";
import { startFakeOpenAi, type FakeOpenAi } from "./fake-openai.js";
import { standardExcerpts, testConfig } from "./fixtures.js";

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

// The second sentence names a law only by its bare name and cites nothing: an uncited legal claim
// once that name is known to be a law of the library, an ordinary sentence before.
const DRAFT = "根据《刑法》第一百三十三条之一，「醉酒驾驶机动车的」，「处拘役，并处罚金」[1]。另外可以看看反电信网络诈骗法。";

describe("known laws follow the served index", () => {
  it("a law that joins the library after the composer was made is recognized at the next answer", async () => {
    fake.fallback = { kind: "chat", content: DRAFT };
    let library = ["刑法", "道路交通安全法"];
    const composer = createLlmComposer(testConfig(fake.baseURL), new Prompts(), { knownLaws: () => library });
    const before = await composer.compose({ question: "醉驾怎么处罚？", excerpts: standardExcerpts() });
    expect(before.ok && before.removed).toEqual([]);

    library = [...library, "反电信网络诈骗法"]; // the hot-reloaded index holds this law now
    const after = await composer.compose({ question: "醉驾怎么处罚？", excerpts: standardExcerpts() });
    expect(after.ok && after.removed).toEqual([{ sentence: "另外可以看看反电信网络诈骗法。", why: "uncited legal claim" }]);
  });
});
