/**
 * `tsx src/bench/ranking-snapshot.ts OUT.json [LAWS_DIR] [STARD_FILE]`: builds the index the product
 * builds (law library + corpus/, in a temporary data folder), loads it back from disk, and writes the
 * top-20 passage ids and scores (rounded to 1e-9) of the first 300 STARD questions and every question
 * of src/bench/data/pufa-domain.jsonl. Two snapshots taken before and after a refactoring must be
 * identical: `cmp before.json after.json`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../config.js";
import { buildIndex, openIndex } from "../index/builder.js";
import type { Searcher } from "../types.js";
import { loadStard } from "../eval/stard.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const [out, lawsArg, stardArg] = process.argv.slice(2);
if (!out) {
  process.stderr.write("usage: tsx src/bench/ranking-snapshot.ts OUT.json [LAWS_DIR] [STARD_FILE]\n");
  process.exit(2);
}
const laws = lawsArg ?? path.resolve(here, "../../../shared/data/laws");
const stard = stardArg ?? path.resolve(here, "../../../shared/data/stard-train.jsonl");
const questions = [
  ...loadStard(stard).slice(0, 300).map((q) => q.question),
  ...loadStard(path.join(here, "data/pufa-domain.jsonl")).map((q) => q.question),
];

const dataDir = mkdtempSync(path.join(tmpdir(), "pufa-snapshot-"));
try {
  const config = loadConfig({}, { laws, data: dataDir });
  const built = await buildIndex(config);
  const loaded = openIndex(config);
  if (!loaded) throw new Error("the built index did not load");
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  const top = async (s: Searcher, q: string) => (await s.search(q, { k: 20 })).map((h) => [h.passage.id, round(h.score)] as const);
  const rows: { question: string; hits: (readonly [string, number])[] }[] = [];
  let mismatches = 0;
  for (const q of questions) {
    const hits = await top(loaded.searcher, q);
    if (JSON.stringify(hits) !== JSON.stringify(await top(built.searcher, q))) mismatches++;
    rows.push({ question: q, hits });
  }
  writeFileSync(out, JSON.stringify({ passages: built.stats.passages, questions: rows.length, rows }, null, 0));
  process.stdout.write(`${rows.length} questions, ${built.stats.passages} passages → ${out}; built vs loaded differ on ${mismatches}\n`);
  if (mismatches) process.exitCode = 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
