import { buildSearcher } from "../../src/index/searcher-build.js";
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { predictRow, validateModel, type GbdtModel } from "../../src/retrieval/gbdt.js";
import { trainLambdaMart, type RankGroup } from "../../src/retrieval/lambdamart.js";
import { CitationIndex } from "../../src/retrieval/citation-lookup.js";
import { PassageStructure, RERANK_FEATURES, rerankInput } from "../../src/retrieval/rerank-features.js";
import { defaultReranker, loadReranker, RERANKER_FILE, trainedOnText } from "../../src/retrieval/reranker-model.js";
import { dataPath } from "../../src/data/paths.js";
import { REPO_ROOT } from "../engine/helpers.js";
import { FEATURE_NAMES } from "../../src/retrieval/candidate-features.js";
import type { ArticlePassage, LawPassage } from "../../src/types.js";

/** A deterministic pseudo-random stream (tests must not depend on Math.random). */
function stream(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

/**
 * Queries whose first-stage score is only weakly right: the relevant result carries feature 1 = 1,
 * the others 0 (feature 0 is noise), and several irrelevant results score higher in the first stage.
 */
function syntheticGroups(n: number, seed: number): RankGroup[] {
  const rnd = stream(seed);
  return Array.from({ length: n }, () => {
    const size = 40;
    const x = new Float64Array(size * 2);
    const y = new Uint8Array(size);
    const base = new Float64Array(size);
    const rel = 5 + Math.floor(rnd() * 30);
    for (let r = 0; r < size; r++) {
      x[r * 2] = rnd();
      x[r * 2 + 1] = r === rel ? 1 : 0;
      y[r] = r === rel ? 1 : 0;
      base[r] = 1 - r / size;
    }
    return { x, y, base };
  });
}

function mrr(groups: RankGroup[], score: (g: RankGroup, r: number) => number): number {
  let sum = 0;
  for (const g of groups) {
    const s = Array.from(g.y, (_, r) => score(g, r));
    const rel = g.y.indexOf(1);
    const rank = 1 + s.filter((v) => v > s[rel]).length;
    sum += rank <= 10 ? 1 / rank : 0;
  }
  return sum / groups.length;
}

describe("gbdt", () => {
  const model: GbdtModel = {
    features: ["a", "b"],
    baseScale: 2,
    trees: [{ feature: [1, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -1, 3] }],
  };

  it("adds the leaf reached by each row to baseScale × base", async () => {
    expect(predictRow(model, 0.5, [9, 0.2], 0)).toBe(0);
    expect(predictRow(model, 0.5, [9, 0.9], 0)).toBe(4);
    expect(predictRow(model, 1, [0, 0, 9, 0.9], 2)).toBe(5);
  });

  it("refuses a model for other features or with a broken tree", async () => {
    expect(validateModel(model, ["a", "b"])).toBe(model);
    expect(() => validateModel(model, ["a", "c"])).toThrow(/retrain/);
    const broken = { ...model, trees: [{ ...model.trees[0], left: [0, -1, -1] }] };
    expect(() => validateModel(broken, ["a", "b"])).toThrow(/outside the tree/);
    expect(() => validateModel({ trees: [] }, ["a"])).toThrow(/not a reranker/);
  });
});

describe("trainLambdaMart", () => {
  const train = syntheticGroups(200, 1);
  const test = syntheticGroups(100, 2);
  const model = trainLambdaMart(train, ["noise", "signal"], { trees: 20, minHessian: 1 });

  it("learns the feature that marks relevance, on queries it has not seen", async () => {
    const first = mrr(test, (g, r) => g.base[r]);
    const reranked = mrr(test, (g, r) => predictRow(model, g.base[r], g.x, r * 2));
    expect(first).toBeLessThan(0.3);
    expect(reranked).toBeGreaterThan(0.9);
    expect(model.trees.some((t) => t.feature.includes(1))).toBe(true);
  });

  it("is deterministic and its output passes validation", async () => {
    const again = trainLambdaMart(train, ["noise", "signal"], { trees: 20, minHessian: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    expect(() => validateModel(JSON.parse(JSON.stringify(model)), ["noise", "signal"])).not.toThrow();
  });
});

function law(lawShort: string, num: number, text: string, category = "民法商法"): LawPassage {
  return {
    id: `${lawShort}#${num}`,
    kind: "law",
    text: `第${num}条 ${text}`,
    file: `${lawShort}.md`,
    start: 0,
    end: 0,
    lawTitle: lawShort,
    lawShort,
    article: `第${num}条`,
    articleNo: { num, sub: 0 },
    headings: [],
    version: null,
    current: true,
    category,
  };
}

// 租赁法 (five articles) and an interpretation applying its 第三条.
const passages: LawPassage[] = [
  law("租赁法", 1, "为了规范租赁关系，制定本法。"),
  law("租赁法", 2, "出租人应当按照约定将租赁物交付承租人。"),
  law("租赁法", 3, "承租人应当按照约定的期限支付租金。"),
  law("租赁法", 4, "承租人无正当理由未支付租金的，出租人可以请求承租人在合理期限内支付。"),
  law("租赁法", 5, "本法自公布之日起施行。"),
  law("租赁解释", 1, "房东催收房租，租户拖欠房租超过三个月的，适用租赁法第三条的规定。", "司法解释"),
];

describe("rerank features", () => {
  const structure = PassageStructure.build(passages, new CitationIndex(passages));

  it("reads citations between laws, law size, distance to the law's ends and category", async () => {
    expect(structure.citedBy.get(2)).toEqual([5]);
    expect(structure.citedBy.has(3)).toBe(false);
    expect(structure.lawSize[0]).toBeCloseTo(Math.log(5));
    expect(structure.edgeDistance[0]).toBe(0);
    expect(structure.edgeDistance[4]).toBe(0);
    expect(structure.edgeDistance[2]).toBeCloseTo(Math.log1p(2));
    expect(structure.category[5]).toBe(1);
    expect(structure.category[0]).toBe(0);
  });

  it("orders rows by the first-stage score and says which strong candidate cites an article", async () => {
    const docs = [2, 5, 0];
    const F = FEATURE_NAMES.length;
    const feats = new Float64Array(docs.length * F);
    const input = rerankInput(structure, passages, docs, feats, [0.4, 0.8, 0.2], [1, 0.9, 1], 2);
    const R = RERANK_FEATURES.length;
    const col = (name: string) => RERANK_FEATURES.indexOf(name as (typeof RERANK_FEATURES)[number]);
    expect(input.order).toEqual([1, 0]);
    expect(Array.from(input.base)).toEqual([1, 0.5]);
    expect(input.x[R + col("citedByTop")]).toBe(1);
    expect(input.x[col("citedByTop")]).toBe(0);
    expect(input.x[col("category")]).toBe(1);
    expect(input.x[R + col("logRank")]).toBeCloseTo(Math.log(2));
  });
});

describe("HybridSearcher with a reranker", () => {
  // A one-tree model that lifts any candidate cited by a strong candidate.
  const col = RERANK_FEATURES.indexOf("citedByTop");
  const lift: GbdtModel = {
    features: [...RERANK_FEATURES],
    baseScale: 1,
    trees: [{ feature: [col, -1, -1], threshold: [0.1, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, 0, 10] }],
  };
  const build = (reranker: GbdtModel | null) => buildSearcher(passages, { reranker, groups: false, lexicon: null });
  const q = "房东催收房租 拖欠房租";

  it("re-orders the first stage by the model, keeping its score values", async () => {
    const plain = await build(null).search(q, { k: 3 });
    const reranked = await build(lift).search(q, { k: 3 });
    expect(plain[0].passage.id).toBe("租赁解释#1");
    expect(plain.map((h) => h.passage.id)).not.toEqual(reranked.map((h) => h.passage.id));
    expect(reranked[0].passage.id).toBe("租赁法#3");
    expect(reranked[0].score).toBe(plain[0].score);
  });

  it("leaves the corpus's own articles where the first stage put them", async () => {
    const news: ArticlePassage = {
      id: "article:rent#0",
      kind: "article",
      docId: "rent",
      title: "房东催收房租要守法",
      text: "派出所提醒：房东催收房租、租户拖欠房租，都应依法协商解决。",
      file: "news/rent.md",
      start: 0,
      end: 30,
      source: "pufa 示例",
      date: "2026-01-01",
      url: null,
      region: null,
      tags: [],
      chunk: 0,
    };
    const mixed = (reranker: GbdtModel | null) => buildSearcher([...passages, news], { reranker, groups: false, lexicon: null }).search(q, { k: 5 });
    const plain = await mixed(null);
    const reranked = await mixed(lift);
    const at = (hits: typeof plain) => hits.findIndex((h) => h.passage.id === news.id);
    expect(at(plain)).toBeGreaterThanOrEqual(0);
    expect(at(reranked)).toBe(at(plain));
    expect(reranked.map((h) => h.passage.id)).not.toEqual(plain.map((h) => h.passage.id));
  });

  it("does nothing with rerankTop 0", async () => {
    const s = build(lift).with({ config: { rerankTop: 0 } });
    expect((await s.search(q, { k: 3 })).map((h) => h.passage.id)).toEqual((await build(null).search(q, { k: 3 })).map((h) => h.passage.id));
  });
});

describe("reranker model files", () => {
  it("the shipped model matches this version's features", async () => {
    const file = dataPath(RERANKER_FILE);
    expect(existsSync(file)).toBe(true);
    const m = loadReranker(file);
    expect(m.trees.length).toBeGreaterThan(10);
    expect(m.trainedOn).toBeTruthy();
    // The expansions the trees were trained over come in the same file.
    expect(m.expansions?.length).toBeGreaterThan(100);
  });

  it("the shipped model learned from the current policing training set and never from the evaluation set", async () => {
    // Editing src/data/labelled/policing.jsonl without retraining fails here; so would training on pufa-domain.jsonl,
    // which must stay a held-out check.
    const m = loadReranker(dataPath(RERANKER_FILE));
    expect(trainedOnText(m, readFileSync(join(REPO_ROOT, "src/data/labelled/policing.jsonl")))).toBe(true);
    expect(trainedOnText(m, readFileSync(join(REPO_ROOT, "src/bench/data/pufa-domain.jsonl")))).toBe(false);
    expect(trainedOnText(m, readFileSync(join(REPO_ROOT, "tests/fixtures/retrieval/police-domain.jsonl")))).toBe(false);
  });

  it("PUFA_RERANKER: another model file, or none; an unusable file falls back to the first stage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pufa-rr-"));
    try {
      const own: GbdtModel = { features: [...RERANK_FEATURES], baseScale: 1, trees: [{ feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0.5] }] };
      const file = join(dir, "office.json");
      writeFileSync(file, JSON.stringify(own));
      expect(defaultReranker(file)).toEqual(own);
      expect(defaultReranker("none")).toBeNull();
      expect(defaultReranker("NONE")).toBeNull();
      expect(defaultReranker(join(dir, "missing.json"))).toBeNull();
      writeFileSync(join(dir, "bad.json"), "[]");
      expect(defaultReranker(join(dir, "bad.json"))).toBeNull();
      expect(defaultReranker("")?.trees.length).toBeGreaterThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the file when a model cannot be used", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pufa-rr-"));
    try {
      const bad = join(dir, "bad.json");
      writeFileSync(bad, "{not json");
      expect(() => loadReranker(bad)).toThrow(/bad\.json/);
      writeFileSync(bad, JSON.stringify({ features: ["x"], baseScale: 1, trees: [] }));
      expect(() => loadReranker(bad)).toThrow(/retrain/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run train-reranker", () => {
  const script = join(REPO_ROOT, "src/bench/train-reranker.ts");
  const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: REPO_ROOT, encoding: "utf8", timeout: 120_000 });

  it("pools several labelled files, skips questions without gold, and records every file as in-sample", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pufa-train-"));
    try {
      const police = join(REPO_ROOT, "tests/fixtures/labelled/police-questions.jsonl");
      const office = join(dir, "office.jsonl");
      writeFileSync(
        office,
        [
          JSON.stringify({ id: "o1", question: "酒后开车会被怎么处罚", gold: [{ law: "道路交通安全法", article: "第九十一条" }] }),
          JSON.stringify({ id: "o2", question: "还没标注的问题", gold: [] }),
        ].join("\n") + "\n",
      );
      const out = join(dir, "model.json");
      const r = run([join(REPO_ROOT, "tests/fixtures/laws"), police, office, "--embedding", "none", "--out", out]);
      expect(r.status, r.stderr).toBe(0);
      const model = loadReranker(out);
      expect(model.trainedOn).toMatch(/5 questions of police-questions\.jsonl \+ 1 questions of office\.jsonl/);
      expect(trainedOnText(model, readFileSync(office))).toBe(true);
      expect(trainedOnText(model, readFileSync(police))).toBe(true);
      expect(trainedOnText(model, "{}\n")).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("names a labelled file that does not exist or does not parse, and asks for one when only the library is given", async () => {
    const laws = join(REPO_ROOT, "tests/fixtures/laws");
    const missing = run([laws, "/nonexistent/labels.jsonl", "--embedding", "none", "--out", join(tmpdir(), "never.json")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("labelled file not found: /nonexistent/labels.jsonl");
    const broken = join(tmpdir(), `pufa-broken-${process.pid}.jsonl`);
    writeFileSync(broken, "{not json\n");
    try {
      const bad = run([laws, broken, "--embedding", "none", "--out", join(tmpdir(), "never.json")]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain(`labelled file ${broken} is not JSON lines`);
    } finally {
      rmSync(broken, { force: true });
    }
    const none = run([laws]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no labelled file given");
  }, 120_000);
});
