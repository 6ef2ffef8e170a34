/**
 * What text of a passage each part of the index reads: BM25's three fields, and the one text an
 * embedder (local LSA or the endpoint) turns into the passage's vector. Build, incremental update and
 * the endpoint's vectors all take it from here, so a passage is embedded the same way everywhere.
 */
import type { Passage } from "../types.js";

/** The BM25 fields of a passage: text without its 第X条 label, headings (or article title), law title. */
export function passageFields(p: Passage): [string, string, string] {
  if (p.kind === "law") {
    const body = p.text.startsWith(p.article) ? p.text.slice(p.article.length) : p.text;
    return [body, p.headings.join(" "), p.lawShort];
  }
  return [p.text, p.title, p.source ?? ""];
}

/** The text a passage is embedded from: its text and its headings (or article title), one line apart. */
export function embeddingText(p: Passage): string {
  const [text, headings] = passageFields(p);
  return `${text}\n${headings}`;
}
