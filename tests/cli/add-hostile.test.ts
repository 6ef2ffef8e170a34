/**
 * `pufa add` on hostile files, as a process on a temporary corpus and data folder: each file gets its
 * refusal (the import-* prompt inside cli-add-failed), exit code 1, nothing in the corpus, an audit
 * row of the refusal, and the process never crashes (a zip bomb once took 4.9 GB and died; a
 * 10,000-deep page overflowed the stack; a symlink to /etc/passwd was served as 普法资料).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { deepHtml, randomBinary, zipBombDocx } from "../fixtures/admin/hostile.js";
import { workspace, type Workspace } from "./run-pufa.js";

const prompts = new Prompts();
const failed = (file: string, reason: string, details: Record<string, string | number> = {}) =>
  prompts.render("cli-add-failed", { file, why: prompts.render(`import-${reason}`, details) });

let ws: Workspace;
let input: string;
const servedFiles = () => readdirSync(ws.corpus, { recursive: true, encoding: "utf8" });
const allCorpusText = () =>
  servedFiles()
    .map((f) => path.join(ws.corpus, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");

beforeAll(() => {
  ws = workspace("pufa-add-hostile-");
  input = path.join(ws.root, "in");
  mkdirSync(input);
});
afterAll(() => rmSync(ws.root, { recursive: true, force: true }));

describe("pufa add refuses hostile files", () => {
  it("zip bomb .docx, symlink to /etc/passwd, random bytes as .txt, 10,000-deep page, a missing path, an unknown type, no text: one message each, exit 1, nothing written, audited", { timeout: 120_000 }, async () => {
    const files = {
      bomb: path.join(input, "bomb.docx"),
      link: path.join(input, "passwd.txt"),
      binary: path.join(input, "photo.txt"),
      deep: path.join(input, "deep.html"),
      missing: path.join(input, "no-such-file.txt"),
      unsupported: path.join(input, "data.xyz"),
      empty: path.join(input, "blank.txt"),
    };
    writeFileSync(files.bomb, zipBombDocx(60 * 1024 * 1024));
    symlinkSync("/etc/passwd", files.link);
    writeFileSync(files.binary, randomBinary(8192));
    writeFileSync(files.deep, deepHtml(10_000));
    writeFileSync(files.unsupported, "不是可导入的格式");
    writeFileSync(files.empty, "只有标题\n\n");

    const run = await ws.pufa(["add", ...Object.values(files)]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).not.toMatch(/Maximum call stack|heap out of memory|at .*\.ts:\d+/);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toEqual([
      failed(files.bomb, "zip-bomb", { entry: "word/document.xml", max: "50.0", ratio: 100 }),
      failed(files.link, "symlink"),
      failed(files.binary, "binary"),
      failed(files.deep, "too-deep", { max: 500 }),
      failed(files.missing, "missing"),
      prompts.render("cli-add-failed", { file: files.unsupported, why: prompts.get("import-unsupported") }),
      prompts.render("cli-add-failed", { file: files.empty, why: prompts.get("import-empty") }),
    ]);
    expect(servedFiles()).toEqual([]);
    expect(ws.audit().map((r) => [r.action, r.detail.reason])).toEqual([
      ["corpus.add.refused", "zip-bomb"],
      ["corpus.add.refused", "symlink"],
      ["corpus.add.refused", "binary"],
      ["corpus.add.refused", "too-deep"],
      ["corpus.add.refused", "missing"],
    ]);
  });

  it("a folder walk refuses the symlinks in it (files and folders, never followed) and imports the rest", { timeout: 120_000 }, async () => {
    const folder = path.join(ws.root, "folder");
    mkdirSync(path.join(folder, "sub"), { recursive: true });
    writeFileSync(path.join(folder, "sub", "notice.txt"), "反诈宣传进社区\n派出所民警提醒群众不要出租出借银行卡、电话卡。\n");
    symlinkSync("/etc/passwd", path.join(folder, "passwd.txt"));
    symlinkSync("/etc", path.join(folder, "etc-link"));

    const run = await ws.pufa(["add", "--no-index", folder]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n").sort()).toEqual([failed(path.join(folder, "etc-link"), "symlink"), failed(path.join(folder, "passwd.txt"), "symlink")].sort());
    expect(run.stdout).toContain(path.join(folder, "sub", "notice.txt"));
    expect(servedFiles()).toHaveLength(1);
    expect(allCorpusText()).toContain("不要出租出借银行卡");
    expect(allCorpusText()).not.toMatch(/root:x:0:0/);
  });

  it("a 3 MB .txt over PUFA_IMPORT_MAX_BYTES=1000000 is refused from its size, nothing written", { timeout: 120_000 }, async () => {
    const big = path.join(input, "big.txt");
    writeFileSync(big, `很长的通知\n${"派出所提醒：谨防电信网络诈骗，不要轻信陌生来电。\n".repeat(3 * 1024 * 1024 / 72)}`);
    const before = servedFiles();
    const run = await ws.pufa(["add", "--no-index", big], { env: { PUFA_IMPORT_MAX_BYTES: "1000000" } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(failed(big, "too-large", { size: "3.0", max: "1.0" }));
    expect(servedFiles()).toEqual(before);
    expect(ws.audit().at(-1)).toMatchObject({ action: "corpus.add.refused", detail: { reason: "too-large" } });
  });

  it("a bad limit value stops the command with the variable's name (exit 2)", { timeout: 60_000 }, async () => {
    const run = await ws.pufa(["add", "--no-index", path.join(input, "big.txt")], { env: { PUFA_IMPORT_MAX_BYTES: "lots" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("PUFA_IMPORT_MAX_BYTES");
  });
});
