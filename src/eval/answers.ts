/**
 * Answer-level evaluation: what the citizen sees. Each labelled question is asked through the whole
 * engine and its reply is scored: answered right (not refused, a gold source cited, every expected
 * fact string in the reply's text), wrongly refused, right source but wrong passage (a fact missing),
 * or wrong source. A file whose lines carry no gold is a negatives set: only the share refused counts.
 */
import { lawNameKey } from "../retrieval/law-aliases.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AnswerEngine, Citation, ConversationTurn, Reply } from "../types.js";

export type AnswerGold = { doc: string } | { law: string; article: string } | { file: string };

export interface AnswerItem {
  id: string;
  question: string;
  kind: string;
  gold: AnswerGold[];
  facts: string[];
  context: { question: string }[];
}

/** How a reply scored; "failed": the engine threw on the question (the run goes on, and the question counts as missed). */
export type AnswerOutcome = "right" | "refused" | "wrong_passage" | "wrong_source" | "negative_refused" | "negative_answered" | "failed";

export interface AnswerResult {
  item: AnswerItem;
  outcome: AnswerOutcome;
  /** Facts not found in the reply. */
  missing: string[];
  cited: string[];
  ms: number;
  /** The engine's error message, for a failed question. */
  error?: string;
}

/** Parses one JSONL file; lines without gold are negatives. Throws with the line number on bad JSON. */
export function parseAnswerItems(text: string, file = "input"): AnswerItem[] {
  const out: AnswerItem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
    if (typeof o.question !== "string") throw new Error(`${file}:${i + 1}: no "question"`);
    const gold = Array.isArray(o.gold) ? (o.gold as AnswerGold[]).filter((g) => g && typeof g === "object") : [];
    out.push({
      id: String(o.id ?? `${path.basename(file)}:${i + 1}`),
      question: o.question,
      kind: typeof o.kind === "string" ? o.kind : gold.length ? "fact" : "negative",
      gold,
      facts: Array.isArray(o.facts) ? o.facts.filter((f): f is string => typeof f === "string") : [],
      context: Array.isArray(o.context) ? (o.context as { question: string }[]).filter((c) => typeof c?.question === "string") : [],
    });
  });
  return out;
}

export function loadAnswerItems(file: string): AnswerItem[] {
  return parseAnswerItems(readFileSync(file, "utf8"), file);
}

/** Does this citation name this gold source? */
export function citesGold(c: Citation, g: AnswerGold): boolean {
  if ("doc" in g) return c.kind === "article" && c.passageId.startsWith(`article:${g.doc}#`);
  if ("file" in g) return c.path === g.file || c.path.endsWith(`/${g.file}`) || path.basename(c.path) === g.file;
  return c.kind === "law" && lawNameKey(c.title) === lawNameKey(g.law) && c.article === g.article;
}

const squash = (s: string) => s.replace(/\s+/g, "");

/** Scores one reply against its item (pure). */
export function scoreReply(item: AnswerItem, reply: Reply): { outcome: AnswerOutcome; missing: string[] } {
  // A negative is answered when the reply quotes material; a greeting's help text quotes none.
  if (!item.gold.length) return { outcome: reply.refused || !reply.citations.length ? "negative_refused" : "negative_answered", missing: [] };
  if (reply.refused) return { outcome: "refused", missing: item.facts };
  if (!reply.citations.some((c) => item.gold.some((g) => citesGold(c, g)))) return { outcome: "wrong_source", missing: item.facts };
  const text = squash(reply.text);
  const missing = item.facts.filter((f) => !text.includes(squash(f)));
  return { outcome: missing.length ? "wrong_passage" : "right", missing };
}

function citedName(c: Citation): string {
  return c.kind === "law" ? `${lawNameKey(c.title)}${c.article}` : c.passageId.replace(/^article:/, "").replace(/#\d+$/, "");
}

/** Asks every question through the engine (follow-ups with their context) and scores the replies. */
export async function runAnswerEval(engine: AnswerEngine, items: AnswerItem[]): Promise<AnswerResult[]> {
  const out: AnswerResult[] = [];
  for (const item of items) {
    const context: ConversationTurn[] = item.context.map((c, i) => ({ question: c.question, at: Date.now() - (item.context.length - i) * 60_000 }));
    const started = performance.now();
    let reply: Reply;
    try {
      reply = await engine.ask({ question: item.question, channel: "eval", ...(context.length ? { context } : {}) });
    } catch (err) {
      // One question the engine throws on is a miss to report, not the end of the set's measurement.
      out.push({ item, outcome: "failed", missing: item.facts, cited: [], ms: performance.now() - started, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const ms = performance.now() - started;
    out.push({ item, ...scoreReply(item, reply), cited: reply.citations.map(citedName), ms });
  }
  return out;
}

export interface AnswerSummary {
  label: string;
  n: number;
  right: number;
  refused: number;
  wrongPassage: number;
  wrongSource: number;
  /** Negatives only: share refused. */
  negatives: number;
  negativesRefused: number;
}

export function summarize(label: string, results: AnswerResult[]): AnswerSummary {
  const count = (o: AnswerOutcome) => results.filter((r) => r.outcome === o).length;
  // A negative is an item without gold, whatever its outcome (one the engine failed on is not refused).
  const negatives = results.filter((r) => !r.item.gold.length).length;
  return {
    label,
    n: results.length - negatives,
    right: count("right"),
    refused: count("refused"),
    wrongPassage: count("wrong_passage"),
    wrongSource: count("wrong_source"),
    negatives,
    negativesRefused: count("negative_refused"),
  };
}

const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : "—");

export const ANSWER_HEADER = "| set | n | right | wrongly refused | right source, wrong passage | wrong source | negatives refused |\n|---|---|---|---|---|---|---|";

export function formatSummaryRow(s: AnswerSummary): string {
  const neg = s.negatives ? `${pct(s.negativesRefused, s.negatives)} (${s.negativesRefused}/${s.negatives})` : "—";
  if (!s.n) return `| ${s.label} | ${s.negatives} | — | — | — | — | ${neg} |`;
  return `| ${s.label} | ${s.n} | ${pct(s.right, s.n)} | ${pct(s.refused, s.n)} | ${pct(s.wrongPassage, s.n)} | ${pct(s.wrongSource, s.n)} | ${neg} |`;
}

/** Percentile (0..1) of the reply times, in ms. */
export function percentile(ms: number[], p: number): number {
  if (!ms.length) return 0;
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** The table for one labelled file: the whole set, then one row per kind; then its misses. */
export function formatAnswerReport(label: string, results: AnswerResult[], misses = 10): string {
  const lines = [ANSWER_HEADER, formatSummaryRow(summarize(label, results))];
  const kinds = [...new Set(results.map((r) => r.item.kind))];
  if (kinds.length > 1) for (const k of kinds) lines.push(formatSummaryRow(summarize(`  ${k}`, results.filter((r) => r.item.kind === k))));
  lines.push("", `reply p50 ${percentile(results.map((r) => r.ms), 0.5).toFixed(1)} ms, p90 ${percentile(results.map((r) => r.ms), 0.9).toFixed(1)} ms`);
  const wrong = results.filter((r) => r.outcome !== "right" && r.outcome !== "negative_refused").slice(0, misses);
  if (wrong.length) {
    lines.push("", `misses (first ${wrong.length}):`);
    for (const r of wrong) {
      const extra = r.missing.length ? ` missing: ${r.missing.join(" / ")}` : "";
      const got = r.outcome === "failed" ? `(engine error: ${r.error})` : r.cited.join(", ") || "(refused)";
      lines.push(`- [${r.item.id}] ${r.outcome} ${r.item.question} → ${got}${extra}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
