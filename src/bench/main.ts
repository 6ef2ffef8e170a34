/**
 * `npm run bench [-- LAWS_DIR STARD_FILE] [--embedding=lsa|hash|none] [--retrieval-only]`: the retrieval
 * bench (STARD, domain set, baselines, cross-validated fusion) then the system bench (index on disk,
 * incremental change, WeChat burst). Defaults: ../shared data, the product's LSA dense side.
 */
import { defaultPaths, runRetrievalBench } from "./retrieval-bench.js";
import { runSystemBench } from "./system-bench.js";
import { runAnswerBench } from "./answer-bench.js";

// `npm run bench -- web [LAWS_DIR]`: only the web page's budgets (src/bench/web-bench.ts).
if (process.argv[2] === "web") {
  const { runWebBench } = await import("./web-bench.js");
  process.stdout.write(await runWebBench(process.argv[3] ?? defaultPaths()?.laws ?? "../shared/data/laws"));
  process.exit(0);
}

const [lawsArg, stardArg] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const paths = lawsArg && stardArg ? { laws: lawsArg, stard: stardArg } : defaultPaths();
if (!paths) {
  process.stderr.write("usage: npm run bench -- LAWS_DIR STARD_FILE (../shared/data not found)\n");
  process.exit(2);
}
const embedding = (process.argv.find((a) => a.startsWith("--embedding="))?.split("=")[1] ?? "lsa") as "lsa" | "hash" | "none";
const report = await runRetrievalBench(paths.laws, paths.stard, { embedding });
process.stdout.write(report);
if (!process.argv.includes("--retrieval-only")) process.stdout.write(await runSystemBench(paths.laws));
if (!process.argv.includes("--retrieval-only")) process.stdout.write(await runAnswerBench({ laws: paths.laws }));
