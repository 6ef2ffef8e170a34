/**
 * The pages' front end, bundled by esbuild when the server starts (no build step to forget) and
 * inlined into one HTML document per page, gzipped once: one request, small on slow networks.
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "client");

export interface PageAsset {
  html: string;
  gzip: Buffer;
}

const cache = new Map<string, Promise<{ js: string; css: string }>>();

async function bundle(entry: string): Promise<{ js: string; css: string }> {
  const out = await build({
    entryPoints: [path.join(CLIENT_DIR, `${entry}.ts`)],
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    // WeChat's in-app browser: XWeb (Chromium 86+) on Android, WKWebView on iOS.
    target: "es2019",
    outdir: "out",
    logLevel: "silent",
  });
  const text = (ext: string) => out.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? "";
  return { js: text(".js"), css: text(".css") };
}

/** Escapes what would end an inline <script> or <style> early. */
const inlineSafe = (s: string) => s.replace(/<\/(script|style)/gi, "<\\/$1");

/**
 * The page `entry` (client/<entry>.html + client/<entry>.ts) with its script, styles and `data`
 * (JSON the script reads: the prompts' wording) inlined.
 */
export async function renderPage(entry: string, data: unknown): Promise<PageAsset> {
  let pending = cache.get(entry);
  if (!pending) {
    pending = bundle(entry);
    cache.set(entry, pending);
    pending.catch(() => cache.delete(entry));
  }
  const { js, css } = await pending;
  const template = readFileSync(path.join(CLIENT_DIR, `${entry}.html`), "utf8");
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const html = template
    .replace("<!--STYLE-->", () => `<style>${inlineSafe(css)}</style>`)
    .replace("<!--DATA-->", () => `<script id="pufa-data" type="application/json">${json}</script>`)
    .replace("<!--SCRIPT-->", () => `<script>${inlineSafe(js)}</script>`);
  return { html, gzip: gzipSync(html, { level: 9 }) };
}
