/**
 * The full text behind a citation, for the page's "expand": the law article, or the whole corpus
 * article the excerpt came from, with the excerpt's place in it. Looked up by passage id in the
 * served index, never by a path from the request, so no request can read another file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeText } from "../../ingestion/decode.js";
import type { Passage } from "../../types.js";

export interface SourceView {
  kind: Passage["kind"];
  title: string;
  article: string | null;
  source: string | null;
  date: string | null;
  url: string | null;
  text: string;
  /** The excerpt's offsets in `text`, or null when the requested range is not inside it. */
  highlight: [number, number] | null;
}

const byIdCache = new WeakMap<readonly Passage[], Map<string, Passage>>();

function passageById(passages: readonly Passage[], id: string): Passage | undefined {
  let map = byIdCache.get(passages);
  if (!map) {
    map = new Map(passages.map((p) => [p.id, p]));
    byIdCache.set(passages, map);
  }
  return map.get(id);
}

/** `start`/`end`: the citation's offsets in the source file. */
export function sourceView(passages: readonly Passage[], corpusDirs: readonly string[], id: string, start: number, end: number): SourceView | null {
  const p = passageById(passages, id);
  if (!p) return null;
  let text = p.text;
  let offset = p.start;
  if (p.kind === "article") {
    // The whole article: from its first chunk to its last, read from the file the index was built from.
    const chunks = passages.filter((q) => q.kind === "article" && q.docId === p.docId && q.file === p.file);
    const from = Math.min(...chunks.map((q) => q.start));
    const to = Math.max(...chunks.map((q) => q.end));
    const file = corpusDirs.map((d) => path.join(d, p.file)).find((f) => tryRead(f) !== null);
    const whole = file ? tryRead(file) : null;
    if (whole && whole.length >= to) {
      text = whole.slice(from, to);
      offset = from;
    }
  }
  const inside = Number.isInteger(start) && Number.isInteger(end) && start >= offset && end <= offset + text.length && start < end;
  return {
    kind: p.kind,
    title: p.kind === "law" ? p.lawTitle : p.title,
    article: p.kind === "law" ? p.article : null,
    source: p.kind === "article" ? p.source : null,
    date: p.kind === "law" ? p.version : p.date,
    url: p.kind === "article" ? p.url : null,
    text,
    highlight: inside ? [start - offset, end - offset] : null,
  };
}

function tryRead(file: string): string | null {
  try {
    return decodeText(readFileSync(file)).text;
  } catch {
    return null;
  }
}
