/**
 * One law file of the library (LawRefBook/Laws layout, described in the README: "Pointing pufa at a law library") → one LawPassage
 * per article. Pure: text in, passages out.
 *
 * - `# 标题` is the title; any further H1 (民法典: `# 总则`) is the outermost heading.
 * - Lines before `<!-- INFO END -->` are adoption/amendment history and are skipped.
 * - `##`/`###`/`####` are 编/章/节; heading text is trimmed with whitespace runs (U+2002, U+3000 …)
 *   collapsed to one ASCII space: headings are metadata, never quoted.
 * - An article starts a line with 第X条 or 第X条之N followed by whitespace (ASCII, full-width, en/em);
 *   five articles in the library are typed `第一百二十八 条侦查人员…` (space before 条, none after)
 *   and are accepted too. Its text runs to the end of its last paragraph before the next article,
 *   heading, `<!-- … -->` marker or end of file, verbatim: text === source.slice(start, end).
 * - An article also starts mid-line after 。/； and whitespace (飞行基本规则 puts several on one line).
 * - An appendix line (附件：…, 附表一, 附：) ends the article before it: appendices are not article text.
 * - Text between a heading and the first article (宪法's 序言) belongs to no article and is dropped.
 * - Amendment files (刑法修正案, which list 一、二、…) have no 第X条 lines and give no passages:
 *   the consolidated 刑法.md already carries their text.
 */
import path from "node:path";
import type { LawPassage } from "../types.js";
import { ANY_NUMBER, articleKey, formatArticleNo, parseNumber } from "../text/numerals.js";

const NUMERAL = ANY_NUMBER;
/** 第X条 / 第X条之N followed by whitespace. */
const ARTICLE_LINE = new RegExp(`^第(${NUMERAL})条(?:之(${NUMERAL}))?[ \\t\\u3000\\u2002\\u2003\\u00a0]`);
/** The typo variant 第X 条 (space inside, often none after). */
const ARTICLE_LINE_TYPO = new RegExp(`^第(${NUMERAL})[ \\u3000]+条(?:之(${NUMERAL}))?`);
/** 第X条 inside a line, right after the end of the previous article's sentence. */
const ARTICLE_MIDLINE = new RegExp(`(?<=[。；][ \\t\\u3000]+)第(${NUMERAL})条(?:之(${NUMERAL}))?[ \\t\\u3000\\u2002\\u2003\\u00a0]`, "g");
const APPENDIX_LINE = /^(?:(?:附件|附表|附录)[一二三四五六七八九十\d]*(?:[：:]|\s*$)|附[：:])/;
const HEADING_LINE = /^(#{1,6})[ \t]+(.*)$/;
const INFO_END = "<!-- INFO END -->";
const VERSION_IN_NAME = /\((\d{4}-\d{2}-\d{2})\)\.md$/i;
const TITLE_PREFIX = /^中华人民共和国/;

export interface ParsedLawFile {
  /** H1 title; the file name (without date and extension) when the file has none. */
  title: string;
  version: string | null;
  passages: LawPassage[];
  /** Oddities worth an admin's attention (no title, repeated article numbers, typo'd labels). */
  warnings: string[];
}

export function parseLawFile(text: string, file: string, category: string): LawPassage[] {
  return parseLawDocument(text, file, category).passages;
}

/** parseLawFile plus title, version and warnings: what the library loader needs. */
export function parseLawDocument(text: string, file: string, category: string): ParsedLawFile {
  const warnings: string[] = [];
  const version = lawVersionFromName(file);
  const lines = splitLines(text);

  const titleLine = lines.find((l) => /^#[ \t]/.test(l.content));
  let title = titleLine ? normalizeHeading(titleLine.content.replace(/^#[ \t]+/, "")) : "";
  if (!title) {
    title = path.basename(file).replace(/\.md$/i, "").replace(/\(\d{4}-\d{2}-\d{2}\)$/, "");
    warnings.push(`${file}: no "# title" line; using the file name "${title}"`);
  }
  const lawShort = title.replace(TITLE_PREFIX, "");

  const infoEnd = lines.findIndex((l) => l.content.trim() === INFO_END);
  // H1 lines after the title but before INFO END (民法典's `# 总则`) still name the 编.
  const headingStack: Array<{ level: number; text: string }> = [];
  if (infoEnd >= 0) {
    for (const l of lines.slice(0, infoEnd)) {
      if (l === titleLine) continue;
      const h = HEADING_LINE.exec(l.content);
      if (h && h[1].length === 1) pushHeading(headingStack, 1, h[2]);
    }
  }

  const passages: LawPassage[] = [];
  const seen = new Map<string, number>();
  let open: { start: number; end: number; num: number; sub: number; headings: string[] } | null = null;
  const flush = (): void => {
    if (!open) return;
    const no = { num: open.num, sub: open.sub };
    const key = articleKey(no);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 2) warnings.push(`${file}: ${formatArticleNo(no)} appears more than once`);
    passages.push({
      id: `law:${file}#${key}${count > 1 ? `~${count}` : ""}`,
      kind: "law",
      text: text.slice(open.start, open.end),
      file,
      start: open.start,
      end: open.end,
      lawTitle: title,
      lawShort,
      article: formatArticleNo(no),
      articleNo: no,
      headings: open.headings,
      version,
      current: true,
      category,
    });
    open = null;
  };

  for (let i = infoEnd >= 0 ? infoEnd + 1 : 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === titleLine) continue;
    const content = line.content;
    const h = HEADING_LINE.exec(content);
    if (h) {
      flush();
      pushHeading(headingStack, h[1].length, h[2]);
      continue;
    }
    if (content.startsWith("<!--")) {
      flush();
      continue;
    }
    if (APPENDIX_LINE.test(content)) {
      flush();
      continue;
    }
    const art = ARTICLE_LINE.exec(content) ?? ARTICLE_LINE_TYPO.exec(content);
    const first = art ? articleNo(art) : null;
    if (art && first && !ARTICLE_LINE.test(content)) {
      warnings.push(`${file}:${i + 1}: article label typed with a space: "${art[0]}"`);
    }
    // Article starts in this line: at 0, and mid-line ones (only inside article text).
    const starts: Array<{ at: number; no: { num: number; sub: number } }> = first ? [{ at: 0, no: first }] : [];
    if (open || first) {
      for (const m of content.matchAll(ARTICLE_MIDLINE)) {
        const no = articleNo(m);
        if (no && m.index > 0) starts.push({ at: m.index, no });
      }
    }
    for (const s of starts) {
      if (open && s.at > 0) open.end = line.start + trimEndLength(content.slice(0, s.at));
      flush();
      open = { start: line.start + s.at, end: line.start + s.at, ...s.no, headings: headingStack.map((x) => x.text) };
    }
    if (open && content.trim()) open.end = line.start + trimEndLength(content);
  }
  flush();
  return { title, version, passages, warnings };
}

function articleNo(m: RegExpExecArray | RegExpMatchArray): { num: number; sub: number } | null {
  const num = parseNumber(m[1]);
  const sub = m[2] ? parseNumber(m[2]) : 0;
  return Number.isFinite(num) && num > 0 && Number.isFinite(sub) ? { num, sub } : null;
}

/** "公司法(2023-12-29).md" → "2023-12-29"; null when the name carries no date. */
export function lawVersionFromName(file: string): string | null {
  return VERSION_IN_NAME.exec(path.basename(file))?.[1] ?? null;
}

/** Trim and collapse any whitespace run (U+2002, U+3000, tabs …) to one ASCII space. */
export function normalizeHeading(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function pushHeading(stack: Array<{ level: number; text: string }>, level: number, raw: string): void {
  while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
  const text = normalizeHeading(raw);
  if (text) stack.push({ level, text });
}

interface Line {
  /** Offset of the line's first character in the source. */
  start: number;
  /** The line without its "\n" or "\r\n". */
  content: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf("\n", start);
    if (nl < 0) nl = text.length;
    let content = text.slice(start, nl);
    if (content.endsWith("\r")) content = content.slice(0, -1);
    out.push({ start, content });
    if (nl === text.length) break;
    start = nl + 1;
  }
  return out;
}

function trimEndLength(s: string): number {
  return s.replace(/\s+$/, "").length;
}
