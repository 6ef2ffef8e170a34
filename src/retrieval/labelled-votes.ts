/**
 * Labelled questions (PUFA_LABELLED) at search time: the nearest ones vote for their gold articles.
 */
import { topK } from "./bm25.js";
import type { HybridConfig } from "./hybrid-config.js";
import type { LabelledKnowledge } from "./labelled-questions.js";

/** A ranked passage ordinal; `labelled` as in Hit. */
export interface RankedDoc {
  doc: number;
  score: number;
  labelled?: "same";
  /** The summed similarity of the nearest labelled questions that name it (absent: none does). */
  vote?: number;
}

/**
 * A vote this strong (about two near-identical labelled questions) counts the article as at least the
 * REACH_RANK-th lexical candidate before the vote is added. Fused scores sit in a narrow band far above
 * zero (1.15 to 1.52 over the first twenty for a 报假警 story), so a vote added to nothing, or to a low
 * candidate's score, never reached the results: 我家小子喝多了…打110说村里有人杀人…会被关吗 had
 * three labelled neighbours naming 治安管理处罚法第二十五条 (vote 0.74), which ranked below 200th.
 * Answer bench, whole library: policing-fresh4 .82 → .85, policing-fresh6 .89 → .92, pufa-domain
 * .90 → .89, the rest unchanged, negatives refused 239 of 247 either way (the same with only absent
 * articles lifted, but a low candidate would then be worse off than an absent one). At 0.25 (the
 * verdict's VOTED) two injection attempts were answered; from the tenth score for every vote, weak
 * ones (0.13) displaced the right first hit.
 */
export const VOTE_REACH = 0.4;
const REACH_RANK = 10;

/**
 * The nearest labelled questions vote for their gold articles (summed cosine similarity), scaled
 * by the best fused score so the vote means the same for every query; an article they name that
 * the lexical stage missed joins with the vote alone, or from the REACH_RANK-th candidate's score
 * when the vote reaches VOTE_REACH. The gold of a labelled question that is the same question
 * (sameQuestionSimilarity) goes on top.
 */
export function addNeighbourVotes(
  labelled: LabelledKnowledge,
  c: HybridConfig,
  query: string,
  docs: number[],
  scores: Float64Array,
  k: number,
  allowed: (doc: number) => boolean,
): RankedDoc[] {
  let top = 0;
  for (const s of scores) top = Math.max(top, s);
  const scale = c.neighbourWeight * (top > 0 ? top : 1);
  const { votes, same: sameDocs } = labelled.votes(query, c.neighbours, c.sameQuestionSimilarity);
  const pos = new Map(docs.map((d, i) => [d, i]));
  const allDocs = [...docs];
  const all = [...scores];
  let reach: number | null = null;
  const reachScore = () => (reach ??= topK(docs, scores, docs.length, REACH_RANK).at(-1)?.score ?? 0);
  for (const [d, v] of votes) {
    if (!allowed(d)) continue;
    // The same question's articles get one top score more: above every lexical result.
    const add = scale * v + (sameDocs.has(d) ? top : 0);
    const from = v >= VOTE_REACH ? reachScore() : 0;
    const i = pos.get(d);
    if (i !== undefined) all[i] = Math.max(all[i], from) + add;
    else {
      allDocs.push(d);
      all.push(from + add);
    }
  }
  const ranked: RankedDoc[] = topK(allDocs, Float64Array.from(all), allDocs.length, k);
  for (const r of ranked) {
    if (sameDocs.has(r.doc)) r.labelled = "same";
    const v = votes.get(r.doc);
    if (v) r.vote = v;
  }
  return ranked;
}
