/**
 * The admin commands as an admin runs them: `pufa add`, `list`, `remove` as real child processes on a
 * temporary corpus and data folder. `add` once failed from the command line (the question log was
 * closed before the async import finished) while every function-level test passed.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_MAIN, childEnv, FIXTURE_LAWS, REPO_ROOT, tempDir, TSX } from "../engine/helpers.js";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
let corpus: string;
let dataDir: string;

function pufa(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI_MAIN, "--data", dataDir, "--corpus", corpus, "--laws", FIXTURE_LAWS, ...args], {
      cwd: root,
      env: childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const articleFiles = () => readdirSync(corpus).filter((f) => !f.startsWith("."));
const generation = () => readFileSync(path.join(dataDir, "index", "CURRENT"), "utf8").trim();
const auditActions = (): string[] => {
  const db = new Database(path.join(dataDir, "pufa.sqlite"), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    const audit = tables.find((t) => /audit/.test(t.name));
    if (!audit) return [];
    return (db.prepare(`SELECT * FROM ${audit.name}`).all() as Record<string, unknown>[]).map((r) => String(r.action));
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  root = tempDir("pufa-admin-cli-");
  corpus = path.join(root, "corpus");
  dataDir = path.join(root, "data");
  mkdirSync(corpus);
  copyFileSync(path.join(REPO_ROOT, "tests/fixtures/corpus/drink-driving.md"), path.join(corpus, "drink-driving.md"));
  const run = await pufa(["index"]);
  expect(run.code, run.stderr).toBe(0);
}, 90_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("pufa add / list / remove as processes", () => {
  let docId = "";

  it("add imports a .docx, indexes it and audits it (exit 0)", { timeout: 90_000 }, async () => {
    const before = generation();
    const run = await pufa(["add", path.join(REPO_ROOT, "tests/fixtures/admin/article.docx")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/database connection is not open/);
    expect(articleFiles()).toHaveLength(2);
    expect(generation()).not.toBe(before);
    expect(auditActions()).toContain("corpus.add");
  });

  it("list shows the imported article with its chunks", { timeout: 60_000 }, async () => {
    const run = await pufa(["list", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; title: string; chunks: number; file: string }[];
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.chunks).toBeGreaterThan(0);
    docId = rows.find((r) => !/drink/.test(JSON.stringify(r)))!.id;
  });

  it("remove takes it out of service, keeps it in .history and re-indexes", { timeout: 90_000 }, async () => {
    const before = generation();
    const run = await pufa(["remove", docId]);
    expect(run.code, run.stderr).toBe(0);
    expect(articleFiles()).toHaveLength(1);
    expect(existsSync(path.join(corpus, ".history"))).toBe(true);
    expect(generation()).not.toBe(before);
    expect(auditActions()).toContain("corpus.remove");
  });

  it("remove of an unknown id exits 1 and changes nothing", { timeout: 60_000 }, async () => {
    const run = await pufa(["remove", "no-such-article"]);
    expect(run.code).toBe(1);
    expect(articleFiles()).toHaveLength(1);
  });
});
