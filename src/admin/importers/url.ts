/**
 * An article from a web address (`pufa add https://…`, and reusable by the web console and chat):
 * fetched with a deadline and a size cap, redirects followed by hand so that each hop must stay
 * http(s), decoded by the server's charset, else the page's <meta>, else detection (UTF-8/GBK),
 * then cleaned like a saved page. The address is kept as the article's `url`.
 */
import { checkArticle, importBytes } from "./index.js";
import { decodeHtml, importHtmlText } from "./html.js";
import { htmlDepth } from "./html-depth.js";
import { looksBinary } from "./binary.js";
import { DEFAULT_IMPORT_LIMITS, ImportRefusedError, mb, type ImportLimits } from "./limits.js";
import type { ImportedArticle } from "./types.js";

const MAX_REDIRECTS = 5;

/** Whether an argument is meant as a web address (any scheme://), not a file path. */
export function looksLikeUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s.trim());
}

const timeout = (limits: ImportLimits) => new ImportRefusedError("url-timeout", { seconds: limits.urlTimeoutMs / 1000 });

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function httpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new ImportRefusedError("url-invalid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ImportRefusedError("url-scheme", { scheme: url.protocol.replace(/:$/, "") });
  return url;
}

/** The body, read up to `max` bytes: a longer (or longer-announced) body is refused without reading the rest. */
async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const announced = Number(response.headers.get("content-length"));
  if (announced > max) {
    await response.body?.cancel();
    throw new ImportRefusedError("too-large", { size: mb(announced), max: mb(max) });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) {
      await response.body?.cancel().catch(() => undefined);
      throw new ImportRefusedError("too-large", { size: `>${mb(max)}`, max: mb(max) });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The charset a Content-Type header names, when TextDecoder knows it. */
function headerCharset(contentType: string): string | null {
  const label = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function decodePage(bytes: Uint8Array, contentType: string): string {
  const charset = headerCharset(contentType);
  if (charset) {
    try {
      return new TextDecoder(charset, { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      /* the header is wrong: fall back to the page's own declaration or detection */
    }
  }
  return decodeHtml(bytes);
}

async function fetchFollowing(start: URL, limits: ImportLimits, signal: AbortSignal): Promise<{ response: Response; url: URL }> {
  let url = start;
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: "manual", signal, headers: { "user-agent": "pufa/1 (article import)", accept: "text/html,text/plain,application/pdf;q=0.9,*/*;q=0.5" } });
    } catch (err) {
      const timedOut = signal.aborted;
      throw timedOut ? timeout(limits) : new ImportRefusedError("url-unreachable", { cause: (err as Error).message });
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new ImportRefusedError("url-redirects", { max: MAX_REDIRECTS });
      url = httpUrl(response.headers.get("location")!, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ImportRefusedError("url-http", { status: response.status });
    }
    return { response, url };
  }
}

/** Other documents a server may send, by Content-Type: imported as a file of that kind. */
const BY_CONTENT_TYPE: [RegExp, string][] = [
  [/application\/pdf/i, ".pdf"],
  [/officedocument\.wordprocessingml/i, ".docx"],
  [/text\/plain/i, ".txt"],
  [/text\/markdown/i, ".md"],
];

/** Downloads and imports the article at an http(s) address; refusals throw ImportRefusedError. */
export async function importUrl(address: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportedArticle> {
  const start = httpUrl(address.trim());
  const signal = AbortSignal.timeout(limits.urlTimeoutMs);
  const { response, url } = await fetchFollowing(start, limits, signal);
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, limits.maxBytes);
  } catch (err) {
    if (err instanceof ImportRefusedError) throw err;
    throw signal.aborted ? timeout(limits) : new ImportRefusedError("url-unreachable", { cause: (err as Error).message });
  }
  const contentType = response.headers.get("content-type") ?? "";
  // The last path segment names the article when nothing in it does (the importers' title fallback).
  const stem = safeDecode(url.pathname.split("/").pop() ?? "").replace(/\.[^.]*$/, "") || url.hostname;
  const other = BY_CONTENT_TYPE.find(([re]) => re.test(contentType));
  if (other) return { ...(await importBytes(bytes, stem + other[1], limits)), url: url.href };
  if (bytes.length > 0 && !/html|xml/i.test(contentType) && contentType) throw new ImportRefusedError("binary");
  const html = decodePage(bytes, contentType);
  if (looksBinary(html)) throw new ImportRefusedError("binary");
  if (htmlDepth(html, limits.maxHtmlDepth) > limits.maxHtmlDepth) throw new ImportRefusedError("too-deep", { max: limits.maxHtmlDepth });
  const article = importHtmlText(html, `${stem}.html`);
  // The address the page was fetched from, not one the page claims (og:url may name another site).
  return checkArticle({ ...article, url: url.href }, limits);
}
