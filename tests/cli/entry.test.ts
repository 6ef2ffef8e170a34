/**
 * Entry files run nothing on import (the CLI once ran itself when a subcommand module imported
 * `configFrom` from it); they run as the process's entry file, and the package's bin calls runCli.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isEntryFile } from "../../src/cli/entry.js";
import { REPO_ROOT } from "../engine/helpers.js";

afterEach(() => vi.restoreAllMocks());

describe("importing the entry modules", () => {
  it("src/cli/main.ts, its subcommand modules and src/main.ts print nothing and start nothing", { timeout: 60_000 }, async () => {
    const out = vi.spyOn(process.stdout, "write");
    const err = vi.spyOn(process.stderr, "write");
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const cli = await import("../../src/cli/main.js");
    await import("../../src/cli/admin-commands.js");
    await import("../../src/cli/query-commands.js");
    const bot = await import("../../src/main.js");
    expect(typeof cli.runCli).toBe("function");
    expect(typeof bot.startBot).toBe("function");
    expect(cli.buildProgram().commands.map((c) => c.name())).toEqual(expect.arrayContaining(["index", "ask", "search", "eval", "add", "remove", "list", "report", "serve"]));
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });
});

describe("isEntryFile", () => {
  it("is true only for the file the process was started with, through symlinks too", () => {
    const main = path.join(REPO_ROOT, "src/cli/main.ts");
    const url = new URL(`file://${main}`).href;
    expect(isEntryFile(url, main)).toBe(true);
    expect(isEntryFile(url, path.join(REPO_ROOT, "src/cli/bin.mjs"))).toBe(false);
    expect(isEntryFile(url, undefined)).toBe(false);
    expect(isEntryFile(url, "/no/such/file")).toBe(false);
  });
});

describe("the package's bin", () => {
  it("node src/cli/bin.mjs --version prints the version once and exits 0", { timeout: 60_000 }, () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "src/cli/bin.mjs"), "--version"], { encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
