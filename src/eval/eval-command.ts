/** `pufa eval FILE`: metrics of a searcher on a STARD-format file and its worst misses, as plain text. */
import { existsSync, readFileSync } from "node:fs";
import { defaultReranker, trainedOnText } from "../retrieval/reranker-model.js";
import path from "node:path";
import type { Searcher } from "../types.js";
import { evaluate, formatMetricsRow, METRICS_HEADER, parseStard, type QuestionResult } from "./stard.js";

export function formatMiss(q: QuestionResult): string {
  const gold = q.gold.map((g, i) => `${g.law}${g.article}${q.ranks[i] ? ` (#${q.ranks[i]})` : " (—)"}`).join("; ");
  return `- [${q.id}] ${q.question}\n    gold: ${gold}\n    top:  ${q.top.join(" | ")}`;
}

/** `learnedFrom`: the labelled files the index learned from; evaluating on one of them is flagged as in-sample. */
export async function runEvalCommand(searcher: Searcher, file: string, misses = 10, learnedFrom: readonly string[] = []): Promise<string> {
  if (!existsSync(file)) throw new Error(`evaluation file not found: ${file}`);
  const text = readFileSync(file, "utf8");
  const items = parseStard(text);
  if (!items.length) throw new Error(`evaluation file has no questions: ${file}`);
  const report = await evaluate(searcher, items, { k: 100, worst: misses });
  // A "miss" is a question with a gold article outside the top 10; perfect answers are not listed.
  report.misses = report.misses.filter((q) => q.recall10 < 1);
  const lines = [METRICS_HEADER, formatMetricsRow(`pufa (${report.metrics.n} questions)`, report.metrics), ""];
  if (learnedFrom.some((f) => path.resolve(f) === path.resolve(file))) {
    lines.push("note: the index learned from this very file (PUFA_LABELLED or the starter set, PUFA_STARTER_LABELLED): these are in-sample figures, not a test.", "");
  }
  const reranker = defaultReranker();
  if (reranker && trainedOnText(reranker, text)) {
    lines.push(
      "note: the shipped reranker (src/data/reranker.json: learned expansions and trees) was trained on this very file: these are in-sample figures; `npm run bench` gives cross-validated ones.",
      "",
    );
  }
  if (misses > 0) lines.push(`worst ${Math.min(misses, report.misses.length)} misses:`, ...report.misses.map(formatMiss));
  return `${lines.join("\n")}\n`;
}
