/**
 * Incremental re-indexing: a changed corpus touches only the changed documents, gives the same
 * answers as a full rebuild, survives a reload from disk, and falls back to a full build when the
 * law library changes.
 */
import { appendFileSync, cpSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, openIndex } from "../../src/index/builder.js";
import { updateIndex } from "../../src/index/incremental.js";
import type { HybridSearcher } from "../../src/retrieval/hybrid-searcher.js";
import { FIXTURE_CORPUS, FIXTURE_LAWS, fixtureConfig, tempDir } from "../engine/helpers.js";

const article = (title: string, body: string) => `---\ntitle: "${title}"\nsource: "测试"\ndate: "2026-11-01"\n---\n\n${body}\n`;
const LANTERN = article("孔明灯燃放安全提示", "在公园、林区等禁火区域，严禁燃放孔明灯。燃放孔明灯引发火灾的，依法追究责任。");
const titles = async (s: HybridSearcher, q: string) => (await s.search(q, { k: 5 })).map((h) => (h.passage.kind === "law" ? `${h.passage.lawShort}${h.passage.article}` : h.passage.title));

describe("incremental index", () => {
  let corpus: string;
  let laws: string;
  let data: string;

  beforeAll(async () => {
    const root = tempDir("pufa-incr-");
    corpus = path.join(root, "corpus");
    laws = path.join(root, "laws");
    data = path.join(root, "data");
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    cpSync(FIXTURE_LAWS, laws, { recursive: true });
    await buildIndex(fixtureConfig(data, { corpus: [corpus], laws }));
  });

  it("does nothing when nothing changed", async () => {
    const result = await updateIndex(fixtureConfig(data, { corpus: [corpus], laws }), null);
    expect(result.mode).toBe("unchanged");
  });

  it("adds a new article by processing that file only, keeping every other passage as it was", async () => {
    const config = fixtureConfig(data, { corpus: [corpus], laws });
    const before = openIndex(config)!;
    writeFileSync(path.join(corpus, "sky-lantern.md"), LANTERN);
    const result = await updateIndex(config, before);
    expect(result.mode).toBe("incremental");
    expect(result.stats.filesProcessed).toBe(1);
    // The old passages are the very same objects: nothing else was parsed again.
    before.searcher.passages.forEach((p, i) => expect(result.searcher.passages[i]).toBe(p));
    expect((await titles(result.searcher, "公园里能放孔明灯吗"))[0]).toBe("孔明灯燃放安全提示");
    // What is served from disk now is the same.
    const reopened = openIndex(config)!;
    expect(reopened.generation).toBe(result.generation);
    expect((await titles(reopened.searcher, "公园里能放孔明灯吗"))[0]).toBe("孔明灯燃放安全提示");
  });

  it("ranks like a full rebuild", async () => {
    const config = fixtureConfig(data, { corpus: [corpus], laws });
    const incremental = openIndex(config)!.searcher;
    const fullData = tempDir("pufa-incr-full-");
    const full = (await buildIndex(fixtureConfig(fullData, { corpus: [corpus], laws }))).searcher;
    for (const q of ["醉驾怎么处罚", "出租银行卡犯法吗", "公园里能放孔明灯吗", "家暴可以报警吗"]) {
      expect((await titles(incremental, q))[0]).toBe((await titles(full, q))[0]);
    }
  });

  it("withdraws an edited article's old text and serves the new one", async () => {
    const config = fixtureConfig(data, { corpus: [corpus], laws });
    appendFileSync(path.join(corpus, "sky-lantern.md"), "\n严禁在加油站附近燃放烟花爆竹和孔明灯，违者由公安机关依法处理。\n");
    const result = await updateIndex(config, null);
    expect(result.mode).toBe("incremental");
    const hits = (await result.searcher.search("加油站附近燃放孔明灯", { k: 10 })).filter((h) => h.passage.kind === "article" && h.passage.title === "孔明灯燃放安全提示");
    expect(hits.length).toBeGreaterThan(0);
    // Only the new version's passages are returned: the old ones are withdrawn, not duplicated.
    const docIds = new Set(hits.map((h) => (h.passage.kind === "article" ? h.passage.docId : "")));
    expect(docIds.size).toBe(1);
    expect((await result.searcher.search("公园里能放孔明灯吗", { k: 10 })).filter((h) => h.passage.kind === "article" && h.passage.title === "孔明灯燃放安全提示").every((h) => h.passage.kind === "article" && docIds.has(h.passage.docId))).toBe(true);
  });

  it("removes a deleted article's passages", async () => {
    const config = fixtureConfig(data, { corpus: [corpus], laws });
    rmSync(path.join(corpus, "sky-lantern.md"));
    const result = await updateIndex(config, null);
    expect(result.mode).toBe("incremental");
    expect(await titles(result.searcher, "公园里能放孔明灯吗")).not.toContain("孔明灯燃放安全提示");
    expect(await titles(openIndex(config)!.searcher, "公园里能放孔明灯吗")).not.toContain("孔明灯燃放安全提示");
  });

  it("rebuilds in full when a law file changes", async () => {
    const config = fixtureConfig(data, { corpus: [corpus], laws });
    const [file] = (await import("node:fs")).readdirSync(path.join(laws, "刑法"));
    appendFileSync(path.join(laws, "刑法", file), "\n");
    const result = await updateIndex(config, null);
    expect(result.mode).toBe("full");
  });
});
