/** `pufa forget <id>` as an admin runs it: a child process on a data folder with a question log. */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuestionLog } from "../../src/admin/question-log.js";
import { Prompts } from "../../src/answer/prompts.js";
import { CLI_MAIN, childEnv, tempDir, TSX } from "../engine/helpers.js";

let root: string;
let dataDir: string;

function pufa(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI_MAIN, "--data", dataDir, ...args], { cwd: root, env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const dbPath = () => path.join(dataDir, "pufa.sqlite");
const q = (askerId: string, question: string) => ({ channel: "wechat", askerId, question, refused: false, reason: "answered", citations: [], latencyMs: 1 });

beforeAll(() => {
  root = tempDir("pufa-forget-");
  dataDir = path.join(root, "data");
  const log = new QuestionLog(dbPath());
  log.record(q("wxid_zhangsan", "张三的第一个问题"));
  log.record(q("wxid_zhangsan", "张三的第二个问题"));
  log.record(q("wxid_lisi", "李四的问题"));
  log.close();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("pufa forget", () => {
  it("deletes that person's rows, keeps everyone else's, says how many, exits 0", { timeout: 60_000 }, async () => {
    const run = await pufa(["forget", "wxid_zhangsan"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(new Prompts().render("cli-forgot", { count: 2 }));
    const log = new QuestionLog(dbPath());
    expect(log.between().map((r) => r.question)).toEqual(["李四的问题"]);
    expect(log.auditTrail()[0]).toMatchObject({ action: "log.forget", detail: { rows: 2 } });
    log.close();
    const bytes = Buffer.concat(["", "-wal"].map((s) => dbPath() + s).filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from("张三的"))).toBe(false);
    expect(bytes.includes(Buffer.from("wxid_zhangsan"))).toBe(false); // nor did the audit keep the id
  });

  it("an unknown id deletes nothing and still exits 0", { timeout: 60_000 }, async () => {
    const run = await pufa(["forget", "wxid_nobody"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(new Prompts().render("cli-forgot", { count: 0 }));
  });
});
