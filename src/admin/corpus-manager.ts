/**
 * Adds, replaces, removes and lists the Markdown files of the corpus folder.
 *
 * Rules (an admin imports the same article several times, or a corrected version of it):
 * - same normalized body as a served document → "duplicate", nothing written;
 * - same title from the same source: a newer (or equally dated, or undated) import replaces the
 *   served one, which moves to .history/; an older one is kept in .history/ only ("outdated");
 * - otherwise → "added" as <date>-<slug>.md.
 * .history/ is a dot folder, which the corpus reader skips: history is kept, never served.
 * Work is synchronous on purpose: two chat commands cannot interleave a scan and a write.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeText } from "../ingestion/decode.js";
import { parseFrontMatter, serializeFrontMatter } from "../ingestion/front-matter.js";
import { markdownArticle } from "./importers/markdown.js";
import type { ImportedArticle } from "./importers/types.js";
import type { AuditSink } from "./question-log.js";

export const HISTORY_DIR = ".history";

export interface CorpusActionOptions {
  now?: Date;
  /** Who did it (raw admin id or "cli"); the audit log stores it hashed. */
  actor?: string;
  audit?: AuditSink;
}

export interface DocRef {
  docId: string;
  title: string;
  /** Path relative to the corpus folder, "/"-separated. */
  file: string;
}

export interface AddResult {
  /** "outdated": older than the served version with the same title and source: kept in history only. */
  action: "added" | "duplicate" | "replaced" | "outdated";
  docId: string;
  /** The file written (for "outdated": the history file), or the existing one for "duplicate". */
  file: string;
  /** Served documents moved to history by a replacement. */
  replaced?: (DocRef & { historyFile: string })[];
  /** The served document that made this import a duplicate or outdated. */
  existing?: DocRef & { date: string | null };
}

export interface RemoveResult {
  removed: boolean;
  docId?: string;
  title?: string;
  file?: string;
  historyFile?: string;
  /** When idOrPath matched several documents (an ambiguous id prefix). */
  candidates?: DocRef[];
}

export interface CorpusEntry {
  id: string;
  title: string;
  source: string | null;
  date: string | null;
  /** Always "article": the corpus holds articles; laws come from the law library. */
  kind: "article";
  /** Imported format when known (md, txt, docx, html, pdf). */
  format: string | null;
  importedAt: string | null;
  file: string;
}

interface Scanned extends CorpusEntry {
  contentHash: string;
  data: Record<string, unknown>;
  abs: string;
}

/** Body normalization for duplicate detection: width forms folded, whitespace ignored. */
export function contentHash(body: string): string {
  const normalized = body.normalize("NFKC").replace(/\s+/g, "");
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}

/** Document ids written by this module: the first 12 hex digits of the content hash. */
export function docIdFromHash(hash: string): string {
  return hash.slice(0, 12);
}

function sameKey(s: string | null | undefined): string {
  return (s ?? "").normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "").toLowerCase();
}

/** Every served article (.md/.txt; dot folders, dotfiles and README.md skipped, as the reader does). */
function scan(corpusDir: string, sub = ""): Scanned[] {
  const dir = path.join(corpusDir, sub);
  if (!existsSync(dir)) return [];
  const out: Scanned[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...scan(corpusDir, rel));
    else if (entry.isFile() && ARTICLE_EXT.test(entry.name) && entry.name.toLowerCase() !== "readme.md") {
      const scanned = readEntry(corpusDir, rel);
      if (scanned) out.push(scanned);
    }
  }
  return out;
}

const ARTICLE_EXT = /\.(md|markdown|txt)$/i;

function readEntry(root: string, rel: string): Scanned | null {
  const abs = path.join(root, rel);
  const text = decodeText(new Uint8Array(readFileSync(abs))).text;
  if (!text.trim()) return null;
  let data: Record<string, unknown> = {};
  let article: Pick<ImportedArticle, "title" | "source" | "date" | "body">;
  let rawBody: string;
  if (/\.txt$/i.test(rel)) {
    // The reader's .txt convention: first line = title, the rest = body.
    const m = /^\s*([^\r\n]*)(\r?\n|$)/.exec(text) as RegExpExecArray;
    rawBody = text.slice(m[0].length);
    article = { title: m[1].trim(), source: null, date: null, body: rawBody };
  } else {
    const fm = parseFrontMatter(text);
    data = fm.data;
    rawBody = fm.body;
    article = markdownArticle(text, rel);
  }
  return {
    // Same fallback as the corpus reader, so ids shown here are the index's docIds.
    id: scalar(data.id) ?? createHash("sha256").update(rawBody).digest("hex").slice(0, 12),
    title: article.title,
    source: article.source,
    date: article.date,
    kind: "article",
    format: scalar(data.format) ?? (/\.txt$/i.test(rel) ? "txt" : null),
    importedAt: scalar(data.imported_at),
    file: rel,
    contentHash: contentHash(article.body),
    data,
    abs,
  };
}

function scalar(v: unknown): string | null {
  if (typeof v === "number") return String(v);
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function slug(title: string): string {
  const s = title
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return [...s].slice(0, 30).join("").replace(/-+$/, "");
}

function freeName(dir: string, stem: string, ext = ".md"): string {
  let name = `${stem}${ext}`;
  for (let n = 2; existsSync(path.join(dir, name)); n++) name = `${stem}-${n}${ext}`;
  return name;
}

/** Write through a temp file + rename, so a watcher never sees half a file. */
function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, "utf8");
  renameSync(tmp, file);
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/** Move a served file into .history/ with a record of why; returns the history path (relative). */
function moveToHistory(corpusDir: string, doc: Scanned, reason: "replaced" | "removed", now: Date, extra: Record<string, unknown> = {}): string {
  const historyDir = path.join(corpusDir, HISTORY_DIR);
  const name = freeName(historyDir, `${path.basename(doc.file).replace(/\.[^.]+$/, "")}--${stamp(now)}`);
  const text = readFileSync(doc.abs, "utf8");
  const fm = parseFrontMatter(text);
  const data = { title: doc.title, ...fm.data, id: doc.id, history_reason: reason, history_at: now.toISOString(), original_file: doc.file, ...extra };
  writeAtomic(path.join(historyDir, name), serializeFrontMatter(data, fm.body));
  // The served file goes last: a crash in between leaves a copy, never a loss.
  rmSync(doc.abs, { force: true });
  return `${HISTORY_DIR}/${name}`;
}

function frontMatter(imported: ImportedArticle, id: string, hash: string, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = { id, title: imported.title };
  if (imported.source) data.source = imported.source;
  if (imported.date) data.date = imported.date;
  if (imported.url) data.url = imported.url;
  if (imported.region) data.region = imported.region;
  if (imported.tags?.length) data.tags = imported.tags;
  if (imported.authors.length) data.authors = imported.authors;
  data.format = imported.format;
  data.imported_at = now.toISOString();
  data.content_hash = hash;
  return data;
}

function ref(doc: Scanned): DocRef {
  return { docId: doc.id, title: doc.title, file: doc.file };
}

/** An import with no text (a scanned PDF, an empty page): nothing to serve. */
export class EmptyArticleError extends Error {
  constructor(readonly title: string) {
    super(`article has no text: ${title}`);
    this.name = "EmptyArticleError";
  }
}

/**
 * Adds articles to one corpus folder. The folder is scanned once, when the writer is made, and kept
 * up to date in memory as articles are added, so importing N files costs O(N), not a re-scan (and a
 * re-hash of every served article) per file. One writer per batch: it assumes nobody else writes the
 * folder meanwhile (the CLI and the chat commands work synchronously).
 */
export class CorpusWriter {
  private readonly byHash = new Map<string, Scanned>();
  private readonly byTitleSource = new Map<string, Scanned[]>();

  constructor(readonly corpusDir: string) {
    for (const doc of scan(corpusDir)) this.remember(doc);
  }

  add(imported: ImportedArticle, options: CorpusActionOptions = {}): AddResult {
    const now = options.now ?? new Date();
    if (!imported.body.trim()) throw new EmptyArticleError(imported.title);
    const hash = contentHash(imported.body);
    const result = this.decide(imported, hash, docIdFromHash(hash), now);
    options.audit?.audit(options.actor ?? "system", "corpus.add", {
      action: result.action,
      docId: result.docId,
      title: imported.title,
      file: result.file,
      format: imported.format,
      ...(result.replaced ? { replaced: result.replaced.map((r) => r.file) } : {}),
      ...(result.existing ? { existing: result.existing.file } : {}),
    }, now);
    return result;
  }

  private remember(doc: Scanned): void {
    if (!this.byHash.has(doc.contentHash)) this.byHash.set(doc.contentHash, doc);
    const key = titleSourceKey(doc.title, doc.source);
    this.byTitleSource.set(key, [...(this.byTitleSource.get(key) ?? []), doc]);
  }

  private forget(doc: Scanned): void {
    if (this.byHash.get(doc.contentHash) === doc) this.byHash.delete(doc.contentHash);
    const key = titleSourceKey(doc.title, doc.source);
    this.byTitleSource.set(key, (this.byTitleSource.get(key) ?? []).filter((d) => d !== doc));
  }

  private decide(imported: ImportedArticle, hash: string, docId: string, now: Date): AddResult {
    const corpusDir = this.corpusDir;
    const dup = this.byHash.get(hash);
    if (dup) return { action: "duplicate", docId: dup.id, file: dup.file, existing: { ...ref(dup), date: dup.date } };

    const data = frontMatter(imported, docId, hash, now);
    const versions = [...(this.byTitleSource.get(titleSourceKey(imported.title, imported.source)) ?? [])].sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));

    const newest = versions[0];
    if (newest && imported.date && newest.date && imported.date < newest.date) {
      const existing = { ...ref(newest), date: newest.date };
      const kept = historyWithHash(corpusDir, hash);
      if (kept) return { action: "outdated", docId, file: kept, existing }; // already kept once
      const historyDir = path.join(corpusDir, HISTORY_DIR);
      const name = freeName(historyDir, `${imported.date}-${slug(imported.title) || docId}--${stamp(now)}`);
      const record = { ...data, history_reason: "outdated", history_at: now.toISOString(), superseded_by: newest.id };
      writeAtomic(path.join(historyDir, name), serializeFrontMatter(record, imported.body));
      return { action: "outdated", docId, file: `${HISTORY_DIR}/${name}`, existing };
    }

    // Old versions leave first, so the new one can take their file name.
    const replaced = versions.map((old) => {
      const historyFile = moveToHistory(corpusDir, old, "replaced", now, { replaced_by: docId });
      this.forget(old);
      return { ...ref(old), historyFile };
    });
    const name = freeName(corpusDir, `${imported.date ?? "undated"}-${slug(imported.title) || docId}`);
    writeAtomic(path.join(corpusDir, name), serializeFrontMatter(data, imported.body));
    // Read back as a scan would read it, so later adds in this batch compare with exactly what is served.
    const written = readEntry(corpusDir, name);
    if (written) this.remember(written);
    return replaced.length ? { action: "replaced", docId, file: name, replaced } : { action: "added", docId, file: name };
  }
}

/** Adds one article (a writer for one add: scans the folder). For many files, use one CorpusWriter. */
export function addToCorpus(corpusDir: string, imported: ImportedArticle, options: CorpusActionOptions = {}): AddResult {
  return new CorpusWriter(corpusDir).add(imported, options);
}

function titleSourceKey(title: string, source: string | null): string {
  return `${sameKey(title)}\u0000${sameKey(source)}`;
}

/** The files of `.history/` (articles taken out of service) with their front matter, in folder order. */
export function listHistory(corpusDir: string): { name: string; data: Record<string, unknown> }[] {
  const dir = path.join(corpusDir, HISTORY_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith(".") && name.endsWith(".md"))
    .map((name) => ({ name, data: parseFrontMatter(readFileSync(path.join(dir, name), "utf8")).data }));
}

/** The history file (relative) whose content_hash is `hash`, if any. */
function historyWithHash(corpusDir: string, hash: string): string | null {
  const found = listHistory(corpusDir).find((h) => h.data.content_hash === hash);
  return found ? `${HISTORY_DIR}/${found.name}` : null;
}

/**
 * Move a served document to .history/ (with history_reason: removed). `idOrPath` is a document
 * id, a unique id prefix of 4+ characters, or the file path relative to the corpus (or its name).
 */
export function removeFromCorpus(corpusDir: string, idOrPath: string, options: CorpusActionOptions = {}): RemoveResult {
  const now = options.now ?? new Date();
  const key = idOrPath.trim().replace(/\\/g, "/");
  const served = scan(corpusDir);
  let matches = served.filter((d) => d.id === key || d.file === key || path.basename(d.file) === key);
  if (!matches.length && key.length >= 4) matches = served.filter((d) => d.id.startsWith(key));
  if (matches.length !== 1) {
    const result: RemoveResult = matches.length ? { removed: false, candidates: matches.map(ref) } : { removed: false };
    options.audit?.audit(options.actor ?? "system", "corpus.remove", { key, removed: false, matches: matches.length }, now);
    return result;
  }
  const doc = matches[0];
  const historyFile = moveToHistory(corpusDir, doc, "removed", now);
  options.audit?.audit(options.actor ?? "system", "corpus.remove", { key, removed: true, docId: doc.id, title: doc.title, file: doc.file, historyFile }, now);
  return { removed: true, docId: doc.id, title: doc.title, file: doc.file, historyFile };
}

/** Served documents, newest first (undated last), then by title. */
export function listCorpus(corpusDir: string): CorpusEntry[] {
  return scan(corpusDir)
    .map(({ id, title, source, date, kind, format, importedAt, file }) => ({ id, title, source, date, kind, format, importedAt, file }))
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.title.localeCompare(b.title, "zh"));
}
