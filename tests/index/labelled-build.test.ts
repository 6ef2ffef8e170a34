/**
 * Labelled questions through the index life cycle: learned at build time, stored with the
 * generation, a change to the file rebuilds, corpus updates keep what was learned.
 */
import { appendFileSync, copyFileSync, cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildIndex, openIndex } from "../../src/index/builder.js";
import { updateIndex } from "../../src/index/incremental.js";
import { sourcesMatch } from "../../src/index/snapshot.js";
import { learnedFrom, loadConfig, STARTER_LABELLED_DIR, type PufaConfig } from "../../src/config.js";
import { FIXTURE_CORPUS, FIXTURE_LAWS, tempDir } from "../engine/helpers.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/labelled/police-questions.jsonl", import.meta.url));

describe("index built with labelled questions", () => {
  let config: PufaConfig;
  let labelled: string;
  let corpus: string;
  let warnings: string[];

  beforeAll(async () => {
    const root = tempDir("pufa-labelled-");
    labelled = path.join(root, "labelled.jsonl");
    corpus = path.join(root, "corpus");
    copyFileSync(FIXTURE, labelled);
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    // The office's file alone (no shipped starter set): what is learned is counted exactly.
    config = loadConfig({ PUFA_STARTER_LABELLED: "none" }, { corpus: [corpus], laws: FIXTURE_LAWS, labelled: [labelled], data: path.join(root, "data") });
    warnings = (await buildIndex(config)).warnings;
  });

  it("learns from the file, records it, and says which gold articles it could not place", () => {
    const served = openIndex(config)!;
    expect(served.searcher.labelled?.questions).toHaveLength(4);
    expect(served.manifest.sources.labelled).toEqual([{ file: labelled, hash: expect.any(String), questions: 5 }]);
    expect(warnings).toContain("labelled questions: 1 gold articles are not in the indexed law library and were not learned");
    expect(sourcesMatch(served.manifest.sources, config)).toBe(true);
    // Without the file configured, the index no longer matches its sources.
    expect(sourcesMatch(served.manifest.sources, { ...config, labelledFiles: [] })).toBe(false);
  });

  it("keeps what it learned through a corpus update", async () => {
    writeFileSync(path.join(corpus, "new.md"), "---\ntitle: \"冬季防火提示\"\ndate: \"2026-11-20\"\n---\n\n冬季用火用电增多，请注意防火。\n");
    const r = await updateIndex(config, null);
    expect(r.mode).toBe("incremental");
    expect(r.searcher.labelled?.questions).toHaveLength(4);
    expect(openIndex(config)!.searcher.labelled?.questions).toHaveLength(4);
  });

  it("rebuilds when the labelled file changes", async () => {
    appendFileSync(labelled, '{"question": "跟人打架把人打伤了会被拘留吗", "gold": [{"law": "治安管理处罚法", "article": "第四十三条"}]}\n');
    expect(sourcesMatch(openIndex(config)!.manifest.sources, config)).toBe(false);
    const r = await updateIndex(config, null);
    expect(r.mode).toBe("full");
    expect(r.searcher.labelled?.questions).toHaveLength(5);
  });
});

describe("the shipped starter set (src/data/labelled)", () => {
  it("is learned by default, with the office's file after it; PUFA_STARTER_LABELLED=none or a file of one's own replaces it", () => {
    const starter = loadConfig({}).starterLabelled;
    expect(starter.length).toBeGreaterThan(0);
    expect(starter.every((f) => f.startsWith(STARTER_LABELLED_DIR) && f.endsWith(".jsonl"))).toBe(true);
    expect(learnedFrom(loadConfig({ PUFA_LABELLED: "office.jsonl" }))).toEqual([...starter, path.resolve("office.jsonl")]);
    expect(loadConfig({ PUFA_STARTER_LABELLED: "none" }).starterLabelled).toEqual([]);
    expect(loadConfig({ PUFA_STARTER_LABELLED: "mine.jsonl" }).starterLabelled).toEqual([path.resolve("mine.jsonl")]);
  });

  it("teaches a small library what it can place, warns only about the office's own gold, and rebuilds when it changes", async () => {
    const root = tempDir("pufa-starter-");
    const starterFile = path.join(root, "starter.jsonl");
    // One question the fixture library can place, one it cannot (禁毒法 is not in it): no warning for the starter.
    writeFileSync(
      starterFile,
      '{"question": "喝了酒开车被交警查到会怎样", "gold": [{"law": "道路交通安全法", "article": "第九十一条"}]}\n' +
        '{"question": "家里种了几棵罂粟犯法吗", "gold": [{"law": "禁毒法", "article": "第十九条"}]}\n',
    );
    const config = loadConfig({ PUFA_STARTER_LABELLED: starterFile }, { corpus: [FIXTURE_CORPUS], laws: FIXTURE_LAWS, data: path.join(root, "data") });
    const built = await buildIndex(config);
    expect(built.searcher.labelled?.questions).toHaveLength(1);
    expect(built.warnings.filter((w) => w.startsWith("labelled questions"))).toEqual([]);
    expect(openIndex(config)!.manifest.sources.labelled?.map((r) => r.file)).toEqual([starterFile]);
    expect(sourcesMatch(openIndex(config)!.manifest.sources, config)).toBe(true);
    appendFileSync(starterFile, '{"question": "酒后开车第二次被抓怎么罚", "gold": [{"law": "道路交通安全法", "article": "第九十一条"}]}\n');
    expect(sourcesMatch(openIndex(config)!.manifest.sources, config)).toBe(false);
    expect(sourcesMatch(openIndex(config)!.manifest.sources, { ...config, starterLabelled: [] })).toBe(false);
  });
});
