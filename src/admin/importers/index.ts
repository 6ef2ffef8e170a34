/**
 * Pick the importer for a file by extension, or by its first bytes when the extension says nothing,
 * after the checks every import passes (limits.ts): a regular file, not a symlink; within the size
 * limits; a .docx that inflates within bounds; a page that does not nest too deeply; text that is
 * text, not binary. A refused import throws ImportRefusedError and nothing is returned to store.
 */
import { lstat, readFile } from "node:fs/promises";
import path from "node:path";
import { decodeText } from "../../ingestion/decode.js";
import { looksBinary } from "./binary.js";
import { importDocx } from "./docx.js";
import { decodeHtml, importHtml } from "./html.js";
import { htmlDepth } from "./html-depth.js";
import { DEFAULT_IMPORT_LIMITS, ImportRefusedError, mb, type ImportLimits } from "./limits.js";
import { importMarkdown } from "./markdown.js";
import { importPdf } from "./pdf.js";
import { importText } from "./text.js";
import type { ImportFormat, ImportedArticle, Importer } from "./types.js";
import { checkZip } from "./zip-check.js";

export type { ImportFormat, ImportedArticle, Importer } from "./types.js";
export { DEFAULT_IMPORT_LIMITS, ImportRefusedError, REFUSAL_REASONS, type ImportLimits, type RefusalReason } from "./limits.js";

export const IMPORTERS: Record<ImportFormat, Importer> = {
  md: importMarkdown,
  txt: importText,
  docx: importDocx,
  html: importHtml,
  pdf: importPdf,
};

const BY_EXTENSION: Record<string, ImportFormat> = {
  ".md": "md",
  ".markdown": "md",
  ".txt": "txt",
  ".text": "txt",
  ".docx": "docx",
  ".html": "html",
  ".htm": "html",
  ".mhtml": "html",
  ".pdf": "pdf",
};

export class UnsupportedFormatError extends Error {
  constructor(readonly filename: string) {
    super(`unsupported file type: ${filename}`);
    this.name = "UnsupportedFormatError";
  }
}

/** The format of a file, or null when neither its extension nor its first bytes tell. */
export function detectFormat(filename: string, bytes?: Uint8Array): ImportFormat | null {
  const byExt = BY_EXTENSION[path.extname(filename).toLowerCase()];
  if (byExt) return byExt;
  if (!bytes || bytes.length < 4) return null;
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  if (head.startsWith("%PDF-")) return "pdf";
  // A .doc (OLE) file also starts with a magic number but mammoth cannot read it: not "docx".
  if (head.startsWith("PK\u0003\u0004") && head.includes("[Content_Types].xml")) return "docx";
  if (/^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)/i.test(head.replace(/^\uFEFF|^ï»¿/, ""))) return "html";
  if (/^(?:\uFEFF|ï»¿)?---\r?\n/.test(head)) return "md";
  return null;
}

function tooLarge(bytes: number, limits: ImportLimits): ImportRefusedError {
  return new ImportRefusedError("too-large", { size: mb(bytes), max: mb(limits.maxBytes) });
}

function checkText(text: string, limits: ImportLimits): void {
  if (looksBinary(text)) throw new ImportRefusedError("binary");
  if (text.length > limits.maxTextChars) throw new ImportRefusedError("too-much-text", { chars: text.length, max: limits.maxTextChars });
}

/** The checks that need the bytes, before an importer parses them. */
function checkBytes(format: ImportFormat, bytes: Uint8Array, limits: ImportLimits): void {
  if (format === "docx") return checkZip(bytes, limits);
  if (format === "txt" || format === "md") return checkText(decodeText(bytes).text, limits);
  if (format === "html") {
    const html = decodeHtml(bytes);
    if (looksBinary(html)) throw new ImportRefusedError("binary");
    const depth = htmlDepth(html, limits.maxHtmlDepth);
    if (depth > limits.maxHtmlDepth) throw new ImportRefusedError("too-deep", { max: limits.maxHtmlDepth });
  }
}

/** The checks on what an importer extracted, whatever the format. */
export function checkArticle(article: ImportedArticle, limits: ImportLimits): ImportedArticle {
  checkText(article.body, limits);
  if (looksBinary(article.title)) throw new ImportRefusedError("binary");
  return article;
}

export async function importBytes(bytes: Uint8Array, filename: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportedArticle> {
  if (bytes.length > limits.maxBytes) throw tooLarge(bytes.length, limits);
  const format = detectFormat(filename, bytes);
  if (!format) throw new UnsupportedFormatError(filename);
  checkBytes(format, bytes, limits);
  return checkArticle(await IMPORTERS[format](bytes, filename), limits);
}

/** Imports one file; a symlink or anything but a regular file is refused (lstat: links are never followed). */
export async function importFile(file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<ImportedArticle> {
  const stat = await lstat(file).catch((err: NodeJS.ErrnoException) => {
    throw err.code === "ENOENT" || err.code === "ENOTDIR" ? new ImportRefusedError("missing") : err;
  });
  if (stat.isSymbolicLink()) throw new ImportRefusedError("symlink");
  if (!stat.isFile()) throw new ImportRefusedError("not-a-file");
  if (stat.size > limits.maxBytes) throw tooLarge(stat.size, limits);
  const bytes = new Uint8Array(await readFile(file));
  return importBytes(bytes, path.basename(file), limits);
}
