/**
 * Questions of local-fresh92's kind (illegally modified motorbikes). 仲系去城东路复检咩 asks whether it is still
 * done there, and so where: the road and what is done there stay the question's topic. A figure counted in 具 (灭火器3具).
 */
import { describe, expect, it } from "vitest";
import { readAsked } from "../../src/answer/equivalents.js";
import { answersKind, askedFor, askingPhrases } from "../../src/answer/question-type.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("what is asked", () => {
  it("仲系去城东路复检咩 asks a place, and the asking is 还是去, not the road nor the errand", () => {
    const read = readAsked("车改返原装之后仲系去城东路复检咩");
    expect(askedFor(read)).toContain("place");
    expect(askingPhrases(read).some((a) => a.includes("城东路") || a.includes("复检"))).toBe(false);
  });
});

describe("what answers it", () => {
  it("灭火器3具 is a figure", () => {
    expect(answersKind("每个零售点至少配备3具灭火器", ["amount"])).toBe(true);
  });
});

describe("over a small office", () => {
  const built = fixtureIndex(["tests/fixtures/answer/motorbikes"]);
  const ask = askerOf(built, "2026-12-01");

  it("仲系去城东路复检咩 is answered by the newer notice's place", async () => {
    const { docs, text } = await ask("车改返原装之后仲系去城东路复检咩");
    expect(docs[0]).toBe("f-mod-2024");
    expect(text).toContain("城西大道66号");
  });
});
