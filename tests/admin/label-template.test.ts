/**
 * From "what was asked and not answered" to "what pufa learns": `pufa report --to-label FILE` writes
 * the unanswered questions as a labelled-questions file to fill in, never touching labels already there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labelTemplateLines, writeLabelTemplate } from "../../src/admin/label-template.js";
import { QuestionLog } from "../../src/admin/question-log.js";
import { buildReport } from "../../src/admin/report.js";
import { readLabelledFiles } from "../../src/ingestion/labelled-reader.js";

const dir = mkdtempSync(path.join(tmpdir(), "pufa-to-label-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportOf(questions: [string, boolean][]) {
  const log = new QuestionLog(path.join(dir, `log-${Math.random().toString(36).slice(2)}.sqlite`));
  try {
    for (const [question, refused] of questions) {
      log.record({ channel: "wechat", askerId: "wxid_1", question, refused, reason: refused ? "no_match" : "answered", citations: [], latencyMs: 5 });
    }
    return buildReport(log);
  } finally {
    log.close();
  }
}

describe("pufa report --to-label", () => {
  const report = reportOf([
    ["无人机在小区里飞要报备吗", true],
    ["无人机在小区飞需要报备吗", true],
    ["捡到的手机不还算偷吗", true],
    ["醉驾怎么处罚", false],
  ]);

  it("lists each group of unanswered questions once, with an empty gold list to fill in", () => {
    const lines = labelTemplateLines(report);
    expect(lines.map((l) => l.gold)).toEqual(lines.map(() => []));
    expect(lines.map((l) => l.question).sort()).toHaveLength(2);
    expect(lines.find((l) => l.question.startsWith("无人机"))?.asked).toBe(2);
    expect(lines.some((l) => l.question === "醉驾怎么处罚")).toBe(false);
  });

  it("writes a file pufa reads back as questions waiting for labels", () => {
    const file = path.join(dir, "to-label.jsonl");
    expect(writeLabelTemplate(file, report)).toEqual({ added: 2, kept: 0 });
    const read = readLabelledFiles([file]);
    expect(read.items).toEqual([]);
    expect(read.warnings).toEqual([`${file}: 2 questions have no gold articles yet and were not learned`]);
  });

  it("keeps labels an admin wrote and appends only new questions", () => {
    const file = path.join(dir, "filled.jsonl");
    writeLabelTemplate(file, report);
    const filled = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => {
        const o = JSON.parse(line) as { question: string; gold: unknown[] };
        if (o.question.startsWith("捡到")) o.gold = [{ law: "中华人民共和国民法典", article: "第三百一十四条" }];
        return JSON.stringify(o);
      })
      .join("\n");
    writeFileSync(file, `${filled}\nnot json, an admin's note\n`);
    const before = readFileSync(file, "utf8");
    const later = reportOf([
      ["捡到的手机不还算偷吗", true],
      ["高空抛物砸坏车谁赔", true],
    ]);
    expect(writeLabelTemplate(file, later)).toEqual({ added: 1, kept: 2 });
    const after = readFileSync(file, "utf8");
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toContain("高空抛物砸坏车谁赔");
    const read = readLabelledFiles([file]);
    expect(read.items).toEqual([{ question: "捡到的手机不还算偷吗", gold: [{ law: "中华人民共和国民法典", article: "第三百一十四条" }] }]);
  });
});
