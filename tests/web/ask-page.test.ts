/**
 * The ask page in headless Chromium on a phone-sized screen (390×844, as in WeChat's in-app
 * browser): ask, expand a citation to its full article with the excerpt marked, follow up, copy,
 * give feedback; the busy and network-failure paths with their retry.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser, screenshotPath, startFixtureWeb, type FixtureWeb } from "./helpers.js";

let f: FixtureWeb;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  f = await startFixtureWeb({ askPerMinute: 30 });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await f?.close();
});

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: f.web.url });
  return context.newPage();
}

async function askOnPage(page: Page, question: string): Promise<void> {
  const before = await page.locator("section.card.answer, section.card.refused, section.card.error").count();
  await page.fill("#question", question);
  await page.click("#send");
  await page.locator("section.card.answer, section.card.refused, section.card.error").nth(before).waitFor();
}

describe.skipIf(!hasChromium)("ask page (390×844)", () => {
  it("answers with numbered citations; a citation expands to the full article with the quote marked", async () => {
    const page = await phonePage();
    await page.goto(f.web.url);
    await askOnPage(page, "道交法第91条");
    const answer = page.locator("section.card.answer").first();
    await expect.poll(() => answer.locator("button.cite").first().textContent(), { timeout: 15_000 }).toBe("[1]");
    await expect.poll(() => answer.locator(".notes p").count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await answer.locator("button.cite").first().click();
    const mark = answer.locator("details.source[data-n='1'] .full mark");
    await mark.waitFor();
    const marked = await mark.textContent();
    const full = await answer.locator("details.source[data-n='1'] .full").textContent();
    expect(marked!.length).toBeGreaterThan(10);
    expect(full).toContain("中华人民共和国道路交通安全法");
    expect(full!.length).toBeGreaterThan(marked!.length);
    // Nothing wider than the phone: no sideways scrolling in WeChat.
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath("ask-answer-390x844") });
    await page.context().close();
  }, 60_000);

  it("a follow-up carries the page's earlier question; 复制转发 copies the reply text; feedback is stored with the question", async () => {
    const page = await phonePage();
    await page.goto(f.web.url);
    await askOnPage(page, "酒驾怎么处罚");
    await askOnPage(page, "那第二次被查到呢？");
    const second = page.locator("section.card.answer").nth(1);
    await expect.poll(() => second.textContent(), { timeout: 15_000 }).toContain("再次饮酒后驾驶");
    await second.locator("button.copy").click();
    const copied = await page.evaluate<string>("navigator.clipboard.readText()");
    expect(copied).toContain("再次饮酒后驾驶");
    expect(copied).not.toContain("复制转发");
    await second.locator("button.fb[data-useful='0']").click();
    await expect.poll(() => second.locator(".status").textContent(), { timeout: 15_000 }).toBe(f.rt.prompts.get("web-feedback-thanks").trim());
    const row = f.rt.questionLog!.between().filter((r) => r.question === "那第二次被查到呢？").at(-1)!;
    expect(row.useful).toBe(false);
    await page.screenshot({ path: screenshotPath("ask-follow-up-390x844") });
    await page.context().close();
  }, 60_000);

  it("greeting from prompts, large text option, a refusal shown as a refusal", async () => {
    const page = await phonePage();
    await page.goto(f.web.url);
    // The greeting from prompts/web-welcome.txt, before any question.
    await expect.poll(() => page.locator("section.card.intro p").first().textContent(), { timeout: 15_000 }).toBe(f.rt.prompts.get("web-welcome").split("\n")[0]);
    const small = await page.evaluate<string>("getComputedStyle(document.body).fontSize");
    await page.click("#large");
    expect(await page.evaluate<string>("getComputedStyle(document.body).fontSize")).not.toBe(small);
    await askOnPage(page, "明天天气怎么样");
    await expect.poll(() => page.locator("section.card.refused").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator("section.card.refused button.fb").count(), { timeout: 15_000 }).toBe(0);
    await page.screenshot({ path: screenshotPath("ask-refused-large-390x844") });
    await page.context().close();
  }, 60_000);

  it("server busy and a lost connection: a clear message and a retry that then answers", async () => {
    const page = await phonePage();
    await page.goto(f.web.url);
    let calls = 0;
    await page.route("**/ask", async (route) => {
      calls++;
      if (calls === 1) return route.fulfill({ status: 429, contentType: "application/json", body: "{}" });
      if (calls === 2) return route.abort("connectionreset");
      return route.continue();
    });
    await askOnPage(page, "道交法第91条");
    await expect.poll(() => page.locator("section.card.error p").textContent(), { timeout: 15_000 }).toBe(f.rt.prompts.get("web-busy").trim());
    await page.click("section.card.error button.retry");
    await page.locator("section.card.error p", { hasText: f.rt.prompts.get("web-network-error").trim() }).waitFor();
    await page.screenshot({ path: screenshotPath("ask-network-error-390x844") });
    await page.click("section.card.error button.retry");
    await page.locator("section.card.answer").waitFor();
    expect(calls).toBe(3);
    await page.context().close();
  }, 60_000);
});
