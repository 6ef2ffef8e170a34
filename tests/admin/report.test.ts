import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { QuestionLog } from "../../src/admin/question-log.js";
import { buildReport, formatReport, GAP_SIMILARITY_THRESHOLD, questionFeatures, similarity } from "../../src/admin/report.js";

let dir: string;
let log: QuestionLog;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pufa-report-"));
  log = new QuestionLog(path.join(dir, "pufa.sqlite"));
});
afterEach(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

let minute = 0;
function ask(question: string, reason = "no_match", at?: string) {
  minute++;
  log.record({
    at: at ?? new Date(Date.UTC(2024, 5, 3, 2, minute)).toISOString(),
    channel: "wechat",
    askerId: `user${minute}`,
    question,
    refused: reason !== "answered",
    reason,
    citations: [],
    latencyMs: 50,
  });
}

const THEFT = ["电动车被偷了怎么报警", "我的电动车丢了怎么办", "请问电动车被盗了警察管吗"];

describe("similarity", () => {
  it("puts paraphrases above the threshold and unrelated questions far below", () => {
    const f = (q: string) => questionFeatures(q);
    expect(similarity(f(THEFT[0]), f(THEFT[1]))).toBeGreaterThanOrEqual(GAP_SIMILARITY_THRESHOLD);
    expect(similarity(f("离婚后孩子的抚养权归谁"), f("离婚了小孩抚养权怎么判"))).toBeGreaterThanOrEqual(GAP_SIMILARITY_THRESHOLD);
    expect(similarity(f(THEFT[0]), f("离婚后孩子的抚养权归谁"))).toBeLessThan(GAP_SIMILARITY_THRESHOLD / 2);
    expect(similarity(f("醉驾怎么处罚"), f("醉驾怎么处罚"))).toBe(1);
  });
});

describe("buildReport", () => {
  it("groups three phrasings of one gap together and keeps an unrelated one apart", () => {
    for (const q of THEFT) ask(q);
    ask(THEFT[0]); // asked twice, word for word
    ask("邻居装摄像头对着我家门口违法吗");
    ask("醉驾怎么处罚", "answered");
    ask("明天天气怎么样", "out_of_scope");

    const report = buildReport(log);
    expect(report.totals).toEqual({ total: 7, answered: 1, refused: 6, unanswered: 5 });
    expect(report.unanswered).toHaveLength(2);
    const [theft, camera] = report.unanswered;
    expect(theft.count).toBe(4);
    expect([theft.representative, ...theft.examples].sort()).toEqual([...THEFT].sort());
    expect(camera).toMatchObject({ representative: "邻居装摄像头对着我家门口违法吗", count: 1, examples: [] });
    // Out-of-scope refusals are neither content gaps nor legal topics.
    expect(JSON.stringify(report.unanswered)).not.toContain("天气");
    expect(report.topTopics.map((t) => t.term)).not.toContain("天气");
    expect(report.topTopics[0]).toEqual({ term: "电动车", count: 4 });
  });

  it("restricts to the period and counts topics over all questions in it", () => {
    ask("电动车被偷了怎么报警", "no_match", "2024-05-01T00:00:00Z"); // before the period
    ask("电动车被盗了怎么办", "no_match", "2024-06-02T00:00:00Z");
    ask("电动车上牌需要什么材料", "answered", "2024-06-03T00:00:00Z");
    ask("醉驾怎么处罚", "answered", "2024-06-04T00:00:00Z");
    const report = buildReport(log, { from: "2024-06-01T00:00:00Z", to: "2024-07-01T00:00:00Z" });
    expect(report.totals.total).toBe(3);
    expect(report.unanswered.map((g) => g.representative)).toEqual(["电动车被盗了怎么办"]);
    expect(report.topTopics[0]).toEqual({ term: "电动车", count: 2 });
    expect(report.topTopics.map((t) => t.term)).toContain("醉驾");
    expect(report.topTopics.map((t) => t.term)).not.toContain("怎么");
  });

  it("formats a plain-text Chinese report from the prompt files", () => {
    for (const q of THEFT) ask(q);
    ask("醉驾怎么处罚", "answered");
    // Local midnights: the report shows local calendar dates.
    const report = buildReport(log, { from: new Date(2024, 5, 1), to: new Date(2024, 5, 8) });
    const prompts = new Prompts();
    const text = formatReport(report, prompts);
    const [theft] = report.unanswered;
    expect(text).toContain(prompts.render("admin-report-gap-item", { rank: 1, representative: theft.representative, count: 3 }));
    for (const e of theft.examples) expect(text).toContain(prompts.render("admin-report-gap-example", { example: e }));
    expect(text).toContain("2024-06-01");
    expect(text).toContain("2024-06-07"); // `to` is exclusive: the last day shown is the day before
    expect(text).toContain(prompts.render("admin-report-topic-item", { rank: 1, term: "电动车", count: 3 }));
    expect(text).not.toMatch(/[#*`]|\{\w+\}/); // no Markdown, no unfilled placeholders
  });

  it("says so when nothing went unanswered", () => {
    const prompts = new Prompts();
    const text = formatReport(buildReport(log), prompts);
    expect(text).toContain(prompts.get("admin-report-no-gaps"));
    expect(text).toContain(prompts.get("admin-report-no-topics"));
  });
});

describe("personal data in the report", () => {
  it("is redacted even in rows written before redaction existed", () => {
    ask("电动车被偷了，我电话13812345678");
    // A row as an older release stored it: verbatim.
    const db = (log as unknown as { db: import("better-sqlite3").Database }).db;
    db.prepare("UPDATE questions SET question = ? WHERE id = (SELECT MAX(id) FROM questions)").run("电动车被偷了，我电话13812345678");
    const text = formatReport(buildReport(log), new Prompts());
    expect(text).not.toContain("13812345678");
    expect(text).toContain("[手机号]");
  });
});
