/**
 * CorpusDocument → ArticlePassages (chunks) for the index.
 *
 * - A paragraph is a non-empty line of the body (blank-line-separated or not).
 * - A paragraph up to maxChars is one unit; a longer one is cut into whole sentences
 *   (splitSentences), packed into pieces of similar size ≤ maxChars; a single sentence longer
 *   than maxChars is cut at clause marks outside quotations, and kept whole if even that fails.
 *   Nothing is ever cut inside a number or a quotation.
 * - Consecutive whole paragraphs are merged while the chunk stays ≤ maxChars; a chunk shorter
 *   than minChars takes the next unit even past maxChars. Pieces of a long paragraph are not
 *   merged with other paragraphs. A numbered list (需带：/1.……/5.……) stays with its lead-in up to
 *   twice maxChars, so that a reply can quote all its items.
 * - Heading-like lines (`## 小标题`, or a short line without sentence punctuation such as
 *   "严打犯罪保平安") start a new chunk and are attached to the chunk that follows them, so the
 *   section name helps retrieval without making a useless heading-only hit. A heading with nothing
 *   after it is a chunk of its own. For `#` headings the chunk starts after the `#` marks.
 * - Every chunk's text is a verbatim slice of the decoded file: text === fileText.slice(start, end).
 */
import type { ArticlePassage, CorpusDocument } from "../types.js";
import { NUMBERED_ITEM, splitClauses, splitSentences, type Sentence } from "../text/sentences.js";

export interface ChunkOptions {
  /** Soft upper bound of a chunk, in characters (default 300). */
  maxChars?: number;
  /** Chunks shorter than this take in the next paragraph (default 60). */
  minChars?: number;
}

interface Unit {
  /** Offsets in doc.body. */
  start: number;
  end: number;
  heading: boolean;
  /** A piece of a paragraph that was too long: never merged with other paragraphs. */
  piece: boolean;
}

const MARKDOWN_HEADING = /^(#{1,6})[ \t]+/;
/** Sentence or clause punctuation: a line containing any of these reads as text, not as a heading. */
const TEXT_PUNCTUATION = /[。！？；，、：!?;,:]/;
const HEADING_MAX_CHARS = 20;

export function chunkDocument(doc: CorpusDocument, opts: ChunkOptions = {}): ArticlePassage[] {
  const maxChars = opts.maxChars ?? 300;
  const minChars = Math.min(opts.minChars ?? 60, maxChars);
  const units = paragraphUnits(doc.body, maxChars);

  const chunks: Array<{ start: number; end: number }> = [];
  let current: { start: number; end: number; heading: boolean; piece: boolean } | null = null;
  for (const u of units) {
    if (current) {
      const len = u.end - current.start;
      if (current.heading) {
        // Headings (one or several in a row) go with whatever follows them.
        current.end = u.end;
        current.heading = u.heading;
        current.piece = u.piece;
        continue;
      }
      // A numbered list stays with its lead-in and its other items (需带：/1.……/5.……), up to twice the
      // bound: an excerpt is cut from one chunk, and a list split across two lost its last items.
      const listGoesOn = listContinues(doc.body.slice(current.start, current.end), doc.body.slice(u.start, u.end)) && len <= LIST_MAX_FACTOR * maxChars;
      const joinable = !u.heading && !u.piece && !current.piece && (len <= maxChars || current.end - current.start < minChars || listGoesOn);
      if (joinable) {
        current.end = u.end;
        continue;
      }
      chunks.push(current);
    }
    current = { ...u };
  }
  if (current) chunks.push(current);

  return chunks.map((c, i) => ({
    id: `article:${doc.docId}#${i}`,
    kind: "article",
    text: doc.body.slice(c.start, c.end),
    file: doc.file,
    start: doc.bodyOffset + c.start,
    end: doc.bodyOffset + c.end,
    docId: doc.docId,
    title: doc.title,
    source: doc.source,
    date: doc.date,
    url: doc.url,
    region: doc.region,
    tags: doc.tags,
    chunk: i,
  }));
}

/** How far past maxChars a chunk may grow to keep a numbered list whole. */
const LIST_MAX_FACTOR = 2;

/** Does `next` (a paragraph) go on a numbered list that `chunk` opens (its last line ends in ：) or is in (its last line an item)? */
function listContinues(chunk: string, next: string): boolean {
  const last = chunk.slice(chunk.lastIndexOf("\n") + 1).trim();
  return NUMBERED_ITEM.test(next) && (/[：:]$/.test(last) || NUMBERED_ITEM.test(last));
}

/** Paragraph lines of `body` as units; long paragraphs cut into sentence-aligned pieces. */
function paragraphUnits(body: string, maxChars: number): Unit[] {
  const units: Unit[] = [];
  let lineStart = 0;
  while (lineStart < body.length) {
    let nl = body.indexOf("\n", lineStart);
    if (nl < 0) nl = body.length;
    let s = lineStart;
    let e = nl;
    while (s < e && /\s/.test(body[s])) s++;
    while (e > s && /\s/.test(body[e - 1])) e--;
    lineStart = nl + 1;
    if (s >= e) continue;

    const md = MARKDOWN_HEADING.exec(body.slice(s, e));
    if (md) {
      if (s + md[0].length < e) units.push({ start: s + md[0].length, end: e, heading: true, piece: false });
      continue;
    }
    const line = body.slice(s, e);
    if (line.length <= HEADING_MAX_CHARS && !TEXT_PUNCTUATION.test(line)) {
      units.push({ start: s, end: e, heading: true, piece: false });
    } else if (e - s <= maxChars) {
      units.push({ start: s, end: e, heading: false, piece: false });
    } else {
      for (const [ps, pe] of pack(sentencesWithin(line, s, maxChars), maxChars)) {
        units.push({ start: ps, end: pe, heading: false, piece: true });
      }
    }
  }
  return units;
}

/** Sentences of a line (offset `base`), over-long ones cut further at clause marks. */
function sentencesWithin(line: string, base: number, maxChars: number): Sentence[] {
  const out: Sentence[] = [];
  for (const s of splitSentences(line, base)) {
    if (s.end - s.start <= maxChars) out.push(s);
    else out.push(...splitClauses(s.text, s.start));
  }
  return out;
}

/**
 * Packs consecutive sentences into ranges. The target size is the paragraph length divided evenly
 * (so a 320-character paragraph gives two pieces of ~160, not 300 + 20); no range exceeds maxChars
 * unless a single sentence does.
 */
function pack(sentences: Sentence[], maxChars: number): Array<[number, number]> {
  if (sentences.length === 0) return [];
  const total = sentences[sentences.length - 1].end - sentences[0].start;
  const target = Math.min(maxChars, Math.ceil(total / Math.ceil(total / maxChars)));
  const out: Array<[number, number]> = [];
  let start = sentences[0].start;
  let end = sentences[0].end;
  for (const s of sentences.slice(1)) {
    const grown = s.end - start;
    if (grown <= maxChars && (end - start < target || grown <= target)) {
      end = s.end;
    } else {
      out.push([start, end]);
      start = s.start;
      end = s.end;
    }
  }
  out.push([start, end]);
  return out;
}
