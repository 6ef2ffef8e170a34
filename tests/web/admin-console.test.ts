/**
 * The admin console in headless Chromium (and its API where a browser adds nothing): login refused
 * with a wrong secret, upload a .docx → preview → save → listed → asked about on the ask page,
 * remove and restore, re-index progress to 100%, statistics charts drawn, 未答 and 试问; CSRF and
 * the audit log.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCorpus } from "../../src/admin/corpus-manager.js";
import { REPO_ROOT } from "../engine/helpers.js";
import { hasChromium, launchBrowser, screenshotPath, startFixtureWeb, type FixtureWeb } from "./helpers.js";

const TOKEN = "test-admin-secret-123";
const DOCX = path.join(REPO_ROOT, "tests/fixtures/admin/article.docx");
let f: FixtureWeb;
let browser: Browser;

beforeAll(async () => {
  f = await startFixtureWeb({ adminToken: TOKEN, askPerMinute: 100 });
  if (hasChromium) browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await f?.close();
});

const auditActions = () => f.rt.questionLog!.auditTrail(500).map((r) => r.action);

describe("admin API", () => {
  it("refuses every API route without the secret, and a wrong secret at login", async () => {
    for (const [method, p] of [["GET", "articles"], ["GET", "stats"], ["POST", "index/rebuild"], ["DELETE", "articles/x"], ["GET", "unanswered"]]) {
      expect((await fetch(`${f.web.url}/admin/api/${p}`, { method })).status, p).toBe(401);
    }
    const res = await fetch(`${f.web.url}/admin/login`, { method: "POST", body: JSON.stringify({ token: "wrong-secret" }) });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(auditActions()).toContain("admin.login");
  });

  it("a session cookie is HttpOnly + SameSite=Strict, and a change without the CSRF token is refused", async () => {
    const res = await fetch(`${f.web.url}/admin/login`, { method: "POST", body: JSON.stringify({ token: TOKEN }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const { csrf } = (await res.json()) as { csrf: string };
    const session = cookie.split(";")[0];
    expect((await fetch(`${f.web.url}/admin/api/articles`, { headers: { cookie: session } })).status).toBe(200);
    const noCsrf = await fetch(`${f.web.url}/admin/api/index/rebuild`, { method: "POST", headers: { cookie: session } });
    expect(noCsrf.status).toBe(403);
    const ok = await fetch(`${f.web.url}/admin/api/history/restore`, { method: "POST", headers: { cookie: session, "x-csrf-token": csrf }, body: JSON.stringify({ name: "../../etc/passwd" }) });
    expect(ok.status).toBe(404); // past the CSRF check; a path is never a history name
  });

  it("未答 groups similar refused questions; 标注 appends a labelled question in the pufa eval format", async () => {
    // Two wordings of one question the fixture material does not answer.
    for (const q of ["我家猫最近不吃饭怎么办", "家里的猫不吃饭怎么办"]) await fetch(`${f.web.url}/ask`, { method: "POST", body: JSON.stringify({ question: q }) });
    const auth = { authorization: `Bearer ${TOKEN}` };
    const report = (await (await fetch(`${f.web.url}/admin/api/unanswered`, { headers: auth })).json()) as { unanswered: { representative: string; count: number }[] };
    expect(report.unanswered.find((g) => g.representative.includes("猫"))?.count).toBe(2);
    const label = { question: "邻居的狗晚上一直叫怎么投诉", gold: [{ law: "治安管理处罚法", article: "第七十五条" }] };
    const res = await fetch(`${f.web.url}/admin/api/labels`, { method: "POST", headers: auth, body: JSON.stringify(label) });
    expect(res.status).toBe(200);
    const { file } = (await res.json()) as { file: string };
    expect(readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as unknown)).toEqual([label]);
    expect((await fetch(`${f.web.url}/admin/api/labels`, { method: "POST", headers: auth, body: JSON.stringify({ question: "x", gold: [] }) })).status).toBe(400);
    expect(auditActions()).toContain("labels.add");
  });

  it("a preview of several inputs: a bad file is named with its error, the good ones still preview, nothing is saved", async () => {
    const before = listCorpus(f.corpusDir).length;
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0])]), "setup.exe");
    form.append("files", new Blob([readFileSync(DOCX)]), "article.docx");
    form.append("text", "夏季防溺水提示\n\n不要私自下水游泳。");
    const res = await fetch(`${f.web.url}/admin/api/articles/preview`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { previews: { name: string; title: string }[]; errors: { name: string; error: string }[] };
    expect(json.previews.map((p) => p.title)).toEqual(["警惕“刷单返利”骗局", "夏季防溺水提示"]);
    expect(json.errors).toEqual([{ name: "setup.exe", error: expect.any(String) }]);
    expect(listCorpus(f.corpusDir).length).toBe(before);
  });

  it("an article id that is a path removes nothing", async () => {
    const before = listCorpus(f.corpusDir).map((a) => a.id);
    for (const id of ["../../../etc/passwd", "..", "/etc/hosts", "anti-fraud.md/../../x"]) {
      const res = await fetch(`${f.web.url}/admin/api/articles/${encodeURIComponent(id)}`, { method: "DELETE", headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status, id).toBe(404);
    }
    expect(listCorpus(f.corpusDir).map((a) => a.id)).toEqual(before);
  });

  it("an upload over the size limit is refused and counted", async () => {
    const g = await startFixtureWeb({ adminToken: TOKEN, uploadBytes: 10_000 });
    try {
      const form = new FormData();
      form.append("files", new Blob([new Uint8Array(50_000)]), "big.txt");
      const res = await fetch(`${g.web.url}/admin/api/articles/preview`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
      expect(res.status).toBe(413);
      const status = (await (await fetch(`${g.web.url}/admin/api/index`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { rejected: { tooLarge: number } };
      expect(status.rejected.tooLarge).toBe(1);
    } finally {
      await g.close();
    }
  }, 60_000);
});

async function login(page: Page): Promise<void> {
  await page.goto(`${f.web.url}/admin`);
  await page.fill("#token", TOKEN);
  await page.click("#login-form button[type=submit]");
  await page.locator("#console").waitFor();
}

describe.skipIf(!hasChromium)("admin console (browser)", () => {
  it("a wrong secret is refused with a message; the console stays hidden", async () => {
    const page = await browser.newPage();
    await page.goto(`${f.web.url}/admin`);
    await page.fill("#token", "not-the-secret");
    await page.click("#login-form button[type=submit]");
    await expect.poll(() => page.locator("#login-error").textContent(), { timeout: 15_000 }).toMatch(/密钥不正确/);
    expect(await page.locator("#console").isHidden()).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-login-refused") });
    await page.close();
  }, 30_000);

  it("upload a .docx → preview → save → listed, re-indexed, and answered on the ask page; remove and restore", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await login(page);
    await page.locator("#articles tbody tr").first().waitFor();
    await page.setInputFiles("#files", DOCX);
    await page.click("#import button[type=submit]");
    const preview = page.locator("form.preview").first();
    await preview.waitFor();
    expect(await preview.locator("input[name=title]").inputValue()).toBe("警惕“刷单返利”骗局");
    await preview.locator("input[name=region]").fill("临江");
    await preview.locator("input[name=tags]").fill("反诈，刷单");
    await page.screenshot({ path: screenshotPath("admin-articles-preview"), fullPage: true });
    await preview.locator("button.save").click();
    await expect.poll(() => preview.locator(".status").textContent(), { timeout: 15_000 }).toBe("已保存");
    const row = page.locator("#articles tbody tr", { hasText: "平安临江" });
    await row.waitFor();
    const saved = listCorpus(f.corpusDir).find((a) => a.title === "警惕“刷单返利”骗局")!;
    expect(saved.source).toBe("平安临江");

    // The save started an incremental re-index; the index tab follows it to 100%.
    await page.click(".tabs button[data-tab=index]");
    await page.click("#rebuild");
    await page.waitForFunction(`document.querySelector("#progress-text")?.textContent?.includes("完成")`, null, { timeout: 60_000 });
    expect(await page.locator("#progress").evaluate((p) => (p as unknown as { value: number }).value)).toBe(100);
    await page.screenshot({ path: screenshotPath("admin-index") });

    const ask = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await ask.goto(f.web.url);
    await ask.fill("#question", "刷单返利是诈骗吗");
    await ask.click("#send");
    await ask.locator("section.card.answer").waitFor();
    await expect.poll(() => ask.locator("section.card.answer .sources").textContent(), { timeout: 15_000 }).toContain("平安临江");
    await ask.close();

    // Remove, then restore from history.
    await page.click(".tabs button[data-tab=articles]");
    page.once("dialog", (d) => void d.accept());
    await page.locator("#articles tbody tr", { hasText: "平安临江" }).locator("button.remove").click();
    await page.locator("#articles tbody tr", { hasText: "平安临江" }).waitFor({ state: "detached" });
    expect(listCorpus(f.corpusDir).some((a) => a.title === "警惕“刷单返利”骗局")).toBe(false);
    const hist = page.locator("#history tbody tr", { hasText: "警惕“刷单返利”骗局" });
    await hist.first().waitFor();
    await page.screenshot({ path: screenshotPath("admin-articles-history"), fullPage: true });
    await hist.first().locator("button.restore").click();
    await page.locator("#articles tbody tr", { hasText: "平安临江" }).waitFor();
    expect(listCorpus(f.corpusDir).some((a) => a.title === "警惕“刷单返利”骗局")).toBe(true);
    expect(auditActions()).toEqual(expect.arrayContaining(["corpus.add", "corpus.remove", "corpus.restore", "index.rebuild"]));
    await page.close();
  }, 120_000);

  it("a URL import from a local server: fetched, cleaned, previewed, saved", async () => {
    const site = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(readFileSync(path.join(REPO_ROOT, "tests/fixtures/admin/wechat-page.html")));
    });
    await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      await login(page);
      await page.fill("#url", `http://127.0.0.1:${(site.address() as AddressInfo).port}/s/article`);
      await page.click("#import button[type=submit]");
      const preview = page.locator("form.preview").first();
      await preview.waitFor();
      expect(await preview.locator("input[name=title]").inputValue()).toBe("冒充公检法诈骗，记住这“三个凡是”");
      const body = await preview.locator("textarea[name=body]").inputValue();
      expect(body).not.toMatch(/<[a-z]/i);
      await preview.locator("button.save").click();
      await expect.poll(() => preview.locator(".status").textContent(), { timeout: 15_000 }).toBe("已保存");
      expect(listCorpus(f.corpusDir).some((a) => a.title === "冒充公检法诈骗，记住这“三个凡是”")).toBe(true);
      await page.screenshot({ path: screenshotPath("admin-url-import"), fullPage: true });
    } finally {
      await page.close();
      site.close();
    }
  }, 60_000);

  it("statistics draw non-empty charts; 未答 groups refused questions, 写一篇解答 prefills the import, 标注 lists articles; 试问 shows ranked hits and the reason", async () => {
    for (const q of ["道交法第91条", "酒驾怎么处罚", "邻居家的狗半夜总叫怎么办理投诉", "邻居的狗晚上一直叫怎么投诉"]) {
      await fetch(`${f.web.url}/ask`, { method: "POST", body: JSON.stringify({ question: q }) });
    }
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await login(page);
    await page.click(".tabs button[data-tab=stats]");
    await page.locator("#chart-days canvas").waitFor();
    await page.locator("#chart-topics canvas").waitFor();
    await expect.poll(() => page.locator("#totals").textContent(), { timeout: 15_000 }).toMatch(/共 \d+ 个问题/);
    // Non-empty: the canvases have drawn pixels (not all transparent).
    // (Browser code as text: the tests' program has no DOM types.)
    const painted = await page.evaluate<number[]>(`[...document.querySelectorAll(".chart canvas")].map((c) => {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    })`);
    expect(painted.length).toBe(2);
    expect(painted.every((n) => n > 100)).toBe(true);
    await page.screenshot({ path: screenshotPath("admin-stats"), fullPage: true });
    const csv = await page.evaluate<number[]>(`fetch(document.querySelector("#csv").href).then((r) => r.arrayBuffer()).then((b) => [...new Uint8Array(b)])`);
    const text = Buffer.from(csv).toString("utf8");
    expect(text).toMatch(/^\uFEFF日期,提问,已答,未答\r\n\d{4}-\d{2}-\d{2},\d+,\d+,\d+/); // BOM: Excel reads it as UTF-8

    await page.click(".tabs button[data-tab=unanswered]");
    await page.locator("#gaps .gap, #gaps p").first().waitFor();
    await page.screenshot({ path: screenshotPath("admin-unanswered"), fullPage: true });
    // 写一篇解答: the import opens with the group's questions in the paste box.
    await page.locator("#gaps .gap", { hasText: "狗" }).locator("button.write").click();
    await expect.poll(() => page.locator("#paste").inputValue(), { timeout: 15_000 }).toMatch(/邻居.*狗[\s\S]*邻居.*狗/);
    await page.click(".tabs button[data-tab=unanswered]");
    // 标注: the hits for the question, checkboxes to pick the articles that answer it.
    await page.locator("#gaps .gap", { hasText: "狗" }).locator("button.label").click();
    await page.locator("#labeler input[type=checkbox]").first().waitFor();

    await page.click(".tabs button[data-tab=try]");
    await page.fill("#try input[name=question]", "酒驾怎么处罚");
    await page.click("#try button");
    await page.locator("#try-result table.hits tbody tr").first().waitFor();
    expect(await page.locator("#try-result table.hits tbody tr").count()).toBeGreaterThan(1);
    await expect.poll(() => page.locator("#try-result .reason").textContent(), { timeout: 15_000 }).toContain("已回答");
    await page.screenshot({ path: screenshotPath("admin-try"), fullPage: true });
    await page.close();
  }, 90_000);
});
