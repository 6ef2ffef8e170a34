/**
 * `npm run train-reranker [-- LAWS_DIR LABELLED_FILE...] [--embedding=lsa|none] [--out FILE]`: builds
 * the index as the product does, learns the model's expansions from the labelled questions
 * (model-expansions.ts), collects every question's first-stage candidates with them and trains the
 * LambdaMART reranker on those (src/data/reranker.json by default; expansions and trees in one file). Several files are
 * pooled (e.g. STARD-train and the office's own questions from `pufa report --to-label`); questions
 * whose gold is still empty are skipped. Retrain after changing the
 * first stage (fusion weights, lexicon, analyzer): the model learns corrections to its scores.
 * Defaults: ../shared/data/laws, ../shared/data/stard-train.jsonl and pufa's policing training set
 * src/data/labelled/policing.jsonl (STARD is civil law; without it the model learns to prefer 刑法
 * over 治安管理处罚法 for minor offences). `npm run bench` reports the model's cross-validated
 * figures; the figures of the shipped model on its own training files are in-sample.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { loadLawLibrary } from "../ingestion/law-library.js";
import { buildSearcher } from "../index/searcher-build.js";
import { DEFAULT_LAMBDAMART } from "../retrieval/lambdamart.js";
import { MODEL_EXPANSION_LEARNING } from "../retrieval/model-expansions.js";
import { dataPath } from "../data/paths.js";
import { labelledFileSha256, RERANKER_FILE } from "../retrieval/reranker-model.js";
import { defaultPaths } from "./retrieval-bench.js";
import { trainReranker } from "./rerank-cv.js";
import { parseStard } from "../eval/stard.js";

const program = new Command()
  .name("train-reranker")
  .argument("[laws]", "law library folder")
  .argument("[labelled...]", "labelled question files (the pufa eval format), pooled")
  .option("--embedding <kind>", "dense side of the index the model is trained over (the product's default: lsa)", "lsa")
  .option("--out <file>", "model file to write", dataPath(RERANKER_FILE))
  .parse();
const [lawsArg, ...labelledArgs] = program.args;
const { embedding, out } = program.opts<{ embedding: "lsa" | "none"; out: string }>();
const shared = defaultPaths();
const POLICING_TRAINING_SET = fileURLToPath(new URL("../data/labelled/policing.jsonl", import.meta.url));
const paths = lawsArg ? (labelledArgs.length ? { laws: lawsArg, labelled: labelledArgs } : null) : shared && { laws: shared.laws, labelled: [shared.stard, POLICING_TRAINING_SET] };
if (!paths) {
  process.stderr.write(`usage: npm run train-reranker -- LAWS_DIR LABELLED_FILE... (${lawsArg ? "no labelled file given" : "../shared/data not found"})\n`);
  process.exit(2);
}
const missing = paths.labelled.filter((f) => !existsSync(f));
if (missing.length) {
  process.stderr.write(`labelled file not found: ${missing.join(", ")}\n`);
  process.exit(2);
}
// The labels are read before the minute-long index build, so a bad file fails at once.
const perFile = paths.labelled.map((file) => {
  const text = readFileSync(file, "utf8");
  try {
    return { file, sha256: labelledFileSha256(text), items: parseStard(text).filter((it) => it.gold?.length) };
  } catch (e) {
    process.stderr.write(`labelled file ${file} is not JSON lines in the pufa eval format: ${(e as Error).message}\n`);
    process.exit(2);
  }
});
const items = perFile.flatMap((f) => f.items);
if (!items.length) {
  process.stderr.write("no labelled question has a gold article: nothing to train on\n");
  process.exit(2);
}
const t0 = performance.now();
const lib = await loadLawLibrary(paths.laws);
const searcher = buildSearcher(lib.passages, { embedding, reranker: null });
process.stderr.write(`index built in ${((performance.now() - t0) / 1000).toFixed(0)} s; training on ${items.length} questions\n`);
const model = trainReranker(searcher, items);
const files = perFile.map((f) => `${f.items.length} questions of ${basename(f.file)}`).join(" + ");
model.trainedOn = `${files}, top ${searcher.config.rerankTop} candidates, embedding ${embedding}, ${JSON.stringify(DEFAULT_LAMBDAMART)}, ${model.expansions?.length ?? 0} words with learned expansions ${JSON.stringify(MODEL_EXPANSION_LEARNING)}`;
const shas = perFile.map((f) => f.sha256);
model.trainedSha256 = shas.length === 1 ? shas[0] : shas;
writeFileSync(out, `${JSON.stringify(model)}\n`);
process.stderr.write(`wrote ${out} (${model.trees.length} trees) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
