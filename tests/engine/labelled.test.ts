/**
 * An admin labels a question the bot could not answer (PUFA_LABELLED); asked again, the same
 * question is answered from the labelled article, verbatim and cited, and other questions are not.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import { loadConfig } from "../../src/config.js";
import { buildIndex } from "../../src/index/builder.js";
import type { AnswerEngine, Passage } from "../../src/types.js";
import { expectConsistentCitations, expectVerbatim, FIXTURE_CORPUS, FIXTURE_LAWS, tempDir } from "./helpers.js";

const QUESTION = "我家那口子又动手了咋整";
const prompts = new Prompts();

async function engineWith(labelled: string[]) {
  const root = tempDir("pufa-taught-");
  const config = loadConfig({}, { corpus: [FIXTURE_CORPUS], laws: FIXTURE_LAWS, labelled, data: path.join(root, "data") });
  const built = await buildIndex(config);
  return { config, passages: built.searcher.passages as readonly Passage[], engine: createEngine({ searcher: () => built.searcher, prompts }) as AnswerEngine };
}

describe("labelled questions in answers", () => {
  let plain: Awaited<ReturnType<typeof engineWith>>;
  let taught: Awaited<ReturnType<typeof engineWith>>;

  beforeAll(async () => {
    plain = await engineWith([]);
    const file = path.join(tempDir("pufa-taught-file-"), "labelled.jsonl");
    writeFileSync(file, `${JSON.stringify({ question: QUESTION, gold: [{ law: "反家庭暴力法", article: "第十三条" }] })}\n`);
    taught = await engineWith([file]);
  }, 120_000);

  it("without labels the question finds nothing to quote about it", async () => {
    const reply = await plain.engine.ask({ question: QUESTION });
    expect(reply.citations.some((c) => c.title.includes("反家庭暴力法") && c.article === "第十三条")).toBe(false);
  });

  it("with the label the same question quotes the labelled article, verbatim and cited", async () => {
    const reply = await taught.engine.ask({ question: QUESTION });
    expect(reply.refused).toBe(false);
    expect(reply.citations[0]).toMatchObject({ title: "中华人民共和国反家庭暴力法", article: "第十三条" });
    expectVerbatim(reply, taught.config, taught.passages);
    expectConsistentCitations(reply);
  });

  it("other questions are answered as before", async () => {
    for (const q of ["醉驾怎么处罚", "今天天气怎么样"]) {
      const [a, b] = await Promise.all([plain.engine.ask({ question: q }), taught.engine.ask({ question: q })]);
      expect(b.text).toBe(a.text);
    }
  });
});
