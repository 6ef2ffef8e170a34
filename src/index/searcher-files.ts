/**
 * A searcher's own files in an index generation: BM25 postings, law/chapter scores, the embedder,
 * the HNSW graph, passage vectors, withdrawn passages, labelled knowledge and searcher.json. The
 * passages themselves are stored by the snapshot (snapshot.ts) and passed back in the same order.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Passage } from "../types.js";
import { pack, unpack } from "../retrieval/binpack.js";
import { Bm25Index } from "../retrieval/bm25.js";
import type { GbdtModel } from "../retrieval/gbdt.js";
import { GroupScorer } from "../retrieval/group-scorer.js";
import type { HybridConfig } from "../retrieval/hybrid-config.js";
import { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { LabelledKnowledge } from "../retrieval/labelled-questions.js";
import { Lexicon } from "../retrieval/lexicon.js";
import { embedderFromBuffer, embedderToBuffer } from "../retrieval/local-embeddings.js";
import { VectorIndex } from "../retrieval/vector-index.js";

interface SavedManifest {
  version: number;
  passages: number;
  fingerprint: string;
  embedder: string | null;
  lexicon: boolean;
  labelled?: number;
  config: HybridConfig;
}

/** Files an incremental update may hard-link from the generation it starts from. */
export type ReusableFile = "groups.bin" | "embedder.bin";

/** sha1 of the passage ids in order: loadSearcher() refuses passages the index was not built from. */
export function passageFingerprint(passages: readonly Passage[]): string {
  const h = createHash("sha1");
  for (const p of passages) h.update(`${p.id}\n`);
  return h.digest("hex");
}

/** Writes the searcher's files; `reuse` names a folder whose unchanged groups/embedder files are hard-linked instead (incremental updates). */
export function saveSearcher(searcher: HybridSearcher, dir: string, reuse?: { dir: string; files: ReusableFile[] }): void {
  mkdirSync(dir, { recursive: true });
  const linked = (f: ReusableFile) => {
    if (!reuse?.files.includes(f) || !existsSync(join(reuse.dir, f))) return false;
    linkSync(join(reuse.dir, f), join(dir, f));
    return true;
  };
  writeFileSync(join(dir, "bm25.bin"), searcher.bm25.toBuffer());
  if (searcher.groups && !linked("groups.bin")) writeFileSync(join(dir, "groups.bin"), searcher.groups.toBuffer());
  if (searcher.embedder && !linked("embedder.bin")) writeFileSync(join(dir, "embedder.bin"), embedderToBuffer(searcher.embedder));
  if (searcher.vectors) searcher.vectors.save(join(dir, "vectors.hnsw"));
  if (searcher.docVectors) writeFileSync(join(dir, "docvecs.bin"), pack({}, { v: searcher.docVectors }));
  if (searcher.removed) writeFileSync(join(dir, "removed.bin"), pack({}, { r: searcher.removed }));
  if (searcher.labelled) writeFileSync(join(dir, "labelled.json"), searcher.labelled.toJSON());
  const manifest: SavedManifest = {
    version: 1,
    passages: searcher.passages.length,
    fingerprint: passageFingerprint(searcher.passages),
    embedder: searcher.embedder?.id ?? null,
    lexicon: searcher.lexicon !== null,
    labelled: searcher.labelled?.questions.length ?? 0,
    config: searcher.config,
  };
  writeFileSync(join(dir, "searcher.json"), JSON.stringify(manifest, null, 1));
}

export interface LoadSearcherOptions {
  lexicon?: Lexicon | null;
  reranker?: GbdtModel | null;
  config?: Partial<HybridConfig>;
}

/** Loads what saveSearcher() wrote; `passages` must be the array the searcher was built from. */
export function loadSearcher(dir: string, passages: readonly Passage[], opts: LoadSearcherOptions = {}): HybridSearcher {
  const manifest = JSON.parse(readFileSync(join(dir, "searcher.json"), "utf8")) as SavedManifest;
  if (manifest.passages !== passages.length || manifest.fingerprint !== passageFingerprint(passages)) {
    throw new Error(`index in ${dir} was built from other passages (${manifest.passages} vs ${passages.length})`);
  }
  const has = (f: string) => existsSync(join(dir, f));
  const embedder = has("embedder.bin") ? embedderFromBuffer(readFileSync(join(dir, "embedder.bin"))) : null;
  return new HybridSearcher({
    passages,
    bm25: Bm25Index.fromBuffer(readFileSync(join(dir, "bm25.bin"))),
    groups: has("groups.bin") ? GroupScorer.fromBuffer(readFileSync(join(dir, "groups.bin"))) : null,
    ...(embedder ? { embedder } : {}),
    vectors: has("vectors.hnsw") ? VectorIndex.load(join(dir, "vectors.hnsw")) : null,
    docVectors: has("docvecs.bin") ? (unpack(readFileSync(join(dir, "docvecs.bin"))).arrays.v as Float32Array) : null,
    removed: has("removed.bin") ? (unpack(readFileSync(join(dir, "removed.bin"))).arrays.r as Uint8Array) : null,
    lexicon: opts.lexicon !== undefined ? opts.lexicon : manifest.lexicon ? Lexicon.default() : null,
    labelled: has("labelled.json") ? LabelledKnowledge.fromJSON(readFileSync(join(dir, "labelled.json"), "utf8")) : null,
    reranker: opts.reranker,
    config: { ...manifest.config, ...opts.config },
  });
}
