/**
 * Is the office's article on the matter of the law that answers? After the law's answer to a rule, a
 * local article is worth quoting only when it is about the same thing: a report on 酒驾 after a
 * question on driving without a licence, or the 两卡 report's hotline after a question on a leaked
 * phone number, is noise the citizen has to read past (and forwards to the next group). And an article
 * that answers a fact question off the law's matter is likely the wrong one: the law joins it.
 *
 * The article's matter is read in the law's own terms: the law passages its title and opening
 * sentences find (its signature). It is on the question's matter when that signature shares an
 * article with the question's law hits, or when the article holds most of the question's own words
 * (a report on 上头电子烟 whose title finds no law of its own).
 */
import { lawArticleKey } from "../retrieval/law-aliases.js";
import type { Hit, Searcher } from "../types.js";
import type { LocalDoc } from "./local-articles.js";
import { coverageOf, type TermMatcher } from "./term-weights.js";

/** Law passages an article's signature holds, and the question's law hits it is compared with. */
const SIGNATURE_HITS = 10;
/** The title and this many sentences of the article's opening (its first sentence is usually the title). */
const OPENING_SENTENCES = 3;
/**
 * Share of the question's weighted words an article holds to join without a shared law article.
 * On 134 law-first replies of the policing sets with a local part, each read and marked on or off
 * the question's matter (src/bench/data/local/law-first-local-parts.tsv), 52 were off it. In the
 * engine, 31 remain and 78 of the 82 on it are kept (answer table unchanged). Measured on the first
 * local article alone, before the engine: 0.3 kept 27 off and 79 on, 0.4 23 and 78, 0.5 23 and 76.
 */
const ON_MATTER_WORDS = 0.4;

/** Signatures per index: a new index (an article replaced, the library reloaded) starts afresh. */
const signatures = new WeakMap<Searcher, Map<string, Set<string>>>();

function keyOf(hit: Hit): string | null {
  return hit.passage.kind === "law" ? lawArticleKey(hit.passage.lawShort, hit.passage.articleNo) : null;
}

/** The law articles an office article's title and opening find (cached per index and article). */
export async function lawSignature(searcher: Searcher, doc: LocalDoc): Promise<Set<string>> {
  let byDoc = signatures.get(searcher);
  if (!byDoc) signatures.set(searcher, (byDoc = new Map()));
  const known = byDoc.get(doc.docId);
  if (known) return known;
  const opening = `${doc.title} ${doc.sentences.slice(0, OPENING_SENTENCES).join("")}`;
  const hits = await searcher.search(opening, { k: SIGNATURE_HITS, kinds: ["law"] });
  const signature = new Set(hits.map(keyOf).filter((k): k is string => !!k));
  byDoc.set(doc.docId, signature);
  return signature;
}

/** Pure: is an article with this signature and word coverage on the matter of these law hits? */
export function onLawsMatter(signature: ReadonlySet<string>, wordCoverage: number, lawHits: readonly Hit[]): boolean {
  if (wordCoverage >= ON_MATTER_WORDS) return true;
  return lawHits.slice(0, SIGNATURE_HITS).some((h) => {
    const key = keyOf(h);
    return !!key && signature.has(key);
  });
}

/** Does any of the local answer's articles stand on the matter of the law's hits? */
export async function localOnLawsMatter(searcher: Searcher, docs: readonly LocalDoc[], terms: TermMatcher, lawHits: readonly Hit[]): Promise<boolean> {
  for (const doc of docs) {
    if (onLawsMatter(await lawSignature(searcher, doc), coverageOf(terms, doc.haystack), lawHits)) return true;
  }
  return false;
}
