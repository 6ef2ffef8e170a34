/**
 * `npm run train-reranker [-- LAWS_DIR LABELLED_FILE] [--embedding=lsa|none] [--out FILE]`: builds the
 * index as the product does, collects every labelled question's first-stage candidates and trains
 * the LambdaMART reranker on them (src/data/reranker.json by default). Retrain after changing the
 * first stage (fusion weights, lexicon, analyzer): the model learns corrections to its scores.
 * Defaults: ../shared/data/laws and ../shared/data/stard-train.jsonl. `npm run bench` reports the
 * model's cross-validated figures; the figures of the shipped model on its own training file are
 * in-sample.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { Command } from "commander";
import { loadLawLibrary } from "../ingestion/law-library.js";
import { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { DEFAULT_LAMBDAMART } from "../retrieval/lambdamart.js";
import { dataPath } from "../data/paths.js";
import { RERANKER_FILE } from "../retrieval/reranker-model.js";
import { defaultPaths } from "./retrieval-bench.js";
import { trainReranker } from "./rerank-cv.js";
import { loadStard } from "./stard.js";

const program = new Command()
  .name("train-reranker")
  .argument("[laws]", "law library folder")
  .argument("[labelled]", "labelled questions (the pufa eval format)")
  .option("--embedding <kind>", "dense side of the index the model is trained over (the product's default: lsa)", "lsa")
  .option("--out <file>", "model file to write", dataPath(RERANKER_FILE))
  .parse();
const [lawsArg, labelledArg] = program.args;
const { embedding, out } = program.opts<{ embedding: "lsa" | "none"; out: string }>();
const paths = lawsArg && labelledArg ? { laws: lawsArg, stard: labelledArg } : defaultPaths();
if (!paths) {
  process.stderr.write("usage: npm run train-reranker -- LAWS_DIR LABELLED_FILE (../shared/data not found)\n");
  process.exit(2);
}
const t0 = performance.now();
const lib = await loadLawLibrary(paths.laws);
const searcher = HybridSearcher.build(lib.passages, { embedding, reranker: null });
const items = loadStard(paths.stard);
process.stderr.write(`index built in ${((performance.now() - t0) / 1000).toFixed(0)} s; training on ${items.length} questions\n`);
const model = trainReranker(searcher, items);
model.trainedOn = `${items.length} questions of ${paths.stard.split("/").pop()}, top ${searcher.config.rerankTop} candidates, embedding ${embedding}, ${JSON.stringify(DEFAULT_LAMBDAMART)}`;
model.trainedSha256 = createHash("sha256").update(readFileSync(paths.stard)).digest("hex");
writeFileSync(out, `${JSON.stringify(model)}\n`);
process.stderr.write(`wrote ${out} (${model.trees.length} trees) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
