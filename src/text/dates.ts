/**
 * Calendar dates, one strict reading for the whole program: importers, the article reader, the
 * page cleaner and the CLI. A date that does not exist (2023-02-30) is no date, wherever it is read,
 * so an import never stores a date the reader later drops.
 */

/** Dates outside this range are typos or noise in the articles pufa reads. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** "2021-12-03", "2021/12/3", "2021.12.3", "2021年12月3日" at the start (a time may follow). */
const DATE_AT_START = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)/;
const ISO_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** y-m-d as "yyyy-mm-dd" when that day exists in the calendar, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A date written at the start of a text ("2024年3月15日 10:00", "2024-03-15T08:00:00+08:00") or a
 * YAML Date (its UTC day: YAML reads a bare 2024-03-15 as UTC midnight) → "yyyy-mm-dd"; else null.
 */
export function normalizeDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== "string") return null;
  const m = DATE_AT_START.exec(value);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** Strict "yyyy-mm-dd" (CLI options) → local midnight of that day; throws on anything else, 2023-02-30 included. */
export function parseLocalDate(s: string): Date {
  const m = ISO_ONLY.exec(s.trim());
  if (!m || !isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new Error(`expected a date as yyyy-mm-dd, got ${s}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** The local calendar day of a time, "yyyy-mm-dd". */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
