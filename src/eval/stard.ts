/**
 * STARD-format evaluation: {id, question, gold:[{law, article, name}]} per line.
 * Recall@k = per question, the share of its gold articles in the top k, averaged; MRR@10 uses the
 * first gold hit. A hit = same law (中华人民共和国 removed on both sides) and same article number,
 * any version. Latency is measured around each search call.
 */
import { lawArticleKey } from "../retrieval/law-aliases.js";
import { readFileSync } from "node:fs";
import type { Hit, Searcher, SearchOptions } from "../types.js";
import { labelKey } from "../retrieval/labelled-questions.js";

export interface GoldArticle {
  law: string;
  article: string;
  name?: string;
}

export interface StardItem {
  id: string;
  question: string;
  gold: GoldArticle[];
}

export interface EvalMetrics {
  n: number;
  r1: number;
  r5: number;
  r10: number;
  r100: number;
  mrr10: number;
  p50Ms: number;
  p99Ms: number;
}

export interface QuestionResult {
  id: string;
  question: string;
  gold: GoldArticle[];
  /** 1-based rank of each gold article in the results, null when absent. */
  ranks: (number | null)[];
  recall10: number;
  rr10: number;
  /** The top 3 results, "law 第X条", for reading misses. */
  top: string[];
}

export interface EvalReport {
  metrics: EvalMetrics;
  questions: QuestionResult[];
  /** Questions with the lowest Recall@10 then lowest reciprocal rank, worst first. */
  misses: QuestionResult[];
  /** Per-question search latency, ms, in question order. */
  latencies: number[];
}

export function loadStard(file: string): StardItem[] {
  return parseStard(readFileSync(file, "utf8"));
}

/** The questions of a labelled file's text (JSON lines), for callers that also need its bytes. */
export function parseStard(text: string): StardItem[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as StardItem);
}

/** "law|article" of a gold label (the same key pufa learns labelled questions by). */
export const goldKey: (g: GoldArticle) => string | null = labelKey;

export function hitKey(h: Hit): string | null {
  const p = h.passage;
  return p.kind === "law" ? lawArticleKey(p.lawShort, p.articleNo) : null;
}

export function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function evaluate(
  searcher: Searcher,
  items: readonly StardItem[],
  opts: { k?: number; search?: SearchOptions; worst?: number } = {},
): Promise<EvalReport> {
  const k = opts.k ?? 100;
  const questions: QuestionResult[] = [];
  const lat: number[] = [];
  let r1 = 0, r5 = 0, r10 = 0, r100 = 0, mrr = 0;
  for (const item of items) {
    const t0 = performance.now();
    const hits = await searcher.search(item.question, { ...opts.search, k });
    lat.push(performance.now() - t0);
    const firstRank = new Map<string, number>();
    hits.forEach((h, i) => {
      const key = hitKey(h);
      if (key && !firstRank.has(key)) firstRank.set(key, i + 1);
    });
    const keys = [...new Set(item.gold.map(goldKey).filter((x): x is string => x !== null))];
    const ranks = keys.map((key) => firstRank.get(key) ?? null);
    const within = (n: number) => (keys.length ? ranks.filter((r) => r !== null && r <= n).length / keys.length : 0);
    const best = Math.min(...ranks.map((r) => r ?? Infinity));
    const rr10 = best <= 10 ? 1 / best : 0;
    r1 += within(1);
    r5 += within(5);
    r10 += within(10);
    r100 += within(100);
    mrr += rr10;
    questions.push({
      id: item.id,
      question: item.question,
      gold: item.gold,
      ranks,
      recall10: within(10),
      rr10,
      top: hits.slice(0, 3).map((h) => (h.passage.kind === "law" ? `${h.passage.lawShort}${h.passage.article}` : h.passage.title)),
    });
  }
  const n = items.length || 1;
  const latencies = [...lat];
  lat.sort((a, b) => a - b);
  const metrics: EvalMetrics = {
    n: items.length,
    r1: r1 / n,
    r5: r5 / n,
    r10: r10 / n,
    r100: r100 / n,
    mrr10: mrr / n,
    p50Ms: percentile(lat, 0.5),
    p99Ms: percentile(lat, 0.99),
  };
  const misses = [...questions]
    .sort((a, b) => a.recall10 - b.recall10 || a.rr10 - b.rr10)
    .slice(0, opts.worst ?? 20);
  return { metrics, questions, misses, latencies };
}

/** One row of the plain-text metrics table. */
export function formatMetricsRow(name: string, m: EvalMetrics): string {
  const f = (x: number) => x.toFixed(3);
  return `${name.padEnd(44)} ${f(m.r1)}  ${f(m.r5)}  ${f(m.r10)}  ${f(m.r100)}  ${f(m.mrr10)}  ${m.p50Ms.toFixed(1).padStart(6)} / ${m.p99Ms.toFixed(1).padStart(6)} ms`;
}

export const METRICS_HEADER = `${"retriever".padEnd(44)} R@1    R@5    R@10   R@100  MRR@10  query p50 / p99`;
