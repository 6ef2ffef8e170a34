/**
 * Finds "law + article number" mentions in a piece of text: 《中华人民共和国刑法》第一百三十三条之一,
 * 刑法第133条之一, 道路交通安全法第九十一条, or a bare 第X条 whose law is named earlier in the text.
 * Used both on model replies (what is claimed) and on excerpts (what a news excerpt itself cites).
 */
import { ARTICLE_PATTERN, articleKey, parseArticleNo } from "../text/numerals.js";
import { mentionedLawKey } from "../retrieval/law-aliases.js";

export interface ArticleMention {
  /** Normalized law name (mentionedLawKey in src/retrieval/law-aliases.ts: the searcher's lawNameKey, version note dropped), or null when the text names no law for it. */
  law: string | null;
  /** articleKey(): "133-1" */
  key: string;
  /** The words as written: 刑法第133条之一 */
  raw: string;
}

/** Generic shape of a law's name written without 《》: ends like a law, regulation or interpretation does. */
const BARE_LAW_TAIL = /([\u4e00-\u9fa5（）()]{1,40}?(?:法典|法|条例|规定|办法|细则|解释|决定|规则))\s*$/;
/** "this law / the said law": refers to a law named before it (or, in an excerpt, to the excerpt's own law). */
const SELF_REFERENCE = /(?:本|该|此|上述|同)(?:法|条例|规定|办法|解释)\s*$/;


/**
 * Article mentions in order. `knownLaws` (normalized names) help read a bare name: in
 * "根据刑法第133条" the generic tail would be "根据刑法", so the longest known name it ends with wins.
 * `selfLaw` is what 本法 means (an excerpt's own law); in a reply 本法 falls back to the last named law.
 */
export function findArticleMentions(text: string, knownLaws: Iterable<string> = [], selfLaw: string | null = null): ArticleMention[] {
  const known = [...new Set(knownLaws)].filter(Boolean).sort((a, b) => b.length - a.length);
  const out: ArticleMention[] = [];
  for (const m of text.matchAll(new RegExp(ARTICLE_PATTERN.source, "g"))) {
    const no = parseArticleNo(m[0]);
    if (!no) continue;
    const before = text.slice(0, m.index);
    const named = lawNamedAt(before, known);
    let law: string | null;
    if (named) law = named;
    else if (SELF_REFERENCE.test(before)) law = selfLaw ?? lastNameIn(before, known);
    else law = lastNameIn(before, known) ?? selfLaw;
    out.push({ law, key: articleKey(no), raw: `${named ? nameText(before) : ""}${m[0]}` });
  }
  return out;
}

/** The law named immediately before an article number, if any. */
function lawNamedAt(before: string, known: string[]): string | null {
  const book = /《([^《》]{1,80})》\s*$/.exec(before);
  if (book) return mentionedLawKey(book[1]);
  const bare = BARE_LAW_TAIL.exec(before);
  if (!bare) return null;
  if (SELF_REFERENCE.test(before)) return null;
  const tail = mentionedLawKey(bare[1]);
  return known.find((k) => tail.endsWith(k)) ?? tail;
}

/** The name as written, for messages; a long bare tail ("醉驾的依照刑法") is cut to its last characters. */
function nameText(before: string): string {
  const t = (/《[^《》]{1,80}》\s*$/.exec(before) ?? BARE_LAW_TAIL.exec(before))?.[0].trim() ?? "";
  return t.length > 16 ? t.slice(-16) : t;
}

/** The last law named anywhere in a stretch of text (《…》 or a known bare name). */
export function lastNameIn(text: string, known: string[]): string | null {
  let best: { at: number; law: string } | null = null;
  for (const m of text.matchAll(/《([^《》]{1,80})》/g)) {
    if (!best || m.index >= best.at) best = { at: m.index, law: mentionedLawKey(m[1]) };
  }
  for (const k of known) {
    const at = text.lastIndexOf(k);
    if (at >= 0 && (!best || at > best.at)) best = { at, law: k };
  }
  return best?.law ?? null;
}

/** Law names mentioned in a text: every 《…》 plus the known bare names. */
export function lawNamesIn(text: string, known: Iterable<string>): string[] {
  const found = [...text.matchAll(/《([^《》]{1,80})》/g)].map((m) => mentionedLawKey(m[1]));
  for (const k of known) if (k && text.includes(k)) found.push(k);
  return [...new Set(found)];
}
