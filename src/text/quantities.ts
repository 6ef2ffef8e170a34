/**
 * Quantities a question states (成五六百株, 喝了3两, 偷了两千多块) and the tiers a notice sets
 * (500株以上的，奖励5000元; 50株以上不满500株; 不满50株): which tier holds the stated amount; and sums told roughly
 * (骗了五十多万) against the sums a sentence states (58.6万元). Pure.
 */
import { parseNumber } from "./numerals.js";

/** Measure words a tier is set in. 块 is read as 元. */
const UNIT = "(?:万元|元|块|千克|公斤|毫克|克|吨|斤|株|棵|人|名|周岁|岁|公里|千米|米|次|辆|只|头|条|处)";
const DIGIT = "[一二两三四五六七八九]";
const NUMERAL = "[零〇一二两三四五六七八九十百千万]+";
const FIGURE = `(?:\\d+(?:\\.\\d+)?|${NUMERAL})`;

export interface Quantity {
  value: number;
  unit: string;
}

export interface Tier {
  /** Inclusive lower bound (0 when none). */
  from: number;
  /** Exclusive upper bound (Infinity when none). */
  below: number;
  unit: string;
}

function unitOf(u: string): string {
  return u === "块" ? "元" : u === "周岁" ? "岁" : u === "千米" ? "公里" : u === "公斤" ? "千克" : u;
}

function valueOf(figure: string): number {
  return /^\d/.test(figure) ? Number(figure) : parseNumber(figure);
}

/** 五六百株, 三四十克: two digits read together, between the two. */
const ROUGH = new RegExp(`(${DIGIT})(${DIGIT})(十|百|千|万)(?:多|来)?(${UNIT})`, "g");
/** 3两, 两千多块: a figure and its measure word, not the tail of a longer figure. */
const PLAIN = new RegExp(`(?<![\\d.零〇一二两三四五六七八九十百千万])(${FIGURE})(?:多|来|余)?(${UNIT})`, "g");

/** The amounts a message states with a measure word; two digits read together (五六百) are their middle. */
export function statedQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(ROUGH)) {
    const place = parseNumber(`一${m[3]}`);
    out.push({ value: ((parseNumber(m[1]) + parseNumber(m[2])) / 2) * place, unit: unitOf(m[4]) });
  }
  for (const m of text.replace(ROUGH, " ").matchAll(PLAIN)) {
    const value = valueOf(m[1]);
    if (Number.isFinite(value)) out.push({ value, unit: unitOf(m[2]) });
  }
  return out;
}

/**
 * How a tier is written, most specific first (a span's ends must not be read again as an open tier):
 * A以上不满B, A至B, A以上, 不满A, A以下.
 */
const TIER_FORMS: ReadonlyArray<{ re: RegExp; tier: (m: RegExpMatchArray) => Tier }> = [
  { re: new RegExp(`(${FIGURE})(${UNIT})?以上(?:、)?(?:不满|不足|未满|少于|低于|以下至|至|到)(${FIGURE})(${UNIT})`, "g"), tier: (m) => ({ from: valueOf(m[1]), below: valueOf(m[3]), unit: unitOf(m[4]) }) },
  { re: new RegExp(`(${FIGURE})(${UNIT})?(?:至|到|－|-|～|~)(${FIGURE})(${UNIT})`, "g"), tier: (m) => ({ from: valueOf(m[1]), below: valueOf(m[3]) + 1e-9, unit: unitOf(m[4]) }) },
  { re: new RegExp(`(${FIGURE})(${UNIT})(?:以上|及以上|或者以上)`, "g"), tier: (m) => ({ from: valueOf(m[1]), below: Infinity, unit: unitOf(m[2]) }) },
  { re: new RegExp(`(?:不满|不足|未满|少于|低于)(${FIGURE})(${UNIT})`, "g"), tier: (m) => ({ from: 0, below: valueOf(m[1]), unit: unitOf(m[2]) }) },
  { re: new RegExp(`(${FIGURE})(${UNIT})以下`, "g"), tier: (m) => ({ from: 0, below: valueOf(m[1]) + 1e-9, unit: unitOf(m[2]) }) },
];

/** The tiers a sentence sets: A以上不满B, A至B, A以上, 不满A, A以下. */
export function tiersIn(sentence: string): Tier[] {
  const out: Tier[] = [];
  // A list item's number (2.50株以上…) is no figure of it.
  let rest = sentence.replace(/^\s*\d+[.．、]/, " ");
  for (const { re, tier } of TIER_FORMS) {
    for (const m of rest.matchAll(re)) {
      const t = tier(m);
      if (Number.isFinite(t.from) && !Number.isNaN(t.below)) out.push(t);
    }
    rest = rest.replace(re, " ");
  }
  return out;
}

/** Does a tier the sentence sets hold one of the amounts stated? */
export function tierHolds(stated: readonly Quantity[], sentence: string): boolean {
  if (!stated.length) return false;
  const tiers = tiersIn(sentence);
  return tiers.some((t) => stated.some((q) => q.unit === t.unit && q.value >= t.from && q.value < t.below));
}

/** A sum told roughly (五十多万, 一万多, 八千几块): at least the figure, below the next step of its last place. */
export interface RoughSum {
  from: number;
  below: number;
}

const ROUGH_SUM = new RegExp(`(?<![\\d.零〇一二两三四五六七八九十百千万])(${FIGURE})(万)?(多|几)(万)?(?:块|元|蚊)?`, "g");

/** The place of a figure's last digit that is not naught (50 → 10, 2000 → 1000, 3 → 1). */
function lastPlace(n: number): number {
  let place = 1;
  while (n >= place * 10 && n % (place * 10) === 0) place *= 10;
  return place;
}

/**
 * The sums of money a message tells roughly: 五十多万 (500,000 to 600,000), 一万多 (10,000 to 20,000), 两千几.
 * 五十多个人 tells a count, not a sum.
 */
export function roughSums(text: string): RoughSum[] {
  const out: RoughSum[] = [];
  for (const m of text.matchAll(ROUGH_SUM)) {
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    if (/[个名人次辆岁年月日天号点条张只头间家户株棵克斤分]/.test(after)) continue;
    const figure = valueOf(m[1]);
    if (!Number.isFinite(figure) || figure <= 0) continue;
    const scale = m[2] || m[4] ? 10000 : 1;
    const from = figure * scale;
    if (from < 100) continue;
    out.push({ from, below: from + lastPlace(figure) * scale });
  }
  return out;
}

/** The sums of money a sentence states (58.6万元, 12800元, 1.2万余元) in 元. */
function sumsIn(sentence: string): number[] {
  return [...sentence.matchAll(/(\d+(?:\.\d+)?)\s*(余|多)?\s*(万)?元/g)].map((m) => Number(m[1]) * (m[3] ? 10000 : 1));
}

/** Does the sentence state a sum within one the message told roughly (骗了五十多万 → 58.6万元)? */
export function roughSumHeld(told: readonly RoughSum[], sentence: string): boolean {
  if (!told.length) return false;
  return sumsIn(sentence).some((v) => told.some((r) => v >= r.from && v < r.below));
}
