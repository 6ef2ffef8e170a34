/** `npm run bench [-- LAWS_DIR STARD_FILE]`: the retrieval bench (defaults: ../shared data). */
import { defaultPaths, runRetrievalBench } from "./retrieval-bench.js";

const [lawsArg, stardArg] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const paths = lawsArg && stardArg ? { laws: lawsArg, stard: stardArg } : defaultPaths();
if (!paths) {
  process.stderr.write("usage: npm run bench -- LAWS_DIR STARD_FILE (../shared/data not found)\n");
  process.exit(2);
}
const embedding = process.argv.find((a) => a.startsWith("--embedding="))?.split("=")[1] as "lsa" | "hash" | "none" | undefined;
const report = await runRetrievalBench(paths.laws, paths.stard, { embedding });
process.stdout.write(report);
