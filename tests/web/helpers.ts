/**
 * A running web server over a fixture runtime: the real engine, index, question log and a copy of
 * the fixture corpus (the console writes to it). Browser helpers launch Debian's Chromium with
 * playwright-core, or say why they cannot.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startWebServer, type WebOptions, type WebServer } from "../../src/channels/web/server.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { FIXTURE_CORPUS, REPO_ROOT, fixtureConfig, tempDir } from "../engine/helpers.js";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = path.join(REPO_ROOT, "tests/web/output");

export interface FixtureWeb {
  rt: Runtime;
  web: WebServer;
  dir: string;
  corpusDir: string;
  close(): Promise<void>;
}

/** `articles`: extra corpus files (name → content) beside the fixture corpus. */
export async function startFixtureWeb(options: Partial<WebOptions> & { articles?: Record<string, string> } = {}): Promise<FixtureWeb> {
  const dir = tempDir("pufa-web-");
  const corpusDir = path.join(dir, "corpus");
  cpSync(FIXTURE_CORPUS, corpusDir, { recursive: true });
  for (const [name, text] of Object.entries(options.articles ?? {})) writeFileSync(path.join(corpusDir, name), text);
  const rt = await openRuntime(fixtureConfig(path.join(dir, "data"), { corpus: [corpusDir] }));
  const web = await startWebServer(rt, { adminToken: null, ...options, host: "127.0.0.1", port: 0 });
  return {
    rt,
    web,
    dir,
    corpusDir,
    async close() {
      await web.close();
      rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

if (!hasChromium) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`);
