/**
 * Index generations do not pile up: after each build or update only the served generation and the
 * one before it (for rollback) stay on disk, and an article removed does not live on in later
 * generations once its withdrawn text passes the compaction limit.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, openIndex } from "../../src/index/builder.js";
import { updateIndex } from "../../src/index/incremental.js";
import { IndexStore } from "../../src/index/store.js";
import { FIXTURE_CORPUS, FIXTURE_LAWS, fixtureConfig, tempDir } from "../engine/helpers.js";

const MARKER = "独一无二的测试标记文本：烟花燃放季节提示";
const BIG = `---\ntitle: "烟花燃放提示"\nsource: "测试"\ndate: "2026-11-02"\n---\n\n${Array.from({ length: 40 }, (_, i) => `${MARKER}第${i + 1}段。禁止在人员密集场所燃放烟花爆竹，违者依法处理。`).join("\n\n")}\n`;

/** Generation folders on disk, and which of them hold the marker in any file. */
function onDisk(dataDir: string): { gens: string[]; holding: string[] } {
  const root = path.join(dataDir, "index");
  const gens = readdirSync(root).filter((e) => e.startsWith("gen-")).sort();
  const holding = gens.filter((g) => readdirSync(path.join(root, g)).some((f) => readFileSync(path.join(root, g, f)).includes(MARKER)));
  return { gens, holding };
}

describe("index generations on disk", () => {
  let corpus: string;
  let laws: string;
  let data: string;
  const config = () => fixtureConfig(data, { corpus: [corpus], laws });

  beforeAll(async () => {
    const root = tempDir("pufa-gens-");
    corpus = path.join(root, "corpus");
    laws = path.join(root, "laws");
    data = path.join(root, "data");
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    cpSync(FIXTURE_LAWS, laws, { recursive: true });
    await buildIndex(config());
  });

  it("keeps only the served generation and its predecessor, through full builds and updates", async () => {
    const served: string[] = [];
    served.push((await buildIndex(config())).generation);
    writeFileSync(path.join(corpus, "extra-1.md"), BIG.replace("烟花燃放提示", "提示一"));
    served.push((await updateIndex(config(), null)).generation);
    rmSync(path.join(corpus, "extra-1.md"));
    served.push((await updateIndex(config(), null)).generation);
    served.push((await buildIndex(config())).generation);
    const { gens } = onDisk(data);
    expect(gens).toEqual(served.slice(-2).sort());
    expect(new IndexStore(data).current()!.name).toBe(served.at(-1));
  });

  it("a removal under the limit is incremental; over it, the update compacts and the article's text leaves the disk", async () => {
    writeFileSync(path.join(corpus, "big.md"), BIG);
    const added = await updateIndex(config(), null);
    expect(added.mode).toBe("incremental");
    expect(onDisk(data).holding).toEqual([added.generation]);

    rmSync(path.join(corpus, "big.md"));
    // Under the limit the text is only masked: still in the new generation.
    const masked = await updateIndex(config(), null, { compactWithdrawnChars: 1_000_000 });
    expect(masked.mode).toBe("incremental");
    expect(onDisk(data).holding).toContain(masked.generation);

    // Edit another article: the update now sees withdrawn text over a small limit and compacts.
    writeFileSync(path.join(corpus, "tiny.md"), `---\ntitle: "小提示"\nsource: "测试"\ndate: "2026-11-03"\n---\n\n夜间骑车请开灯。\n`);
    const compacted = await updateIndex(config(), null, { compactWithdrawnChars: 100 });
    expect(compacted.mode).toBe("full");
    expect(compacted.searcher.passages.some((p) => p.text.includes(MARKER))).toBe(false);
    const after = onDisk(data);
    expect(after.gens).toEqual([masked.generation, compacted.generation].sort()); // the served one and one for rollback
    expect(after.holding).toEqual([masked.generation]);

    // One more build and no generation holds it any more.
    await buildIndex(config());
    expect(onDisk(data).holding).toEqual([]);
    expect((await openIndex(config())!.searcher.search(MARKER, { k: 5 })).some((h) => h.passage.text.includes(MARKER))).toBe(false);
  });
});
