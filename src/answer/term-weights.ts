/**
 * Query terms with weights for choosing sentences and judging relevance. The searcher provides
 * them when it can (same analyzer and idf as the index); otherwise jieba words weighted by length.
 */
import { tokenize, wordTokens } from "../text/tokenize.js";
import type { QueryTermWeights, Searcher } from "../types.js";

export interface TermMatcher {
  weights: QueryTermWeights;
  analyze(text: string): string[];
}

function fallback(query: string): TermMatcher {
  const weights = new Map<string, { weight: number; expansion: boolean }>();
  for (const w of wordTokens(query)) weights.set(w, { weight: Array.from(w).length > 1 ? Math.min(Array.from(w).length, 4) : 0.3, expansion: false });
  return { weights, analyze: (text) => [...tokenize(text), ...wordTokens(text)] };
}

export function termMatcher(searcher: Searcher, query: string): TermMatcher {
  if (searcher.termWeights && searcher.analyze) {
    const weights = searcher.termWeights(query);
    if (weights.size) return { weights, analyze: (t) => searcher.analyze!(t) };
  }
  return fallback(query);
}

/** Sum of the weights of the distinct query terms that occur in `text`. */
export function scoreText(m: TermMatcher, text: string): number {
  let s = 0;
  for (const t of new Set(m.analyze(text))) s += m.weights.get(t)?.weight ?? 0;
  return s;
}

/**
 * Share (0..1) of the question's own term weight found in `text`; lexicon expansions found count
 * towards it too (a question saying 喝酒开车 is answered by text saying 饮酒后驾驶), capped at 1.
 */
export function coverageOf(m: TermMatcher, text: string): number {
  let own = 0;
  let found = 0;
  for (const { weight, expansion } of m.weights.values()) if (!expansion) own += weight;
  if (!own) return 0;
  for (const t of new Set(m.analyze(text))) {
    const w = m.weights.get(t);
    if (w) found += w.weight;
  }
  return Math.min(1, found / own);
}
