/**
 * Incremental re-indexing: only new or changed corpus documents are analyzed and embedded, removed
 * ones are withdrawn. Passages are appended and withdrawn passages masked (ordinals and HNSW labels
 * stay stable), BM25 postings are extended rather than rebuilt, the HNSW graph gets the new points.
 * A change in the law library, the sources or the embedder falls back to a full build: the library
 * changes a few times a year, the corpus several times a week. `pufa index --full` compacts.
 */
import { createHash } from "node:crypto";
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { PufaConfig } from "../config.js";
import { readCorpus } from "../ingestion/article-reader.js";
import { chunkDocument } from "../ingestion/chunker.js";
import { listFiles } from "../ingestion/walk.js";
import { childLogger } from "../logger.js";
import { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { embeddingText, passageFields } from "../retrieval/passage-text.js";
import type { Passage } from "../types.js";
import { configuredEmbedderId, embedderMismatch } from "./endpoint-vectors.js";
import { buildIndex, withBuildLock, type BuildOptions, type BuildResult } from "./builder.js";
import { sourcesMatch, writeSnapshot, type IndexManifest, type SourceFileRecord } from "./snapshot.js";
import { IndexStore } from "./store.js";
import { VectorIndex } from "../retrieval/vector-index.js";

const log = childLogger("index");

export interface ServedIndex {
  generation: string;
  manifest: IndexManifest;
  searcher: HybridSearcher;
}

/**
 * Withdrawn passages (removed or edited articles) stay in the index, masked, so an update is fast;
 * past this much of their text the update is a full build instead, which leaves them out, and the
 * generations that still hold them are deleted by the store (all but the served one and its
 * predecessor). A 50 MB article removed does not live on in every later generation.
 */
export const COMPACT_WITHDRAWN_CHARS = 1_000_000;

export interface UpdateResult extends BuildResult {
  /** "incremental": only changed documents were processed; "full": a complete rebuild was needed; "unchanged": nothing to do. */
  mode: "incremental" | "full" | "unchanged";
}

/** Whether any law file was added, removed or changed since the manifest: size and mtime first, the content hash when they differ. */
async function lawsChanged(config: PufaConfig, manifest: IndexManifest): Promise<boolean> {
  const recorded = new Map(manifest.files.filter((f) => f.root === "laws").map((f) => [f.file, f]));
  if (!config.lawsDir) return recorded.size > 0;
  const files = await listFiles(config.lawsDir, [], undefined, (name) => /\.md$/i.test(name));
  if (files.length !== recorded.size) return true;
  for (const file of files) {
    const rec = recorded.get(file);
    if (!rec) return true;
    const abs = path.join(config.lawsDir, file);
    const st = statSync(abs);
    if (st.size === rec.size && st.mtimeMs === rec.mtimeMs) continue;
    if (createHash("sha256").update(readFileSync(abs)).digest("hex") !== rec.hash) return true;
  }
  return false;
}

/**
 * Brings the index up to date with the sources, incrementally when only corpus documents changed.
 * `served` is the index in memory (the bot's); without it the current generation is loaded.
 */
export async function updateIndex(config: PufaConfig, served: ServedIndex | null, options: BuildOptions = {}): Promise<UpdateResult> {
  const full = async (why: string): Promise<UpdateResult> => {
    log.info({ why }, "full rebuild");
    return { ...(await buildIndex(config, options)), mode: "full" };
  };
  if (!served) {
    const { openIndex } = await import("./builder.js");
    served = openIndex(config);
  }
  if (!served || options.full) return full(served ? "--full" : "no index yet");
  if (!sourcesMatch(served.manifest.sources, config)) return full("sources changed");
  if (served.manifest.embedder?.startsWith("openai:")) return full("endpoint embeddings are rebuilt whole");
  if ((config.embedding === "none") !== (served.manifest.embedder === null)) return full("embedding setting changed");
  if (embedderMismatch(served.manifest.embedder, configuredEmbedderId())) return full("the configured embedder changed");
  const t0 = performance.now();
  if (await lawsChanged(config, served.manifest)) return full("the law library changed");
  log.debug({ ms: Math.round(performance.now() - t0) }, "law library checked");
  const base = served;

  const outcome = await withBuildLock(config.dataDir, async (): Promise<UpdateResult | { compact: string }> => {
    const started = performance.now();
    const { docs, warnings } = await readCorpus(config.corpusDirs);
    const before = new Map(base.manifest.files.filter((f) => f.root === "corpus").map((f) => [f.file, f.hash]));
    const now = new Map(docs.map((d) => [d.file, d]));
    const gone = new Set([...before.keys()].filter((file) => now.get(file)?.hash !== before.get(file)));
    const fresh = docs.filter((d) => before.get(d.file) !== d.hash);
    if (!gone.size && !fresh.length) {
      return { generation: base.generation, dir: "", manifest: base.manifest, searcher: base.searcher, warnings, stats: statsOf(base.manifest, 0, started), mode: "unchanged" as const };
    }

    const old = base.searcher;
    const added = fresh.flatMap((d) => chunkDocument(d));
    const passages: Passage[] = [...old.passages, ...added];
    const removed = new Uint8Array(passages.length);
    if (old.removed) removed.set(old.removed);
    const withdrawn: number[] = [];
    old.passages.forEach((p, i) => {
      if (p.kind === "article" && gone.has(p.file) && !removed[i]) {
        removed[i] = 1;
        withdrawn.push(i);
      }
    });
    // Withdrawn text stays in every later generation until a full build: past a limit, compact now.
    let withdrawnChars = 0;
    old.passages.forEach((p, i) => (withdrawnChars += removed[i] ? p.text.length : 0));
    const limit = options.compactWithdrawnChars ?? COMPACT_WITHDRAWN_CHARS;
    if (withdrawnChars > limit) return { compact: `${withdrawnChars} characters of withdrawn text (over ${limit})` };

    const lap = (step: string) => log.debug({ step, ms: Math.round(performance.now() - started) }, "incremental update");
    lap("corpus read");
    const bm25 = old.bm25.appendDocs(added.map(passageFields));
    lap("bm25 appended");
    // Appended corpus chunks belong to no law or chapter: the group scorer stays as it is (and its file is reused).
    const groups = old.groups;
    let docVectors = old.docVectors;
    let vectors = old.vectors;
    const store = new IndexStore(config.dataDir);
    const gen = store.begin();
    try {
      if (old.embedder?.embedSync && old.docVectors && old.vectors) {
        const dim = old.embedder.dim;
        const fresh = old.embedder.embedSync(added.map(embeddingText));
        docVectors = new Float32Array(passages.length * dim);
        docVectors.set(old.docVectors);
        fresh.forEach((v, i) => docVectors!.set(v, (old.passages.length + i) * dim));
        // A copy of the served graph: the bot keeps searching the old one until the switch.
        const copy = path.join(gen.dir, "vectors.base.hnsw");
        old.vectors.save(copy);
        vectors = VectorIndex.load(copy);
        rmSync(copy);
        rmSync(`${copy}.json`, { force: true });
        vectors.update(fresh.map((vector, i) => ({ label: old.passages.length + i, vector })), withdrawn);
      }
      lap("vectors updated");
      const searcher = new HybridSearcher({ ...old.parts(), passages, bm25, groups, vectors, docVectors, removed });
      const files: SourceFileRecord[] = [
        ...base.manifest.files.filter((f) => f.root !== "corpus" || !gone.has(f.file)),
        ...fresh.map((d) => ({ root: "corpus", file: d.file, hash: d.hash, passages: added.filter((p) => p.docId === d.docId).length })),
      ];
      const live = passages.filter((_, i) => !removed[i]);
      const baseDir = path.join(store.root, base.generation);
      const manifest = writeSnapshot(gen.dir, searcher, {
        createdAt: new Date().toISOString(),
        buildMs: Math.round(performance.now() - started),
        sources: base.manifest.sources,
        counts: {
          ...base.manifest.counts,
          passages: live.length,
          articleChunks: live.filter((p) => p.kind === "article").length,
          documents: docs.length,
        },
        files,
      }, { dir: baseDir, files: ["groups.bin", "embedder.bin"], basePassages: base.manifest.basePassages });
      lap("snapshot written");
      await options.beforeCommit?.(gen.dir);
      store.commit(gen);
      log.info({ added: added.length, withdrawn: withdrawn.length, ms: Math.round(performance.now() - started) }, "index updated incrementally");
      return { generation: gen.name, dir: gen.dir, manifest, searcher, warnings, stats: statsOf(manifest, fresh.length + gone.size, started), mode: "incremental" as const };
    } catch (err) {
      store.abort(gen);
      throw err;
    }
  });
  // Outside the lock: the full build takes it itself.
  return "compact" in outcome ? full(outcome.compact) : outcome;
}

function statsOf(m: IndexManifest, filesProcessed: number, started: number) {
  return { passages: m.counts.passages, lawArticles: m.counts.lawArticles, articleChunks: m.counts.articleChunks, documents: m.counts.documents, filesProcessed, ms: performance.now() - started };
}
