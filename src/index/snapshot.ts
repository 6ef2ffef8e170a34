/**
 * One index generation on disk: the passages and every structure of the HybridSearcher, each in
 * its own file so it loads with a few large reads (typed arrays, not per-object JSON).
 *
 *   manifest.json   what was indexed, by which embedder, counts, per-file content hashes
 *   passages.json   the passages (verbatim text + metadata)
 *   bm25.bin        multi-field BM25 postings
 *   groups.bin      law- and chapter-level BM25 (optional)
 *   embedder.bin    the local embedding model (LSA), when trained
 *   vectors.hnsw    HNSW graph (+ .json), and doc-vectors.bin for exact dense scores
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Bm25Index } from "./bm25.js";
import { HashingEmbeddings, LsaEmbeddings, type LocalEmbedder } from "./local-embeddings.js";
import { VectorIndex } from "./vector-index.js";
import { GroupScorer } from "../retrieval/group-scorer.js";
import { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import type { Passage } from "../types.js";

export const SNAPSHOT_FORMAT = 1;

export interface SourceFileRecord {
  /** "laws" or the corpus root the file was read from. */
  root: string;
  file: string;
  hash: string;
  passages: number;
}

export interface IndexManifest {
  format: number;
  createdAt: string;
  buildMs: number;
  embedder: { kind: "lsa" | "hash" | "none"; id: string | null; dim: number | null };
  sources: { laws: string | null; corpus: string[] };
  counts: { passages: number; lawArticles: number; articleChunks: number; documents: number; lawFiles: number };
  files: SourceFileRecord[];
}

export class SnapshotError extends Error {}

function embedderKind(e: LocalEmbedder | null): IndexManifest["embedder"] {
  if (!e) return { kind: "none", id: null, dim: null };
  return { kind: e instanceof LsaEmbeddings ? "lsa" : "hash", id: e.id, dim: e.dim };
}

export function writeSnapshot(dir: string, searcher: HybridSearcher, manifest: Omit<IndexManifest, "format" | "embedder">): IndexManifest {
  const full: IndexManifest = { format: SNAPSHOT_FORMAT, embedder: embedderKind(searcher.embedder), ...manifest };
  writeFileSync(path.join(dir, "passages.json"), JSON.stringify(searcher.passages));
  writeFileSync(path.join(dir, "bm25.bin"), searcher.bm25.toBuffer());
  if (searcher.groups) writeFileSync(path.join(dir, "groups.bin"), searcher.groups.toBuffer());
  if (searcher.embedder instanceof LsaEmbeddings) writeFileSync(path.join(dir, "embedder.bin"), searcher.embedder.toBuffer());
  if (searcher.vectors) searcher.vectors.save(path.join(dir, "vectors.hnsw"));
  if (searcher.docVectors) writeFileSync(path.join(dir, "doc-vectors.bin"), new Uint8Array(searcher.docVectors.buffer, searcher.docVectors.byteOffset, searcher.docVectors.byteLength));
  // The manifest last: a folder with a manifest has everything else.
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

function readFloat32(file: string): Float32Array {
  const buf = readFileSync(file);
  // Copy into an aligned buffer: Buffer pooling may give an offset that is not a multiple of 4.
  const out = new Float32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

export function loadSnapshot(dir: string): { manifest: IndexManifest; searcher: HybridSearcher } {
  const manifest = readManifest(dir);
  const passages = JSON.parse(readFileSync(path.join(dir, "passages.json"), "utf8")) as Passage[];
  const bm25 = Bm25Index.fromBuffer(readFileSync(path.join(dir, "bm25.bin")));
  const at = (name: string) => path.join(dir, name);
  const groups = existsSync(at("groups.bin")) ? GroupScorer.fromBuffer(readFileSync(at("groups.bin"))) : null;
  let embedder: LocalEmbedder | null = null;
  if (manifest.embedder.kind === "lsa") embedder = LsaEmbeddings.fromBuffer(readFileSync(at("embedder.bin")));
  else if (manifest.embedder.kind === "hash") embedder = new HashingEmbeddings({ dim: manifest.embedder.dim ?? undefined });
  if (embedder && embedder.id !== manifest.embedder.id) {
    throw new SnapshotError(`the index was built with embedder ${manifest.embedder.id} but ${embedder.id} is configured: run pufa index --full to rebuild it`);
  }
  const vectors = embedder && existsSync(at("vectors.hnsw")) ? VectorIndex.load(at("vectors.hnsw")) : null;
  const docVectors = embedder && existsSync(at("doc-vectors.bin")) ? readFloat32(at("doc-vectors.bin")) : null;
  return { manifest, searcher: new HybridSearcher({ passages, bm25, groups, embedder, vectors, docVectors }) };
}
