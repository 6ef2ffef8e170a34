/**
 * .html/.htm: a saved news page or WeChat official-account article → main text only.
 * Metadata is read first (Readability.parse() mutates the DOM and drops the <h1>), then site
 * chrome is removed, the main block is taken (WeChat: #js_content; otherwise Readability),
 * and the text is split into paragraphs at block elements.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeText } from "../../ingestion/decode.js";
import {
  dateFromUnixSeconds,
  isBoilerplateLine,
  joinParagraphs,
  parseMetaLine,
  splitAuthors,
  splitLines,
  takeHeadMeta,
  titleFromFilename,
} from "./common.js";
import { normalizeDate } from "../../text/dates.js";
import type { ImportedArticle } from "./types.js";

// linkedom's DOM has no TypeScript lib here (tsconfig has no "DOM"): a structural minimum.
interface El {
  tagName: string;
  textContent: string | null;
  innerHTML: string;
  parentNode: El | null;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  querySelector(sel: string): El | null;
  querySelectorAll(sel: string): Iterable<El>;
  remove(): void;
  after(...nodes: unknown[]): void;
  replaceWith(...nodes: unknown[]): void;
}
interface Doc extends El {
  body: El | null;
  createTextNode(text: string): unknown;
}

export async function importHtml(bytes: Uint8Array, filename: string): Promise<ImportedArticle> {
  return importHtmlText(decodeHtml(bytes), filename);
}

/** A page already decoded (a download whose charset the server named). */
export function importHtmlText(html: string, filename: string): ImportedArticle {
  const document = parseHTML(html).document as unknown as Doc;
  const meta = readMetadata(document, html);

  removeChrome(document);
  const root = mainBlock(document, meta.wechat);
  const lines = blockText(root)
    .map((l) => l.trim())
    .filter((l) => l && l !== meta.title && !isBoilerplateLine(l));
  const { meta: head, paragraphs } = takeHeadMeta(lines);

  return {
    title: meta.title ?? titleFromFilename(filename),
    source: meta.source ?? head.source,
    date: meta.date ?? head.date,
    url: meta.url,
    authors: meta.authors.length ? meta.authors : head.authors,
    body: joinParagraphs(paragraphs),
    format: "html",
  };
}

/** Honour a declared charset (GBK/GB2312 pages are common on government sites), else detect. */
export function decodeHtml(bytes: Uint8Array): string {
  const headAscii = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(headAscii)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(headAscii)?.[1];
  if (declared) {
    try {
      const decoder = new TextDecoder(declared.toLowerCase()); // gb2312/gbk → the GB18030 decoder
      // A page that says utf-8 but is not (a re-saved page) falls through to detection.
      if (decoder.encoding !== "utf-8") return decoder.decode(bytes);
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      /* unknown label or not really UTF-8 */
    }
  }
  return decodeText(bytes).text;
}

interface PageMeta {
  title: string | null;
  source: string | null;
  date: string | null;
  url: string | null;
  authors: string[];
  wechat: boolean;
}

function readMetadata(doc: Doc, html: string): PageMeta {
  const text = (sel: string) => clean(doc.querySelector(sel)?.textContent);
  const meta = (...names: string[]) => {
    for (const n of names) {
      const v = clean(doc.querySelector(`meta[name="${n}" i], meta[property="${n}" i]`)?.getAttribute("content"));
      if (v) return v;
    }
    return null;
  };
  const url = meta("og:url") ?? clean(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"));
  const wechat = doc.querySelector("#js_content") !== null || /mp\.weixin\.qq\.com/.test(url ?? "");

  // The info line under the title ("发布时间：… 来源：…") before it is removed with the chrome.
  const infoLine = [...doc.querySelectorAll("h1 ~ *, .info, .article-info, .source, .time")]
    .slice(0, 4)
    .map((el) => parseMetaLine(clean(el.textContent) ?? ""))
    .reduce((a, m) => ({ source: a.source ?? m.source, date: a.date ?? m.date, authors: a.authors.length ? a.authors : m.authors }), {
      source: null as string | null,
      date: null as string | null,
      authors: [] as string[],
    });

  const ct = /\bvar\s+ct\s*=\s*["']?(\d{9,11})["']?/.exec(html)?.[1];
  const title =
    text("#activity-name") ??
    meta("og:title", "ArticleTitle", "twitter:title") ??
    text("h1") ??
    siteTitle(text("title"));
  const date =
    (ct ? dateFromUnixSeconds(Number(ct)) : null) ??
    normalizeDate(text("#publish_time")) ??
    normalizeDate(meta("PubDate", "article:published_time", "publishdate", "pubdate", "og:release_date", "date")) ??
    infoLine.date;
  const source =
    text("#js_name") ?? meta("ContentSource", "source", "og:site_name", "SiteName") ?? infoLine.source;
  const authorMeta = meta("author", "article:author");
  return {
    title,
    source,
    date,
    url,
    authors: authorMeta ? splitAuthors(authorMeta) : infoLine.authors,
    wechat,
  };
}

/** "标题_某某普法网" / "标题 - 网站" → "标题". */
function siteTitle(title: string | null): string | null {
  if (!title) return null;
  return title.split(/\s*[_|｜]\s*|\s+[-—]\s+/)[0].trim() || title;
}

const CHROME_SELECTORS = [
  "script", "style", "noscript", "template", "iframe", "form", "button", "select", "input",
  "nav", "header", "footer", "aside", "h1",
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]',
  "#js_pc_qr_code", "#js_tags", "#js_profile_qrcode", "#meta_content", ".rich_media_meta_list", ".rich_media_tool",
];
// class/id words that mark chrome on Chinese news and government sites.
const CHROME_WORD = /(?:^|[\s_-])(?:nav|navbar|menu|header|footer|sidebar|side|share|bdsharebuttonbox|crumb|breadcrumb|location|position|top-bar|topbar|toolbar|copyright|comment|related|recommend|hot|qrcode|qr_code|print|pager|pagination)(?:$|[\s_-])/i;

function removeChrome(doc: Doc): void {
  for (const el of [...doc.querySelectorAll(CHROME_SELECTORS.join(","))]) el.remove();
  for (const el of [...doc.querySelectorAll("[class], [id]")]) {
    if (el.tagName === "BODY" || el.tagName === "HTML" || !el.parentNode) continue;
    const id = el.getAttribute("id") ?? "";
    if (id === "js_content" || id === "js_article") continue;
    if (CHROME_WORD.test(el.getAttribute("class") ?? "") || CHROME_WORD.test(id)) el.remove();
  }
}

function mainBlock(doc: Doc, wechat: boolean): El {
  const wx = wechat ? doc.querySelector("#js_content") : null;
  if (wx) {
    wx.removeAttribute("style"); // WeChat hides it (visibility:hidden) until its script runs
    return wx;
  }
  // Readability parses a clone-free document: it mutates `doc`, which is fine now.
  const article = new Readability(doc as never, { charThreshold: 50 }).parse();
  if (article?.content) {
    const parsed = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document as unknown as Doc;
    if (parsed.body && clean(parsed.body.textContent)) return parsed.body;
  }
  return doc.body ?? doc;
}

const BLOCK_TAGS = "p,div,section,article,h2,h3,h4,h5,h6,li,tr,blockquote,pre,table,ul,ol,dd,dt,figcaption";

/** Lines of text with a break after every block element and at every <br>. */
function blockText(root: El): string[] {
  const owner = root as unknown as { ownerDocument: Doc };
  const doc = owner.ownerDocument;
  for (const br of [...root.querySelectorAll("br")]) br.replaceWith(doc.createTextNode("\n"));
  for (const el of [...root.querySelectorAll(BLOCK_TAGS)]) el.after(doc.createTextNode("\n"));
  return splitLines(root.textContent ?? "");
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? "").replace(/[\s\u3000\u00a0]+/g, " ").trim();
  return t || null;
}
