/**
 * The retrieval bench: builds pufa's HybridSearcher and the baselines from a law library folder
 * (plus corpus passages when given), evaluates them on a STARD-format file, and returns a plain-text
 * report: ablations of each signal, baselines, the fusion weights re-fitted and the reranker
 * trained inside k-fold cross-validation (held-out figures to quote), learning from labelled
 * questions (CV too), and a check on pufa's own domain.
 */
import { existsSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import type { Passage } from "../types.js";
import { loadLawLibrary } from "../ingestion/law-library.js";
import { FEATURE_NAMES, featureWeights, type HybridConfig } from "../retrieval/hybrid-searcher.js";
import { buildSearcher } from "../index/searcher-build.js";
import { BigramBm25Baseline, MiniSearchBaseline } from "./baseline-minisearch.js";
import { collectFeatures, crossValidateWeights, scoreWeights } from "./fit-weights.js";
import { crossValidateLabelled } from "./labelled-cv.js";
import { crossValidateReranker, FoldRerankers } from "./rerank-cv.js";
import { LabelledKnowledge } from "../retrieval/labelled-questions.js";
import { evaluate, formatMetricsRow, loadStard, METRICS_HEADER, type EvalMetrics, type StardItem } from "../eval/stard.js";

export interface RetrievalBenchOptions {
  /** Extra passages (e.g. corpus chunks) indexed with the laws. */
  extraPassages?: Passage[];
  /** Questions for the slow MiniSearch baseline (every n-th question; 0 = skip). Default 4. */
  miniSearchEvery?: number;
  /** Folds for cross-validation (0 = skip). Default 5. */
  folds?: number;
  embedding?: "lsa" | "hash" | "none";
  /**
   * Labelled sets in pufa's own domain, evaluated with the same ablations. Default: the held-out
   * src/bench/data/pufa-domain.jsonl (written independently; never tune on it) and the small
   * tests/fixtures/retrieval/police-domain.jsonl (written with the lexicon: not independent).
   */
  domainFiles?: string[];
  /**
   * Labelled files that join every CV fold's reranker training, as they join the shipped model's
   * (`npm run train-reranker`). Default: src/data/labelled/policing.jsonl, pufa's policing training set (also the shipped starter set).
   */
  trainingFiles?: string[];
  log?: (line: string) => void;
}

/** Each signal switched off in turn (same index, config variants only). */
export const ABLATIONS: [string, Partial<HybridConfig>][] = [
  ["pufa hybrid (defaults)", {}],
  ["  − reranker (trees; expansions kept)", { rerankTop: 0 }],
  ["  − learned expansions (trees kept)", { modelExpansionWeight: 0 }],
  ["  − ranking model (first stage alone)", { rerankTop: 0, modelExpansionWeight: 0 }],
  ["  − dense (LSA)", { denseWeight: 0 }],
  ["  − coverage", { coverageWeight: 0 }],
  ["  − lexicon", { lexiconWeight: 0 }],
  ["  − category prior", { categoryPrior: {} }],
  ["  − law/chapter scores", { lawWeight: 0, chapterWeight: 0 }],
  ["  BM25 text+headings only", { rerankTop: 0, modelExpansionWeight: 0, denseWeight: 0, coverageWeight: 0, lexiconWeight: 0, categoryPrior: {}, lawWeight: 0, chapterWeight: 0, lengthWeight: 0 }],
];

export async function runRetrievalBench(lawsDir: string, stardFile: string, opts: RetrievalBenchOptions = {}): Promise<string> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const lines: string[] = [];
  const items: StardItem[] = loadStard(stardFile);
  let t0 = performance.now();
  const lib = await loadLawLibrary(lawsDir);
  const passages: Passage[] = [...lib.passages, ...(opts.extraPassages ?? [])];
  const loadS = (performance.now() - t0) / 1000;
  log(`loaded ${passages.length} passages in ${loadS.toFixed(1)} s`);
  t0 = performance.now();
  const pufa = buildSearcher(passages, { embedding: opts.embedding, onProgress: (s) => log(`build: ${s} (${((performance.now() - t0) / 1000).toFixed(1)} s)`) });
  const buildS = (performance.now() - t0) / 1000;
  const rssAfterBuild = process.resourceUsage().maxRSS / 1024;
  lines.push(
    `law library: ${lawsDir} (${lib.passages.length} articles${opts.extraPassages?.length ? ` + ${opts.extraPassages.length} corpus chunks` : ""}), questions: ${items.length}`,
    `pufa index build: ${buildS.toFixed(1)} s (library load ${loadS.toFixed(1)} s), peak RSS after build ${rssAfterBuild.toFixed(0)} MB, embedder ${pufa.embedder?.id ?? "none"}`,
    "",
    METRICS_HEADER,
  );
  const row = (name: string, m: EvalMetrics) => {
    const r = formatMetricsRow(name, m);
    lines.push(r);
    log(r);
  };
  const defaults = { ...pufa.config };
  const ablate = async (set: readonly StardItem[]) => {
    for (const [name, patch] of ABLATIONS) row(name, (await evaluate(pufa.with({ config: patch }), set)).metrics);
  };
  await ablate(items);
  if (pufa.reranker) {
    const note = `  (the shipped reranker was trained on ${pufa.reranker.trainedOn ?? "an unrecorded set"}: on that file the rows with it are in-sample; quote the CV rows below)`;
    lines.push(note);
    log(note);
  }

  t0 = performance.now();
  const bigram = new BigramBm25Baseline(passages);
  log(`bigram baseline built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  row("baseline: char-bigram BM25 (title+text)", (await evaluate(bigram, items)).metrics);

  const every = opts.miniSearchEvery ?? 4;
  if (every > 0) {
    t0 = performance.now();
    const ms = new MiniSearchBaseline(passages);
    log(`MiniSearch built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const sample = items.filter((_, i) => i % every === 0);
    row(`baseline: MiniSearch+jieba (every ${every}th q)`, (await evaluate(ms, sample)).metrics);
    row(`pufa hybrid on the same ${sample.length} q`, (await evaluate(pufa, sample)).metrics);
  }

  const folds = opts.folds ?? 5;
  if (folds > 1) {
    // Without the model's learned expansions: they were learned from these questions (in-sample).
    const cached = collectFeatures(pufa.with({ config: { modelExpansionWeight: 0 } }), items);
    const start = featureWeights(defaults);
    const inSample = scoreWeights(cached, start);
    lines.push(
      "",
      `fusion weights [${FEATURE_NAMES.join(", ")}] of the first stage without learned expansions, coordinate ascent inside ${folds}-fold CV (held-out figures):`,
      `  defaults ${JSON.stringify(start)} on all questions: R@10 ${inSample.r10.toFixed(3)} MRR@10 ${inSample.mrr10.toFixed(3)} R@100 ${inSample.r100.toFixed(3)}`,
    );
    for (const mode of ["random", "block"] as const) {
      const cv = crossValidateWeights(cached, start, folds, mode);
      const m = cv.heldOut;
      const line = `  ${mode.padEnd(6)} folds: held-out R@10 ${m.r10.toFixed(3)} MRR@10 ${m.mrr10.toFixed(3)} R@100 ${m.r100.toFixed(3)}; fitted weights per fold ${JSON.stringify(cv.weights.map((w) => w.slice(1)))}`;
      lines.push(line);
      log(line);
    }
  }

  // The reranker, trained inside the CV: each fold answered by a model that never saw it.
  let rerankers: FoldRerankers | undefined;
  if (folds > 1) {
    t0 = performance.now();
    const extra = (opts.trainingFiles ?? defaultTrainingFiles()).filter((f) => existsSync(f)).map((f) => ({ file: f, items: loadStard(f) }));
    const extraItems = extra.flatMap((e) => e.items);
    rerankers = new FoldRerankers(pufa, items, extraItems);
    const pooled = extra.map((e) => ` + ${e.items.length} q of ${basename(e.file)}`).join("");
    lines.push(
      "",
      `ranking model (learned expansions + LambdaMART over law-agnostic features) trained inside ${folds}-fold CV (each fold: the other folds${pooled}), held-out figures:`,
      METRICS_HEADER,
    );
    for (const mode of ["random", "block"] as const) row(`reranker ${mode} CV`, await crossValidateReranker(pufa, items, folds, mode, rerankers));
    lines.push(`  (${folds * 2} models trained and evaluated in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }

  // Learning from labelled questions (PUFA_LABELLED), measured the only honest way: learn from
  // k−1 folds, answer the held-out fold (with the reranker of the same fold).
  if (folds > 1) {
    lines.push("", `learning from labelled questions (${folds}-fold CV: learned from the other folds, held-out figures):`, METRICS_HEADER);
    const variants: [string, Partial<HybridConfig>][] = [
      ["neighbours + expansions", {}],
      ["  neighbours only", { learnedExpansionWeight: 0 }],
      ["  expansions only", { neighbourWeight: 0 }],
    ];
    for (const mode of ["random", "block"] as const) {
      for (const [name, patch] of mode === "random" ? variants : variants.slice(0, 1)) {
        row(`labelled ${mode} CV: ${name}`, await crossValidateLabelled(pufa.with({ config: patch }), items, folds, mode, rerankers));
      }
    }
  }

  const learnedAll = folds > 1 ? LabelledKnowledge.learn(items, pufa.passages, { analyzer: pufa.bm25.analyzer }) : null;
  for (const domain of opts.domainFiles ?? defaultDomainFiles()) {
    if (!existsSync(domain)) continue;
    const dItems = loadStard(domain);
    lines.push("", `domain set: ${dItems.length} questions (${domain})`, METRICS_HEADER);
    await ablate(dItems);
    row("baseline: char-bigram BM25 (title+text)", (await evaluate(bigram, dItems)).metrics);
    if (learnedAll) {
      // Cross-domain check: everything learned from STARD-train (civil law) applied to policing questions.
      row("pufa + labelled (all STARD-train)", (await evaluate(pufa.with({ labelled: learnedAll }), dItems)).metrics);
    }
  }
  lines.push("", `peak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  return `${lines.join("\n")}\n`;
}

function defaultTrainingFiles(): string[] {
  return [fileURLToPath(new URL("../data/labelled/policing.jsonl", import.meta.url))];
}

function defaultDomainFiles(): string[] {
  return [
    fileURLToPath(new URL("./data/pufa-domain.jsonl", import.meta.url)),
    fileURLToPath(new URL("../../tests/fixtures/retrieval/police-domain.jsonl", import.meta.url)),
  ];
}

export function defaultPaths(root = process.cwd()): { laws: string; stard: string } | null {
  const laws = `${root}/../shared/data/laws`;
  const stard = `${root}/../shared/data/stard-train.jsonl`;
  return existsSync(laws) && existsSync(stard) ? { laws, stard } : null;
}
