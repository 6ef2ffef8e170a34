/** Runs the `pufa` command as a user does: a child process (tsx src/cli/main.ts) with its own folders. */
import { spawn } from "node:child_process";
import { cpSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CLI_MAIN, childEnv, FIXTURE_CORPUS, FIXTURE_LAWS, tempDir, TSX } from "../engine/helpers.js";

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  root: string;
  corpus: string;
  data: string;
  /** `pufa --data … --corpus … --laws <fixture laws> <args>` from `root` (no .env), stdin = `input`. */
  pufa(args: string[], options?: { input?: string; env?: NodeJS.ProcessEnv }): Promise<Run>;
  /** Audit rows written by the command line (action and parsed detail), oldest first. */
  audit(): { action: string; detail: Record<string, unknown> }[];
}

/** A temp folder with its own corpus (a copy of the fixture corpus, or empty) and data folder. */
export function workspace(prefix: string, options: { copyFixtureCorpus?: boolean } = {}): Workspace {
  const root = tempDir(prefix);
  const corpus = path.join(root, "corpus");
  const data = path.join(root, "data");
  if (options.copyFixtureCorpus) cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
  else mkdirSync(corpus);
  const pufa = (args: string[], o: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
    new Promise<Run>((resolve, reject) => {
      const child = spawn(TSX, [CLI_MAIN, "--data", data, "--corpus", corpus, "--laws", FIXTURE_LAWS, ...args], {
        cwd: root,
        env: { ...childEnv(), ...o.env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(o.input ?? "");
    });
  const audit = () => {
    const db = new Database(path.join(data, "pufa.sqlite"), { readonly: true });
    try {
      return (db.prepare("SELECT action, detail FROM audit ORDER BY id").all() as { action: string; detail: string }[]).map((r) => ({
        action: r.action,
        detail: JSON.parse(r.detail) as Record<string, unknown>,
      }));
    } finally {
      db.close();
    }
  };
  return { root, corpus, data, pufa, audit };
}
