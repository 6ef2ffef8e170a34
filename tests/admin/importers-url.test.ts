/**
 * importUrl against a real local HTTP server (loopback only; tests stay offline): GBK and UTF-8
 * pages, redirects (only to http(s)), errors, the size cap and the deadline.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_LIMITS, ImportRefusedError } from "../../src/admin/importers/index.js";
import { importUrl, looksLikeUrl } from "../../src/admin/importers/url.js";
import { deepHtml } from "../fixtures/admin/hostile.js";

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/admin");
const gbkPage = readFileSync(path.join(FIX, "site-page-gbk.html"));
// The same GBK bytes without their <meta charset>: only the server's header names the encoding.
const gbkNoMeta = Buffer.from(gbkPage.toString("latin1").replace(/<meta http-equiv="Content-Type"[^>]*>/i, ""), "latin1");
const utf8Page = `<!DOCTYPE html><html><head><title>电动自行车登记上牌须知 - 某某公安</title><meta name="PubDate" content="2024-05-06"></head><body>
<header>网站导航 首页 新闻</header><article><h1>电动自行车登记上牌须知</h1>
<p>自2024年5月起，电动自行车须经登记取得号牌后方可上道路行驶。</p>
<p>车主可携带身份证、购车发票和合格证到就近的登记点办理，现场核验后当场发放号牌。</p>
<p>未登记上路的，公安机关交通管理部门可依法予以处罚。</p></article><footer>版权所有 某某公安</footer></body></html>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, headers: Record<string, string | number>, body?: string | Buffer) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    switch (req.url) {
      case "/gbk.html":
        return send(200, { "content-type": "text/html; charset=GBK" }, gbkNoMeta);
      case "/gbk-meta.html":
        return send(200, { "content-type": "text/html" }, gbkPage);
      case "/utf8.html":
        return send(200, { "content-type": "text/html; charset=utf-8" }, utf8Page);
      case "/moved":
        return send(302, { location: "/utf8.html" });
      case "/to-file":
        return send(302, { location: "file:///etc/passwd" });
      case "/loop":
        return send(302, { location: "/loop" });
      case "/missing":
        return send(404, { "content-type": "text/html" }, "not found");
      case "/big-announced":
        return send(200, { "content-type": "text/html", "content-length": 5_000_000 }, Buffer.alloc(5_000_000, 0x20));
      case "/big-chunked":
        res.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 50; i++) res.write(Buffer.alloc(100_000, 0x20));
        return res.end();
      case "/deep.html":
        return send(200, { "content-type": "text/html; charset=utf-8" }, deepHtml(10_000));
      case "/image.png":
        return send(200, { "content-type": "image/png" }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
      case "/slow":
        return; // never answers: the deadline must end the wait
      default:
        return send(404, {});
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(run: Promise<unknown>): Promise<ImportRefusedError> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportRefusedError);
  return err as ImportRefusedError;
}

describe("importUrl", () => {
  it("decodes a GBK page by the server's charset and cleans it like a saved page; the address is kept as url", async () => {
    const a = await importUrl(`${base}/gbk.html`);
    expect(a.title).toBe("未成年人网络保护，家长需要知道的几件事");
    expect(a.date).toBe("2024-04-08");
    expect(a.source).toBe("临江市公安局网安支队");
    expect(a.body.startsWith("随着互联网的普及")).toBe(true);
    expect(a.body).not.toMatch(/欢迎访问|责任编辑|分享到/);
    expect(a.url).toBe(`${base}/gbk.html`);
  });

  it("decodes a GBK page by its <meta> when the server names no charset", async () => {
    const a = await importUrl(`${base}/gbk-meta.html`);
    expect(a.body).toContain("《未成年人保护法》专设“网络保护”一章");
  });

  it("imports a UTF-8 page, following an http redirect to it (url = where the page was)", async () => {
    const a = await importUrl(`${base}/moved`);
    expect(a.title).toBe("电动自行车登记上牌须知");
    expect(a.date).toBe("2024-05-06");
    expect(a.body.split("\n\n")).toHaveLength(3);
    expect(a.body).not.toMatch(/网站导航|版权所有/);
    expect(a.url).toBe(`${base}/utf8.html`);
  });

  it("refuses other schemes, also as a redirect target", async () => {
    expect((await refusal(importUrl("file:///etc/passwd"))).details).toEqual({ scheme: "file" });
    expect((await refusal(importUrl("ftp://127.0.0.1/a.html"))).reason).toBe("url-scheme");
    const redirected = await refusal(importUrl(`${base}/to-file`));
    expect(redirected.reason).toBe("url-scheme");
    expect(redirected.details).toEqual({ scheme: "file" });
  });

  it("gives up on redirect loops, HTTP errors and unreachable hosts with the cause", async () => {
    expect(await refusal(importUrl(`${base}/loop`))).toMatchObject({ reason: "url-redirects", details: { max: 5 } });
    expect(await refusal(importUrl(`${base}/missing`))).toMatchObject({ reason: "url-http", details: { status: 404 } });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect((await refusal(importUrl(`http://127.0.0.1:${port}/`))).reason).toBe("url-unreachable");
    expect((await refusal(importUrl("http://[not an address/"))).reason).toBe("url-invalid");
  });

  it("caps the size, announced or not, and the time", { timeout: 20_000 }, async () => {
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxBytes: 1_000_000 };
    expect((await refusal(importUrl(`${base}/big-announced`, limits))).reason).toBe("too-large");
    expect((await refusal(importUrl(`${base}/big-chunked`, limits))).reason).toBe("too-large");
    const started = Date.now();
    const slow = await refusal(importUrl(`${base}/slow`, { ...limits, urlTimeoutMs: 500 }));
    expect(slow).toMatchObject({ reason: "url-timeout", details: { seconds: 0.5 } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses a 10,000-deep page and a non-text body like a file", async () => {
    expect((await refusal(importUrl(`${base}/deep.html`))).reason).toBe("too-deep");
    expect((await refusal(importUrl(`${base}/image.png`))).reason).toBe("binary");
  });

  it("looksLikeUrl tells addresses from paths", () => {
    expect(looksLikeUrl("https://example.gov.cn/a.html")).toBe(true);
    expect(looksLikeUrl("file:///etc/passwd")).toBe(true);
    expect(looksLikeUrl("./articles/a.html")).toBe(false);
    expect(looksLikeUrl("C:\\docs\\a.docx")).toBe(false);
  });
});
