/**
 * The flood from the issue, as a client sees `pufa serve`: 21,000 oversized questions once grew the
 * question log by 138 MB in 10 seconds. Now each is a polite refusal and a counter, not a row.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuestionLog } from "../../src/admin/question-log.js";
import { CLI_MAIN, childEnv, FIXTURE_CORPUS, FIXTURE_LAWS, tempDir, TSX } from "../engine/helpers.js";

const FLOOD = 1000;
let root: string;
let dataDir: string;
let child: ChildProcess;
let url: string;

const size = (suffix: string) => {
  const f = path.join(dataDir, `pufa.sqlite${suffix}`);
  return existsSync(f) ? statSync(f).size : 0;
};

beforeAll(async () => {
  root = tempDir("pufa-flood-");
  dataDir = path.join(root, "data");
  child = spawn(TSX, [CLI_MAIN, "--data", dataDir, "--corpus", FIXTURE_CORPUS, "--laws", FIXTURE_LAWS, "serve"], {
    cwd: root,
    env: { ...childEnv(), PUFA_HTTP_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /pufa HTTP: (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`pufa serve exited ${code}`)));
  });
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(root, { recursive: true, force: true });
});

describe("pufa serve under a flood of oversized questions", () => {
  it(`answers ${FLOOD} of them with too_long and the log barely grows`, { timeout: 180_000 }, async () => {
    const ask = async (question: string) => (await (await fetch(url, { method: "POST", body: JSON.stringify({ question }) })).json()) as { reason: string };
    expect((await ask("醉驾怎么处罚")).reason).toBe("answered");
    const before = size("");
    const question = "我想问一下".repeat(1200); // 6,000 characters, 18 KB of UTF-8
    let next = 0;
    const reasons = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < FLOOD) {
          next++;
          const { reason } = await ask(question);
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(reasons)).toEqual({ too_long: FLOOD });
    // Verbatim, the flood would add 18 MB (1,000 × 18 KB). The counter's updates pass through the WAL,
    // which SQLite checkpoints at 1,000 pages whatever the flood's size.
    expect(size("") - before).toBeLessThan(64 * 1024);
    expect(size("-wal")).toBeLessThan(4.5 * 1024 * 1024);
    const log = new QuestionLog(path.join(dataDir, "pufa.sqlite"));
    expect(log.stats().byReason).toMatchObject({ answered: 1, too_long: FLOOD });
    log.close();
  });
});
