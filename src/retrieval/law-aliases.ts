/**
 * Law name normalization and abbreviations (src/data/law-aliases.txt: "alias target" a line).
 * Names are compared by lawNameKey (without 中华人民共和国, whitespace and enclosing 《》), so
 * 《中华人民共和国刑法》, 刑法 and the judicial interpretations' inner 《中华人民共和国民法典》 all meet on one form.
 */
import { readDataLines } from "../data/paths.js";
import { articleKey } from "../text/numerals.js";
import type { ArticleNo } from "../types.js";

/**
 * Running text (a question, a judicial interpretation's title) as law names are compared in it:
 * every 中华人民共和国 and all whitespace removed; 《》 kept, since they mark the names inside.
 */
export function normalizeLawText(s: string): string {
  return s.replace(/中华人民共和国/g, "").replace(/[\s\u2002\u3000]+/g, "");
}

/**
 * The key of one law's name: 中华人民共和国刑法, 刑法, 《刑法》 and 《中华人民共和国刑法》 all give 刑法. A
 * judicial interpretation keeps the 《》 inside its title (…适用《民法典》…). Law articles, gold
 * labels, superseded laws and the laws a reply cites are all compared by this key.
 */
export function lawNameKey(name: string): string {
  const t = normalizeLawText(name);
  const inner = /^《([^《》]*)》$/.exec(t);
  return inner ? inner[1] : t;
}

/**
 * The key of a law as a text mentions it (a model's reply, an excerpt): lawNameKey after dropping a
 * trailing version note, 《刑法（2020年修正）》 → 刑法. Not for the library's own titles, where such a
 * note tells laws apart (宪法修正案（2004年） and 宪法修正案（2018年） are two documents).
 */
export function mentionedLawKey(name: string): string {
  return lawNameKey(name.replace(/[《》]/g, "").replace(/[（(]\d{4}[^）)]*[）)]\s*$/, ""));
}

/** "law|article" of an article (lawNameKey): how citations, gold labels and hits are matched. */
export function lawArticleKey(lawName: string, no: ArticleNo): string {
  return `${lawNameKey(lawName)}|${articleKey(no)}`;
}

let aliases: Map<string, string> | null = null;

/** alias → normalized target short title (as written in the data file; not checked against a library). */
export function lawAliases(): ReadonlyMap<string, string> {
  if (!aliases) {
    aliases = new Map();
    for (const line of readDataLines("law-aliases.txt")) {
      const [alias, target] = line.split(/\s+/);
      if (alias && target) aliases.set(lawNameKey(alias), lawNameKey(target));
    }
  }
  return aliases;
}

/** The normalized short title a name or abbreviation stands for (the name itself when it is no alias). */
export function resolveLawName(name: string): string {
  const n = lawNameKey(name);
  return lawAliases().get(n) ?? n;
}
