/**
 * Baselines run in the same bench as pufa's searcher:
 * - MiniSearch 7.2.0 with default options over jieba cutForSearch tokens (what an off-the-shelf
 *   JS full-text engine gives; its row in the bench report is the figure to compare);
 * - single-field character-bigram BM25 (title + article) on pufa's own BM25 code.
 */
import MiniSearch from "minisearch";
import type { Hit, Passage, Searcher, SearchOptions } from "../types.js";
import { jieba } from "../text/segmenter.js";
import { Bm25Index } from "../retrieval/bm25.js";

function docText(p: Passage): string {
  return p.kind === "law" ? `${p.lawShort} ${p.text}` : `${p.title} ${p.text}`;
}

function currentOnly(p: Passage): boolean {
  return p.kind !== "law" || p.current;
}

export class MiniSearchBaseline implements Searcher {
  private readonly ms: MiniSearch<{ id: number; text: string }>;
  constructor(private readonly passages: readonly Passage[]) {
    const tokenize = (s: string) => jieba().cutForSearch(s, false).filter((t) => /[\p{L}\p{N}]/u.test(t));
    this.ms = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], tokenize });
    this.ms.addAll(passages.map((p, id) => ({ id, text: docText(p) })));
  }

  async search(query: string, options: SearchOptions = {}): Promise<Hit[]> {
    const k = options.k ?? 10;
    const out: Hit[] = [];
    for (const r of this.ms.search(query)) {
      const p = this.passages[r.id as number];
      if (!options.allVersions && !currentOnly(p)) continue;
      if (options.kinds && !options.kinds.includes(p.kind)) continue;
      out.push({ passage: p, score: r.score, rank: out.length + 1 });
      if (out.length >= k) break;
    }
    return out;
  }
}

export class BigramBm25Baseline implements Searcher {
  private readonly index: Bm25Index;
  private readonly allow: Uint8Array;
  constructor(private readonly passages: readonly Passage[]) {
    this.index = Bm25Index.build(passages.map((p) => [docText(p)]), {
      fields: [{ name: "text", weight: 1, k1: 1.2, b: 0.75 }],
      analyzer: { unigrams: false, bigrams: true, words: false, minWordLength: 3 },
    });
    this.allow = Uint8Array.from(passages, (p) => (currentOnly(p) ? 1 : 0));
  }

  async search(query: string, options: SearchOptions = {}): Promise<Hit[]> {
    return this.index
      .search(query, options.k ?? 10, options.allVersions ? undefined : this.allow)
      .map((r, i) => ({ passage: this.passages[r.doc], score: r.score, rank: i + 1 }));
  }
}
