/**
 * Reads the article corpus: folders of .md (YAML front matter + body) and .txt (first non-empty
 * line = title, the rest = body) files into CorpusDocuments. Bad input never throws: every
 * problem becomes a warning naming the file, and the file is skipped or read as well as possible.
 *
 * Offsets: `body`/`bodyOffset` refer to the text decodeText() gives for the file (BOM removed),
 * which is what chunk offsets are measured against.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "./walk.js";
import type { CorpusDocument } from "../types.js";
import { decodeText } from "./decode.js";
import { parseFrontMatter } from "./front-matter.js";
import { normalizeDate } from "../text/dates.js";

export interface ReadResult {
  doc: CorpusDocument | null;
  warnings: string[];
}

const ARTICLE_EXT = /\.(md|markdown|txt)$/i;

/** Reads one file; `file` is relative to `root` and becomes CorpusDocument.file ("/"-separated). */
export async function readArticleFile(root: string, file: string): Promise<ReadResult> {
  const rel = file.split(path.sep).join("/");
  const full = path.join(root, file);
  if (!ARTICLE_EXT.test(file)) return { doc: null, warnings: [`${full}: not a .md or .txt file, skipped`] };
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (err) {
    return { doc: null, warnings: [`${full}: cannot read (${errorText(err)})`] };
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const { text } = decodeText(bytes);
  if (!text.trim()) return { doc: null, warnings: [`${full}: file is empty, skipped`] };
  return /\.txt$/i.test(file) ? readText(text, rel, full, hash) : readMarkdown(text, rel, full, hash);
}

/** Reads every article below each root (recursively). Documents with identical ids are kept once. */
export async function readCorpus(roots: string[]): Promise<{ docs: CorpusDocument[]; warnings: string[] }> {
  const docs: CorpusDocument[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  for (const root of roots) {
    const files = await listArticles(root, warnings);
    for (const file of files) {
      const { doc, warnings: w } = await readArticleFile(root, file);
      warnings.push(...w);
      if (!doc) continue;
      const first = seen.get(doc.docId);
      if (first) {
        warnings.push(`${path.join(root, file)}: same document id ${doc.docId} as ${first}, skipped`);
        continue;
      }
      seen.set(doc.docId, path.join(root, file));
      docs.push(doc);
    }
  }
  return { docs, warnings };
}

function readText(text: string, file: string, full: string, hash: string): ReadResult {
  const m = /^\s*([^\r\n]*)(\r?\n|$)/.exec(text) as RegExpExecArray;
  const title = m[1].trim();
  const bodyOffset = m[0].length;
  const body = text.slice(bodyOffset);
  const warnings = body.trim() ? [] : [`${full}: only a title line, no body`];
  return { doc: makeDoc({}, title, body, bodyOffset, file, hash, full, warnings), warnings };
}

function readMarkdown(text: string, file: string, full: string, hash: string): ReadResult {
  const warnings: string[] = [];
  const fm = parseFrontMatter(text);
  if (fm.error) warnings.push(`${full}: front matter ignored (${fm.error})`);
  const data = fm.data;
  let title = stringField(data.title);
  if (!title) {
    const heading = /^#{1,6}[ \t]+(.+)$/m.exec(fm.body);
    const firstLine = fm.body.split(/\r?\n/).find((l) => l.trim());
    title = (heading?.[1] ?? firstLine ?? "").replace(/^#+\s*/, "").trim();
    if (!title) title = path.basename(file).replace(/\.[^.]+$/, "");
  }
  if (!fm.body.trim()) warnings.push(`${full}: no text after the front matter`);
  return { doc: makeDoc(data, title, fm.body, fm.bodyOffset, file, hash, full, warnings), warnings };
}

function makeDoc(
  data: Record<string, unknown>,
  title: string,
  body: string,
  bodyOffset: number,
  file: string,
  hash: string,
  full: string,
  warnings: string[],
): CorpusDocument | null {
  if (!body.trim()) return null;
  let date: string | null = null;
  const rawDate = stringField(data.date);
  if (rawDate) {
    date = normalizeDate(rawDate);
    if (!date) warnings.push(`${full}: date "${rawDate}" not understood, left empty`);
  }
  return {
    docId: stringField(data.id) ?? createHash("sha256").update(body).digest("hex").slice(0, 12),
    file,
    title,
    source: stringField(data.source),
    date,
    url: stringField(data.url),
    region: stringField(data.region),
    tags: listField(data.tags),
    body,
    bodyOffset,
    hash,
  };
}

function stringField(v: unknown): string | null {
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== "string") return null;
  const t = v.trim();
  return t ? t : null;
}

/** A YAML list, or one string separated by commas / 、 / ；. */
function listField(v: unknown): string[] {
  const items = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,，、;；]/) : [];
  return items.map((x) => stringField(x)).filter((x): x is string => x !== null);
}

/** Relative paths of the .md/.txt articles below root; dotfiles and README.md skipped. */
async function listArticles(root: string, warnings: string[]): Promise<string[]> {
  try {
    if (!(await stat(root)).isDirectory()) {
      warnings.push(`${root}: corpus path is not a folder`);
      return [];
    }
  } catch {
    warnings.push(`${root}: corpus folder does not exist`);
    return [];
  }
  const out = await listFiles(root, warnings, (file) => warnings.push(`${path.join(root, file)}: not a .md or .txt file, skipped`), (name) => ARTICLE_EXT.test(name));
  if (out.length === 0) warnings.push(`${root}: corpus folder has no .md or .txt articles`);
  return out;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
