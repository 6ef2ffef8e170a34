/**
 * Is the best hit relevant enough to quote? BM25 scores are not comparable across questions,
 * so the gate asks a question-relative thing instead: how much of the question's wording
 * (weighted by word length) the passage, its headings and its title actually contain.
 */
import { CitationIndex } from "../retrieval/citation-lookup.js";
import { lawArticleKey } from "../retrieval/law-aliases.js";
import { finesRuleAtLarge, penalizes } from "./law-order.js";
import type { Hit, Passage } from "../types.js";
import { coverageOf, type TermMatcher } from "./term-weights.js";

/** A passage as the question's words are looked for in it: with its law's title and headings, or its article's title. */
export function passageHaystack(p: Passage): string {
  return p.kind === "law" ? `${p.lawTitle} ${p.headings.join(" ")} ${p.text}` : `${p.title} ${p.text}`;
}

/** Share (0..1) of the question's weighted terms that the passage (with its headings or title) contains. */
export function coverage(terms: TermMatcher, p: Passage): number {
  return coverageOf(terms, passageHaystack(p));
}

/**
 * The hits that are articles the question names by law and number ("刑法第一百三十三条之一",
 * "刑法133条之一", "道交法第91条"), in rank order. The law must be named too: a bare number, or a
 * law the hits do not contain, names nothing (so 治安管理处罚法第四十三条 never stands in for 消防法第四十三条).
 */
export function citedHits(question: string, hits: Hit[]): Hit[] {
  const refs = new CitationIndex(hits.map((h) => h.passage)).find(question);
  if (!refs.length) return [];
  const keys = new Set(refs.map((r) => lawArticleKey(r.lawShort, r.articleNo)));
  return hits.filter((h) => h.passage.kind === "law" && keys.has(lawArticleKey(h.passage.lawShort, h.passage.articleNo)));
}

/** "消防法第四十三条", "《某某条例》第5条": the question asks for one article of a named law or regulation. */
export function namesLawArticle(question: string): boolean {
  return /(法|条例|规定|办法|细则|解释|决定|》)\s*(第\s*)?[零〇一二两三四五六七八九十百千万\d]+\s*条/.test(question);
}

/** A further law passage holds this share of the question's weighted words… */
const SECONDARY_FLOOR = 0.1;
/** The share of the ratio a passage telling what was asked must reach. */
const ANSWERING_SHARE = 0.5;
/** …or the labelled questions nearest the question name it at least this much. */
const SECONDARY_VOTE = 0.05;
/**
 * A hit among the first three that labelled questions name nearly as much as the first (PEER_SHARE of
 * its vote, at least PEER_VOTE) is quoted whatever its coverage: a story's words are seldom the
 * statute's, and 刑法第二百六十条 (虐待) after 第十七条, 治安管理处罚法第二十五条 after 消防法第六十二条
 * were dropped for holding less of them. Answer bench: +1 or +2 on seven policing sets, nothing lost
 * (a share of 0.6 or a vote of 0.12 moved one question each way).
 */
const PEER_RANKS = 3;
const PEER_VOTE = 0.2;
const PEER_SHARE = 0.8;

/**
 * The law hits to quote: the searcher's first, and further ones only when their coverage comes
 * within `ratio` of the best of the first three, or labelled questions name them as much (PEER_*).
 * The ranking (reranker, lexicon, dense side) knows more than word coverage, so its first hit is
 * never dropped for a better-covered later one.
 * A further one must also hold something of the question (SECONDARY_FLOOR) or be named by labelled
 * questions like it: a 杀猪盘 story answered by 刑法第二百六十六条 through its neighbours' vote was
 * followed by 变造货币 and 伪造货币 (币), each "within ratio" of a best coverage of 0.02. Answer bench:
 * right unchanged on five policing sets, one question fewer on policing-fresh2 and the starter.
 * An article that fines what another hit forbids is read with that one's coverage: 违反本法第三十一条
 * ……罚款 repeats none of 出租银行卡's words (local-fresh11 +1; answer table unchanged).
 */
export function closeToBest(terms: TermMatcher, hits: Hit[], ratio: number, answers: (h: Hit) => boolean = () => false): Hit[] {
  const own = hits.map((h) => coverage(terms, h.passage));
  // An article that fines what another hit forbids (违反本法第三十一条……罚款), or the rules of its law at
  // large when that one sets no penalty (……违反道路交通安全法律、法规关于道路通行规定的), is about what that one covers.
  const scored = hits.map((h, i) => ({ h, c: Math.max(own[i], ...hits.map((t, j) => (j !== i && (penalizes(h, [t]) || finesRuleAtLarge(h, t)) ? own[j] : 0))) }));
  const best = Math.max(0, ...scored.slice(0, 3).map((s) => s.c));
  const holds = (s: { h: Hit; c: number }) => s.c >= SECONDARY_FLOOR || (s.h.vote ?? 0) >= SECONDARY_VOTE;
  const firstVote = hits[0]?.vote ?? 0;
  const peer = (s: { h: Hit }, i: number) => i < PEER_RANKS && (s.h.vote ?? 0) >= Math.max(PEER_VOTE, PEER_SHARE * firstVote);
  // The runner-up that tells what was asked (判几耐 → 三年以下有期徒刑) is close at half the share.
  const close = (s: { h: Hit; c: number }, i: number) => s.c >= best * ratio * (i === 1 && answers(s.h) ? ANSWERING_SHARE : 1);
  return scored.filter((s, i) => i === 0 || (close(s, i) && holds(s)) || peer(s, i)).map((s) => s.h);
}
