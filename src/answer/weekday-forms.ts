/**
 * A weekday as a question is read (礼拜六 → 周六) is written 周六 or 星期六 by the office's articles
 * (周日: 星期日, 星期天): either form holds it. Pure.
 */
const FORMS = new Map([..."一二三四五六日"].map((d) => [`周${d}`, d === "日" ? ["星期日", "星期天", "周天"] : [`星期${d}`]]));

const NONE: readonly string[] = [];

/** The other ways a weekday word is written, or none for any other word. Called for every word of every text: other words are told by their first character. */
export function weekdayForms(word: string): readonly string[] {
  return word[0] === "周" ? (FORMS.get(word) ?? NONE) : NONE;
}

/** Does the set of a text's character pairs hold this pair, or the same weekday written 星期六 (期六)? */
export function holdsPairOrWeekday(pairs: ReadonlySet<string>, pair: string): boolean {
  return pairs.has(pair) || weekdayForms(pair).some((w) => pairs.has(w.slice(-2)));
}
