/**
 * .txt: UTF-8 or GBK/GB18030 (decodeText), usually text copied from a web page, so it goes
 * through cleanCapturedPage (site header/footer, 责任编辑 lines, 来源/发布时间 line).
 */
import { cleanCapturedPage } from "../../ingestion/clean-page.js";
import { decodeText } from "../../ingestion/decode.js";
import { isBoilerplateLine, joinParagraphs, splitLines, titleFromFilename } from "./common.js";
import { normalizeDate } from "../../text/dates.js";
import type { ImportedArticle } from "./types.js";

export async function importText(bytes: Uint8Array, filename: string): Promise<ImportedArticle> {
  const { text } = decodeText(bytes);
  const page = cleanCapturedPage(text);
  // One paragraph per non-empty line: copied pages rarely keep blank lines between paragraphs.
  const lines = splitLines(page.body)
    .map((l) => l.trim())
    .filter((l) => l && l !== page.title && !isBoilerplateLine(l));
  return {
    title: page.title?.trim() || titleFromFilename(filename),
    source: page.source ?? null,
    date: normalizeDate(page.date ?? null),
    url: null,
    authors: page.authors ?? [],
    body: joinParagraphs(lines),
    format: "txt",
    region: page.region ?? null,
  };
}
