/** `pufa eval FILE`: the bench's metrics on any labelled set, plus the worst misses to read. */
import { existsSync } from "node:fs";
import type { Searcher } from "../types.js";
import { evaluate, formatMetricsRow, loadStard, METRICS_HEADER } from "./stard.js";

export function runEvalCommand(searcher: Searcher, file: string, worst: number): string {
  if (!existsSync(file)) throw new Error(`找不到评测文件: ${file}`);
  const items = loadStard(file);
  if (!items.length) throw new Error(`评测文件为空: ${file}`);
  const report = evaluate(searcher, items, { k: 100, worst });
  const lines = [METRICS_HEADER, formatMetricsRow(`pufa (${items.length} questions)`, report.metrics), "", `worst ${report.misses.length} misses:`];
  for (const m of report.misses) {
    const gold = m.gold.map((g, i) => `${g.law}${g.article}${m.ranks[i] ? `@${m.ranks[i]}` : "@—"}`).join("，");
    lines.push(`- [${m.id}] ${m.question}\n    gold: ${gold}\n    top3: ${m.top.join("，")}`);
  }
  return `${lines.join("\n")}\n`;
}
