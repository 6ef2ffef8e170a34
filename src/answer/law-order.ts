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
import { cjkPairsOf } from "./local-articles.js";
import { asksFineAmount, asksTermOf } from "./question-type.js";

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
/** An amount (五万元以下的罚款) or a multiple (保险费的二倍罚款, 一倍以上五倍以下罚款) of a fine. */
const FINE_AMOUNT = /[0-9一二两三四五六七八九十百千万]+(元|倍)(以上|以下)?[^。；]{0,16}罚款|罚款[^。；]{0,8}[0-9一二两三四五六七八九十百千万]+(元|倍)/;

/**
 * Share of the first hit's score an article that sets the asked punishment's span (处五日以上十日以下拘留;
 * 处三年以下有期徒刑) is lifted by, when its length is asked (关几天, 坐几年牢): 偷摩托车犯法要坐几年牢 is
 * 刑法第二百六十四条's, not the traffic rules that name 摩托车.
 */
export const TERM_LIFT = 0.3;
const TERM_SPAN = {
  detention: /[0-9零一二两三四五六七八九十]+日(以上|以下)[^。；]{0,12}拘留|拘留[^。；]{0,6}[0-9零一二两三四五六七八九十]+日/,
  prison: /[0-9零一二两三四五六七八九十]+年(以上|以下)?[^。；]{0,8}有期徒刑|有期徒刑[^。；]{0,6}[0-9零一二两三四五六七八九十]+年/,
};

/**
 * Share of the first hit's score an article that sets points on a licence (一次记12分, 一次扣减2分) is lifted by,
 * when points are asked (顶分自己会唔会扣分 扣几多): the traffic law's articles on the licence name it more often
 * than the scoring rules' articles that count.
 */
export const POINTS_LIFT = 0.3;
const POINTS_ASKED = /(扣|记|减)(了|咗)?(几|多少|几多)(分)?|(会不会|会唔会|要不要|使不使)(扣|记)分/;
const POINTS_SET = /(记|扣减)[0-9０-９零一二两三四五六七八九十]+分/;
/** Are licence points asked, 分 in the message (扣分……扣几多, 记几分; not 扣几多钱, 扣几日)? */
function asksPoints(question: string): boolean {
  return POINTS_ASKED.test(question) && /分/.test(question) && !/(几|多少|几多)(钱|蚊|元|块|日|天)/.test(question);
}

/** Does `h` set the penalty for breaking one of `hits` (违反本法第三十一条第一款规定的，……处……罚款)? Same law only. */
export function penalizes(h: Hit, hits: readonly Hit[]): boolean {
  if (h.passage.kind !== "law") return false;
  const law = h.passage.lawShort;
  return hits.some((t) => t !== h && t.passage.kind === "law" && t.passage.lawShort === law && h.passage.text.includes(breachOf(t.passage)));
}

/** Is `h` a penalty of `t`'s law for its rules at large, `t` setting none of its own? */
export function finesRuleAtLarge(h: Hit, t: Hit): boolean {
  return (
    h !== t &&
    h.passage.kind === "law" &&
    t.passage.kind === "law" &&
    h.passage.lawShort === t.passage.lawShort &&
    finesAtLarge(h.passage.text) &&
    !PENALTY.test(t.passage.text) &&
    finesRulesOf(h.passage, t.passage)
  );
}

/**
 * For each of `forbidding` that sets no penalty of its own, the hit that is its law's penalty for
 * breaking the law's rules at large on its matter (bestAtLarge): 骑摩托不戴头盔 → 道路交通安全法第九十条
 * for 第五十一条.
 */
export function atLargePenalties(hits: readonly Hit[], forbidding: readonly Hit[], about: string): Set<Hit> {
  const out = new Set<Hit>();
  for (const t of forbidding) {
    const rule = t.passage;
    if (rule.kind !== "law" || PENALTY.test(rule.text)) continue;
    const candidates = hits.flatMap((h) => (h.passage.kind === "law" && h.passage.lawShort === rule.lawShort && finesAtLarge(h.passage.text) ? [h.passage] : []));
    const best = bestAtLarge(candidates, about, rule);
    const hit = best && hits.find((h) => h.passage === best);
    if (hit) out.add(hit);
  }
  return out;
}

/** An article that fines the breach of a law's rules at large, citing no article: 机动车驾驶人违反道路交通安全法律、法规关于道路通行规定的，处…… */
const CATCH_ALL = /^第[零〇一二两三四五六七八九十百千]+条(之[一二三四五六七八九十])?\s*[^。；]{0,30}?违反[^。；，]{0,16}(法律|法规)[^。；]{0,30}?规定的/;
const finesAtLarge = (text: string) => CATCH_ALL.test(text) && FINE_AMOUNT.test(text);
/** A punishment a law's sentence sets (a fine, detention, a term, a licence revoked): what 咋罚 is answered with. */
export const PUNISHMENT = /罚款|罚金|拘留|有期徒刑|拘役|吊销/;
/** A penalty set in the article itself: a punishment, or what it confiscates. */
const PENALTY = new RegExp(`${PUNISHMENT.source}|没收`);

/**
 * Of a law's articles fining its rules at large (行人、乘车人、非机动车驾驶人…; 机动车驾驶人…; 对违反……关于机动车
 * 停放、临时停车规定的), the one on the question's matter: the share of its own words (who breaks the rules,
 * and which rules) that the question holds, and half as much that the forbidding article holds. A word
 * only another candidate names (非机动车) is no match for one inside it (机动车驾驶人): 电动车不戴头盔
 * (→ 非机动车) is 第八十九条's, 骑摩托不戴头盔 (摩托车驾驶人……) is 第九十条's.
 */
function bestAtLarge(all: readonly LawPassage[], question: string, rule: LawPassage): LawPassage | null {
  const candidates = all.filter((p) => finesRulesOf(p, rule));
  const subjects = new Map(candidates.map((p) => [p, atLargeSubject(p.text)]));
  const runs = (text: string) => text.match(/[\u4e00-\u9fa5]{2,}/g) ?? [];
  let best: LawPassage | null = null;
  let bestScore = 0;
  for (const [p, subject] of subjects) {
    const others = [...subjects].filter(([q]) => q !== p).map(([, s]) => s);
    // Runs another candidate names and this one does not (非机动车 for 机动车驾驶人) are taken out first.
    const strip = (text: string) => runs(text).filter((r) => subject.includes(r) || !others.some((o) => o.includes(r))).join(" ");
    const pairs = new Set(cjkPairsOf(subject));
    const share = (text: string) => (pairs.size ? [...pairs].filter((b) => text.includes(b)).length / pairs.size : 0);
    const score = share(strip(question)) + 0.5 * share(strip(rule.text));
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

/**
 * Is `p` a fine for rules of the kind `rule` is one of: its chapter (第四章 道路通行规定) or its words name
 * them? 第十九条 (第二章 车辆和驾驶人: a licence) is no 道路通行 rule.
 */
function finesRulesOf(p: LawPassage, rule: LawPassage): boolean {
  // The 编/章/节 headings, not the law's title (中华人民共和国道路交通安全法 names 道路 for every article).
  const ruleText = `${rule.headings.filter((h) => CHAPTER.test(h)).join(" ")} ${rule.text}`;
  const pairs = cjkPairsOf(atLargeMatter(p.text));
  return pairs.length > 0 && pairs.filter((b) => ruleText.includes(b)).length >= pairs.length / 2;
}
const CHAPTER = /^第[零〇一二两三四五六七八九十百千]+[编章节]/;

/** Who breaks the rules and which (行人、乘车人、非机动车驾驶人 … 道路通行), from 第八十九条 行人、乘车人、非机动车驾驶人违反……法规关于道路通行规定的. */
function atLargeSubject(text: string): string {
  const body = text.replace(/^第[零〇一二两三四五六七八九十百千]+条(之[一二三四五六七八九十])?\s*/, "");
  return `${body.slice(0, body.indexOf("违反"))} ${atLargeMatter(text)}`;
}

/** Which rules (道路通行; 机动车停放、临时停车): between 关于 and 规定的. */
function atLargeMatter(text: string): string {
  const breach = text.indexOf("违反");
  const end = text.indexOf("规定的", breach);
  const about = text.lastIndexOf("关于", end);
  return about > breach ? text.slice(about + 2, end) : "";
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
export function penaltyCompanions(hits: readonly Hit[], passages: readonly Passage[] | null, question: string, about = question): Hit[] {
  if (!passages || !PENALTY_ASKED.test(question)) return [];
  const have = new Set(hits.flatMap((h) => [h.passage.id, h.passage.kind === "law" ? `${h.passage.lawShort}${h.passage.article}` : ""]));
  const out: Hit[] = [];
  const add = (p: LawPassage, t: Hit) => {
    have.add(p.id);
    have.add(`${p.lawShort}${p.article}`);
    out.push({ passage: p, score: t.score * COMPANION_SHARE, rank: hits.length + out.length + 1 });
  };
  const missing = (p: LawPassage) => !have.has(p.id) && !have.has(`${p.lawShort}${p.article}`);
  for (const t of hits.slice(0, 3)) {
    const forbids = t.passage;
    if (forbids.kind !== "law") continue;
    const cite = breachOf(forbids);
    const law = lawPassages(passages, forbids.lawShort, forbids.version);
    for (const p of law) if (missing(p) && p.text.includes(cite)) add(p, t);
    // A rule with no penalty of its own, and none citing it: the law's penalty for its rules at large, the one on this matter.
    if (PENALTY.test(forbids.text) || out.some((h) => (h.passage as LawPassage).lawShort === forbids.lawShort)) continue;
    const atLarge = bestAtLarge(atLargeOf(law), about, forbids);
    if (atLarge && missing(atLarge)) add(atLarge, t);
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

/** A law's articles fining its rules at large, found once per law (not for every question asking a fine). */
function atLargeOf(law: LawPassage[]): LawPassage[] {
  let found = AT_LARGE.get(law);
  if (!found) AT_LARGE.set(law, (found = law.filter((p) => finesAtLarge(p.text))));
  return found;
}
const AT_LARGE = new WeakMap<LawPassage[], LawPassage[]>();

/** What falls short of a crime, as the law words it, and as it is asked (不够判刑, 冇够犯罪, 够不上犯罪; not 够不够判刑, whether it is one). */
const BELOW_CRIME = /尚不构成犯罪/;
const BELOW_CRIME_ASKED = /(?<!够)(不|没|唔|冇)够(判刑|犯罪|坐牢|坐监)|够不上犯罪|判不了刑|不构成犯罪/;

/** The law hits re-ordered (pure; ties keep the searcher's order). `question` (as searched) for the definition and penalty lifts. */
export function orderLawHits(
  hits: readonly Hit[],
  focus: FocusLaws | null,
  lifts: { focus?: number; vote?: number; definition?: number; penalty?: number; fineAmount?: number; term?: number; points?: number } = {},
  question = "",
  about = question,
): Hit[] {
  if (!hits.length) return [];
  const definition = asksDefinition(question) ? question : null;
  const top = Math.abs(hits[0].score);
  const focusStep = (lifts.focus ?? FOCUS_LIFT) * top;
  const voteStep = (lifts.vote ?? VOTE_LIFT) * top;
  const definitionStep = (lifts.definition ?? DEFINITION_LIFT) * top;
  const penaltyStep = (lifts.penalty ?? PENALTY_LIFT) * top;
  const firstThree = PENALTY_ASKED.test(question) ? hits.slice(0, 3) : [];
  const amountStep = asksFineAmount(question) ? (lifts.fineAmount ?? FINE_AMOUNT_LIFT) * top : 0;
  const term = asksTermOf(question);
  const termStep = term ? (lifts.term ?? TERM_LIFT) * top : 0;
  const pointsStep = asksPoints(question) ? (lifts.points ?? POINTS_LIFT) * top : 0;
  // 唔够判刑会点罚: the articles punishing what falls short of a crime (尚不构成犯罪的，由公安机关处……拘留) answer it.
  const belowCrimeStep = BELOW_CRIME_ASKED.test(question) ? penaltyStep : 0;
  // Asked how much, every article naming an amount is lifted alike: a fine at large is not lifted above one
  // for the very act (没驾照开摩托车罚多少 → 第九十九条's 未取得机动车驾驶证, not 第九十条).
  const atLarge = firstThree.length && !amountStep ? atLargePenalties(hits, firstThree, about) : new Set<Hit>();
  const key = (h: Hit) =>
    h.score +
    (focus && h.passage.kind === "law" && focus.has(h.passage.lawShort) ? focusStep : 0) +
    voteStep * (h.vote ?? 0) +
    (definition && definesAsked(definition, h.passage.text) ? definitionStep : 0) +
    (firstThree.length && (penalizes(h, firstThree) || atLarge.has(h)) ? penaltyStep : 0) +
    (amountStep && h.passage.kind === "law" && FINE_AMOUNT.test(h.passage.text) ? amountStep : 0) +
    (term && h.passage.kind === "law" && TERM_SPAN[term].test(h.passage.text) ? termStep : 0) +
    (pointsStep && h.passage.kind === "law" && POINTS_SET.test(h.passage.text) ? pointsStep : 0) +
    (belowCrimeStep && h.passage.kind === "law" && BELOW_CRIME.test(h.passage.text) ? belowCrimeStep : 0);
  return hits
    .map((h, i) => ({ h, i, k: key(h) }))
    .sort((a, b) => b.k - a.k || a.i - b.i)
    .map((x) => x.h);
}
