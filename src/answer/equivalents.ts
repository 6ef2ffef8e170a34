/**
 * Spoken, dialect and misspelt words rewritten to the words the material uses (src/data/equivalents.txt):
 * 电瓶车 → 电动自行车, 礼拜六 → 周六, 派处所 → 派出所. Longest spoken form first, each stretch of the
 * question rewritten at most once, so a replacement is never rewritten again. A spoken form ending in
 * "$" is rewritten only where a clause ends (咩$ → 吗). [words] entries change
 * what is searched; [asking] entries (几多 → 多少) only how the question is read. Digits read out one by
 * one (二零二四年, 九六幺幺零) are written as figures first.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { dataSections } from "../data/paths.js";
import { spokenDigits } from "../text/numerals.js";

export const DEFAULT_EQUIVALENTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../data/equivalents.txt");

/** One rewrite: a spoken form, its written one, and whether it applies only where a clause ends ("咩$"). */
export interface Pair {
  spoken: string;
  written: string;
  atEnd: boolean;
}
export type Pairs = ReadonlyArray<Pair>;
export interface Equivalents {
  words: Pairs;
  asking: Pairs;
}

export function parseEquivalents(text: string): Equivalents {
  // Lines before any header are [words].
  const sections = dataSections(text, ["words", "asking"] as const, "words");
  const pairs = (lines: string[]): Pair[] =>
    lines.flatMap((line) => {
      const [form, ...rest] = line.split(/\s+/);
      const written = rest.join(" ");
      // "咩$": only where a clause ends (犯法咩？ → 吗), not inside one (带咩东西 → 什么).
      const atEnd = form.length > 1 && form.endsWith("$");
      const spoken = atEnd ? form.slice(0, -1) : form;
      return written && written !== spoken ? [{ spoken, written, atEnd }] : [];
    });
  // Longest spoken form first; of the same form, the clause-end one first.
  const order = (a: Pair, b: Pair) => b.spoken.length - a.spoken.length || Number(b.atEnd) - Number(a.atEnd);
  return { words: pairs(sections.words).sort(order), asking: pairs(sections.asking).sort(order) };
}

let cached: Equivalents | null = null;
export function loadEquivalents(file = DEFAULT_EQUIVALENTS_FILE): Equivalents {
  if (file === DEFAULT_EQUIVALENTS_FILE && cached) return cached;
  const eq = parseEquivalents(readFileSync(file, "utf8"));
  if (file === DEFAULT_EQUIVALENTS_FILE) cached = eq;
  return eq;
}

/** What may follow a spoken form marked "$": nothing, a space or a clause mark. */
const CLAUSE_END = /^$|^[\s，,。.？?！!；;～~]/;

/** Initials typed in Latin letters (kf, sfz), and one letter beside them. */
const LATIN = /^[A-Za-z]+$/;
const LATIN_LETTER = /^[A-Za-z]$/;

/**
 * Rewrites each spoken form to its written one. Where the written form is already there around it
 * (刷单返利 for 刷单 → 刷单返利, 预约时间 for 约时间 → 预约时间), it is kept as it is, not made
 * 刷单返利返利.
 */
function rewrite(question: string, pairs: Pairs, rewritten?: string[]): string {
  let out = "";
  let i = 0;
  outer: while (i < question.length) {
    for (const { spoken, written, atEnd } of pairs) {
      if (!question.startsWith(spoken, i)) continue;
      // Initials typed in Latin letters (kf, sfz) are a word only on their own: kfc is no 客服.
      if (LATIN.test(spoken) && (LATIN_LETTER.test(question[i - 1] ?? "") || LATIN_LETTER.test(question[i + spoken.length] ?? ""))) continue;
      if (atEnd && !CLAUSE_END.test(question.slice(i + spoken.length, i + spoken.length + 1))) continue;
      const at = i - written.indexOf(spoken);
      const already = written.includes(spoken) && at >= 0 && question.startsWith(written, at);
      out += already ? spoken : written;
      if (!already) rewritten?.push(spoken);
      i += spoken.length;
      continue outer;
    }
    out += question[i++];
  }
  return out;
}

/**
 * Cantonese says whose thing it is with its measure word (我架车, 佢部手机: my car, his phone), which no text
 * writes: read as 的. Only 架 and 部 before a vehicle or a phone (我架照 is a licence, 我部门 a department).
 */
const POSSESSIVE = /(我|你|佢|他|她)(哋|们)?(架|部)(?=车|电驴|电动|电单车|摩托|单车|货车|小车|手机|船)/g;
/**
 * 办 typed as 半 (the same syllable, tone too, and the pinyin keyboard's first candidate): after where or whether
 * one can get something done (窗口半, 边度半, 冇得半, 先半得, 冇人半) or before what is done (半身份证, 半临时, 半代步车).
 * Never 半 of a time or a span (5点半, 半夜, 半年, 一半, 半个月), nor 神州半岛.
 */
const BAN_FOR_BAN = /(?<=窗口|边度|哪里|得|先|去|来|嚟|到|要|人|可以|点样|怎么|冇|唔|没|不)半(?![夜岛年天个小时月价马路山截边斤成日拉钟分])|(?<![一大多两夜点0-9０-９])半(?=身份证|临时|居住证|证件|驾驶证|驾照|护照|户口|手续|业务|代步|电动|登记|理)/g;

/**
 * 成年 for the whole year (成年讲咗几多场, 成年都冇人管): Cantonese 成 is 整. Only before what was done in it; never
 * 未成年, nor 成年人, an adult.
 */
const WHOLE_YEAR = /(?<!未)成年(?=讲|做|搞|抓|查|办|开|罚|收|都|总共|一共|共|落|去|来|嚟|有|捉|破)/g;

function plainSpoken(question: string): string {
  return spokenDigits(question).replace(POSSESSIVE, "$1$2的").replace(BAN_FOR_BAN, "办").replace(WHOLE_YEAR, "全年");
}

/** The question in the material's words, and the spoken forms ([words]) it was rewritten from (上户口, 电动车): the office may write them too. */
export function rewriteWords(question: string, eq: Equivalents = loadEquivalents()): { text: string; spoken: string[] } {
  const spoken: string[] = [];
  const text = rewrite(plainSpoken(question), eq.words, spoken);
  return { text, spoken: [...new Set(spoken)] };
}

/** The question in the material's words: what is searched. */
export function applyEquivalents(question: string, eq: Equivalents = loadEquivalents()): string {
  return rewrite(plainSpoken(question), eq.words);
}

/** The question as read for what it asks (几多 → 多少, 啥时候 → 什么时候), words rewritten too. */
export function readAsked(question: string, eq: Equivalents = loadEquivalents()): string {
  return rewrite(rewrite(plainSpoken(question), eq.words), eq.asking);
}

/** A spoken asking word (咩, 乜嘢, 边度, 几多): it asks, it names no topic. */
export function spokenAsking(word: string, eq: Equivalents = loadEquivalents()): boolean {
  return eq.asking.some((p) => p.spoken === word);
}

let spokenCache: Set<string> | null = null;
/** The character pairs of every spoken form (唔该, 边度): words of the people, not typos, however rare in the material. */
export function spokenPairs(eq: Equivalents = loadEquivalents()): ReadonlySet<string> {
  const own = eq === cached;
  if (own && spokenCache) return spokenCache;
  const pairs = new Set<string>();
  for (const { spoken } of [...eq.words, ...eq.asking]) {
    const chars = Array.from(spoken);
    for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
  }
  if (own) spokenCache = pairs;
  return pairs;
}
