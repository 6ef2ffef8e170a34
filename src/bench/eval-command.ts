/** `pufa eval FILE`: metrics of a searcher on a STARD-format file and its worst misses, as plain text. */
import type { Searcher } from "../types.js";
import { evaluate, formatMetricsRow, loadStard, METRICS_HEADER, type QuestionResult } from "./stard.js";

export function formatMiss(q: QuestionResult): string {
  const gold = q.gold.map((g, i) => `${g.law}${g.article}${q.ranks[i] ? ` (#${q.ranks[i]})` : " (—)"}`).join("; ");
  return `- [${q.id}] ${q.question}\n    gold: ${gold}\n    top:  ${q.top.join(" | ")}`;
}

export function runEvalCommand(searcher: Searcher, file: string, misses = 10): string {
  const report = evaluate(searcher, loadStard(file), { k: 100, worst: misses });
  const lines = [METRICS_HEADER, formatMetricsRow(`pufa (${report.metrics.n} questions)`, report.metrics), ""];
  if (misses > 0) lines.push(`worst ${Math.min(misses, report.misses.length)} misses:`, ...report.misses.map(formatMiss));
  return `${lines.join("\n")}\n`;
}
