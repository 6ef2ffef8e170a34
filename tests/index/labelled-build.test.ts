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
import { loadConfig, type PufaConfig } from "../../src/config.js";
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
    config = loadConfig({}, { corpus: [corpus], laws: FIXTURE_LAWS, labelled: [labelled], data: path.join(root, "data") });
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
