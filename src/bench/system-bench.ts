/**
 * The bench's system part: the index as the product builds it (on disk, through the builder), how
 * fast it loads, how fast a one-file corpus change is applied with the whole library indexed, and
 * WeChat burst throughput through the real engine on wechaty-puppet-mock.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEngine } from "../answer/engine.js";
import { Prompts } from "../answer/prompts.js";
import { runWechatBurstBench } from "./wechat-burst.js";
import { loadConfig, PROJECT_ROOT } from "../config.js";
import { buildIndex, openIndex } from "../index/builder.js";
import { updateIndex } from "../index/incremental.js";

const ARTICLE = `---\ntitle: "冬季燃放烟花爆竹安全提示"\nsource: "bench"\ndate: "2026-11-29"\n---\n\n在禁止燃放区域燃放烟花爆竹的，由公安机关责令停止燃放，处一百元以上五百元以下的罚款。\n\n请勿在加油站、集贸市场等人员密集场所附近燃放烟花爆竹。\n`;

export async function runSystemBench(lawsDir: string): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), "pufa-bench-"));
  const corpus = path.join(root, "corpus");
  cpSync(path.join(PROJECT_ROOT, "corpus"), corpus, { recursive: true });
  const config = loadConfig({}, { corpus: [corpus], laws: lawsDir, data: path.join(root, "data") });
  const lines: string[] = ["", "system (index as built by `pufa index`, on disk):"];
  try {
    const built = await buildIndex(config);
    lines.push(`  full build: ${(built.stats.ms / 1000).toFixed(1)} s for ${built.stats.passages} passages, embedder ${built.manifest.embedder ?? "none"}`);

    let t0 = performance.now();
    const served = openIndex(config)!;
    const loadMs = performance.now() - t0;
    lines.push(`  snapshot load (cold process would add ~2 s of tsx/jieba start-up): ${(loadMs / 1000).toFixed(2)} s`);

    writeFileSync(path.join(corpus, "bench-fireworks.md"), ARTICLE);
    t0 = performance.now();
    const added = await updateIndex(config, served);
    const addMs = performance.now() - t0;
    lines.push(`  one new article, index loaded (the bot's #添加 path): ${added.mode}, ${(addMs / 1000).toFixed(2)} s (full build ${(built.stats.ms / addMs).toFixed(0)}× longer)`);

    rmSync(path.join(corpus, "bench-fireworks.md"));
    t0 = performance.now();
    const removed = await updateIndex(config, null);
    lines.push(`  one article removed, cold (pufa remove: load + update): ${removed.mode}, ${((performance.now() - t0) / 1000).toFixed(2)} s`);

    const engine = createEngine({ searcher: () => removed.searcher, prompts: new Prompts() });
    const burst = await runWechatBurstBench({ engine });
    lines.push(
      `  WeChat burst, real engine, mock puppet: ${burst.messages} messages from 50 people in 5 groups in ${burst.seconds} s = ${burst.messagesPerSecond} msg/s; ` +
        `answered ${burst.answered}, limited ${burst.limited}, deduplicated ${burst.deduped}, lost ${burst.lost}; heap +${burst.heapDeltaMb} MB`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return `${lines.join("\n")}\n`;
}
