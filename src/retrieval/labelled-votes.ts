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
 * The nearest labelled questions vote for their gold articles (summed cosine similarity), scaled
 * by the best fused score so the vote means the same for every query; an article they name that
 * the lexical stage missed joins with the vote alone. The gold of a labelled question that is the
 * same question (sameQuestionSimilarity) goes on top.
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
  for (const [d, v] of votes) {
    if (!allowed(d)) continue;
    // The same question's articles get one top score more: above every lexical result.
    const add = scale * v + (sameDocs.has(d) ? top : 0);
    const i = pos.get(d);
    if (i !== undefined) all[i] += add;
    else {
      allDocs.push(d);
      all.push(add);
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
