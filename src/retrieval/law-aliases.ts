/**
 * Law name normalization and abbreviations (src/data/law-aliases.txt: "alias target" a line).
 * Names are compared without 中华人民共和国 and whitespace, so 《中华人民共和国刑法》, 刑法 and the
 * judicial interpretations' inner 《中华人民共和国民法典》 all meet on one form.
 */
import { readDataLines } from "../data/paths.js";
import { articleKey } from "../text/numerals.js";
import type { ArticleNo } from "../types.js";

/** Removes every 中华人民共和国 and all whitespace. */
export function normalizeLawName(s: string): string {
  return s.replace(/中华人民共和国/g, "").replace(/[\s\u2002\u3000]+/g, "");
}

/** "law|article" of an article (law name normalized): how citations, gold labels and hits are matched. */
export function lawArticleKey(lawName: string, no: ArticleNo): string {
  return `${normalizeLawName(lawName)}|${articleKey(no)}`;
}

let aliases: Map<string, string> | null = null;

/** alias → normalized target short title (as written in the data file; not checked against a library). */
export function lawAliases(): ReadonlyMap<string, string> {
  if (!aliases) {
    aliases = new Map();
    for (const line of readDataLines("law-aliases.txt")) {
      const [alias, target] = line.split(/\s+/);
      if (alias && target) aliases.set(normalizeLawName(alias), normalizeLawName(target));
    }
  }
  return aliases;
}

/** The normalized short title a name or abbreviation stands for (the name itself when it is no alias). */
export function resolveLawName(name: string): string {
  const n = normalizeLawName(name);
  return lawAliases().get(n) ?? n;
}
