/** Pick the importer for a file by extension, or by its first bytes when the extension says nothing. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { importDocx } from "./docx.js";
import { importHtml } from "./html.js";
import { importMarkdown } from "./markdown.js";
import { importPdf } from "./pdf.js";
import { importText } from "./text.js";
import type { ImportFormat, ImportedArticle, Importer } from "./types.js";

export type { ImportFormat, ImportedArticle, Importer } from "./types.js";

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

export async function importBytes(bytes: Uint8Array, filename: string): Promise<ImportedArticle> {
  const format = detectFormat(filename, bytes);
  if (!format) throw new UnsupportedFormatError(filename);
  return IMPORTERS[format](bytes, filename);
}

export async function importFile(file: string): Promise<ImportedArticle> {
  const bytes = new Uint8Array(await readFile(file));
  return importBytes(bytes, path.basename(file));
}
