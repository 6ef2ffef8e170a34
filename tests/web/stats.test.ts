import { describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import type { QuestionRow } from "../../src/admin/question-log.js";
import { computeStats, localDay, statsCsv } from "../../src/channels/web/stats.js";

const row = (at: string, question: string, refused: boolean, extra: Partial<QuestionRow> = {}): QuestionRow => ({
  id: 1, at, channel: "http", asker: null, question, refused, reason: refused ? "no_match" : "answered", citations: [], latencyMs: 5, private: true, useful: null, ...extra,
});

describe("computeStats", () => {
  const rows = [
    row("2026-11-30T02:00:00Z", "酒驾怎么处罚", false, { useful: true }),
    row("2026-11-30T03:00:00Z", "酒驾怎么处罚", false, { useful: false }),
    row("2026-12-01T03:00:00Z", "邻居的狗总叫", true),
  ];
  it("counts per local day, answered vs refused, feedback, most asked", () => {
    const s = computeStats(rows);
    expect(s.days).toEqual([
      { day: localDay(rows[0].at), total: 2, answered: 2, refused: 0 },
      { day: localDay(rows[2].at), total: 1, answered: 0, refused: 1 },
    ]);
    expect(s).toMatchObject({ total: 3, answered: 2, refused: 1, byReason: { answered: 2, no_match: 1 }, feedback: { useful: 1, notUseful: 1 } });
    expect(s.topQuestions[0]).toEqual({ question: "酒驾怎么处罚", count: 2 });
    expect(s.topics.find((t) => t.term === "酒驾")?.count).toBe(2);
  });

  it("CSV starts with a BOM and never lets a cell run as a spreadsheet formula", () => {
    const csv = statsCsv({ ...computeStats(rows), days: [{ day: "=HYPERLINK(1)", total: 1, answered: 1, refused: 0 }] }, new Prompts().get("web-stats-csv-header"));
    expect(csv.startsWith("\uFEFF日期,提问,已答,未答\r\n")).toBe(true);
    expect(csv).toContain("'=HYPERLINK(1),1,1,0");
  });
});
