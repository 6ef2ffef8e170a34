/** `pufa add <URL>` as a process against a real local HTTP server (loopback only). */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prompts } from "../../src/answer/prompts.js";
import { parseFrontMatter } from "../../src/ingestion/front-matter.js";
import { workspace, type Workspace } from "./run-pufa.js";

const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>反诈提醒：警惕冒充客服退款 - 某某公安</title></head><body>
<nav>首页 新闻 通知</nav><article><h1>反诈提醒：警惕冒充客服退款</h1><p>发布时间：2024-06-01　来源：某某公安</p>
<p>近期，冒充电商客服以“退款”“理赔”为名实施诈骗的案件多发。</p>
<p>民警提醒：官方客服不会要求您下载会议软件、开启屏幕共享或转账到“安全账户”。</p></article></body></html>`;

let server: Server;
let base: string;
let ws: Workspace;

beforeAll(async () => {
  ws = workspace("pufa-add-url-");
  server = createServer((req, res) => {
    if (req.url === "/news/refund.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(page);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(ws.root, { recursive: true, force: true });
});

describe("pufa add <URL>", () => {
  it("imports an http page with its address as url:, refuses file:// with a message (exit 1)", { timeout: 90_000 }, async () => {
    const url = `${base}/news/refund.html`;
    const run = await ws.pufa(["add", "--no-index", url, "file:///etc/passwd"]);
    expect(run.code).toBe(1);
    const prompts = new Prompts();
    expect(run.stderr.trim()).toBe(prompts.render("cli-add-failed", { file: "file:///etc/passwd", why: prompts.render("import-url-scheme", { scheme: "file" }) }));
    const files = readdirSync(ws.corpus);
    expect(files).toHaveLength(1);
    expect(run.stdout).toContain(url);
    expect(run.stdout).toContain(files[0]);
    const { data, body } = parseFrontMatter(readFileSync(path.join(ws.corpus, files[0]), "utf8"));
    expect(data).toMatchObject({ title: "反诈提醒：警惕冒充客服退款", url, date: "2024-06-01", source: "某某公安", format: "html" });
    expect(body).toContain("官方客服不会要求您下载会议软件");
    expect(body).not.toContain("首页");
    expect(ws.audit().map((r) => [r.action, r.detail.reason ?? r.detail.action])).toEqual([
      ["corpus.add", "added"],
      ["corpus.add.refused", "url-scheme"],
    ]);
  });
});
