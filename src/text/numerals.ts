/**
 * Chinese numerals for article numbers: 第一百三十三条之一 ⇄ { num: 133, sub: 1 }.
 * Parsing goes through chinese-parseint2 (strict: NaN on anything that is not a numeral).
 * Encoding is written here: it is a dozen lines, and nzh's package (which has an encoder)
 * ships a decoder that silently returns wrong numbers (chinese-parseint2 returns NaN where nzh returns a wrong number, e.g. 一百三十三条之一 → 131).
 */
import chineseParseInt from "chinese-parseint2";
import type { ArticleNo } from "../types.js";

const DIGITS = "零一二三四五六七八九";
const CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万]+";
/** A number as laws and people write article numbers: Arabic or Chinese numerals (regular-expression source). */
export const ANY_NUMBER = `(?:\\d+|${CHINESE_NUMERAL})`;

/** Matches 第X条 and 第X条之N, X and N in Arabic or Chinese numerals. Group 1 = X, group 2 = N. */
export const ARTICLE_PATTERN = new RegExp(`第\\s*(${ANY_NUMBER})\\s*条(?:\\s*之\\s*(${ANY_NUMBER}))?`);

/** Parses "133", "一百三十三", "两千", "十" → number; NaN when not a numeral. */
export function parseNumber(s: string): number {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!new RegExp(`^${CHINESE_NUMERAL}$`).test(t)) return NaN;
  return chineseParseInt(t.replace(/〇/g, "零"));
}

/** 1..99999 → 一百三十三 (the form laws use: 十一 not 一十一, 一百零一, 一千零一十). */
export function toChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
  if (n === 0) return "零";
  const units = ["", "十", "百", "千", "万"];
  const digits = String(n).split("").map(Number);
  let out = "";
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) out += "零";
    pendingZero = false;
    out += DIGITS[d] + unit;
  });
  return out.startsWith("一十") ? out.slice(1) : out;
}

/** Parses "第一百三十三条之一", "第133条之一", "一百三十三条" → ArticleNo; null if it is not an article number. */
export function parseArticleNo(s: string): ArticleNo | null {
  const m = ARTICLE_PATTERN.exec(s.includes("第") ? s : `第${s}`);
  if (!m) return null;
  const num = parseNumber(m[1]);
  const sub = m[2] ? parseNumber(m[2]) : 0;
  if (!Number.isFinite(num) || num <= 0 || !Number.isFinite(sub)) return null;
  return { num, sub };
}

/** { num: 133, sub: 1 } → 第一百三十三条之一 */
export function formatArticleNo(no: ArticleNo): string {
  return `第${toChinese(no.num)}条${no.sub ? `之${toChinese(no.sub)}` : ""}`;
}

/** Canonical key for comparing article numbers: "133-1", "91-0". */
export function articleKey(no: ArticleNo): string {
  return `${no.num}-${no.sub}`;
}

/** Digits read out one by one (二零二四, 九六幺幺零): three or more, not part of a positional numeral (九九八十一). */
const SPOKEN_DIGITS = /(?<![十百千万亿两])[零〇一二三四五六七八九幺]{3,}(?![十百千万亿])/g;
const SPOKEN_DIGIT: Record<string, string> = { 零: "0", 〇: "0", 一: "1", 幺: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/**
 * Digits a voice keyboard writes as characters, the way people read out years and phone numbers
 * (二零二四年 → 2024年, 九六幺幺零 → 96110): the material writes them in Arabic figures.
 */
export function spokenDigits(text: string): string {
  return text.replace(SPOKEN_DIGITS, (run) => Array.from(run, (c) => SPOKEN_DIGIT[c]).join(""));
}
