/**
 * Homophone typos of the office's own words. Villagers type with a pinyin keyboard and take the
 * wrong candidate: 兴龙 for 兴隆, 效车 for 校车, 快第 for 快递, 民速 for 民宿. Such a pair of characters
 * is in no text of the index, so no article is found by it. A pair is read as one of the office's when:
 * - the office's articles never write it, and hardly anything else indexed does (有效车票 gives 效车);
 * - no spoken form of src/data/equivalents.txt holds it (边度, 唔该 are the people's words, not typos).
 *   So it is applied to the question as typed, before the spoken forms are rewritten (效车牌 would
 *   lose its 车 to 车牌 → 号牌);
 * - the segmenter leaves it as two single characters, neither a function word (兴/龙: a typo breaks
 *   its word; 我是/兴隆 gives 是兴 across two words, and 我/是 holds 是: neither is a candidate). Or it
 *   joins the first to the word before it (查毒/架 for 查/毒驾), or keeps the two as a word (告戒 for 告诫): then
 *   only when no indexed text holds the pair at all and it sounds exactly like one topic word of the titles;
 * - one character is mistyped: the word keeps the other in its place (骑他 is no 其他);
 * - it sounds exactly like (the same syllables, tones too) one word of two characters that an office
 *   article's title writes, or one of its places. A pair that sounds like two of them is left as typed: there is no telling which.
 *   When none does, a title's word common to many articles (登记, 举报) or a spoken word the equivalents read
 *   (狗证) may; another tone is another word (迁来 is no 前来), for all but towns. Failing those, a noun the
 *   articles' texts write in at most 10% of them (头盔 for 头亏; in another tone too, 雷管 for 雷官), when no indexed passage holds the pair at all;
 *   failing a thing, a title's word in another tone (申请 for 申情), on the same condition, unless either character is
 *   a common word of its own (迁来, which no indexed text holds, is no 前来: 来 is a word).
 * Readings come from pinyin-pro: the office's word as read in context, each typed character in any
 * of its readings (行 is xing2 and hang2).
 * A word spelt out in pinyin, without tones (minsu, taifeng, shimeiwan), is read as the one office
 * word or place spelt so; spelt like two, or like none, it is left as typed.
 */
import { pinyin } from "pinyin-pro";
import { jieba, segment, wordFrequencyOfChar } from "../text/segmenter.js";
import { stopwordSet } from "../text/tokenize.js";
import type { Searcher } from "../types.js";
import { loadEquivalents, spokenPairs } from "./equivalents.js";
import { passagesOf } from "./judge.js";
import { cjkPairsOf, localArticlesOf, type LocalArticles } from "./local-articles.js";

export class OfficeHomophones {
  /** Sound ("xing1 long2") → the office's word that sounds so, or null when two do. */
  private readonly bySound: Map<string, string | null>;
  /** Spelling in pinyin without tones ("minsu", "shimeiwan") → the office's word, or null when two are spelt so. */
  private readonly bySpelling: Map<string, string | null>;
  /** The office's places (后安, 和乐): a pair sounding like one is read so even where the laws hold the pair across two words (之后按照). */
  private readonly places: Set<string>;
  /** Spelling without tones → the one town of two characters spelt so ("" when two are). */
  private readonly townBySpelling = new Map<string, string>();

  /** Sound → the office's common word of a title that sounds so (举报, 登记: in many of its articles), null when two do. */
  private readonly commonBySound: Map<string, string | null>;
  /** The same common words by spelling without tones, for a pair nothing indexed holds. */
  private readonly commonBySpelling: Map<string, string | null>;

  /** Sound → a thing an office article's text names (头盔, 电瓶: a noun), null when two do. */
  private readonly thingBySound: Map<string, string | null>;
  /** The same things by spelling without tones (leiguan), for a pair typed in another tone (雷官 for 雷管). */
  private readonly thingBySpelling: Map<string, string | null>;

  /** Sound → the office's word of three characters (居住证, 拖拉机, 孔明灯) or title's name of four (快处快赔) that sounds so, null when two do. */
  private readonly tripleBySound: Map<string, string | null>;
  /** The same words by spelling without tones (malasong), for a typo the keyboard offered in another tone (马拉送). */
  private readonly tripleBySpelling: Map<string, string | null>;
  /** The lengths of those words (4, 3): a question is read in windows of these sizes only. */
  private readonly longSizes: number[];

  constructor(words: Iterable<string>, spelt: Iterable<string> = [], common: Iterable<string> = [], things: Iterable<string> = [], triples: Iterable<string> = []) {
    const threes = [...triples].filter((w) => [3, 4].includes(Array.from(w).length) && /^[\u4e00-\u9fa5]+$/.test(w));
    this.tripleBySound = readingAs(threes, soundOf);
    this.tripleBySpelling = readingAs(threes, spellingOf);
    this.longSizes = [4, 3].filter((n) => threes.some((w) => Array.from(w).length === n));
    this.places = new Set(spelt);
    for (const place of this.places) {
      if (Array.from(place).length !== 2) continue;
      const spelling = spellingOf(place);
      this.townBySpelling.set(spelling, this.townBySpelling.has(spelling) ? "" : place);
    }
    const own = [...words];
    this.bySound = readingAs(own, soundOf);
    this.commonBySound = readingAs(common, soundOf);
    this.commonBySpelling = readingAs(common, spellingOf);
    this.thingBySound = readingAs(things, soundOf);
    this.thingBySpelling = readingAs(things, spellingOf);
    this.bySpelling = readingAs(new Set([...own, ...this.places]), spellingOf);
  }

  /**
   * The one town of two characters that a pair sounds like in any tone, keeping one of its characters in
   * its place (后按 → 后安, 礼记 → 礼纪): a keyboard offers every tone's characters for "houan". null for none or two.
   */
  private townLike(pair: string): string | null {
    if (PARTICLE.test(pair)) return null;
    const found = new Set<string>();
    for (const sound of soundsOf(pair)) {
      const town = this.townBySpelling.get(spelling(sound));
      if (town && (town[0] === pair[0] || town[1] === pair[1])) found.add(town);
    }
    return found.size === 1 ? [...found][0] : null;
  }

  /** The office's topic words of two characters (from its titles; not 地点, 时间: in most articles) and its places. */
  static of(local: LocalArticles): OfficeHomophones {
    let h = built.get(local);
    if (!h) {
      const words = new Set<string>();
      const common = new Set<string>();
      // A title names its article's topic (校车, 民宿, 台风): the words a question is about, not the verbs
      // that run through the texts (达到, 受到), which would turn 打到 into 达到 and 转钱 into 赚钱.
      // A title's word in many of them (举报, 登记) is read only without a topic word of that sound.
      for (const d of local.docs) {
        for (const w of segment(d.title)) {
          if (w.length !== 2 || cjkPairsOf(w).length !== 1) continue;
          const share = local.pairShare(w);
          if (share <= TOPIC_SHARE) words.add(w);
          else if (share <= COMMON_SHARE) common.add(w);
        }
      }
      for (const place of local.places) if (place.length === 2 && cjkPairsOf(place).length === 1) words.add(place);
      // The people's own words that src/data/equivalents.txt reads (狗证, 电驴), mistyped (狗正) as often as the office's.
      for (const { spoken } of loadEquivalents().words) if (Array.from(spoken).length === 2 && cjkPairsOf(spoken).length === 1) common.add(spoken);
      // The things the articles' texts name (头盔, 监控), nouns as jieba tags them in context: verbs run
      // through every text and sound like what people mean to type (达到 for 打到, 赚钱 for 转钱).
      // And the words of three characters a title writes or a text names as a thing (居住证, 拖拉机, 孔明灯), in at most half the articles.
      const things = new Set<string>();
      const triples = new Set<string>();
      for (const d of local.docs) {
        const titled = segment(d.title);
        for (const w of titled) if (Array.from(w).length === 3) triples.add(w);
        // A name of four characters the segmenter leaves as four (快/处/快/赔): read as one word of the title.
        for (let i = 0; i + 4 <= titled.length; i++) {
          const run = titled.slice(i, i + 4);
          if (run.every((t) => /^[\u4e00-\u9fa5]$/.test(t)) && (i === 0 || titled[i - 1].length > 1) && (i + 4 === titled.length || titled[i + 4].length > 1)) triples.add(run.join(""));
        }
        for (const { word, tag } of jieba().tag(d.haystack, false)) {
          if (!THING_TAG.test(tag)) continue;
          if (word.length === 2 && cjkPairsOf(word).length === 1 && local.pairShare(word) <= THING_SHARE) things.add(word);
          else if (Array.from(word).length === 3) triples.add(word);
        }
      }
      for (const w of triples) if (local.share(w) > COMMON_SHARE) triples.delete(w);
      // Spelt out in pinyin (minsu, shimeiwan), a place of any length is as sure as a word of two characters.
      h = new OfficeHomophones(words, local.places, common, things, triples);
      built.set(local, h);
    }
    return h;
  }

  /**
   * The text with each pair of characters that the segmenter leaves as two single characters (兴/龙,
   * 效/车: a typo breaks its word) and that no indexed text holds (`known` says) replaced by the one
   * office word that sounds the same. A pair across two words (警察/巡逻 gives 察巡) is no candidate.
   */
  correct(
    typed: string,
    known: (pair: string) => boolean,
    officeKnows: (pair: string) => boolean = known,
    /** No indexed text holds the pair at all: only then may it be a thing of an article's text. */
    unseen: (pair: string) => boolean = (pair) => !known(pair),
    /** An office article writes this text as it is typed (a word of three characters is then no typo). */
    officeWrites: (text: string) => boolean = () => false,
  ): string {
    // A word spelt in pinyin (开minsu的, taifeng通告) when the keyboard was not switched: the one office word spelt so.
    const text = typed.replace(SPELT, (run) => this.bySpelling.get(run.toLowerCase()) ?? run);
    const tokens = segment(text);
    const words = stopwordSet();
    // The people's spoken words of one character (系 for 是, 咩 for 什么) are words, not halves of a typo: 三无船系咩 is no 船籍.
    const stop = { has: (t: string) => words.has(t) || SPOKEN_WORDS.has(t) };
    const fixes = new Map<string, string>();
    // A character read into one word is not read into the next (快第点: 快递, and no 地点 after it).
    let used = -1;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const pair = tokens[i] + tokens[i + 1];
      if (i === used || tokens[i].length !== 1 || tokens[i + 1].length !== 1 || cjkPairsOf(pair).length !== 1 || officeKnows(pair)) continue;
      // Beside 几 or 多 the characters are the asking's own (防到几号, 几远内), read as typed.
      // But after a count's measure word (几条雷官, 几把刀) comes the thing counted, typed as any other.
      if ((ASKING.test(tokens[i - 1] ?? "") && !COUNTED.test(tokens[i - 1])) || ASKING.test(tokens[i + 2] ?? "")) continue;
      const meant = heardAs(pair, this.bySound);
      const town = meant.size ? null : this.townLike(pair);
      if (town) meant.add(town);
      // No topic word or town sounds so: one of the office's common words may (举暴 for 举报).
      if (!meant.size) for (const w of heardAs(pair, this.commonBySound)) meant.add(w);
      // Nor a common word: a thing an article's text names (头亏 for 头盔), for a pair nothing indexed holds,
      // of two words of their own (被拦 is no typo of a thing); failing its sound, one spelt so in another
      // tone (雷官 for 雷管: the keyboard offers every tone's characters). Not a verb: 转钱 would be 赚钱.
      if (!meant.size && unseen(pair) && !stop.has(tokens[i]) && !stop.has(tokens[i + 1])) {
        for (const w of heardAs(pair, this.thingBySound)) meant.add(w);
        if (!meant.size) for (const w of heardAs(pair, this.thingBySpelling, spelling)) meant.add(w);
        // Nor a thing: a title's word spelt so in another tone (申情 for 申请), as the keyboard offered it.
        // Not where either character is a common word of its own (迁来, 去得: 来, 去 and 得 are): those say what they say.
        const bound = !freeWord(tokens[i]) && !freeWord(tokens[i + 1]);
        if (!meant.size && bound) for (const w of heardAs(pair, this.bySpelling, spelling)) meant.add(w);
        if (!meant.size && bound) for (const w of heardAs(pair, this.commonBySpelling, spelling)) meant.add(w);
      }
      const [only] = meant;
      if (!(meant.size === 1 && only)) continue;
      // A pair the laws hold too (后按 of 之后按照), or one with a function word (我是兴隆 gives 是兴), is a
      // typo only for a place: no other word sounds like 后安.
      const loose = known(pair) || stop.has(tokens[i]) || stop.has(tokens[i + 1]);
      if (!loose || this.places.has(only)) {
        fixes.set(pair, only);
        used = i + 1;
      }
    }
    // A town named before 镇 or 派出所 with its second character mistyped in a way no pinyin reading tells (和落镇
    // for 和乐镇: Cantonese reads 落 and 乐 alike, lok6): the office's one place of two characters that opens with the first.
    for (let i = 0; i + 2 < tokens.length; i++) {
      const pair = tokens[i] + tokens[i + 1];
      // TOWN_AFTER is three characters at most, so the three tokens after the pair hold it.
      if (fixes.has(pair) || tokens[i].length !== 1 || tokens[i + 1].length !== 1 || !TOWN_AFTER.test(tokens.slice(i + 2, i + 5).join(""))) continue;
      if (cjkPairsOf(pair).length !== 1 || PARTICLE.test(pair) || this.places.has(pair) || officeKnows(pair)) continue;
      const towns = [...this.places].filter((t) => Array.from(t).length === 2 && t[0] === pair[0]);
      if (towns.length === 1) fixes.set(pair, towns[0]);
    }
    // A typo the segmenter joined to the word before it (查毒/架 for 查/毒驾): the last character of a word and a
    // single one after it, in no indexed text at all, sounding exactly like one topic word of the titles.
    for (let i = 0; i + 1 < tokens.length; i++) {
      const [word, next] = [tokens[i], tokens[i + 1]];
      if (Array.from(word).length < 2 || Array.from(next).length !== 1 || stop.has(next)) continue;
      const pair = Array.from(word).at(-1)! + next;
      if (fixes.has(pair) || cjkPairsOf(pair).length !== 1 || !unseen(pair)) continue;
      const only = onlyWordHeard(pair, this.bySound);
      if (only) fixes.set(pair, only);
    }
    for (const t of tokens) {
      if (Array.from(t).length !== 2 || cjkPairsOf(t).length !== 1) continue;
      // A town typed as another word of the same sound (礼记 for 礼纪, 万成 for 万城), which no office article writes.
      const town = officeKnows(t) || this.places.has(t) ? null : this.townLike(t);
      // A word the segmenter knows but no indexed text holds at all (告戒 of 告戒书), sounding exactly like one topic
      // word of the titles (告诫): the keyboard's other candidate of that word. 保户 of 保户令 stays: insurance rules write it.
      const meant = town ?? (fixes.has(t) || stop.has(t) || !unseen(t) ? null : onlyWordHeard(t, this.bySound));
      if (meant) fixes.set(t, meant);
    }
    let out = text;
    for (const [pair, word] of fixes) out = out.replaceAll(pair, word);
    return this.correctTriples(out, known, officeWrites);
  }

  /**
   * A word of three characters with one mistyped by a keyboard or a voice input (居住正 for 居住证, 拖拉鸡 for
   * 拖拉机, 孔名灯 for 孔明灯), which the segmenter may join to the next word (居住/正要): the three sound exactly
   * like one office word of three, two of them in their places, and the mistyped one makes a pair with its
   * neighbour that hardly any indexed text holds (正要 is common, 住正 is not). Sounding like none, they may
   * be spelt like one in another tone (马拉送 for 马拉松: a pinyin keyboard offers every tone's characters).
   * A title's name of four characters (快处快赔) is read the same way, three of them in place (快处快陪).
   */
  private correctTriples(text: string, known: (pair: string) => boolean, officeWrites: (text: string) => boolean): string {
    if (!this.tripleBySound.size) return text;
    const fixes = new Map<string, string>();
    for (const run of text.match(/[\u4e00-\u9fa5]{3,}/g) ?? []) {
      const chars = Array.from(run);
      for (const size of this.longSizes) {
        for (let i = 0; i + size <= chars.length; i++) {
          const typed = chars.slice(i, i + size);
          const meant = this.longHeard(typed);
          const [only] = meant;
          if (!(meant.size === 1 && only)) continue;
          const k = Array.from(only).findIndex((c, j) => c !== typed[j]);
          const pairs = [k > 0 ? typed[k - 1] + typed[k] : null, k < size - 1 ? typed[k] + typed[k + 1] : null].filter((p): p is string => !!p);
          if (!pairs.some((p) => !known(p)) || officeWrites(typed.join(""))) continue;
          fixes.set(typed.join(""), only);
        }
      }
    }
    let out = text;
    for (const [typed, word] of fixes) out = out.replaceAll(typed, word);
    return out;
  }

  /** The office's long words the typed characters sound like, all but one in place: by exact sound, else by spelling in any tone. */
  private longHeard(typed: readonly string[]): Set<string | null> {
    const heard = (byKey: Map<string, string | null>, key: (sound: string) => string) => {
      const meant = new Set<string | null>();
      for (const sound of soundsOfAll(typed)) {
        const w = byKey.get(key(sound));
        if (w === undefined) continue;
        const same = Array.from(w ?? "").filter((c, k) => c === typed[k]).length;
        if (w === null || same === typed.length - 1) meant.add(w);
      }
      return meant;
    };
    const meant = heard(this.tripleBySound, (s) => s);
    return meant.size ? meant : heard(this.tripleBySpelling, spelling);
  }
}

/**
 * The office's words of two characters a typed pair sounds exactly like, null among them where two words
 * sound so; one character mistyped, the word keeps the other in its place (兴龙 → 兴隆; 骑他 is no 其他).
 */
function heardAs(pair: string, bySound: Map<string, string | null>, key: (sound: string) => string = (s) => s): Set<string | null> {
  const kept = (w: string) => w[0] === pair[0] || w[1] === pair[1];
  return new Set(soundsOf(pair).map((s) => bySound.get(key(s))).filter((w): w is string | null => w !== undefined && (w === null || kept(w))));
}

/** The one office word a typed pair sounds exactly like (heardAs), or null when none or two do. */
function onlyWordHeard(pair: string, bySound: Map<string, string | null>): string | null {
  const [only, ...others] = heardAs(pair, bySound);
  return only && !others.length ? only : null;
}

const built = new WeakMap<LocalArticles, OfficeHomophones>();

/** Each word keyed by how it reads (`key`); null where two words read alike (there is no telling which). */
function readingAs(words: Iterable<string>, key: (word: string) => string): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const word of words) {
    const k = key(word);
    const had = out.get(k);
    out.set(k, had === undefined || had === word ? word : null);
  }
  return out;
}
/** A sound read without its tones ("lei2 guan1" → "leiguan"), as spellingOf spells a word. */
const spelling = (sound: string) => sound.replace(/[0-9 ]/g, "");
const soundOf = (word: string) => pinyin(word, { toneType: "num", type: "array" }).join(" ");
const spellingOf = (word: string) => pinyin(word, { toneType: "none", type: "array" }).join("");

/** jieba's tags of things: nouns (n), other proper nouns (nz), noun morphemes (ng); not persons or places (nr, ns). */
const THING_TAG = /^(n|nz|ng)$/;

/**
 * A character jieba's dictionary counts this often as a word of its own (来 161501, 去 123402, 得 134479; 请 23523)
 * is one; a typo breaks a word into characters rarely alone (申 715, 情 8363).
 */
const FREE_WORD = 20000;
const freeWord = (ch: string) => wordFrequencyOfChar(ch) > FREE_WORD;

/** What follows a town's name (和落镇, 和落派出所; 派处所 as villagers type it). */
const TOWN_AFTER = /^(镇|派出所|派处所)/;

/** A particle no town's name holds: 和了 is no 和乐. */
const PARTICLE = /[了的着过吗呢啊呀吧么嘛咗嘅]/;

/** A run of Latin letters long enough to be a word spelt in pinyin (not ok, app, sfz). */
const SPELT = /(?<![A-Za-z])[A-Za-z]{4,}(?![A-Za-z])/g;

/** A question word whose neighbours ask (到几号, 几远, 多久). */
const ASKING = /^(几|多)/;
/** Cantonese words of one character the stopword list does not hold (it is the searcher's, for written Chinese). */
const SPOKEN_WORDS: ReadonlySet<string> = new Set(Array.from("系係咩乜咗冇唔嘢俾畀噉"));
/** A count's number and measure word (几条, 几把): the thing counted follows. */
const COUNTED = /^(几|多)[条个把支件只台辆部张包瓶箱袋发枚]$/;

/**
 * Only a pair in at most this share of the articles is a word a typo is read as: a topic or a place
 * (校车, 兴隆), not a notice's common word (地点, 时间), which would turn 快第点 into 快地点.
 */
const TOPIC_SHARE = 0.15;

/**
 * Only a noun of at most this share of the articles' texts is a thing a typo is read as (头盔, 芯片): one a
 * notice of any matter writes (地点 of 时间、地点) would turn 快第点 into 快地点.
 */
const THING_SHARE = 0.1;

/** A title's word in more of the articles than this (派出, 公安) is the office's own, no word a typo is read as. */
const COMMON_SHARE = 0.5;

/** A pair in this few passages of the whole index, none of them the office's, is no word a villager means (有效车票 gives 效车). */
const RARE_PASSAGES = 3;

/** Every reading of each character, tone as a digit (行 → xing2 hang2 hang4 heng2). Bounded by the script's size. */
const readings = new Map<string, string[]>();
function readingsOf(ch: string): string[] {
  let r = readings.get(ch);
  if (!r) {
    r = [...new Set(pinyin(ch, { toneType: "num", type: "array", multiple: true }))];
    readings.set(ch, r);
  }
  return r;
}

/** The ways characters typed can sound, every reading of each. */
function soundsOfAll(chars: readonly string[]): string[] {
  return chars.reduce<string[]>((acc, ch) => acc.flatMap((a) => readingsOf(ch).map((r) => (a ? `${a} ${r}` : r))), [""]);
}

/** The ways a pair of characters typed can sound (every reading of each: the typo's may be any). */
function soundsOf(pair: string): string[] {
  const [a, b] = Array.from(pair);
  return readingsOf(a).flatMap((x) => readingsOf(b).map((y) => `${x} ${y}`));
}

/** The reading of a question's typed words against this index (the text unchanged when it has no office articles). */
export function soundsLikeOffice(searcher: Searcher): (text: string) => string {
  const passages = passagesOf(searcher);
  const count = searcher.passagesWith?.bind(searcher);
  if (!passages || !count) return (text) => text;
  const local = localArticlesOf(passages);
  if (!local.docs.length) return (text) => text;
  const homophones = OfficeHomophones.of(local);
  const spoken = spokenPairs();
  const officeKnows = (pair: string) => local.pairShare(pair) > 0 || spoken.has(pair);
  return (text) =>
    homophones.correct(text, (pair) => count(pair) > RARE_PASSAGES || officeKnows(pair), officeKnows, (pair) => count(pair) === 0 && !officeKnows(pair), (typed) => local.share(typed) > 0);
}
