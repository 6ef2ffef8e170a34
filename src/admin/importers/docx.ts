/** .docx via mammoth's raw text (paragraphs come out separated by blank lines). */
import mammoth from "mammoth";
import { joinParagraphs, looksLikeTitle, takeHeadMeta, titleFromFilename } from "./common.js";
import type { ImportedArticle } from "./types.js";

export async function importDocx(bytes: Uint8Array, filename: string): Promise<ImportedArticle> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  const paragraphs = value.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const title = paragraphs.length > 1 && looksLikeTitle(paragraphs[0]) ? paragraphs.shift()! : titleFromFilename(filename);
  const { meta, paragraphs: rest } = takeHeadMeta(paragraphs);
  return {
    title,
    source: meta.source,
    date: meta.date,
    url: null,
    authors: meta.authors,
    body: joinParagraphs(rest),
    format: "docx",
  };
}
