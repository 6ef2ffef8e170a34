/**
 * "What counts as X?": a question that asks what a term covers (哪些东西算是个人信息, 什么样的刀算管制刀具,
 * 什么叫非法集资) is answered by the article that defines the term (个人信息是以……各种信息; 本规定所管制的刀具
 * 是：匕首……), which search ranks among the articles that use it. Both readings here are pure and
 * law-agnostic: the question's form, and a sentence's form (所称X，是指 / X是指 / X是以 / 认定为“X”).
 */
import { ARTICLE_PATTERN } from "../text/numerals.js";

/**
 * The forms that ask what a term covers (not 是不是骗子: that asks about a case, not a term). A count or an
 * amount asked before 算 (偷几多次先算多次盗窃, 几次才算, 卖到几多就算犯罪) asks the line the term is drawn at.
 */
const ASKS_DEFINITION =
  /(?:什么|哪些|哪种|哪类|啥|何种)[^，。？?！!,]{0,6}(?:才算|算|属于|叫做?|称为|是指)|(?:几多|多少|几)[^，。？?！!,\s]{0,3}(?:先|才|就)算|什么叫|什么是|啥叫|啥是|[是系](?:什么|啥|咩)意思|指的是什么|指什么|指啥|包括哪些|包括什么|包括啥|哪些情况|怎么认定|怎样认定|如何认定|怎么界定|怎么定义|的定义/;

export function asksDefinition(question: string): boolean {
  return ASKS_DEFINITION.test(question);
}

/**
 * The terms a passage defines. A definition names its term at the sentence's start (after the
 * article's label) or after 所称/所管制的 (本法所称电信网络诈骗，是指……; 个人信息是以电子或者其他方式记录的……
 * 信息); 是指 after a clause mark (前款规定的情形，是指) defines no term of its own and is skipped by the
 * start anchor. Its comma may be half-width: the office's sentences are read normalized.
 */
const DEFINES = [
  /所(?:称|管制|指)的?(?<term>[\u4e00-\u9fff“”]{2,14}?)[，,]?(?:是指|是：|是|包括)/g,
  // The interpretations draw a term's line as a case "认定为" it: 二年内盗窃三次以上的，应当认定为“多次盗窃”.
  /认定为“(?<term>[\u4e00-\u9fff]{2,14})”/g,
  new RegExp(`(?:^|[。；：\\n])\\s*(?:${ARTICLE_PATTERN.source}\\s+)?(?<term>[\\u4e00-\\u9fff]{2,10}?)[，,]?(?:是指|是以)`, "g"),
];

export function definedTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const re of DEFINES) {
    for (const m of text.matchAll(re)) {
      const term = m.groups!.term.replace(/[“”]/g, "").replace(/^.*所称的?/, "");
      // A term ending in 的 is a clause (有下列情形之一的，是指), not a name.
      if (term.length >= 2 && !/^(?:以上|以下|以内|前款|本款|上述)/.test(term) && !term.endsWith("的")) terms.add(term);
    }
  }
  return [...terms];
}

/** Does the passage define a term the question names, whole or by its first and last two letters (管制的刀具 → 刀具 in 管制刀具)? */
export function definesAsked(question: string, passageText: string): boolean {
  return definedTerms(passageText).some((t) => question.includes(t) || (t.length > 2 && question.includes(t.slice(-2)) && question.includes(t.slice(0, 2))));
}

/**
 * …or by its head, as a villager shortens it (三无船 for 三无船舶): three letters or more the term opens with.
 * For the office's notices (本通告所称“三无船舶”，是指……), whose terms are their own coinages.
 */
export function definesNamed(question: string, passageText: string): boolean {
  return definesAsked(question, passageText) || definedTerms(passageText).some((t) => t.length > 3 && question.includes(t.slice(0, 3)));
}
