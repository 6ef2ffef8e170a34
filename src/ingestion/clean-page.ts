/**
 * Cleans the text of an article captured from a news / 普法 web page (copied or saved as text):
 * drops the site header and footer, pulls out title, source, date and reporters, and returns the
 * body paragraphs verbatim (only each paragraph's indentation is removed).
 *
 * Heuristics, none keyed to one site:
 * - footer: everything from the last editor line ((责任编辑:…) / 编辑：…) on; without one, trailing
 *   chrome lines (copyright, ICP, 上一篇, the site name seen in the header …) and a trailing run of
 *   ≥3 short lines (≤8 characters, no sentence punctuation: a navigation list);
 * - date line: the first line near the top holding a yyyy-mm-dd / yyyy年m月d日 date; its other text
 *   (after removing labels such as 来源：/发布时间：) is the source;
 * - title: the nearest line above the date line that is not a breadcrumb; without a date line,
 *   the first line that is not site chrome (欢迎/平台/网站/首页/登录 …) and does not read as a paragraph;
 *   the header is every line above the title;
 * - reporters: lines right after the date line such as "本报记者 邢东伟 翟小功", "□ 本报通讯员 王  雷";
 *   a two-character name padded to three ("王  雷") is joined back ("王雷");
 * - region: the first province-level name with its 省/市/自治区 suffix, plus a following city or
 *   county (海南省万宁市); null when there is none.
 */
import { serializeFrontMatter } from "./front-matter.js";
import { normalizeDate } from "../text/dates.js";

export interface CleanedPage {
  title: string;
  source: string | null;
  /** yyyy-mm-dd, or null. */
  date: string | null;
  authors: string[];
  region: string | null;
  /** Paragraphs separated by one blank line. */
  body: string;
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?/;
const EDITOR_LINE = /^[(（[【]?\s*(?:责任编辑|责编|编辑|审核|校对|来源编辑)\s*[:：]/;
const SITE_CHROME = /欢迎|平台|网站|首页|登录|注册|导航|当前位置|您的位置|设为首页|加入收藏|无障碍|English/i;
const FOOTER_CHROME =
  /版权所有|copyright|©|ICP|备案|主办单位|承办单位|技术支持|联系我们|关于我们|网站地图|返回顶部|上一篇|下一篇|打印本页|关闭窗口|分享到|扫一扫/i;
const BODY_CHROME = /^(?:分享到|打印本页|关闭窗口|【?\s*字体|字号|上一篇|下一篇|返回顶部|扫一扫|点击数|浏览次数|阅读次数)/;
const BREADCRUMB = /^(?:当前位置|您的位置|位置)\s*[:：]|[>»]/;
const SENTENCE_END = /[。！？!?…”」』）)]$/;
const REPORTER_LINE =
  /^[□■◇◆●○▲△☆★\s]*[(（]?\s*(?:本报|本刊|本台|本网|新华社|人民网|央视网)?\s*(?:特约|见习|实习)?(?:记者|通讯员|实习生|作者|撰稿|摄影|撰文|文|图)\s*(?:[:：/|]|\s|$)/;
const ROLE_WORDS =
  /(?:本报|本刊|本台|本网|新华社|人民网|央视网)?\s*(?:特约|见习|实习)?(?:记者|通讯员|实习生|作者|撰稿|摄影|撰文|文|图)\s*[:：/|]?/g;
const DECORATION = /^[□■◇◆●○▲△☆★\-—_=*·\s]+$/;
const SOURCE_LABELS =
  /(?:来源|出处|稿源|发布时间|发布日期|发表时间|时间|日期|更新时间|作者|浏览次数|点击数|阅读次数|阅读|浏览)\s*[:：]\s*\d*/g;

const PROVINCES = [
  "北京市", "天津市", "上海市", "重庆市",
  "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
  "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
  "甘肃省", "青海省", "台湾省",
  "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
  "香港特别行政区", "澳门特别行政区",
];
/** A city/county name after the province: 2–6 characters, no function words or agency words, then its suffix. */
const SUBREGION = "(?:(?:(?![的在和与及等是了对把被从到向将省市县区局所院队部厅处])[\\u4e00-\\u9fff]){2,6}?(?:自治州|地区|盟|市|州|县|区|旗))";
const REGION = new RegExp(`(?:${PROVINCES.join("|")})(?:${SUBREGION}(?:${SUBREGION.replace("市|州|", "")})?)?`);

interface Line {
  text: string; // trimmed
}

export function cleanCapturedPage(input: string): CleanedPage {
  const lines: Line[] = input.split(/\r?\n|\r/).map((l) => ({ text: l.trim() }));
  const nonEmpty = (from: number, to: number): number[] => {
    const out: number[] = [];
    for (let i = from; i < to; i++) if (lines[i].text) out.push(i);
    return out;
  };

  // 1. Find the date line near the top, then title above it.
  const top = nonEmpty(0, lines.length).slice(0, 12);
  const dateIdx = top.find((i) => lines[i].text.length <= 80 && DATE.test(lines[i].text) && !SENTENCE_END.test(lines[i].text));
  let titleIdx: number | undefined;
  if (dateIdx !== undefined) {
    titleIdx = nonEmpty(0, dateIdx)
      .reverse()
      .find((i) => !BREADCRUMB.test(lines[i].text));
  }
  if (titleIdx === undefined) {
    titleIdx = top.find(
      (i) => i !== dateIdx && !SITE_CHROME.test(lines[i].text) && !SENTENCE_END.test(lines[i].text) && lines[i].text.length <= 80,
    );
  }
  const title = titleIdx !== undefined ? lines[titleIdx].text : "";
  const headerLines = new Set(nonEmpty(0, titleIdx ?? 0).map((i) => lines[i].text));

  // 2. Source and date from the date line.
  let source: string | null = null;
  let date: string | null = null;
  if (dateIdx !== undefined) {
    const line = lines[dateIdx].text;
    const m = DATE.exec(line) as RegExpExecArray;
    date = normalizeDate(`${m[1]}-${m[2]}-${m[3]}`);
    source = parseSource(line.replace(m[0], " "));
  }

  // 3. Reporter lines right after the date line (or the title).
  let bodyStart = Math.max(dateIdx ?? -1, titleIdx ?? -1) + 1;
  const authors: string[] = [];
  for (const i of nonEmpty(bodyStart, Math.min(lines.length, bodyStart + 12)).slice(0, 4)) {
    const t = lines[i].text;
    if (DECORATION.test(t)) {
      bodyStart = i + 1;
      continue;
    }
    if (!REPORTER_LINE.test(t) || t.length > 40 || /[。！？]/.test(t)) break;
    authors.push(...parseNames(t));
    bodyStart = i + 1;
  }

  // 4. Footer.
  let bodyEnd = lines.length;
  for (let i = lines.length - 1; i >= bodyStart; i--) {
    if (EDITOR_LINE.test(lines[i].text)) {
      bodyEnd = i;
      break;
    }
  }
  bodyEnd = trimFooter(lines, bodyStart, bodyEnd, headerLines);

  // 5. Body paragraphs, verbatim apart from indentation.
  const paragraphs = nonEmpty(bodyStart, bodyEnd)
    .map((i) => lines[i].text)
    .filter((t) => !DECORATION.test(t) && !BODY_CHROME.test(t));
  const body = paragraphs.join("\n\n");

  return { title, source, date, authors: unique(authors), region: detectRegion(`${title}\n${body}`), body };
}

/** The captured page as a corpus Markdown file: front matter + cleaned body. */
export function capturedPageToMarkdown(text: string, opts: { tags?: string[]; url?: string } = {}): string {
  const page = cleanCapturedPage(text);
  return serializeFrontMatter(
    {
      title: page.title,
      source: page.source ?? "",
      date: page.date ?? "",
      authors: page.authors,
      region: page.region ?? "",
      tags: opts.tags ?? [],
      url: opts.url ?? "",
    },
    page.body,
  );
}

/** First province-level name with an optional city/county after it: "海南省万宁市". */
export function detectRegion(text: string): string | null {
  return REGION.exec(text)?.[0] ?? null;
}

function parseSource(rest: string): string | null {
  const labelled = /(?:来源|出处|稿源)\s*[:：]\s*([^\s|丨·]+)/.exec(rest);
  if (labelled) return labelled[1];
  const t = rest
    .replace(SOURCE_LABELS, " ")
    .replace(/[|丨·]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return t ? t : null;
}

/** "本报记者   邢东伟 翟小功" → [邢东伟, 翟小功]; "□ 本报通讯员 王  雷" → [王雷]. */
export function parseNames(line: string): string[] {
  const cleaned = line.replace(/^[□■◇◆●○▲△☆★\s]+/, "").replace(ROLE_WORDS, " ").replace(/[()（）]/g, " ");
  const tokens = cleaned.split(/[\s、,，;；]+/).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (isHan(a) && a.length === 1 && b !== undefined && isHan(b) && b.length === 1) {
      names.push(a + b); // a two-character name padded with spaces to line up with three-character ones
      i++;
    } else if (/^[\u4e00-\u9fff·]{2,6}$/.test(a)) {
      names.push(a);
    }
  }
  return names;
}

/** Moves `end` up past trailing chrome: site-name lines, copyright lines, navigation lists. */
function trimFooter(lines: Line[], start: number, end: number, headerLines: Set<string>): number {
  let changed = true;
  while (changed && end > start) {
    changed = false;
    while (end > start && !lines[end - 1].text) end--;
    if (end <= start) break;
    const last = lines[end - 1].text;
    if (headerLines.has(last) || FOOTER_CHROME.test(last) || DECORATION.test(last)) {
      end--;
      changed = true;
      continue;
    }
    // A run of ≥3 short, unpunctuated lines at the end is a navigation list.
    let i = end;
    let run = 0;
    let runStart = end;
    while (i > start) {
      const t = lines[i - 1].text;
      i--;
      if (!t) continue;
      if (t.length > 8 || SENTENCE_END.test(t) || /[。！？；，,]/.test(t)) break;
      run++;
      runStart = i;
    }
    if (run >= 3) {
      end = runStart;
      changed = true;
    }
  }
  return end;
}

function isHan(s: string): boolean {
  return /^[\u4e00-\u9fff]+$/.test(s);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
