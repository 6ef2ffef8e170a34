import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { createCorpusCommands, type CorpusCommand } from "../../src/admin/chat-commands.js";
import { listCorpus } from "../../src/admin/corpus-manager.js";
import { QuestionLog } from "../../src/admin/question-log.js";
import { readCorpus } from "../../src/ingestion/article-reader.js";

const ADMIN = "wxid_admin_7731";
const prompts = new Prompts();

let dir: string;
let corpus: string;
let log: QuestionLog;
let changes: number;
let failReindex: boolean;
let commands: Map<string, CorpusCommand>;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "pufa-cmd-"));
  corpus = path.join(dir, "corpus");
  mkdirSync(corpus);
  log = new QuestionLog(path.join(dir, ".pufa", "pufa.sqlite"));
  changes = 0;
  failReindex = false;
  commands = createCorpusCommands({
    corpusDir: corpus,
    log,
    onChange: async () => {
      changes++;
      if (failReindex) throw new Error("index busy");
    },
    now: () => new Date(2024, 6, 1, 10, 0, 0),
  });
});
afterEach(() => {
  log.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = (name: string, text: string) => commands.get(name)!({ actorId: ADMIN, text });
const ADD_TEXT = "#添加 夏季游泳安全提示\n不要到无人看管的水域游泳。\n\n未成年人游泳应有成年人陪同。";

describe("admin chat commands", () => {
  it("offers #添加, #导入, #删除 and #列表", () => {
    expect([...commands.keys()].sort()).toEqual(["#删除", "#添加", "#导入", "#列表"].sort());
  });

  it("#添加 stores the title line and text as a .md from 管理员添加, then re-indexes", async () => {
    const reply = await run("#添加", ADD_TEXT);
    const [doc] = listCorpus(corpus);
    expect(doc).toMatchObject({ title: "夏季游泳安全提示", source: prompts.get("admin-source-label"), date: "2024-07-01", format: "md" });
    expect(reply).toBe(prompts.render("admin-add-done", { title: "夏季游泳安全提示", id: doc.id }));
    expect(changes).toBe(1);
    const { docs } = await readCorpus([corpus]);
    expect(docs[0].body.trim()).toBe("不要到无人看管的水域游泳。\n\n未成年人游泳应有成年人陪同。");

    // The same text again: nothing written, no re-index.
    expect(await run("#添加", ADD_TEXT)).toBe(prompts.render("admin-add-duplicate", { title: "夏季游泳安全提示", id: doc.id }));
    expect(changes).toBe(1);
    expect(readdirSync(corpus).filter((f) => !f.startsWith("."))).toHaveLength(1);
  });

  it("#添加 with the same title replaces the earlier text", async () => {
    await run("#添加", ADD_TEXT);
    const reply = await run("#添加", "夏季游泳安全提示\n更新：暴雨后不要下河游泳。");
    const docs = listCorpus(corpus);
    expect(docs).toHaveLength(1);
    expect(reply).toBe(prompts.render("admin-add-replaced", { title: "夏季游泳安全提示", id: docs[0].id }));
    expect(docs[0].file).not.toMatch(/-2\.md$/); // the new version takes the old one's file name
    expect(changes).toBe(2);
  });

  it("#添加 without a body answers with the usage and changes nothing", async () => {
    expect(await run("#添加", "#添加 只有标题")).toBe(prompts.get("admin-add-usage"));
    expect(await run("#添加", "   ")).toBe(prompts.get("admin-add-usage"));
    expect(listCorpus(corpus)).toEqual([]);
    expect(changes).toBe(0);
  });

  it("#列表 shows ids and titles; #删除 <id> removes one", async () => {
    await run("#添加", ADD_TEXT);
    await run("#添加", "防范电信诈骗\n陌生来电要求转账的，一律先挂断。");
    const docs = listCorpus(corpus);
    const list = await run("#列表", "");
    expect(list.split("\n")[0]).toBe(prompts.render("admin-list-header", { total: 2, shown: 2 }));
    for (const d of docs) expect(list).toContain(`${d.id}  ${d.title}`);
    expect(await run("#列表", "诈骗")).toContain(prompts.render("admin-list-header-filtered", { keyword: "诈骗", total: 1, shown: 1 }));

    const target = docs.find((d) => d.title === "防范电信诈骗")!;
    const reply = await run("#删除", `#删除 ${target.id}`);
    expect(reply).toBe(prompts.render("admin-delete-done", { title: "防范电信诈骗", id: target.id }));
    expect(listCorpus(corpus).map((d) => d.title)).toEqual(["夏季游泳安全提示"]);
    expect(changes).toBe(3);

    expect(await run("#删除", "abcdef123456")).toBe(prompts.render("admin-delete-not-found", { id: "abcdef123456" }));
    expect(await run("#删除", "")).toBe(prompts.get("admin-delete-usage"));
    expect(changes).toBe(3);
  });

  it("#列表 on an empty corpus", async () => {
    expect(await run("#列表", "")).toBe(prompts.get("admin-list-empty"));
  });

  it("reports a failed re-index but keeps the file", async () => {
    failReindex = true;
    const reply = await run("#添加", ADD_TEXT);
    expect(reply).toContain(prompts.get("admin-reindex-failed"));
    expect(listCorpus(corpus)).toHaveLength(1);
  });

  it("records every action in the audit table under the hashed admin id", async () => {
    await run("#添加", ADD_TEXT);
    await run("#添加", "只有标题");
    await run("#列表", "");
    const [doc] = listCorpus(corpus);
    await run("#删除", doc.id);
    const rows = log.auditTrail().reverse();
    expect(rows.map((r) => r.action)).toEqual(["corpus.add", "corpus.add", "corpus.list", "corpus.remove"]);
    expect(rows.map((r) => (r.detail as { action?: string }).action)).toEqual(["added", "rejected", undefined, undefined]);
    expect(rows[3].detail).toMatchObject({ removed: true, docId: doc.id });
    expect(new Set(rows.map((r) => r.actor))).toEqual(new Set([log.hashId(ADMIN)]));
  });
});

describe("#导入 <网址>", () => {
  it("without an address: the usage, nothing written", async () => {
    expect(await run("#导入", "#导入")).toBe(prompts.get("admin-import-usage"));
    expect(readdirSync(corpus)).toEqual([]);
    expect(changes).toBe(0);
  });

  it("a page that cannot be fetched (404 from a real local server): its reason, nothing written, audited", async () => {
    const http = await import("node:http");
    const server = http.createServer((_req, res) => res.writeHead(404).end("not here"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}/gone.html`;
      const reply = await run("#导入", `#导入 ${url}`);
      expect(reply.startsWith(prompts.render("admin-import-refused", { why: "" }).trim())).toBe(true);
      expect(readdirSync(corpus)).toEqual([]);
      expect(changes).toBe(0);
      expect(log.auditTrail(5).map((r) => r.action)).toContain("corpus.add.refused");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
