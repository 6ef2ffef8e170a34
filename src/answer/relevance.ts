/**
 * Is the best hit relevant enough to quote? BM25 scores are not comparable across questions,
 * so the gate asks a question-relative thing instead: how much of the question's wording
 * (weighted by word length) the passage, its headings and its title actually contain.
 */
import { ARTICLE_PATTERN, parseArticleNo, articleKey } from "../text/numerals.js";
import type { Passage } from "../types.js";
import { coverageOf, type TermMatcher } from "./term-weights.js";

function passageHaystack(p: Passage): string {
  return p.kind === "law" ? `${p.lawTitle} ${p.headings.join(" ")} ${p.text}` : `${p.title} ${p.text}`;
}

/** Share (0..1) of the question's weighted terms that the passage (with its headings or title) contains. */
export function coverage(terms: TermMatcher, p: Passage): number {
  return coverageOf(terms, passageHaystack(p));
}

/** True when the question names this very article ("刑法第一百三十三条之一", "道交法91条"). */
export function isCitedArticle(question: string, p: Passage): boolean {
  if (p.kind !== "law") return false;
  const m = ARTICLE_PATTERN.exec(question);
  if (!m) return false;
  const no = parseArticleNo(m[0]);
  return !!no && articleKey(no) === articleKey(p.articleNo);
}
