/**
 * Loads a whole law library folder: every *.md below `root`, parsed into LawPassages, with the
 * newest version of each law marked `current`.
 *
 * Versions: files with the same H1 title and different dates in their names are versions of one
 * law (公司法(2018-10-26).md, 公司法(2023-12-29).md); the newest date is current. An undated file
 * is current unless a dated file with the same title exists. Several undated files with one title
 * are parts, not versions (民法典's one file per 编): all current. The same title and date in two
 * folders (反电信网络诈骗法 under 社会法 and 行政法) is one version filed twice: only the first path
 * is current, so searches do not return it twice.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "./walk.js";
import type { LawPassage } from "../types.js";
import { decodeText } from "./decode.js";
import { parseLawDocument } from "./law-parser.js";

export interface LawFileInfo {
  /** Path relative to the library root, with "/" separators. */
  file: string;
  /** sha256 of the raw bytes. */
  hash: string;
  title: string;
  version: string | null;
  /** Number of articles parsed. */
  articles: number;
  category: string;
  current: boolean;
}

export interface LawLibrary {
  passages: LawPassage[];
  files: LawFileInfo[];
  warnings: string[];
}

export interface LoadLawLibraryOptions {
  onProgress?(done: number, total: number): void;
  /** Files read at once (default 16). */
  concurrency?: number;
}

export async function loadLawLibrary(root: string, opts: LoadLawLibraryOptions = {}): Promise<LawLibrary> {
  const warnings: string[] = [];
  const names = await listMarkdown(root, warnings);
  const results: Array<{ info: LawFileInfo; passages: LawPassage[] } | null> = new Array(names.length).fill(null);
  // Per-file warnings kept in file order, whatever order the reads finish in.
  const fileWarnings: string[][] = names.map(() => []);
  let done = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const i = next++;
      const file = names[i];
      try {
        const bytes = await readFile(path.join(root, file));
        const { text } = decodeText(bytes);
        const category = file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
        const parsed = parseLawDocument(text, file, category);
        fileWarnings[i].push(...parsed.warnings);
        results[i] = {
          info: {
            file,
            hash: createHash("sha256").update(bytes).digest("hex"),
            title: parsed.title,
            version: parsed.version,
            articles: parsed.passages.length,
            category,
            current: true,
          },
          passages: parsed.passages,
        };
      } catch (err) {
        fileWarnings[i].push(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})`);
      }
      done++;
      opts.onProgress?.(done, names.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 16) }, worker));
  for (const w of fileWarnings) warnings.push(...w);

  const loaded = results.filter((r): r is NonNullable<typeof r> => r !== null);
  const currentFiles = pickCurrent(
    loaded.map((r) => r.info),
    warnings,
  );
  const passages: LawPassage[] = [];
  for (const r of loaded) {
    r.info.current = currentFiles.has(r.info.file);
    for (const p of r.passages) {
      p.current = r.info.current;
      passages.push(p);
    }
  }
  return { passages, files: loaded.map((r) => r.info), warnings };
}

/**
 * The files that are the current version of their law. Pure; `files` sorted by path decides ties.
 * Exported for tests.
 */
export function pickCurrent(
  files: ReadonlyArray<Pick<LawFileInfo, "file" | "title" | "version">>,
  warnings: string[] = [],
): Set<string> {
  const byTitle = new Map<string, Array<Pick<LawFileInfo, "file" | "title" | "version">>>();
  for (const f of files) {
    const group = byTitle.get(f.title) ?? [];
    group.push(f);
    byTitle.set(f.title, group);
  }
  const current = new Set<string>();
  for (const group of byTitle.values()) {
    const dated = group.filter((f) => f.version !== null);
    if (dated.length === 0) {
      for (const f of group) current.add(f.file); // parts of one law, or a single file
      continue;
    }
    const newest = dated.reduce((a, b) => ((b.version as string) > (a.version as string) ? b : a)).version;
    const top = dated.filter((f) => f.version === newest).sort((a, b) => compare(a.file, b.file));
    current.add(top[0].file);
    if (top.length > 1) {
      warnings.push(
        `${top[0].title} (${newest}) is filed more than once: ${top.map((f) => f.file).join(", ")}; citing ${top[0].file}`,
      );
    }
  }
  return current;
}

/** All *.md law files below root. */
async function listMarkdown(root: string, warnings: string[]): Promise<string[]> {
  const out = await listFiles(root, warnings, undefined, (name) => /\.md$/i.test(name));
  if (out.length === 0) warnings.push(`${root}: no law files (*.md) found`);
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
