/**
 * The web page's budgets, measured as a user meets them (issue 16), over the full law library:
 * - first load of the ask page: bytes on the wire, gzip (budget 200 KB);
 * - a question answered in the page: submit → reply rendered in headless Chromium, p50 (budget 300 ms, offline);
 * - 50 concurrent users: each loads the page and asks questions over HTTP at once; no errors allowed.
 * `npm run bench -- web [LAWS_DIR]` (default ../shared/data/laws). The per-client rate limit is raised
 * for the run: every simulated user shares the loopback address.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startWebServer } from "../channels/web/server.js";
import { loadConfig, PROJECT_ROOT } from "../config.js";
import { openRuntime } from "../runtime.js";

const CHROMIUM = "/usr/bin/chromium";
const BUDGET = { firstLoadBytes: 200 * 1024, pageAnswerP50Ms: 300 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};

function questions(): string[] {
  const file = path.join(PROJECT_ROOT, "src/bench/data/pufa-domain.jsonl");
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);
}

export async function runWebBench(lawsDir: string, options: { pageQuestions?: number; users?: number; questionsPerUser?: number } = {}): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), "pufa-web-bench-"));
  const corpus = path.join(root, "corpus");
  cpSync(path.join(PROJECT_ROOT, "corpus"), corpus, { recursive: true });
  const lines: string[] = ["", "## Web page (src/bench/web-bench.ts)", ""];
  const config = loadConfig({}, { corpus: [corpus], laws: lawsDir, data: path.join(root, "data") });
  const t0 = performance.now();
  const rt = await openRuntime(config);
  lines.push(`index over ${rt.holder.current.manifest.counts.lawArticles} law articles ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const web = await startWebServer(rt, { adminToken: null, host: "127.0.0.1", port: 0, askPerMinute: 100_000 });
  const qs = questions();
  try {
    // 1. First load: the HTML document with everything inlined, as a phone with gzip receives it.
    const first = await fetch(`${web.url}/`, { headers: { "accept-encoding": "gzip" } });
    const wire = Number(first.headers.get("content-length")) || (await first.arrayBuffer()).byteLength;
    const raw = (await (await fetch(`${web.url}/`, { headers: { "accept-encoding": "identity" } })).text()).length;
    lines.push(`ask page first load: ${(wire / 1024).toFixed(1)} KB gzip (${(raw / 1024).toFixed(1)} KB uncompressed), one request; budget ${BUDGET.firstLoadBytes / 1024} KB: ${wire <= BUDGET.firstLoadBytes ? "met" : "MISSED"}`);

    // 2. In the page, in a real browser: click → reply rendered.
    if (existsSync(CHROMIUM)) {
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
      try {
        const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
        await page.goto(web.url);
        const times: number[] = [];
        const n = Math.min(options.pageQuestions ?? 40, qs.length);
        for (let i = 0; i < n; i++) {
          await page.click("#new-topic"); // each question alone, as a new visitor asks it
          const before = await page.locator("section.card.answer, section.card.refused, section.card.error").count();
          await page.fill("#question", qs[i]);
          const started = performance.now();
          await page.click("#send");
          await page.locator("section.card.answer, section.card.refused, section.card.error").nth(before).waitFor();
          times.push(performance.now() - started);
        }
        const errors = await page.locator("section.card.error").count();
        const p50 = pct(times, 50);
        lines.push(`answered in the page (Chromium, 390×844, ${n} questions of pufa-domain.jsonl, offline): p50 ${p50.toFixed(0)} ms, p95 ${pct(times, 95).toFixed(0)} ms, errors ${errors}; budget p50 ${BUDGET.pageAnswerP50Ms} ms: ${p50 <= BUDGET.pageAnswerP50Ms ? "met" : "MISSED"}`);
      } finally {
        await browser.close();
      }
    } else lines.push(`answered in the page: not measured (${CHROMIUM} absent)`);

    // 3. 50 users at once: load the page, then ask their questions one after another.
    const users = options.users ?? 50;
    const perUser = options.questionsPerUser ?? 3;
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: users }, async (_, u) => {
        try {
          if (!(await fetch(`${web.url}/`, { headers: { "accept-encoding": "gzip" } })).ok) errors++;
          for (let k = 0; k < perUser; k++) {
            const t = performance.now();
            const res = await fetch(`${web.url}/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ question: qs[(u * perUser + k) % qs.length] }) });
            if (!res.ok) errors++;
            else await res.json();
            latencies.push(performance.now() - t);
          }
        } catch {
          errors++;
        }
      }),
    );
    const secs = (performance.now() - started) / 1000;
    lines.push(`${users} concurrent users × (page + ${perUser} questions): ${errors} errors, ${(latencies.length / secs).toFixed(1)} questions/s, latency p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms (2 shared cores)`);
  } finally {
    await web.close();
    rt.close();
    rmSync(root, { recursive: true, force: true });
  }
  return `${lines.join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const laws = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, "../shared/data/laws"));
  if (!existsSync(laws)) {
    process.stderr.write(`usage: tsx src/bench/web-bench.ts LAWS_DIR (${laws} not found)\n`);
    process.exit(2);
  }
  process.stdout.write(await runWebBench(laws));
}
