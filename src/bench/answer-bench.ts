/**
 * The answer-level bench: what a citizen sees, with the whole law library loaded. It indexes the
 * local-campaign articles (src/bench/data/local/articles, never served) with corpus/ and the library,
 * fits the per-source answer decision (src/answer/decision.ts) with 5-fold cross-validation on the
 * fitting sets (the local questions, the founding-article questions, the shipped policing starter set
 * src/data/labelled/policing.jsonl and the negatives),
 * and prints the answer-level table with every fitted set's figures held out (each question answered
 * by the model of the folds it was not in). pufa-domain and the policing stories are never fitted on.
 *
 * `npx tsx src/bench/answer-bench.ts [--laws DIR] [--index DIR] [--sets DATA_DIR] [--write]`: --write stores the model
 * fitted on all fitting sets as the shipped src/answer/decision-model.json.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEngine } from "../answer/engine.js";
import { DEFAULT_DECISION_FILE, FEATURES, fitLogistic, probability, THRESHOLD_MODEL, type DecisionModel, type LogisticModel, type Source } from "../answer/decision.js";
import type { Judgement } from "../answer/judge.js";
import { Prompts } from "../answer/prompts.js";
import { learnedFrom, loadConfig } from "../config.js";
import { ANSWER_HEADER, formatAnswerReport, formatSummaryRow, loadAnswerItems, percentile, runAnswerEval, summarize, type AnswerItem, type AnswerResult } from "../eval/answers.js";
import { readLabelledFiles } from "../ingestion/labelled-reader.js";
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { LabelledKnowledge } from "../retrieval/labelled-questions.js";
import { openRuntime } from "../runtime.js";
import type { AnswerEngine, Searcher } from "../types.js";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DATA = path.join(REPO, "src/bench/data");

export interface AnswerSet {
  label: string;
  file: string;
  /** The decision is fitted on it (and its figures reported held out). */
  fit: boolean;
}

export function defaultAnswerSets(dataDir = DATA): AnswerSet[] {
  return [
    { label: "local campaigns", file: path.join(dataDir, "local/questions.jsonl"), fit: true },
    { label: "founding article", file: path.join(dataDir, "local/founding.jsonl"), fit: true },
    { label: "negatives", file: path.join(dataDir, "local/negatives.jsonl"), fit: true },
    { label: "policing starter (fit only)", file: path.join(REPO, "src/data/labelled/policing.jsonl"), fit: true },
    { label: "policing stories", file: path.join(dataDir, "local/policing-stories.jsonl"), fit: false },
    { label: "pufa-domain", file: path.join(dataDir, "pufa-domain.jsonl"), fit: false },
    // Written blind (without running pufa), measured once, then read: see README.
    { label: "policing fresh", file: path.join(dataDir, "policing-fresh.jsonl"), fit: false },
    { label: "policing fresh2", file: path.join(dataDir, "policing-fresh2.jsonl"), fit: false },
    { label: "policing fresh3", file: path.join(dataDir, "policing-fresh3.jsonl"), fit: false },
    { label: "policing fresh4", file: path.join(dataDir, "policing-fresh4.jsonl"), fit: false },
    // Written blind in the eleventh and twelfth sessions; fresh5 to fresh8's misses are not read,
    // fresh7's from the thirteenth session on (see README).
    { label: "policing fresh5", file: path.join(dataDir, "policing-fresh5.jsonl"), fit: false },
    { label: "policing fresh6", file: path.join(dataDir, "policing-fresh6.jsonl"), fit: false },
    { label: "policing fresh7", file: path.join(dataDir, "policing-fresh7.jsonl"), fit: false },
    { label: "policing fresh8", file: path.join(dataDir, "policing-fresh8.jsonl"), fit: false },
    // Written blind in the thirteenth session; its misses are not read.
    { label: "policing fresh9", file: path.join(dataDir, "policing-fresh9.jsonl"), fit: false },
  ].filter((s) => existsSync(s.file));
}

interface Observed {
  item: AnswerItem;
  fold: number;
  local: Judgement | null;
  law: Judgement | null;
}

/**
 * Does this source answer this item? 1 when the item has gold of the source's kind (a question the
 * source should answer: a wrong pick is a retrieval miss, not a reason to refuse), 0 for negatives,
 * null when the item says nothing about the source (a law-only question for the articles, and back).
 */
export function sourceLabel(item: AnswerItem, source: Source, judged: Judgement | null): 0 | 1 | null {
  if (!judged) return null;
  if (!item.gold.length) return 0;
  const isLaw = (g: AnswerItem["gold"][number]) => "law" in g;
  return item.gold.some((g) => (source === "law" ? isLaw(g) : !isLaw(g))) ? 1 : null;
}

/**
 * One searcher per fold. When the index learned from labelled questions that are also fitted here
 * (the shipped starter set), each fold's searcher learns from them without that fold's questions, so
 * a question is never answered by its own label: its figures stay held out.
 */
function heldOutSearchers(searcher: Searcher, learnedFrom: readonly string[], foldOf: ReadonlyMap<AnswerItem, number>, folds: number): Searcher[] {
  const hybrid = searcher as HybridSearcher;
  const labelled = readLabelledFiles(learnedFrom).items;
  if (!labelled.length || typeof hybrid.with !== "function") return Array.from({ length: folds }, () => searcher);
  const foldOfQuestion = new Map([...foldOf].map(([item, f]) => [item.question, f]));
  return Array.from({ length: folds }, (_, f) =>
    hybrid.with({ labelled: LabelledKnowledge.learn(labelled.filter((q) => foldOfQuestion.get(q.question) !== f), hybrid.passages, { analyzer: hybrid.bm25.analyzer }) }),
  );
}

function fit(observed: Observed[], exclude: number | null): DecisionModel {
  const model = { ...THRESHOLD_MODEL } as DecisionModel;
  for (const source of ["local", "law"] as Source[]) {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (const o of observed) {
      if (o.fold === exclude) continue;
      const judged = o[source];
      const y = sourceLabel(o.item, source, judged);
      if (y === null || !judged) continue;
      xs.push(judged.features);
      ys.push(y);
    }
    if (xs.length >= 10 && ys.some((y) => y) && ys.some((y) => !y)) model[source] = fitLogistic(xs, ys);
  }
  return model;
}

function heldOutAccuracy(observed: Observed[], models: DecisionModel[], source: Source): { n: number; right: number } {
  let n = 0;
  let right = 0;
  for (const o of observed) {
    const judged = o[source];
    const y = sourceLabel(o.item, source, judged);
    if (y === null || !judged) continue;
    n++;
    if ((probability(models[o.fold][source], judged.features) >= 0.5 ? 1 : 0) === y) right++;
  }
  return { n, right };
}

const round = (m: LogisticModel) => ({ weights: m.weights.map((w) => Number(w.toFixed(4))), bias: Number(m.bias.toFixed(4)) });

export async function runAnswerBench(options: { laws: string; index?: string; dataDir?: string; folds?: number; write?: boolean; log?: (s: string) => void }): Promise<string> {
  const log = options.log ?? ((s: string) => process.stderr.write(`${s}\n`));
  const dataDir = options.dataDir ?? DATA;
  const sets = defaultAnswerSets(dataDir);
  const folds = options.folds ?? 5;
  const tmp = options.index ? null : mkdtempSync(path.join(os.tmpdir(), "pufa-answer-bench-"));
  const config = loadConfig({}, { corpus: [path.join(dataDir, "local/articles"), path.join(REPO, "corpus")], laws: options.laws, data: options.index ?? tmp! });
  log("answer bench: opening the index (local articles + corpus + library; built on first use)…");
  const rt = await openRuntime(config, { questionLog: false });
  try {
    const prompts = new Prompts();
    const items = sets.map((s) => ({ set: s, items: loadAnswerItems(s.file) }));
    // Folds are fixed before anything is asked: a fitted question's fold also decides which labelled
    // questions the index may learn from while it is asked (never itself: see heldOutSearchers).
    const foldOf = new Map<AnswerItem, number>();
    let k = 0;
    for (const { set, items: list } of items) if (set.fit) for (const item of list) foldOf.set(item, k++ % folds);
    const foldSearchers = heldOutSearchers(rt.searcher(), learnedFrom(config), foldOf, folds);
    const engineWith = (decision: DecisionModel, searcher: Searcher, onJudged?: Parameters<typeof createEngine>[0]["onJudged"]): AnswerEngine =>
      createEngine({ searcher: () => searcher, prompts, decision, ...(onJudged ? { onJudged } : {}) });

    // 1. The features of every fitting question, once (they do not depend on the model).
    const observed: Observed[] = [];
    let current: Observed | null = null;
    const observers = foldSearchers.map((s) =>
      engineWith(THRESHOLD_MODEL, s, (_q, j) => {
        if (current) Object.assign(current, j);
      }),
    );
    for (const [item, fold] of foldOf) {
      current = { item, fold, local: null, law: null };
      await observers[fold].ask({ question: item.question, ...(item.context.length ? { context: item.context.map((c, i) => ({ question: c.question, at: i })) } : {}) });
      observed.push(current);
    }
    current = null;
    // 2. One model per fold, and the held-out decision accuracy per source.
    const models = Array.from({ length: folds }, (_, f) => fit(observed, f));
    const lines = ["## Answer level (whole library loaded)", ""];
    for (const source of ["local", "law"] as Source[]) {
      const a = heldOutAccuracy(observed, models, source);
      lines.push(`decision "${source} answers" (${FEATURES[source].join(", ")}): held-out accuracy ${(a.right / Math.max(1, a.n)).toFixed(3)} on ${a.n} questions (${folds}-fold CV)`);
    }
    lines.push("");
    // 3. Replies: fitted sets held out (each question answered by its fold's model), the rest by the model fitted on all.
    const all = fit(observed, null);
    const foldEngines = models.map((m, f) => engineWith(m, foldSearchers[f]));
    const fullEngine = engineWith(all, rt.searcher());
    const rows: string[] = [ANSWER_HEADER];
    const details: string[] = [];
    const ms: number[] = [];
    for (const { set, items: list } of items) {
      const results: AnswerResult[] = [];
      for (const item of list) {
        const engine = set.fit ? foldEngines[foldOf.get(item) ?? 0] : fullEngine;
        results.push(...(await runAnswerEval(engine, [item])));
      }
      ms.push(...results.map((r) => r.ms));
      rows.push(formatSummaryRow(summarize(`${set.label}${set.fit ? " (held out)" : ""}`, results)));
      for (const kind of [...new Set(list.map((i) => i.kind))]) {
        if (list.length && new Set(list.map((i) => i.kind)).size > 1) rows.push(formatSummaryRow(summarize(`  ${kind}`, results.filter((r) => r.item.kind === kind))));
      }
      details.push(`### ${set.label}`, formatAnswerReport(set.label, results, Number(process.env.MISSES ?? 15)));
    }
    lines.push(...rows, "", `whole offline reply over the library: p50 ${percentile(ms, 0.5).toFixed(1)} ms, p90 ${percentile(ms, 0.9).toFixed(1)} ms`, "");
    if (options.write) {
      const model: DecisionModel = { note: `fitted by src/bench/answer-bench.ts (--write) on ${sets.filter((s) => s.fit).map((s) => path.relative(dataDir, s.file)).join(", ")}`, local: round(all.local), law: round(all.law) };
      writeFileSync(DEFAULT_DECISION_FILE, `${JSON.stringify(model, null, 2)}\n`);
      lines.push(`wrote ${path.relative(REPO, DEFAULT_DECISION_FILE)}`, "");
    }
    log(details.join("\n"));
    return `${lines.join("\n")}\n`;
  } finally {
    rt.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const laws = arg("--laws") ?? path.resolve(REPO, "../shared/data/laws");
  process.stdout.write(await runAnswerBench({ laws, index: arg("--index"), dataDir: arg("--sets"), write: process.argv.includes("--write") }));
}
