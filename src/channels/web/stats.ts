/**
 * The console's statistics from question-log rows: questions per day, answered vs refused, by
 * reason and topic, feedback, the most asked questions. Pure, over rows already read for a range.
 */
import { localDate } from "../../text/dates.js";
import { topTopics, type TopicCount } from "../../admin/report.js";
import type { QuestionRow } from "../../admin/question-log.js";

export interface WebStats {
  days: { day: string; total: number; answered: number; refused: number }[];
  total: number;
  answered: number;
  refused: number;
  byReason: Record<string, number>;
  topics: TopicCount[];
  feedback: { useful: number; notUseful: number };
  topQuestions: { question: string; count: number }[];
}

/** Local calendar day of an ISO time, yyyy-mm-dd. */
export function localDay(iso: string): string {
  return localDate(new Date(iso));
}

export function computeStats(rows: readonly QuestionRow[], top = 10): WebStats {
  const days = new Map<string, { day: string; total: number; answered: number; refused: number }>();
  const byReason: Record<string, number> = {};
  const asked = new Map<string, number>();
  const feedback = { useful: 0, notUseful: 0 };
  for (const r of rows) {
    const day = localDay(r.at);
    const d = days.get(day) ?? { day, total: 0, answered: 0, refused: 0 };
    d.total++;
    if (r.refused) d.refused++;
    else d.answered++;
    days.set(day, d);
    byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
    const q = r.question.trim();
    if (q) asked.set(q, (asked.get(q) ?? 0) + 1);
    if (r.useful === true) feedback.useful++;
    if (r.useful === false) feedback.notUseful++;
  }
  const refused = rows.filter((r) => r.refused).length;
  return {
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    total: rows.length,
    answered: rows.length - refused,
    refused,
    byReason,
    topics: topTopics([...rows], top),
    feedback,
    topQuestions: [...asked].map(([question, count]) => ({ question, count })).sort((a, b) => b.count - a.count || a.question.localeCompare(b.question, "zh")).slice(0, top),
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Per-day counts as CSV (UTF-8 with BOM, so Excel reads the Chinese header); `header` is prompts/web-stats-csv-header.txt, its four names separated by commas. */
export function statsCsv(stats: WebStats, header: string): string {
  const lines = [header.split(/[,，]/).map((h) => csvCell(h.trim())).join(",")];
  for (const d of stats.days) lines.push([d.day, d.total, d.answered, d.refused].map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
