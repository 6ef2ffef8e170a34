/**
 * The order in which the law hits are judged and quoted: the searcher's score, lifted for a focus
 * law's passage (focus-laws.ts) and for a passage that the labelled questions nearest this one were
 * answered with. Both lifts are shares of the first hit's score, added in one key: ordering by one
 * and then the other would undo the first.
 *
 * A passage that defines the term a "what counts as X" question names (definitions.ts) is lifted too:
 * search ranks the articles that use a term beside the one that says what it is. So is the article
 * that fines what a first hit forbids, when a fine is asked.
 *
 * The vote lift: the searcher's own neighbour weight is set for ranking (a STARD-like office's labels
 * cost R@1 at more); the answer quotes one article and should quote the one the office's questions
 * were answered by. Measured with the answer bench (src/bench/answer-bench.ts, whole library,
 * starter set learned): see README, "Answers".
 */
import type { Hit, LawPassage, Passage } from "../types.js";
import { asksDefinition, definesAsked } from "./definitions.js";
import { FOCUS_LIFT, type FocusLaws } from "./focus-laws.js";

/** A vote of 1 (summed similarity) counts as much as the first hit's score. */
export const VOTE_LIFT = 1;

/** Share of the first hit's score a defining passage is lifted by (STARD-train's 80 questions of this form, top 10 of the
 * law order: R@1 .388 → .400/.412/.400 at 0.2/0.3/0.5; the answer bench's starter held out .83 → .84). */
export const DEFINITION_LIFT = 0.3;

/**
 * Share of the first hit's score an article that sets the fine for breaking one of the first three hits
 * is lifted by, when a fine is asked (出租银行卡会唔会罚钱 → 反电信网络诈骗法第四十四条, which fines what
 * 第三十一条 forbids). STARD-train's questions asking 罚 (14; 239 with 处罚/处理/后果/判/责任/违法) keep
 * R@1, R@3 and MRR@10 at 0.1 to 0.3; the answer bench's sets are unchanged; local-fresh8 +1.
 */
export const PENALTY_LIFT = 0.3;
const PENALTY_ASKED = /罚/;

/**
 * Share of the first hit's score an article that names a fine's amount (处五万元以下的罚款, 二倍罚款) is lifted by,
 * when the amount is asked (罚几多钱, 罚款多少): 刑法's 罚金 names none, and 禁渔期电鱼罚几多钱 is
 * answered by 渔业法第三十八条, not by 刑法第三百四十条 alone.
 */
export const FINE_AMOUNT_LIFT = 0.3;
const FINE_AMOUNT_ASKED = /罚(款)?(要|得|会)?(多少|几多|好多|几钱|几千|几百|几万)|罚款(是|有|大概)?(多少|几多)/;
/** An amount (五万元以下的罚款) or a multiple (保险费的二倍罚款, 一倍以上五倍以下罚款) of a fine. */
const FINE_AMOUNT = /[0-9一二两三四五六七八九十百千万]+(元|倍)(以上|以下)?[^。；]{0,16}罚款|罚款[^。；]{0,8}[0-9一二两三四五六七八九十百千万]+(元|倍)/;

/** Does `h` set the penalty for breaking one of `hits` (违反本法第三十一条第一款规定的，……处……罚款)? Same law only. */
export function penalizes(h: Hit, hits: readonly Hit[]): boolean {
  if (h.passage.kind !== "law") return false;
  const law = h.passage.lawShort;
  return hits.some((t) => t !== h && t.passage.kind === "law" && t.passage.lawShort === law && h.passage.text.includes(breachOf(t.passage)));
}

/** How an article of the same law cites breaking this one: 违反本法第三十一条, 违反本条例第十条. */
function breachOf(p: LawPassage): string {
  return `违反本${LAW_WORD.exec(p.lawShort)?.[0] ?? "法"}${p.article}`;
}
const LAW_WORD = /(条例|规定|办法|法)$/;

/**
 * Asked a fine, the articles that fine breaking one of the first three hits, from the whole library
 * when search did not return them (出租银行卡……会罚几多 finds 反电信网络诈骗法第三十一条, which forbids it;
 * 第四十四条, which fines it, shares none of the question's words). Same law and version; scored just
 * under the article they fine, for orderLawHits' penalty lift to judge. Pure.
 */
export function penaltyCompanions(hits: readonly Hit[], passages: readonly Passage[] | null, question: string): Hit[] {
  if (!passages || !PENALTY_ASKED.test(question)) return [];
  const have = new Set(hits.flatMap((h) => [h.passage.id, h.passage.kind === "law" ? `${h.passage.lawShort}${h.passage.article}` : ""]));
  const out: Hit[] = [];
  for (const t of hits.slice(0, 3)) {
    const forbids = t.passage;
    if (forbids.kind !== "law") continue;
    const cite = breachOf(forbids);
    for (const p of lawPassages(passages, forbids.lawShort, forbids.version)) {
      const article = `${p.lawShort}${p.article}`;
      if (have.has(p.id) || have.has(article) || !p.text.includes(cite)) continue;
      have.add(p.id);
      have.add(article);
      out.push({ passage: p, score: t.score * COMPANION_SHARE, rank: hits.length + out.length + 1 });
    }
  }
  return out;
}
const COMPANION_SHARE = 0.9;

/** One law's passages (one version), indexed once per passage list. */
function lawPassages(passages: readonly Passage[], lawShort: string, version: string | null): LawPassage[] {
  let byLaw = LAW_INDEX.get(passages);
  if (!byLaw) {
    byLaw = new Map();
    for (const p of passages) {
      if (p.kind !== "law") continue;
      const key = `${p.lawShort}|${p.version}`;
      const list = byLaw.get(key);
      if (list) list.push(p);
      else byLaw.set(key, [p]);
    }
    LAW_INDEX.set(passages, byLaw);
  }
  return byLaw.get(`${lawShort}|${version}`) ?? [];
}
const LAW_INDEX = new WeakMap<readonly Passage[], Map<string, LawPassage[]>>();

/** The law hits re-ordered (pure; ties keep the searcher's order). `question` (as searched) for the definition and penalty lifts. */
export function orderLawHits(hits: readonly Hit[], focus: FocusLaws | null, lifts: { focus?: number; vote?: number; definition?: number; penalty?: number; fineAmount?: number } = {}, question = ""): Hit[] {
  if (!hits.length) return [];
  const definition = asksDefinition(question) ? question : null;
  const top = Math.abs(hits[0].score);
  const focusStep = (lifts.focus ?? FOCUS_LIFT) * top;
  const voteStep = (lifts.vote ?? VOTE_LIFT) * top;
  const definitionStep = (lifts.definition ?? DEFINITION_LIFT) * top;
  const penaltyStep = (lifts.penalty ?? PENALTY_LIFT) * top;
  const firstThree = PENALTY_ASKED.test(question) ? hits.slice(0, 3) : [];
  const amountStep = FINE_AMOUNT_ASKED.test(question) ? (lifts.fineAmount ?? FINE_AMOUNT_LIFT) * top : 0;
  const key = (h: Hit) =>
    h.score +
    (focus && h.passage.kind === "law" && focus.has(h.passage.lawShort) ? focusStep : 0) +
    voteStep * (h.vote ?? 0) +
    (definition && definesAsked(definition, h.passage.text) ? definitionStep : 0) +
    (firstThree.length && penalizes(h, firstThree) ? penaltyStep : 0) +
    (amountStep && h.passage.kind === "law" && FINE_AMOUNT.test(h.passage.text) ? amountStep : 0);
  return hits
    .map((h, i) => ({ h, i, k: key(h) }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.h);
}
