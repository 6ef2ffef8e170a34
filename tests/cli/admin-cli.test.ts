/**
 * The admin commands as an admin runs them: `pufa add`, `list`, `remove` as real child processes on a
 * temporary corpus and data folder. `add` once failed from the command line (the question log was
 * closed before the async import finished) while every function-level test passed.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../engine/helpers.js";
import { workspace, type Workspace } from "./run-pufa.js";

let ws: Workspace;
const pufa = (args: string[]) => ws.pufa(args);
const articleFiles = () => readdirSync(ws.corpus).filter((f) => !f.startsWith("."));
const generation = () => readFileSync(path.join(ws.data, "index", "CURRENT"), "utf8").trim();
const auditActions = (): string[] => ws.audit().map((r) => r.action);

beforeAll(async () => {
  ws = workspace("pufa-admin-cli-");
  copyFileSync(path.join(REPO_ROOT, "tests/fixtures/corpus/drink-driving.md"), path.join(ws.corpus, "drink-driving.md"));
  const run = await pufa(["index"]);
  expect(run.code, run.stderr).toBe(0);
}, 90_000);

afterAll(() => rmSync(ws.root, { recursive: true, force: true }));

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
    expect(existsSync(path.join(ws.corpus, ".history"))).toBe(true);
    expect(generation()).not.toBe(before);
    expect(auditActions()).toContain("corpus.remove");
  });

  it("remove of an unknown id exits 1 and changes nothing", { timeout: 60_000 }, async () => {
    const run = await pufa(["remove", "no-such-article"]);
    expect(run.code).toBe(1);
    expect(articleFiles()).toHaveLength(1);
  });
});
