/**
 * The law an office article itself cites for its case (根据《中华人民共和国刑法》第一百五十六条的规定，与走私罪犯
 * 通谋……以走私罪的共犯论处). Asked the law on that case (背烟……法律上算唔算走私), the office has already said
 * which article it rests on: that article leads the law's part, whatever the question's colloquial words
 * reach among 64,000 statutes. A law named without an article (根据《中华人民共和国治安管理处罚法》等法律法规)
 * names nothing to quote.
 */
import type { CitationIndex } from "../retrieval/citation-lookup.js";
import type { Hit, LawPassage, Searcher } from "../types.js";
import type { LocalDoc } from "./local-articles.js";
import { coverage } from "./relevance.js";
import type { TermMatcher } from "./term-weights.js";

/** The searcher's index of the library's articles by law and number, where it keeps one. */
function citationsOf(searcher: Searcher): CitationIndex | null {
  const c = (searcher as { citations?: CitationIndex }).citations;
  return c && typeof c.lookup === "function" ? c : null;
}

/**
 * The library's articles the office's chosen articles cite by law and number, in order of citation,
 * each holding some of the question's words (an article cited for another point of the report is no answer).
 */
export function lawsCitedBy(docs: readonly LocalDoc[], searcher: Searcher, terms: TermMatcher): Hit[] {
  const citations = citationsOf(searcher);
  if (!citations) return [];
  const seen = new Set<string>();
  const hits: Hit[] = [];
  for (const doc of docs) {
    for (const passage of citedIn(doc, citations)) {
      if (seen.has(passage.id) || coverage(terms, passage) <= 0) continue;
      seen.add(passage.id);
      hits.push({ passage, score: 0, rank: hits.length + 1 });
    }
  }
  return hits;
}

/** The library's articles one office article cites, read once per article (the articles are built once per index). */
const cited = new WeakMap<LocalDoc, LawPassage[]>();
function citedIn(doc: LocalDoc, citations: CitationIndex): LawPassage[] {
  let out = cited.get(doc);
  if (!out) {
    out = citations.lookup(doc.chunks.map((c) => c.text).join("\n")).flatMap((r) => (r.passage ? [r.passage] : []));
    cited.set(doc, out);
  }
  return out;
}

/**
 * The law's hits with the office's cited articles first (scored as the first hit, so the part quotes them): the
 * office has said which law its case rests on. Only the part's order; whether the law answers at all was judged on
 * the search's hits.
 */
export function ledByOfficeCited(hits: readonly Hit[], officeCited: readonly Hit[]): Hit[] {
  if (!officeCited.length) return [...hits];
  const ids = new Set(officeCited.map((h) => h.passage.id));
  const lead = hits[0]?.score ?? 0;
  return [...officeCited.map((h) => ({ ...h, score: lead })), ...hits.filter((h) => !ids.has(h.passage.id))];
}

/**
 * Is the question about the report's own case: does it name the report's town (山根那啲后生仔帮人背烟) or point at a
 * case told (那宗, 嗰啲)? A general question (路上出了车祸第一步该干嘛) is not, whatever notice answered it beside the law.
 */
export function asksOfItsCase(question: string, doc: LocalDoc): boolean {
  const town = (doc.region ?? "").replace(/(镇|市|县|区|乡)$/, "");
  return (town.length >= 2 && question.includes(town)) || POINTED.test(question);
}
const POINTED = /(那|嗰)(个|宗|单|起|件|次|伙|帮|啲|些|几个|两个|几名|对)/;
