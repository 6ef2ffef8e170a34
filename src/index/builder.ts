/**
 * Builds an index generation from the configured sources and switches it in atomically.
 * The served generation is never touched: a crash anywhere before IndexStore.commit() leaves
 * it serving, and the next build clears the leftovers.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import type { PufaConfig } from "../config.js";
import { readCorpus } from "../ingestion/article-reader.js";
import { chunkDocument } from "../ingestion/chunker.js";
import { loadLawLibrary } from "../ingestion/law-library.js";
import { readLabelledFiles } from "../ingestion/labelled-reader.js";
import { childLogger } from "../logger.js";
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { resolveLabelled } from "../retrieval/labelled-questions.js";
import { buildSearcher } from "./searcher-build.js";
import type { ArticlePassage, LawPassage, Passage } from "../types.js";
import { endpointVectors } from "./endpoint-vectors.js";
import { loadSnapshot, writeSnapshot, type IndexManifest, type SourceFileRecord } from "./snapshot.js";
import { IndexStore } from "./store.js";

const log = childLogger("index");

export interface BuildProgress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

export interface BuildOptions {
  progress?: BuildProgress;
  /** Ignore cached work (reserved for incremental builds). */
  full?: boolean;
  /** Incremental updates: withdrawn text (characters) above which the update compacts with a full build (default COMPACT_WITHDRAWN_CHARS). */
  compactWithdrawnChars?: number;
  /** Test hook: called after the new generation is written, before it is switched in. */
  beforeCommit?: (dir: string) => void | Promise<void>;
}

export interface BuildStats {
  passages: number;
  lawArticles: number;
  articleChunks: number;
  documents: number;
  filesProcessed: number;
  ms: number;
}

export interface BuildResult {
  generation: string;
  dir: string;
  manifest: IndexManifest;
  searcher: HybridSearcher;
  warnings: string[];
  stats: BuildStats;
}

export class BuildLockedError extends Error {}

/** One build at a time per data folder; a lock left by a dead process is taken over. */
function acquireLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, "index.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(lock, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) throw new BuildLockedError(`another index build is running (pid ${pid})`);
      rmSync(lock, { force: true });
    }
  }
  throw new BuildLockedError("could not take the index lock");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user (the bot's service account): its lock stands.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Runs `fn` holding the data folder's build lock. */
export async function withBuildLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const release = acquireLock(dataDir);
  try {
    return await fn();
  } finally {
    release();
  }
}

export async function collectPassages(config: PufaConfig, progress?: BuildProgress) {
  const warnings: string[] = [];
  const files: SourceFileRecord[] = [];
  let laws: LawPassage[] = [];
  let lawFiles = 0;
  if (config.lawsDir) {
    if (!existsSync(config.lawsDir)) warnings.push(`law library folder not found: ${config.lawsDir}`);
    else {
      let started = false;
      const lib = await loadLawLibrary(config.lawsDir, {
        onProgress: (done, total) => {
          if (!started) progress?.start("laws", total);
          started = true;
          progress?.update(done);
        },
      });
      progress?.stop();
      laws = lib.passages;
      lawFiles = lib.files.length;
      warnings.push(...lib.warnings);
      for (const f of lib.files) {
        const st = statSync(path.join(config.lawsDir, f.file));
        files.push({ root: "laws", file: f.file, hash: f.hash, passages: f.articles, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  }
  const corpus = await readCorpus(config.corpusDirs);
  warnings.push(...corpus.warnings);
  const chunks: ArticlePassage[] = [];
  for (const doc of corpus.docs) {
    const parts = chunkDocument(doc);
    chunks.push(...parts);
    files.push({ root: "corpus", file: doc.file, hash: doc.hash, passages: parts.length });
  }
  return { passages: [...laws, ...chunks] as Passage[], laws, chunks, documents: corpus.docs.length, lawFiles, files, warnings };
}

export async function buildIndex(config: PufaConfig, options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const release = acquireLock(config.dataDir);
  const store = new IndexStore(config.dataDir);
  try {
    store.prune(); // leftovers of an interrupted build
    const src = await collectPassages(config, options.progress);
    if (!src.passages.length) src.warnings.push("nothing to index: the corpus folders are empty and no law library is configured (--laws or PUFA_LAWS)");
    log.info({ passages: src.passages.length }, "building index");
    // PUFA_EMBEDDING_MODEL: the endpoint's vectors replace the local model (a failure fails the build).
    const vectors = await endpointVectors(src.passages, options.progress);
    // The shipped starter set and the office's files, learned alike; only the office's unplaced gold is reported
    // (a library without, say, 禁毒法 simply cannot use the starter's questions on it).
    const starter = readLabelledFiles(config.starterLabelled ?? []);
    const office = readLabelledFiles(config.labelledFiles);
    const labelled = { items: [...starter.items, ...office.items], files: [...starter.files, ...office.files] };
    src.warnings.push(...starter.warnings, ...office.warnings);
    const stages = ["tokenize", "bm25", "groups", "embeddings", "hnsw"];
    options.progress?.start("index", stages.length);
    const searcher = buildSearcher(src.passages, {
      // LSA needs enough text to learn from; a tiny corpus gets the untrained hashing embedder.
      embedding: config.embedding === "none" ? "none" : src.passages.length >= 32 ? "lsa" : "hash",
      ...(vectors ? { vectors } : {}),
      labelled: labelled.items,
      onProgress: (stage) => options.progress?.update(stages.indexOf(stage) + 1),
    });
    options.progress?.stop();
    const unplaced = office.items.length ? resolveLabelled(office.items, src.passages).unresolved : 0;
    if (unplaced) src.warnings.push(`labelled questions: ${unplaced} gold articles are not in the indexed law library and were not learned`);
    const gen = store.begin();
    try {
      const ms = performance.now() - started;
      const manifest = writeSnapshot(gen.dir, searcher, {
        createdAt: new Date().toISOString(),
        buildMs: Math.round(ms),
        sources: { laws: config.lawsDir, corpus: config.corpusDirs, labelled: labelled.files },
        counts: { passages: src.passages.length, lawArticles: src.laws.length, articleChunks: src.chunks.length, documents: src.documents, lawFiles: src.lawFiles },
        files: src.files,
      });
      await options.beforeCommit?.(gen.dir);
      store.commit(gen);
      return {
        generation: gen.name,
        dir: gen.dir,
        manifest,
        searcher,
        warnings: src.warnings,
        stats: { passages: src.passages.length, lawArticles: src.laws.length, articleChunks: src.chunks.length, documents: src.documents, filesProcessed: src.files.length, ms: performance.now() - started },
      };
    } catch (err) {
      store.abort(gen);
      throw err;
    }
  } finally {
    release();
  }
}

/** The served index, or null when none was built yet. */
export function openIndex(config: PufaConfig): { generation: string; manifest: IndexManifest; searcher: HybridSearcher } | null {
  const gen = new IndexStore(config.dataDir).current();
  if (!gen) return null;
  return { generation: gen.name, ...loadSnapshot(gen.dir) };
}
