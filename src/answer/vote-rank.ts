/**
 * The law passage quoted first is the one labelled questions like this one were answered with, when
 * they name it strongly: the searcher's own neighbour weight is set for ranking (a STARD-like office's
 * labels cost R@1 at more), the answer quotes one article and should quote the one the office's
 * questions were answered by. Measured with the answer bench (src/bench/answer-bench.ts, whole
 * library, starter set learned; lift 0 → 1): policing stories .82 → .84, pufa-domain .83 → .84,
 * policing-fresh .68 → .76, fresh4 .65 → .68, negatives refused 241/247 both; lift 2 was no better.
 */
import type { Hit } from "../types.js";

/** A vote of 1 (summed similarity) counts as much as the first hit's score. */
export const VOTE_LIFT = 1;

/** The law hits re-ranked with the labelled questions' vote added (pure; ties keep the order given). */
export function voteRank(hits: readonly Hit[], lift = VOTE_LIFT): Hit[] {
  if (!hits.length || lift <= 0) return [...hits];
  const step = lift * Math.abs(hits[0].score);
  return hits
    .map((h, i) => ({ h, i, k: h.score + step * (h.vote ?? 0) }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.h);
}
