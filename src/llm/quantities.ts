/**
 * Amounts and periods (一千元, 2000元, 六个月, 10天, 五年) read as value + unit, so that a model's
 * "罚款1000元" can be checked against an excerpt's "一千元" and "10天" against "十日".
 */
import { parseNumber } from "../text/numerals.js";

const UNIT: Record<string, string> = { 元: "yuan", 万元: "yuan*1e4", 日: "day", 天: "day", 个月: "month", 月: "month", 年: "year", 周: "week", 小时: "hour", 倍: "times", 岁: "age" };

/** Number (Arabic with optional thousands commas, or Chinese) directly followed by a unit. */
const QUANTITY = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万]+)\s*(万元|元|日|天|个月|月|年|周|小时|倍|岁)/g;

export interface Quantity {
  value: number;
  unit: string;
  raw: string;
}

export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    // 第二年 / 第三日 are ordinals, 每月 is no number: only cardinal quantities count.
    if (text[m.index - 1] === "第") continue;
    const n = /^[\d.,]+$/.test(m[1]) ? Number(m[1].replace(/,/g, "")) : parseNumber(m[1]);
    if (!Number.isFinite(n)) continue;
    const unit = UNIT[m[2]];
    const [base, factor] = unit.includes("*") ? [unit.split("*")[0], Number(unit.split("*")[1])] : [unit, 1];
    out.push({ value: n * factor, unit: base, raw: m[0] });
  }
  return out;
}

export function quantityKey(q: Quantity): string {
  return `${q.value}${q.unit}`;
}
