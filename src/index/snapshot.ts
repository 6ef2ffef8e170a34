/**
 * One index generation on disk: the passages, the searcher's own files (searcher-files.ts:
 * BM25 postings, law/chapter scores, embedder, HNSW graph, doc vectors, searcher.json) and a manifest
 * of what was indexed. The manifest is written last: a folder with a manifest has everything else.
 */
import { existsSync, linkSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { loadSearcher, saveSearcher, type ReusableFile } from "./searcher-files.js";
import type { Passage } from "../types.js";
import { labelledChanged, type LabelledFileRecord } from "../ingestion/labelled-reader.js";
import { learnedFrom } from "../config.js";

export const SNAPSHOT_FORMAT = 2;

export interface SourceFileRecord {
  /** "laws" or "corpus". */
  root: string;
  file: string;
  hash: string;
  passages: number;
  /** Size and mtime when indexed: a cheap first check for changes (law files). */
  size?: number;
  mtimeMs?: number;
}

export interface IndexManifest {
  format: number;
  createdAt: string;
  buildMs: number;
  /** Passages in passages.json (the last full build); the rest are in passages-added.json. */
  basePassages: number;
  /** Id of the embedder that built the dense side (null: lexical only). */
  embedder: string | null;
  /** labelled: the labelled-question files learned from (absent in indexes built before them). */
  sources: { laws: string | null; corpus: string[]; labelled?: LabelledFileRecord[] };
  counts: { passages: number; lawArticles: number; articleChunks: number; documents: number; lawFiles: number };
  files: SourceFileRecord[];
}

export class SnapshotError extends Error {}

/** Whether an index was built from the folders and labelled files this configuration names, as they are now (else it must be rebuilt). */
export function sourcesMatch(sources: IndexManifest["sources"], config: { lawsDir: string | null; corpusDirs: string[]; labelledFiles?: string[]; starterLabelled?: string[] }): boolean {
  return (
    sources.laws === config.lawsDir &&
    sources.corpus.length === config.corpusDirs.length &&
    sources.corpus.every((c, i) => c === config.corpusDirs[i]) &&
    !labelledChanged(learnedFrom({ labelledFiles: [], ...config }), sources.labelled ?? [])
  );
}

/**
 * Passages are stored as passages.json (those of the last full build) plus passages-added.json
 * (appended by incremental updates since), so an update hard-links the large first file.
 */
export function writeSnapshot(
  dir: string,
  searcher: HybridSearcher,
  manifest: Omit<IndexManifest, "format" | "embedder" | "basePassages">,
  reuse?: { dir: string; files: ReusableFile[]; basePassages: number },
): IndexManifest {
  const basePassages = reuse?.basePassages ?? searcher.passages.length;
  const full: IndexManifest = { format: SNAPSHOT_FORMAT, embedder: searcher.embedder?.id ?? null, basePassages, ...manifest };
  if (reuse && existsSync(path.join(reuse.dir, "passages.json"))) linkSync(path.join(reuse.dir, "passages.json"), path.join(dir, "passages.json"));
  else writeFileSync(path.join(dir, "passages.json"), JSON.stringify(searcher.passages.slice(0, basePassages)));
  if (basePassages < searcher.passages.length) writeFileSync(path.join(dir, "passages-added.json"), JSON.stringify(searcher.passages.slice(basePassages)));
  saveSearcher(searcher, dir, reuse);
  writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(full, null, 1));
  return full;
}

export function readManifest(dir: string): IndexManifest {
  const file = path.join(dir, "manifest.json");
  if (!existsSync(file)) throw new SnapshotError(`the index is incomplete (${file} is missing): run pufa index`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as IndexManifest;
  if (manifest.format !== SNAPSHOT_FORMAT) throw new SnapshotError(`the index has format ${manifest.format}, this pufa reads ${SNAPSHOT_FORMAT}: run pufa index --full`);
  return manifest;
}

export function loadSnapshot(dir: string): { manifest: IndexManifest; searcher: HybridSearcher } {
  const manifest = readManifest(dir);
  const passages = JSON.parse(readFileSync(path.join(dir, "passages.json"), "utf8")) as Passage[];
  const added = path.join(dir, "passages-added.json");
  if (existsSync(added)) passages.push(...(JSON.parse(readFileSync(added, "utf8")) as Passage[]));
  const searcher = loadSearcher(dir, passages);
  if ((searcher.embedder?.id ?? null) !== manifest.embedder) {
    throw new SnapshotError(`the index was built with embedder ${manifest.embedder} but loads ${searcher.embedder?.id ?? "none"}: run pufa index --full`);
  }
  // Here rather than at the first question (≈1 s over the whole library): a loaded index serves.
  searcher.prepareRerank();
  return { manifest, searcher };
}
