/**
 * Offline follow-up handling: "那如果狗是流浪狗呢？" means little alone, so when it looks like a
 * follow-up and the same person asked something a few minutes ago, retrieval sees the earlier
 * question's topic words (not its question wording: 怎么办, 要不要 would only dilute the match)
 * with this one. (With a model configured, the engine asks it for a standalone rewrite first.)
 */
import { stopwordSet, wordTokens } from "../text/tokenize.js";
import type { ConversationTurn } from "../types.js";
import { spokenAsking } from "./equivalents.js";
import type { LocalDoc } from "./local-articles.js";
import { answersKind, askedFor, asksNumber, factsAsked } from "./question-type.js";

/** 咁 (Cantonese 那么: 咁有冇电话可以问下先) opens one as 那 does; 佢 (他: 佢啲钱用去做咩) as 他 does. */
const FOLLOW_UP_START = /^(那|那么|那要|那如果|如果|要是|假如|还有|再|第二次|第三次|然后|所以|这样|这种|这个|它|他|她|佢|咁)/;

/** Words that ask rather than name a topic. */
const ASKING = /^(怎么|怎样|怎么办|什么|多少|哪里|哪儿|是不是|可以|能不能|会不会|要不要|有没有|请问|知道|为什么|咋办|吗|呢|吧|啊|了|的|我|你|他|她|我们|咱们|如果|那么|那|这|一下)$/;

/**
 * Words pointing back at something already said (那个人, 后来, 那天): the question's topic is the previous turn's.
 * 110打唔通 仲有咩号码: another way than the one just given, and a number that does not get through, are of it.
 * 喺嗰度领咩: Cantonese 嗰度, 嗰边 (there), 嗰次, 嗰日 point back as 那里, 那次 do; 扣咗佢哋咩车: 佢哋 as 他们.
 * 办这个要交钱咩: 这个 standing for a thing at the start, not naming one (这个证), is the thing just talked of
 * (not 这个是真的吗 at the end of a message that tells its own story); so is one ending a message (反诈那个, the one just told of).
 */
const POINTS_BACK = /(那个人|这个人|那人|那次|那天|那边|那里|那儿|嗰度|嗰边|嗰次|嗰日|后来|他们|她们|佢哋|佢地|上回|刚才|刚刚说|(还|仲)有(没有|冇)?(咩|什么|啥|乜嘢?|其他|别的)(号码|电话|办法|方法|途径|地方|联系方式)|打(不|唔)通|^[\u4e00-\u9fff]{0,2}(这个|呢个|嗰个|那个|这些|呢啲|嗰啲)(?=[要需得使唔不可能会有系是吗咩呢\s]|$)|(这个|呢个|嗰个|那个)$)/;

/** An opening that only asks (要等几天, 能不能快点, 还要交钱吗, 初几之后就唔得放): no topic of its own comes first. */
const ASKING_START = /^(要|能|可以|还要|还能|需要|得|大概|一般|初几|几|哪|多久|多少|什么时候|啥时候)/;

/**
 * A message that asks something: a question mark; a question word; a particle ending a clause (学历呢
 * 初中毕业行不); 冇, 无, 未 or 不 after a word (晚上有人冇, 钱追得回来无, 抓到未; alone 冇 answers); or a
 * service asked after as X不X (办不办, 开不开, 收唔收, 得唔得; not 下不下雨: the weather is no follow-up); 有无 as
 * 有没有 (礼拜六有无开); Cantonese 点算, 点搞, 点样 as 怎么办, 怎么样 (已经转咗钱 点算).
 */
const ASKS = /[?？]|[吗呢么嘛咩](?=[\s，,。！!]|$)|(?<=[\u4e00-\u9fff])[冇无未不]\s*$|谁|哪|什么|啥|咩|乜|边个|边度|怎|咋|点(算|搞|样|办|解)|几|多少|多久|要不要|能不能|会不会|可不可以|有没有|有冇|有无|(办|开|收|行|给|让|准|用|管|算|得|使|系|要|能|追|去)[不没冇唔]\1/;

/** Characters other than punctuation and spaces. */
function letters(question: string): number {
  return Array.from(question.replace(/[\p{P}\s]/gu, "")).length;
}

export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  // 被骗的钱退回来了吗 (question-type's `recovered`) presupposes a case already named.
  if (FOLLOW_UP_START.test(q) || POINTS_BACK.test(q) || askedFor(q).includes("recovered")) return true;
  const chars = letters(q);
  // Short, and asking something: 好的, 好的知道了 answer the bot and must not bring its last answer back.
  // Short and asking a fact of nothing it names (骗咗几个人 几多钱 after 后安镇零首付买车被车行套路嗰单): of the last turn's.
  return (chars <= 6 && ASKS.test(q)) || (chars <= 10 && ASKING_START.test(q)) || (chars <= 10 && factsAsked(q).length > 0 && !ownTopic(q).length) || asksWhenOnly(q);
}

/**
 * 夜晚同礼拜日打有冇人接㗎, 周末开唔开: a time of day or of the week, asked of nothing named: of the last turn's
 * thing (its phone, its window), however long the asking.
 */
function asksWhenOnly(question: string): boolean {
  if (!WHEN.test(question) || !ASKS.test(question)) return false;
  return ownTopic(question.replace(WHEN_ALL, " ")).every((w) => HOURS_ASKED.test(w));
}
/** Times of the day or of the week a message may ask of (晚上, 周末, 节假日): when, not what. */
export const TIMES_OF_DAY = "夜晚|晚上|夜里|半夜|凌晨|白天|上午|下午|中午|早上|周末|节假日|假期";
const WHEN = new RegExp(`${TIMES_OF_DAY}|(周|礼拜|星期)[一二三四五六日天]`);
const WHEN_ALL = new RegExp(WHEN.source, "g");
/** Words that ask whether a place is open, no thing of their own. */
const HOURS_ASKED = /^(开门|关门|有人|上班|下班|办公|值班|营业|开放)$/;

/**
 * A short question that may lean on the previous turn when it finds nothing alone (见到了打哪个电话):
 * it must ask something (好的, 知道了, 谢谢 ask nothing and must not bring the last answer back).
 */
export function shortQuestion(question: string): boolean {
  return letters(question) <= SHORT_QUESTION && ASKS.test(question);
}
const SHORT_QUESTION = 16;

/** The topic words of an earlier question: its content words without the asking ones. */
export function topicWords(question: string): string[] {
  return [...new Set(wordTokens(question).filter((w) => !ASKING.test(w)))];
}

/**
 * The question retrieval should see: the previous turn's topic words plus this one, for a follow-up.
 * `followUp`: the caller's decision, when it made one on the question as typed.
 */
export function retrievalQuery(question: string, context: ConversationTurn[] | undefined, followUp = looksLikeFollowUp(question)): string {
  const last = context?.at(-1);
  if (!last || !followUp) return question;
  // A follow-up of a follow-up (打边个电话 after 那电瓶车可以进去吗) still leans on the topic before that one.
  const turns = context!.length > 1 && looksLikeFollowUp(last.question) ? [context!.at(-2)!, last] : [last];
  const topic = [...new Set(turns.flatMap((t) => topicWords(t.question)))].filter((w) => !question.includes(w));
  return topic.length ? `${topic.join(" ")} ${question}` : question;
}

/** A message's own topic words of two characters or more (发票 of 冇发票得唔得; none of 几点开门). */
export function ownTopic(asked: string): string[] {
  const stop = stopwordSet();
  // Asked a number (举报打边个电话), what the call is for names no matter: whose 举报 line is the last turn's.
  const call = asksNumber(asked);
  return topicWords(asked).filter(
    (w) => Array.from(w).length >= 2 && /^[\p{Script=Han}]+$/u.test(w) && !askedFor(w).length && !stop.has(w) && !spokenAsking(w) && !ERRAND_WORDS.test(w) && !(call && CALL_WORD.test(w)),
  );
}
/** The words of a call asked for (举报电话, 咨询热线): what the call is for and what it is, not its topic. */
export const CALL_WORD = /^(电话|号码|电话号码|热线|举报|报警|咨询|联系|联系方式|投诉|求助|打|拨打)$/;
/** Words of doing an errand, no topic of their own (需要携带 of 要带咩; 东西 of 要带咩嘢 → 携带什么东西). */
const ERRAND_WORDS = /^(需要|携带|知道|请问|东西)$/;

/**
 * Does the article hold what a follow-up is about: one of its own topic words (发票), or, with none of
 * its own (几点开门, 打边个电话), a sentence of the kind it asks? `asked`: the follow-up in the material's
 * words; `reading`: as read for what it asks.
 */
export function holdsFollowUp(doc: LocalDoc, asked: string, reading: string): boolean {
  const own = ownTopic(asked);
  if (own.length) return own.some((w) => doc.haystack.includes(w));
  const facts = factsAsked(reading);
  return facts.length > 0 && doc.sentences.some((s) => answersKind(s, facts));
}
