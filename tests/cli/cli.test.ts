/**
 * The `pufa` command line as a user runs it: real child processes (tsx) over one index built into a
 * temp data folder by `pufa index`. Spawns are slow (~3 s each), so there are five in all.
 */
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPassages } from "../../src/index/builder.js";
import { CLI_MAIN, childEnv, citedFile, FIXTURE_CORPUS, FIXTURE_LAWS, fixtureConfig, sourceText, tempDir, TSX } from "../engine/helpers.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
let dataDir: string;
let indexRun: Run;

/** Runs `tsx src/cli/main.ts --data … --corpus … --laws … <args>` from a neutral folder (no .env). */
function pufa(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI_MAIN, "--data", dataDir, "--corpus", FIXTURE_CORPUS, "--laws", FIXTURE_LAWS, ...args], {
      cwd: root,
      env: childEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

const current = () => readFileSync(path.join(dataDir, "index", "CURRENT"), "utf8").trim();

beforeAll(async () => {
  root = tempDir("pufa-cli-");
  dataDir = path.join(root, "data");
  indexRun = await pufa(["index"]);
}, 90_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("pufa index", () => {
  it("builds the index, reports its size and the corpus warnings", async () => {
    expect(indexRun.code, indexRun.stderr).toBe(0);
    const expected = await collectPassages(fixtureConfig(dataDir));
    const m = /索引已更新: (\d+) 段（法条 (\d+)，文章片段 (\d+)，文章 (\d+) 篇）/.exec(indexRun.stdout);
    expect(m, indexRun.stdout).not.toBeNull();
    expect(m!.slice(1).map(Number)).toEqual([expected.passages.length, expected.laws.length, expected.chunks.length, expected.documents]);
    expect(indexRun.stderr).toContain("bad-front-matter.md");
    expect(current()).toMatch(/^gen-/);
  });
});

describe("pufa ask --json", () => {
  it("prints the reply as one JSON object, quoting the index it finds (no rebuild)", { timeout: 60_000 }, async () => {
    const generation = current();
    const run = await pufa(["ask", "--json", "刑法133条之一"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    const reply = JSON.parse(run.stdout) as { text: string; refused: boolean; citations: Record<string, unknown>[] };
    expect(typeof reply.text).toBe("string");
    expect(reply.refused).toBe(false);
    expect(reply.citations.length).toBeGreaterThan(0);
    for (const c of reply.citations) {
      expect(Object.keys(c).sort()).toEqual(["article", "date", "end", "excerpt", "kind", "n", "path", "source", "start", "title"].sort());
    }
    const first = reply.citations[0] as { n: number; kind: "law"; title: string; article: string; path: string; excerpt: string; start: number; end: number };
    expect(first).toMatchObject({ n: 1, kind: "law", title: "中华人民共和国刑法", article: "第一百三十三条之一", path: "刑法/刑法.md" });
    expect(reply.text).toContain("[1] 《中华人民共和国刑法》第一百三十三条之一");
    const config = fixtureConfig(dataDir);
    expect(sourceText(citedFile(config, first)).slice(first.start, first.end)).toBe(first.excerpt);
    expect(current()).toBe(generation);
  });
});

interface SearchLine {
  query: string;
  hits: { rank: number; score: number; kind: string; title: string; article: string | null; path: string; text: string }[];
}

function expectHitShape(line: SearchLine): void {
  line.hits.forEach((h, i) => {
    expect(h).toMatchObject({ rank: i + 1, kind: expect.stringMatching(/^(law|article)$/), title: expect.any(String), path: expect.any(String), text: expect.any(String) });
    expect(typeof h.score).toBe("number");
    expect(h.article === null || typeof h.article === "string").toBe(true);
    if (i > 0) expect(h.score).toBeLessThanOrEqual(line.hits[i - 1].score);
  });
}

describe("pufa search --json", () => {
  it("-k 3 with a question → one JSON line with at most 3 ranked hits", { timeout: 60_000 }, async () => {
    const run = await pufa(["search", "--json", "-k", "3", "道交法第91条"]);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]) as SearchLine;
    expect(out.query).toBe("道交法第91条");
    expect(out.hits.length).toBeGreaterThan(0);
    expect(out.hits.length).toBeLessThanOrEqual(3);
    expectHitShape(out);
    expect(out.hits[0]).toMatchObject({ kind: "law", title: "中华人民共和国道路交通安全法", article: "第九十一条" });
  });

  it("batch mode: 3 stdin lines (one blank) → exactly 3 JSON lines, in order", { timeout: 60_000 }, async () => {
    const run = await pufa(["search", "--json", "-k", "3"], "酒驾怎么处罚\n\n出租银行卡违法吗\n");
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const out = lines.map((l) => JSON.parse(l) as SearchLine);
    expect(out.map((o) => o.query)).toEqual(["酒驾怎么处罚", "", "出租银行卡违法吗"]);
    expect(out[1].hits).toEqual([]);
    for (const o of [out[0], out[2]]) {
      expect(o.hits.length).toBeGreaterThan(0);
      expect(o.hits.length).toBeLessThanOrEqual(3);
      expectHitShape(o);
    }
  });
});

describe("pufa eval", () => {
  it("reports Recall@k and MRR on a labelled file, and lists the misses", { timeout: 60_000 }, async () => {
    const file = path.join(root, "tiny-eval.jsonl");
    const items = [
      { id: "q1", question: "喝酒后开车被查到怎么处罚", gold: [{ law: "中华人民共和国道路交通安全法", article: "第九十一条" }] },
      { id: "q2", question: "诈骗公私财物数额较大怎么判", gold: [{ law: "刑法", article: "第二百六十六条" }] },
      // Not in the fixture library at all: can never be found, so R@100 is exactly 2/3.
      { id: "q3", question: "离婚后孩子抚养费怎么算", gold: [{ law: "民法典", article: "第一千零八十五条" }] },
    ];
    writeFileSync(file, items.map((i) => JSON.stringify(i)).join("\n") + "\n");
    const run = await pufa(["eval", file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/R@1\s+R@5\s+R@10\s+R@100\s+MRR@10/);
    const row = /pufa \(3 questions\)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(run.stdout);
    expect(row, run.stdout).not.toBeNull();
    const [r1, r5, r10, r100, mrr] = row!.slice(1).map(Number);
    // The fixture index is smaller than 100 passages: every gold article it holds is within the top 100.
    expect(r100).toBeCloseTo(2 / 3, 3);
    expect(r1).toBeLessThanOrEqual(r5);
    expect(r5).toBeLessThanOrEqual(r10);
    expect(r10).toBeLessThanOrEqual(r100);
    expect(mrr).toBeGreaterThan(0);
    expect(mrr).toBeLessThanOrEqual(r10);
    expect(run.stdout).toContain("[q3] 离婚后孩子抚养费怎么算");
  });
});
