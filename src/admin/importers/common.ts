/**
 * Small text helpers the importers share: paragraph joining, the
 * 来源/发布时间/作者 lines at the head of an article, and site boilerplate lines.
 */
import path from "node:path";
import { normalizeDate } from "../../text/dates.js";

/** Trimmed, non-empty paragraphs joined by one blank line (the ImportedArticle body convention). */
export function joinParagraphs(paragraphs: Iterable<string>): string {
  const out: string[] = [];
  for (const p of paragraphs) {
    const t = p.replace(/[ \t\u3000\u00a0]+/g, (ws) => (ws.includes("\u3000") || ws.length > 1 ? " " : ws)).trim();
    if (t) out.push(t);
  }
  return out.join("\n\n");
}

/** Lines of a text, any line ending. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Unix seconds (WeChat's `var ct`) → the calendar date in China (UTC+8, no DST). */
export function dateFromUnixSeconds(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return new Date(seconds * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** File name without folder and extension: the last-resort title. */
export function titleFromFilename(filename: string): string {
  return path.basename(filename).replace(/\.[^.]+$/, "").trim();
}

/** A first paragraph short enough, and not sentence-like, to be the article's title. */
export function looksLikeTitle(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && t.length <= 60 && !/[。；;：:]$/.test(t) && !isMetaLine(t) && !isBoilerplateLine(t);
}

// Labels seen on police, government and news pages. Values stop at whitespace or a separator.
const SOURCE_RE = /(?:来源|稿源|信息来源|出处)\s*[:：]\s*([^\s\u3000|｜丨]+)/;
const DATE_LABEL_RE = /(?:发布时间|发布日期|发表时间|更新时间|时间|日期)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?)/;
const AUTHOR_RE = /(?:作者|撰稿|撰文|通讯员|记者)\s*[:：]\s*([^\s\u3000|｜丨]+(?:[ 、,，][^\s\u3000|｜丨:：]+)*)/;
const COUNTER_RE = /(?:浏览次数|阅读次数|点击数|访问量|字号|字体)\s*[:：]?/;

export function isMetaLine(line: string): boolean {
  return SOURCE_RE.test(line) || DATE_LABEL_RE.test(line) || (AUTHOR_RE.test(line) && line.length < 40) || COUNTER_RE.test(line);
}

// Site chrome that survives extraction: editor credits, copyright, ICP numbers, share/print bars.
const BOILERPLATE = [
  /^[(（【\[]?\s*(?:责任编辑|责编|编辑|审核|校对|监制|值班编辑)\s*[:：]/,
  /ICP\s*备|ICP证|公网安备/i,
  /^版权所有|^Copyright|^©|^主办单位?\s*[:：]|^承办单位?\s*[:：]|^技术支持\s*[:：]/i,
  /^分享到|^【?\s*(?:打印本页|关闭窗口|打印|关闭|收藏)\s*】?(?:\s*【.*】)*$/,
  /^当前位置\s*[:：]|^您的位置\s*[:：]|^首页\s*[>＞›]/,
  /^(?:扫一扫|长按识别|点击.{0,6}(?:关注|阅读原文))/,
];

export function isBoilerplateLine(line: string): boolean {
  const t = line.trim();
  return BOILERPLATE.some((re) => re.test(t));
}

export interface HeadMeta {
  source: string | null;
  date: string | null;
  authors: string[];
}

/** Parse 来源/发布时间/作者 fields out of one line. */
export function parseMetaLine(line: string): HeadMeta {
  const source = SOURCE_RE.exec(line)?.[1] ?? null;
  const date = normalizeDate(DATE_LABEL_RE.exec(line)?.[1] ?? null);
  const authorField = AUTHOR_RE.exec(line)?.[1];
  const authors = authorField ? splitAuthors(authorField) : [];
  return { source, date, authors };
}

export function splitAuthors(field: string): string[] {
  return field
    .split(/[ 、,，;；]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/**
 * Take the meta lines (来源/发布时间/作者) from the first `head` paragraphs and drop them,
 * and drop boilerplate lines anywhere. Returns the remaining paragraphs and what was found.
 */
export function takeHeadMeta(paragraphs: string[], head = 4): { meta: HeadMeta; paragraphs: string[] } {
  const meta: HeadMeta = { source: null, date: null, authors: [] };
  const rest: string[] = [];
  paragraphs.forEach((p, i) => {
    const t = p.trim();
    if (!t || isBoilerplateLine(t)) return;
    if (i < head && isMetaLine(t) && t.length <= 120) {
      const m = parseMetaLine(t);
      meta.source ??= m.source;
      meta.date ??= m.date;
      if (!meta.authors.length) meta.authors = m.authors;
      return;
    }
    rest.push(t);
  });
  return { meta, paragraphs: rest };
}
