import { appendFileSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { labelledChanged, readLabelledFiles } from "../../src/ingestion/labelled-reader.js";
import { loadConfig } from "../../src/config.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/labelled/police-questions.jsonl", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "pufa-labelled-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readLabelledFiles", () => {
  it("reads questions and gold labels in the pufa eval format", () => {
    const r = readLabelledFiles([FIXTURE]);
    expect(r.items).toHaveLength(5);
    expect(r.items[1].gold).toEqual([
      { law: "刑法", article: "第一百三十三条之一" },
      { law: "道路交通安全法", article: "第九十一条" },
    ]);
    expect(r.files).toEqual([{ file: FIXTURE, hash: expect.stringMatching(/^[0-9a-f]{64}$/), questions: 5 }]);
    expect(r.warnings).toEqual([]);
  });

  it("skips bad lines with the file and line named, and keeps the good ones", () => {
    const file = path.join(dir, "mixed.jsonl");
    writeFileSync(
      file,
      [
        '{"question": "醉驾怎么判", "gold": [{"law": "刑法", "article": "第一百三十三条之一"}]}',
        "{not json",
        '{"question": "没有答案的问题", "gold": []}',
        "",
        '{"question": "", "gold": [{"law": "刑法", "article": "第一条"}]}',
        '{"question": "盗窃多少钱立案", "gold": [{"law": "刑法", "article": "第二百六十四条"}]}',
      ].join("\n"),
    );
    const r = readLabelledFiles([file]);
    expect(r.items.map((i) => i.question)).toEqual(["醉驾怎么判", "盗窃多少钱立案"]);
    expect(r.warnings).toEqual([
      `${file}:2: not JSON, line skipped`,
      `${file}:5: needs "question" and a "gold" list of {law, article}, line skipped`,
      // A question still waiting for its label (a --to-label template) is counted, not an error.
      `${file}: 1 questions have no gold articles yet and were not learned`,
    ]);
  });

  it("warns about a missing file instead of failing", () => {
    const missing = path.join(dir, "nope.jsonl");
    const r = readLabelledFiles([missing, FIXTURE]);
    expect(r.warnings).toEqual([`labelled questions file not found: ${missing}`]);
    expect(r.items).toHaveLength(5);
  });

  it("notices when a labelled file changes", () => {
    const file = path.join(dir, "changing.jsonl");
    copyFileSync(FIXTURE, file);
    const recorded = readLabelledFiles([file]).files;
    expect(labelledChanged([file], recorded)).toBe(false);
    appendFileSync(file, '{"question": "赌博怎么罚", "gold": [{"law": "治安管理处罚法", "article": "第七十条"}]}\n');
    expect(labelledChanged([file], recorded)).toBe(true);
    expect(labelledChanged([], recorded)).toBe(true);
    expect(labelledChanged([], [])).toBe(false);
  });
});

describe("PUFA_LABELLED", () => {
  it("names one or more files, resolved to absolute paths; none by default", () => {
    expect(loadConfig({}).labelledFiles).toEqual([]);
    expect(loadConfig({ PUFA_LABELLED: "a.jsonl,b.jsonl" }).labelledFiles).toEqual([path.resolve("a.jsonl"), path.resolve("b.jsonl")]);
    expect(loadConfig({ PUFA_LABELLED: "a.jsonl" }, { labelled: ["c.jsonl"] }).labelledFiles).toEqual([path.resolve("c.jsonl")]);
  });
});
