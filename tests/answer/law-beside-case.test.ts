/**
 * A message asking an office's case or figure and the law at once (local+law). The law's ask, judged on its
 * own words over the message's law passages, joins the office's answer when those passages hold nearly all
 * its words (帮人考试会判咩 → 刑法第二百八十四条之一), though the model finds it too short to be sure of.
 * 偷几多次先算多次盗窃 asks where a term's line is drawn: the interpretation that says what is 认定为“多次盗窃”
 * answers it, above the article that names the term.
 * The office's articles are original, set in 东港; the law is a few real articles (law-beside-case-laws).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../engine/helpers.js";
import { askerOf, fixtureIndex } from "./helpers.js";

describe("the law asked beside an office's case", () => {
  const built = fixtureIndex(["tests/fixtures/answer/law-beside-case"], { laws: path.join(REPO_ROOT, "tests/fixtures/answer/law-beside-case-laws") });
  const ask = askerOf(built, "2026-12-01");

  it("帮人考试会判咩 after the stand-in case quotes the law's penalty beside the report", async () => {
    const { docs, text } = await ask("北岭自考替考嗰两个后生 系咪都畀刑拘咗 收咗几多钱 帮人考试会判咩");
    expect(docs).toContain("f-exam-standin");
    expect(text).toContain("2500元");
    expect(text).toContain("拘役或者管制");
  });

  it("偷几多次先算多次盗窃 beside the campaign's figure quotes the interpretation's line", async () => {
    const { docs, text } = await ask("护胶行动追返咗几多吨胶 偷几多次先算多次盗窃");
    expect(docs).toContain("f-rubber-campaign");
    expect(text).toContain("2.6吨");
    expect(text).toContain("二年内盗窃三次以上");
  });

  it("the report alone answers a question that asks nothing of the law", async () => {
    const { docs, text } = await ask("北岭替考嗰个收咗几多钱");
    expect(docs).toEqual(["f-exam-standin"]);
    expect(text).toContain("2500元");
  });
});
