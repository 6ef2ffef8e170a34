/**
 * The `pufa` command line as a user runs it: real child processes (tsx) on a temporary copy of the
 * fixture corpus and a temporary data folder, over one index built there by `pufa index`. Spawns are
 * slow (~3 s each), so each command runs once or twice.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { collectPassages } from "../../src/index/builder.js";
import { localDate } from "../../src/text/dates.js";
import { citedFile, fixtureConfig, sourceText } from "../engine/helpers.js";
import { workspace, type Run, type Workspace } from "./run-pufa.js";

let ws: Workspace;
let dataDir: string;
let indexRun: Run;

const pufa = (args: string[], input?: string) => ws.pufa(args, { input });
const config = () => fixtureConfig(dataDir, { corpus: [ws.corpus] });

const current = () => readFileSync(path.join(dataDir, "index", "CURRENT"), "utf8").trim();

beforeAll(async () => {
  ws = workspace("pufa-cli-", { copyFixtureCorpus: true });
  dataDir = ws.data;
  indexRun = await pufa(["index"]);
}, 90_000);

afterAll(() => rmSync(ws.root, { recursive: true, force: true }));

const indexDone = (run: Run) => {
  const m = /索引已更新: (\d+) 段（法条 (\d+)，文章片段 (\d+)，文章 (\d+) 篇），处理 (\d+) 个文件/.exec(run.stdout);
  expect(m, run.stdout).not.toBeNull();
  return m!.slice(1).map(Number);
};

describe("pufa index", () => {
  it("builds the index, reports its size and the corpus warnings", async () => {
    expect(indexRun.code, indexRun.stderr).toBe(0);
    const expected = await collectPassages(config());
    expect(indexDone(indexRun).slice(0, 4)).toEqual([expected.passages.length, expected.laws.length, expected.chunks.length, expected.documents]);
    expect(indexRun.stderr).toContain("bad-front-matter.md");
    expect(current()).toMatch(/^gen-/);
  });

  it("index --full rebuilds every file into a new generation; a plain index after it has nothing to do", { timeout: 120_000 }, async () => {
    const before = current();
    const filesFirst = indexDone(indexRun)[4];
    const full = await pufa(["index", "--full"]);
    expect(full.code, full.stderr).toBe(0);
    expect(indexDone(full)).toEqual(indexDone(indexRun));
    expect(indexDone(full)[4]).toBe(filesFirst);
    expect(current()).not.toBe(before);
    const rebuilt = current();
    const again = await pufa(["index"]);
    expect(again.code, again.stderr).toBe(0);
    expect(indexDone(again)[4]).toBe(0);
    expect(current()).toBe(rebuilt);
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
    expect(sourceText(citedFile(config(), first)).slice(first.start, first.end)).toBe(first.excerpt);
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
    const file = path.join(ws.root, "tiny-eval.jsonl");
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

describe("pufa report", () => {
  const unanswered = ["离婚后孩子抚养费怎么算", "宠物狗咬伤了邻居家的小孩要赔多少钱"];

  it("after a few asks, reports the unanswered questions and writes them to label", { timeout: 120_000 }, async () => {
    for (const question of unanswered) {
      const run = await pufa(["ask", "--json", question]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ refused: true, reason: "no_match" });
    }
    const labelFile = path.join(ws.root, "to-label.jsonl");
    const run = await pufa(["report", "--to-label", labelFile]);
    expect(run.code, run.stderr).toBe(0);
    const today = new Date();
    const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30);
    const prompts = new Prompts();
    // Three questions asked in this file: the answered one (ask --json above) and the two gaps.
    const header = prompts.render("admin-report-header", { from: localDate(from), to: localDate(today), total: 3, answered: 1, refused: 2, unanswered: 2 });
    expect(run.stdout.startsWith(header), run.stdout).toBe(true);
    for (const question of unanswered) expect(run.stdout).toContain(question);
    const labelled = readFileSync(labelFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { question: string; gold: unknown[] });
    expect(labelled.map((l) => l.question).sort()).toEqual([...unanswered].sort());
    for (const l of labelled) expect(l.gold).toEqual([]);
  });

  it("a date that does not exist is refused with a message (exit 1), not read as another day", { timeout: 60_000 }, async () => {
    const run = await pufa(["report", "--from", "2023-02-30"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("yyyy-mm-dd");
  });
});
