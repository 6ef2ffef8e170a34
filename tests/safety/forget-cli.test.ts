/** `pufa forget <id>` as an admin runs it: a child process on a data folder with a question log. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuestionLog } from "../../src/admin/question-log.js";
import { Prompts } from "../../src/answer/prompts.js";
import { workspace, type Workspace } from "../cli/run-pufa.js";

let ws: Workspace;
const pufa = (args: string[]) => ws.pufa(args);
const dbPath = () => path.join(ws.data, "pufa.sqlite");
const q = (askerId: string, question: string) => ({ channel: "wechat", askerId, question, refused: false, reason: "answered", citations: [], latencyMs: 1 });

beforeAll(() => {
  ws = workspace("pufa-forget-");
  const log = new QuestionLog(dbPath());
  log.record(q("wxid_zhangsan", "张三的第一个问题"));
  log.record(q("wxid_zhangsan", "张三的第二个问题"));
  log.record(q("wxid_lisi", "李四的问题"));
  log.close();
});
afterAll(() => rmSync(ws.root, { recursive: true, force: true }));

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
