/**
 * The order in which the law hits are judged and quoted: the searcher's score, lifted for a focus
 * law's passage (focus-laws.ts) and for a passage that the labelled questions nearest this one were
 * answered with. Both lifts are shares of the first hit's score, added in one key: ordering by one
 * and then the other would undo the first.
 *
 * A passage that defines the term a "what counts as X" question names (definitions.ts) is lifted too:
 * search ranks the articles that use a term beside the one that says what it is.
 *
 * The vote lift: the searcher's own neighbour weight is set for ranking (a STARD-like office's labels
 * cost R@1 at more); the answer quotes one article and should quote the one the office's questions
 * were answered by. Measured with the answer bench (src/bench/answer-bench.ts, whole library,
 * starter set learned): see README, "Answers".
 */
import type { Hit } from "../types.js";
import { asksDefinition, definesAsked } from "./definitions.js";
import { FOCUS_LIFT, type FocusLaws } from "./focus-laws.js";

/** A vote of 1 (summed similarity) counts as much as the first hit's score. */
export const VOTE_LIFT = 1;

/** Share of the first hit's score a defining passage is lifted by (STARD-train's 80 questions of this form, top 10 of the
 * law order: R@1 .388 → .400/.412/.400 at 0.2/0.3/0.5; the answer bench's starter held out .83 → .84). */
export const DEFINITION_LIFT = 0.3;

/** The law hits re-ordered (pure; ties keep the searcher's order). `question` (as searched) for the definition lift. */
export function orderLawHits(hits: readonly Hit[], focus: FocusLaws | null, lifts: { focus?: number; vote?: number; definition?: number } = {}, question = ""): Hit[] {
  if (!hits.length) return [];
  const definition = asksDefinition(question) ? question : null;
  const top = Math.abs(hits[0].score);
  const focusStep = (lifts.focus ?? FOCUS_LIFT) * top;
  const voteStep = (lifts.vote ?? VOTE_LIFT) * top;
  const definitionStep = (lifts.definition ?? DEFINITION_LIFT) * top;
  const key = (h: Hit) =>
    h.score +
    (focus && h.passage.kind === "law" && focus.has(h.passage.lawShort) ? focusStep : 0) +
    voteStep * (h.vote ?? 0) +
    (definition && definesAsked(definition, h.passage.text) ? definitionStep : 0);
  return hits
    .map((h, i) => ({ h, i, k: key(h) }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.h);
}
