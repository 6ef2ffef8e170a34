/**
 * Holds the index being served and swaps in a refreshed one without a restart: it polls the
 * store's CURRENT pointer (and reloads on demand, e.g. on SIGHUP). A question in flight keeps the
 * searcher it started with, because the engine asks for the searcher once per question.
 */
import { watchFile, unwatchFile } from "node:fs";
import path from "node:path";
import { childLogger } from "../logger.js";
import type { HybridSearcher } from "../retrieval/hybrid-searcher.js";
import { endpointEmbedder, type QueryEmbedder } from "./endpoint-vectors.js";
import type { IndexManifest } from "./snapshot.js";
import { loadSnapshot } from "./snapshot.js";
import { IndexStore } from "./store.js";

const log = childLogger("index");

export interface LoadedIndex {
  generation: string;
  manifest: IndexManifest;
  searcher: HybridSearcher;
  loadedAt: number;
}

export class IndexHolder {
  private loaded: LoadedIndex;
  private readonly store: IndexStore;
  private watching = false;
  private readonly listeners: ((index: LoadedIndex) => void)[] = [];

  /**
   * `questionEmbedder`: the endpoint's (PUFA_EMBEDDING_MODEL). A served index whose vectors it made
   * embeds questions with it, this one and every one swapped in later; other indexes ignore it.
   */
  constructor(
    dataDir: string,
    initial: Omit<LoadedIndex, "loadedAt">,
    private readonly questionEmbedder: QueryEmbedder | null = null,
  ) {
    this.store = new IndexStore(dataDir);
    this.loaded = { ...this.connect(initial), loadedAt: Date.now() };
  }

  /** The index with the endpoint embedder connected when its vectors came from that endpoint. */
  private connect<T extends { searcher: HybridSearcher }>(index: T): T {
    const stored = index.searcher.embedder;
    const q = this.questionEmbedder;
    if (!q || !stored || stored.embedSync || stored.id !== q.id) return index;
    return { ...index, searcher: index.searcher.with({ embedder: endpointEmbedder(q, stored.dim) }) };
  }

  get current(): LoadedIndex {
    return this.loaded;
  }

  searcher(): HybridSearcher {
    return this.loaded.searcher;
  }

  /** Loads the generation CURRENT points to, if it is not the one served. Returns true when swapped. */
  reload(): boolean {
    const gen = this.store.current();
    if (!gen || gen.name === this.loaded.generation) return false;
    try {
      const snap = loadSnapshot(gen.dir);
      this.loaded = { generation: gen.name, ...this.connect(snap), loadedAt: Date.now() };
      log.info({ generation: gen.name, passages: snap.manifest.counts.passages }, "index refreshed");
      for (const l of this.listeners) l(this.loaded);
      return true;
    } catch (err) {
      // A generation that cannot be read is not served; the old one stays.
      log.error({ err, generation: gen.name }, "could not load the refreshed index; still serving the previous one");
      return false;
    }
  }

  /** Adopts an index this process has just built (no reload from disk). */
  adopt(index: Omit<LoadedIndex, "loadedAt">): void {
    this.loaded = { ...this.connect(index), loadedAt: Date.now() };
    for (const l of this.listeners) l(this.loaded);
  }

  onRefresh(listener: (index: LoadedIndex) => void): void {
    this.listeners.push(listener);
  }

  /** Polls CURRENT (rename-safe, unlike fs.watch on some file systems). */
  watch(intervalMs = 2000): void {
    if (this.watching) return;
    this.watching = true;
    watchFile(path.join(this.store.root, "CURRENT"), { interval: intervalMs, persistent: false }, () => this.reload());
  }

  close(): void {
    if (this.watching) unwatchFile(path.join(this.store.root, "CURRENT"));
    this.watching = false;
  }
}
