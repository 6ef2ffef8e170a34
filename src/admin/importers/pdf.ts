/**
 * .pdf: the text layer via unpdf (pdfjs). PDFs without embedded CJK fonts need pdfjs's cMaps,
 * resolved from the installed pdfjs-dist (unpdf ships none). Scanned PDFs have no text layer:
 * they come out empty and the caller refuses them.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { joinParagraphs, looksLikeTitle, takeHeadMeta, titleFromFilename } from "./common.js";
import { normalizeDate } from "../../text/dates.js";
import type { ImportedArticle } from "./types.js";

let cMapUrl: string | null = null;
function cMaps(): string {
  cMapUrl ??= path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")) + "/cmaps/";
  return cMapUrl;
}

export async function importPdf(bytes: Uint8Array, filename: string): Promise<ImportedArticle> {
  // pdfjs may transfer (detach) the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { cMapUrl: cMaps(), cMapPacked: true });
  let text: string;
  try {
    text = (await extractText(pdf, { mergePages: true })).text;
  } finally {
    await pdf.destroy();
  }
  const paragraphs = joinBrokenLines(text.split(/\r?\n/));
  const title = paragraphs.length > 1 && looksLikeTitle(paragraphs[0]) ? paragraphs.shift()! : titleFromFilename(filename);
  // A bare date line under the title (公告/提示 layout) is the date, not content.
  let bareDate: string | null = null;
  if (paragraphs.length > 1 && /^\s*\d{4}\s*[年/.-]\s*\d{1,2}\s*[月/.-]\s*\d{1,2}\s*日?\s*$/.test(paragraphs[0])) {
    bareDate = normalizeDate(paragraphs.shift()!);
  }
  const { meta, paragraphs: rest } = takeHeadMeta(paragraphs);
  return {
    title,
    source: meta.source,
    date: meta.date ?? bareDate,
    url: null,
    authors: meta.authors,
    body: joinParagraphs(rest),
    format: "pdf",
  };
}

/** Display width: CJK and full-width characters count 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/**
 * PDF lines end where the page ends, not where the sentence does. A line is continued by the
 * next one when it is (nearly) as wide as the page's full lines and ends mid-sentence; short lines
 * (titles, dates, paragraph ends) stand alone.
 */
export function joinBrokenLines(rawLines: string[]): string[] {
  // A blank line or an indented next line (首行缩进) always starts a new paragraph.
  const lines: { text: string; startsParagraph: boolean }[] = [];
  let blankBefore = true;
  for (const raw of rawLines) {
    const text = raw.trim();
    if (!text) {
      blankBefore = true;
      continue;
    }
    lines.push({ text, startsParagraph: blankBefore || /^[ \t\u3000]{2,}|^\u3000/.test(raw) });
    blankBefore = false;
  }
  const widths = lines.map((l) => width(l.text)).sort((a, b) => a - b);
  const full = widths.length ? widths[Math.floor((widths.length - 1) * 0.9)] : 0;
  const out: string[] = [];
  let current = "";
  lines.forEach(({ text }, i) => {
    current = current ? joinPair(current, text) : text;
    const next = lines[i + 1];
    const continues =
      next !== undefined && !next.startsParagraph && width(text) >= full * 0.85 && !/[。！？!?；;”」』)）]$/.test(text);
    if (!continues) {
      out.push(current);
      current = "";
    }
  });
  return out;
}

/** Latin words broken across lines get a space back; CJK text is joined directly. */
function joinPair(a: string, b: string): string {
  return /[A-Za-z0-9,.]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
