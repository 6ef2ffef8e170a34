/**
 * `pufa add <folder of 2,000 small files>` as a process: every file stored, one index refresh at the
 * end, every article listed and indexed. Adding was O(N²) (the corpus was re-scanned and re-hashed
 * per file; 2,000 files were not done after 150 s); it now takes about 20 s on the dev machine
 * (time is reported here, not asserted: the machine is shared).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { workspace, type Workspace } from "./run-pufa.js";

const COUNT = 2000;
const TOPICS = ["反诈", "禁毒", "酒驾", "电动车", "未成年人", "扫黑除恶", "银行卡", "刷单", "养老", "校园"];
let ws: Workspace;
let folder: string;

beforeAll(() => {
  ws = workspace("pufa-add-many-");
  folder = path.join(ws.root, "notices");
  mkdirSync(folder);
  for (let i = 0; i < COUNT; i++) {
    const topic = TOPICS[i % TOPICS.length];
    writeFileSync(
      path.join(folder, `n${String(i).padStart(4, "0")}.txt`),
      `第${i}号通知：${topic}宣传\n某某派出所于近日开展${topic}宣传活动第${i}场，提醒群众提高警惕，发现线索及时报警。编号${i * 7919}。\n`,
    );
  }
});
afterAll(() => rmSync(ws.root, { recursive: true, force: true }));

describe("pufa add with 2,000 files", () => {
  it("stores each file once, refreshes the index once at the end, and lists every article as indexed", { timeout: 300_000 }, async () => {
    const started = Date.now();
    const run = await ws.pufa(["add", folder]);
    const seconds = (Date.now() - started) / 1000;
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    console.log(`pufa add of ${COUNT} files (import + one index refresh, process start included): ${seconds.toFixed(1)} s`);
    expect(readdirSync(ws.corpus).filter((f) => f.endsWith(".md"))).toHaveLength(COUNT);
    const refreshedPrefix = new Prompts().get("cli-refreshed").split("{")[0];
    expect(run.stdout.split("\n").filter((l) => l.startsWith(refreshedPrefix))).toHaveLength(1);

    const list = await ws.pufa(["list", "--json"]);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as { id: string; chunks: number }[];
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.id)).size).toBe(COUNT);
    expect(rows.filter((r) => r.chunks === 0)).toEqual([]);
  });
});
