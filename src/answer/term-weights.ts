/**
 * The question's words with weights, for choosing sentences and judging relevance. The searcher
 * provides them (idf from its index); without one, jieba words weighted by length. A word counts as
 * found in a text when the text contains it; a word of 3+ characters sharing only a 2-character piece
 * counts half (醉酒驾驶 vs 醉酒后驾驶).
 */
import { normalize, wordTokens } from "../text/tokenize.js";
import type { QueryTermWeights, Searcher } from "../types.js";
import { weekdayForms } from "./weekday-forms.js";

export interface TermMatcher {
  weights: QueryTermWeights;
}

function fallbackWeights(query: string): QueryTermWeights {
  const weights = new Map<string, { weight: number; expansion: boolean }>();
  for (const w of wordTokens(query)) weights.set(w, { weight: Math.min(Array.from(w).length, 4), expansion: false });
  return weights;
}

export function termMatcher(searcher: Searcher, query: string): TermMatcher {
  const weights = searcher.termWeights?.(query);
  return { weights: weights && weights.size ? weights : fallbackWeights(query) };
}

/** Words carried over from an earlier turn weigh this much when a sentence is chosen. */
const CARRIED_OVER = 0.25;

/** The same words, those not in `own` (a follow-up's own wording) weighed down. Pure. */
export function ownWordsFirst(m: TermMatcher, own: string): TermMatcher {
  const t = normalize(own);
  return { weights: new Map([...m.weights].map(([w, v]) => [w, t.includes(w) ? v : { ...v, weight: v.weight * CARRIED_OVER }])) };
}

const NUMERAL_PIECE = /[第零〇一二两三四五六七八九十百千万\d]/;

/** 1 when `text` contains the word (周六 as 星期六 too), 0.5 for a 2-character piece of a longer word, else 0. */
export function found(text: string, word: string): number {
  if (text.includes(word) || weekdayForms(word).some((w) => text.includes(w))) return 1;
  const chars = Array.from(word);
  if (chars.length < 3) return 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const piece = chars[i] + chars[i + 1];
    // Ordinal pieces (第二 of 第二次) are everywhere in law text and say nothing about the topic.
    if (!NUMERAL_PIECE.test(piece) && text.includes(piece)) return 0.5;
  }
  return 0;
}

/** Sum of the weights of the question's words found in `text`. */
export function scoreText(m: TermMatcher, text: string): number {
  const t = normalize(text);
  let s = 0;
  for (const [word, { weight }] of m.weights) s += weight * found(t, word);
  return s;
}

/**
 * Share (0..1) of the question's own word weight found in `text`. Lexicon expansions found
 * (饮酒后驾驶 for 喝酒开车) make up for at most half of what is missing: an expansion stands for a
 * word of the question, it cannot answer the rest of it.
 */
export function coverageOf(m: TermMatcher, text: string): number {
  const t = normalize(text);
  let own = 0;
  let foundOwn = 0;
  let foundExpansion = 0;
  for (const [word, { weight, expansion }] of m.weights) {
    const f = found(t, word) * weight;
    if (expansion) foundExpansion += f;
    else {
      own += weight;
      foundOwn += f;
    }
  }
  if (!own) return 0;
  return (foundOwn + 0.5 * Math.min(foundExpansion, own - foundOwn)) / own;
}
