/**
 * Time in a question, resolved against today's date (injected, so tests fix it): 今年, 去年, 前年,
 * 21年, 2021年 name a year; 现在, 最近, 目前, 最新, 还 ask for what holds now; 上次 for the most recent
 * past one. And supersession among the office's articles: a newer article on the same matter wins,
 * and a 更正, 撤销 or 延期 wins over what it corrects.
 */
import { normalize } from "../text/tokenize.js";
import { cjkPairsOf, type LocalDoc } from "./local-articles.js";
import { clauseAsks, clausesOf } from "./question-type.js";

export interface TimeScope {
  /** A year the question names, resolved. */
  year: number | null;
  /** The question wants what holds now (or the latest occurrence). */
  latest: boolean;
}

/** 今年, 去年 (旧年, 上年), 前年, or a year by number (2024年, 21年; not 年龄, 年纪). */
const YEAR_WORD = /(今年|本年)|(去年|旧年|上年(?!纪))|(前年)|(?<![0-9])((?:19|20)?[0-9]{2})\s*年(?!龄|纪|级|轻|代)/g;

export function timeScope(question: string, today: Date): TimeScope {
  const now = today.getFullYear();
  // The last year named: a date misremembered is corrected later in the message (他说是去年八月，我查了下应该是2024年).
  // A year in a clause that asks is the one asked, before a year in a clause that only tells
  // (今年暑假还有警察守着没有 前年看到有人在那巡的: 前年 is a memory).
  let year: number | null = null;
  let at = -1;
  let asked = false;
  let offset = 0;
  // Only a message naming two years needs its clauses read (timeScope runs on every word of a question too).
  const two = (question.match(YEAR_WORD)?.length ?? 0) > 1;
  for (const clause of two ? clausesOf(question) : [question]) {
    const start = two ? question.indexOf(clause, offset) : 0;
    offset = start < 0 ? offset : start + clause.length;
    const asking = two && clauseAsks(clause);
    for (const m of clause.matchAll(YEAR_WORD)) {
      const named = m[1] ? now : m[2] ? now - 1 : m[3] ? now - 2 : m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
      if (named < 1990 || named > now + 1 || (asked && !asking)) continue;
      year = named;
      at = Math.max(start, 0) + m.index!;
      asked ||= asking;
    }
  }
  // 前年给老大上户口的时候要带结婚证，现在给老二上户口还要带吗: a past year sets the scene, the ask is of now.
  if (year !== null && year < now && NOW_AFTER.test(question.slice(at))) return { year: null, latest: true };
  // 逆行现在罚几多 去年不是30咩: the ask is of now; the past year, in a clause of its own, is what the asker remembers.
  if (year !== null && year < now && nowAskedElsewhere(question, at)) return { year: null, latest: true };
  // 过咗期仲得唔得: whether a deadline missed still allows it, not what holds now.
  const asking = question.replace(PAST_DEADLINE_STILL, " ");
  const latest = year === null && (/现在|最近|目前|最新|如今|眼下|这阵|上次|上回|今后|还(要|能|用|需|在|是)|仲(要|能|用|系|喺|有|可|得|使|在|是)/.test(asking) || CHANGE_ASKED.test(question));
  return { year, latest };
}

/** 过了期还能……, 过咗期仲得: the "still" of a deadline missed. */
const PAST_DEADLINE_STILL = /(过|超)(了|咗)?(期|时间|日子|时限)[^，。？?\s]{0,3}(还|仲)/g;

/** Whether it has changed (时间改了没, 号码换咗未, 有冇调整): asked of what holds now. Not 能在这边换吗, a renewal asked. */
const CHANGE_ASKED = /(改|变|换|调整)(了|咗|过)(没|冇|未|吗|咩|没有)|(改|变|换|调整)(没|冇|未)有?|有(没有|冇|无)(改|变|换|调整)/;

/** An asking clause of now (现在罚几多) that is not the clause naming the past year at `at`. */
function nowAskedElsewhere(question: string, at: number): boolean {
  let offset = 0;
  for (const clause of clausesOf(question)) {
    const start = question.indexOf(clause, offset);
    offset = start < 0 ? offset : start + clause.length;
    const holdsYear = start >= 0 && at >= start && at < start + clause.length;
    if (!holdsYear && NOW_WORD.test(clause) && clauseAsks(clause)) return true;
  }
  return false;
}
const NOW_WORD = /现在|而家|宜家|如今|目前/;

/** A later clause asking of now (，现在……, 而家仲……). */
const NOW_AFTER = /[，,。？?！!\s][^，,。？?！!]*(现在|而家|宜家|如今|目前)/;

const yearOf = (d: LocalDoc) => (d.date ? Number(d.date.slice(0, 4)) : null);

/**
 * Does the article speak of that year: dated in it, or opening a sentence that tells the fact asked with
 * the year before its own (去年整治期间，全市共查处……2316起, in an article of 2026). Not a year named in
 * passing (比去年延长一周; 2025年，……今年继续招募80名 reports this year's too).
 */
export function speaksOf(doc: LocalDoc, year: number, tells: (sentence: string) => boolean = () => false): boolean {
  const own = yearOf(doc);
  // 2025年春节烟花爆竹零售点申请办理指南, issued in November 2024, is of the 2025 season.
  if (own === year || doc.title.includes(`${year}年`)) return true;
  const relative = own === year + 1 ? /(^|\s)([一二三四五六七八九十]+、)?去年/ : own === year + 2 ? /(^|\s)([一二三四五六七八九十]+、)?前年/ : null;
  return !!relative && doc.sentences.some((s) => relative.test(s) && tells(s));
}

/** Keeps the articles of the named year (dated in it or reporting on it), when any match. */
export function inYear<T extends { doc: LocalDoc }>(matches: T[], year: number | null, tells?: (sentence: string) => boolean): T[] {
  if (year === null) return matches;
  const kept = matches.filter((m) => speaksOf(m.doc, year, tells));
  return kept.length ? kept : matches;
}

export const CORRECTION = /更正|撤销|撤回|延期|延长|推迟|取消|变更|调整/;

/** In a correction, the sentence that states the new value (延长至……, 更正为……, 搬迁至……, 年龄应为38岁, 推迟举行, 撤销……临时交通管制, 现决定撤销该悬赏通告). */
const MOVED = /(延长|推迟|延期|顺延|调整|更正|变更|改|搬迁|迁|搬)(至|到|为)|改在|应为|推迟举行|(予以|决定|现予?|即日起)撤销|不再(实行|举行|办理|给予)|取消|撤销[^，。；]{0,30}(管制|措施|限制)|恢复(正常)?通行/;
/** A figure raised or lowered (奖励标准由最高1000元提高到最高3000元, 罚款下调为200元). */
export const RAISED = /(提高|降低|上调|下调|增加|减少|缩短|放宽)(至|到|为)/;
export const CHANGED = new RegExp(`${MOVED.source}|${RAISED.source}`);
/** Does the sentence state a change only by raising or lowering a figure (no move, postponement or repeal)? */
export const onlyRaised = (sentence: string): boolean => RAISED.test(sentence) && !MOVED.test(sentence);

/**
 * Pairs of characters two titles share, joined where they run on in both (季学 + 学期 → 季学期): the words they share. Pure.
 */
export function runsOf(pairs: readonly string[], a: string, b: string): string[] {
  const left = new Set(pairs);
  const words: string[] = [];
  for (const start of pairs) {
    if (!left.has(start)) continue;
    left.delete(start);
    let word = start;
    for (let grown = true; grown; ) {
      grown = false;
      for (const p of left) {
        const longer = word.endsWith(p[0]) ? word + p[1] : word.startsWith(p[1]) ? p[0] + word : null;
        if (longer && a.includes(longer) && b.includes(longer)) {
          word = longer;
          left.delete(p);
          grown = true;
        }
      }
    }
    words.push(word);
  }
  return words;
}

/** Share of the shorter title's bigrams the other title has: "the same matter". */
export function titleOverlap(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.replace(/[\s\p{P}0-9]/gu, "");
    const out = new Set<string>();
    for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  if (!ga.size || !gb.size) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / Math.min(ga.size, gb.size);
}

export const newer = (a: LocalDoc, b: LocalDoc) => (a.date ?? "") > (b.date ?? "");

/**
 * An article dated after `doc` on the same matter that corrects, withdraws or postpones it (its
 * title says so), or null.
 */
export function correctionOf(doc: LocalDoc, docs: readonly LocalDoc[]): LocalDoc | null {
  // A notice titled as a change (调整限速并增设测速设备) is itself corrected only by one naming it by its title.
  const changeTitled = CORRECTION.test(doc.title);
  const found = docs
    .filter((d) => d !== doc && newer(d, doc) && ((CORRECTION.test(d.title) && (changeTitled ? mentions(d, doc) : corrects(d, doc))) || prevails(d, doc)))
    .sort((a, b) => ((b.date ?? "") > (a.date ?? "") ? 1 : -1));
  return found[0] ?? null;
}

/** The older article a correction corrects, or null. */
export function correctedBy(correction: LocalDoc, docs: readonly LocalDoc[]): LocalDoc | null {
  if (!CORRECTION.test(correction.title)) return docs.find((d) => prevails(correction, d)) ?? null;
  const found = docs
    .filter((d) => d !== correction && newer(correction, d) && (CORRECTION.test(d.title) ? mentions(correction, d) : corrects(correction, d)))
    .sort((a, b) => Number(mentions(correction, b)) - Number(mentions(correction, a)) || titleOverlap(b.title, correction.title) - titleOverlap(a.title, correction.title) || ((b.date ?? "") > (a.date ?? "") ? 1 : -1));
  return found[0] ?? null;
}

/**
 * A newer article titled for its own news (新生儿落户不用再跑派出所！……) that names an older one by its title and
 * says it prevails where they differ (《……办事指南》中与本通知不一致的，以本通知为准) corrects it as a 调整 notice would.
 */
export function prevails(by: LocalDoc, doc: LocalDoc): boolean {
  const t = citedFormOf(doc);
  if (t.length < 8 || by === doc || !newer(by, doc)) return false;
  const at = by.haystack.indexOf(`《${t}》`);
  if (at < 0) return false;
  // The rest of the sentence that cites it.
  const end = by.haystack.indexOf("。", at);
  return PREVAILS.test(by.haystack.slice(at, end < 0 ? undefined : end + 1));
}
const PREVAILS = /以本(通知|通告|公告|规定|指南|办法)为准|(不再|停止)执行|作如下(调整|修改|变更)/;

/** The correction names the matter of the other article (its title, or most of it). */
function corrects(correction: LocalDoc, doc: LocalDoc): boolean {
  if (mentions(correction, doc)) return true;
  // Another town's notice on the same matter changes nothing here: 兴隆's new registration rules are not 东澳's.
  if (!sameArea(correction.region, doc.region)) return false;
  // Naming the notice's title (the issuer's name aside: 万宁市公安局交通警察大队 is in all its papers).
  const named = citedFormOf(doc).slice(0, 12);
  return sameMatter(correction, doc) || (named.length >= 8 && correction.haystack.includes(named)) || (citesDayOf(correction, doc) && sameMatter(correction, doc, CITED_DAY_OVERLAP));
}

/** Beside the day cited, a pair of the titles in common (认领) makes one matter: the day, in one area, is the surer sign. */
const CITED_DAY_OVERLAP = 0.1;

/** Does the correction name the day the other was published (我所3月17日发布……公告以来)? */
function citesDayOf(correction: LocalDoc, doc: LocalDoc): boolean {
  const m = /^\d{4}-(\d{2})-(\d{2})/.exec(doc.date ?? "");
  if (!m) return false;
  const day = `${Number(m[1])}月${Number(m[2])}日`;
  return new RegExp(`(?<![0-9])${day}(发布|印发|公布|发出|刊发|推送)`).test(correction.haystack);
}

/**
 * Two titles on one matter (`overlap` of their bigrams) once the issuer (万宁市公安局交通警察大队关于), the
 * kind of paper, a correction's word and the year are set aside, or naming the same person (寻人协查通报：……王某良走失 and 走失老人王某良已找到: one case).
 */
export function sameMatter(a: LocalDoc, b: LocalDoc, overlap = 0.5): boolean {
  return titleOverlap(bareTitle(a.title), bareTitle(b.title)) >= overlap || sharesPerson(a.title, b.title);
}

/**
 * The character pairs of a title's matter (bareTitle) outside the place names given, longest first
 * (LocalArticles.places): 万宁警方通报太阳河电鱼专项整治情况 → 太阳, 阳河, 电鱼 …; 龙滚派出所拾得物品招领通告
 * → 派出, 出所, 拾得 … (not 龙滚).
 */
export function matterPairs(title: string, places: readonly string[]): string[] {
  return cjkPairsOf(matterOf(title, places));
}

/** A title's matter (bareTitle) with the place names given blanked out. */
export function matterOf(title: string, places: readonly string[]): string {
  return places.reduce((t, place) => t.replaceAll(place, " "), bareTitle(title));
}

/**
 * Does `doc` name a title's matter (matterOf) in its text: two runs of four characters of it (a window's
 * move notice writes 二手车过户、临时号牌 of the guide titled 二手车过户、机动车临时号牌办理指南; one run,
 * 户口迁入, is in every article on 户口)?
 */
export function namesMatter(doc: LocalDoc, matter: string): boolean {
  let runs = 0;
  for (let i = 0; i + MATTER_RUN <= matter.length; i++) {
    const run = matter.slice(i, i + MATTER_RUN);
    if (!/^\p{Script=Han}+$/u.test(run) || !doc.haystack.includes(run)) continue;
    if (++runs >= 2) return true;
    i += MATTER_RUN - 1;
  }
  return false;
}
const MATTER_RUN = 4;

/** A person a report names the way police reports do (王某良, 陈某海), in both titles. */
function sharesPerson(a: string, b: string): boolean {
  return [...a.matchAll(PERSON)].some((m) => b.includes(m[0]));
}
const PERSON = /(?![在于到从对向和与一])[\p{Script=Han}]某(?!某)[\p{Script=Han}]/gu;

/** A title's matter: without the issuer, the kind of paper (万宁市公安局关于……的通告: every notice shares those), a correction's word or a year. */
function bareTitle(title: string): string {
  return citedTitle(title)
    .replace(CORRECTION, "")
    .replace(/(19|20)\d{2}年度?/g, "")
    .replace(/^关于(开展)?|(的)?(通告|通知|公告|通报|说明|补充公告)$|的$|[“”"《》（）()]/g, "");
}

/** One region within the other (万宁市 holds 万宁市和乐镇), or either unknown. */
export function sameArea(a: string | null, b: string | null): boolean {
  return !a || !b || a.startsWith(b) || b.startsWith(a);
}

/** A title without the issuer before 关于 ("万宁市公安局关于开展……的通告" → "关于开展……的通告"): how other notices cite it. */
function citedTitle(title: string): string {
  const at = title.indexOf("关于");
  return at > 0 ? title.slice(at) : title;
}

/** The title as another article's text cites it, read as that text is (normalized: half-width ？ ！ ： （）). */
function citedForm(title: string): string {
  return normalize(citedTitle(title));
}
/** An article's cited form, read once per article: every pair of articles compared asks it again. */
const citedForms = new WeakMap<LocalDoc, string>();
function citedFormOf(doc: LocalDoc): string {
  let t = citedForms.get(doc);
  if (t === undefined) citedForms.set(doc, (t = citedForm(doc.title)));
  return t;
}

/** Does `by` cite `doc` by its title (with or without the issuer)? */
export function mentions(by: LocalDoc, doc: LocalDoc): boolean {
  const t = citedFormOf(doc);
  return t.length >= 8 && by !== doc && by.haystack.includes(t);
}

const REPEAL = /《([^》\n]{6,80})》[^。；\n]{0,6}?(?:同时|予以|即行|一并)?(?:废止|停止执行|不再执行|失效)/g;
/** A repeal by year (2025年度通告同时废止): the same matter's notice of that year, in the same area. */
const YEAR_REPEAL = /((?:19|20)\d{2})年度?的?(?:原|同类)?(?:通告|通知|公告)[^。；\n]{0,6}?(?:同时|予以|即行|一并)?(?:废止|停止执行|不再执行|失效)/g;
const repealCache = new WeakMap<readonly LocalDoc[], Map<LocalDoc, LocalDoc>>();

/**
 * A newer article that repeals `doc` by name ("……《关于开展……的通告》同时废止") or by year on its
 * matter ("2025年度通告同时废止"), or null. The articles' repeals are read once per article list (an
 * index generation).
 */
export function repealedBy(doc: LocalDoc, docs: readonly LocalDoc[]): LocalDoc | null {
  let repealed = repealCache.get(docs);
  if (!repealed) {
    repealed = new Map();
    const byTitle = new Map<string, LocalDoc[]>();
    for (const d of docs) byTitle.set(citedFormOf(d), [...(byTitle.get(citedFormOf(d)) ?? []), d]);
    for (const d of docs) {
      for (const m of d.haystack.matchAll(REPEAL)) {
        for (const old of byTitle.get(citedForm(m[1])) ?? []) if (old !== d && newer(d, old)) repealed.set(old, d);
      }
      for (const m of d.haystack.matchAll(YEAR_REPEAL)) {
        for (const old of docs) {
          const ofThatYear = !!old.date?.startsWith(m[1]) || old.title.includes(m[1]);
          if (old !== d && newer(d, old) && ofThatYear && sameArea(d.region, old.region) && sameMatter(d, old)) repealed.set(old, d);
        }
      }
    }
    repealCache.set(docs, repealed);
  }
  return repealed.get(doc) ?? null;
}
