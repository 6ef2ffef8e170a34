/**
 * Law-level and chapter-level relevance passed down to articles: each law file and each
 * 编/章/节 section is indexed as one BM25 document (the concatenation of its articles); a query's
 * group scores, divided by the best group's, are added to their articles' scores.
 * (`npm run bench`, ablation "− law/chapter scores": mostly a Recall@100 gain.)
 */
import type { Passage } from "../types.js";
import { Bm25Index, type WeightedTerms } from "./bm25.js";
import { pack, unpack } from "./binpack.js";
import { tokenize, type AnalyzerOptions } from "../text/tokenize.js";
import { lawNameKey } from "./law-aliases.js";

export class GroupScorer {
  /** passage → law group (-1: none, e.g. corpus chunks) */
  readonly lawOf: Int32Array;
  /** passage → chapter group (-1: none) */
  readonly chapterOf: Int32Array;
  private readonly laws: Bm25Index;
  private readonly chapters: Bm25Index;
  /** Law titles (without 中华人民共和国), one doc per law group; null in buffers written before it existed. */
  private readonly titles: Bm25Index | null;

  constructor(lawOf: Int32Array, chapterOf: Int32Array, laws: Bm25Index, chapters: Bm25Index, titles: Bm25Index | null = null) {
    this.lawOf = lawOf;
    this.chapterOf = chapterOf;
    this.laws = laws;
    this.chapters = chapters;
    this.titles = titles;
  }

  /** tokensOf(i): the analyzer's tokens of passage i's text (pass them when already computed). */
  static build(passages: readonly Passage[], analyzer: AnalyzerOptions, tokensOf?: (i: number) => readonly string[]): GroupScorer {
    const lawOf = new Int32Array(passages.length).fill(-1);
    const chapterOf = new Int32Array(passages.length).fill(-1);
    const lawIds = new Map<string, number>();
    const chapIds = new Map<string, number>();
    const lawTexts: number[][] = [];
    const lawTitles: string[] = [];
    const chapTexts: number[][] = [];
    const chapHeadings: string[] = [];
    passages.forEach((p, i) => {
      if (p.kind !== "law") return;
      let l = lawIds.get(p.file);
      if (l === undefined) {
        l = lawIds.size;
        lawIds.set(p.file, l);
        lawTexts.push([]);
        lawTitles.push(lawNameKey(p.lawShort));
      }
      lawOf[i] = l;
      lawTexts[l].push(i);
      if (!p.headings.length) return;
      const key = `${p.file}\u0000${p.headings.join("\u0000")}`;
      let c = chapIds.get(key);
      if (c === undefined) {
        c = chapIds.size;
        chapIds.set(key, c);
        chapTexts.push([]);
        chapHeadings.push(p.headings.join(" "));
      }
      chapterOf[i] = c;
      chapTexts[c].push(i);
    });
    const field = [{ name: "text", weight: 1, k1: 1.2, b: 0.75 }];
    const tok = tokensOf ?? ((i: number) => tokenize(passages[i].text, analyzer));
    const concat = (members: number[], extra: readonly string[] = []) => {
      const out: string[] = [...extra];
      for (const i of members) for (const t of tok(i)) out.push(t);
      return out;
    };
    const laws = Bm25Index.fromTokens(lawTexts.length, (g) => concat(lawTexts[g]), { fields: field, analyzer });
    const chapters = Bm25Index.fromTokens(chapTexts.length, (g) => concat(chapTexts[g], tokenize(chapHeadings[g], analyzer)), { fields: field, analyzer });
    const titles = Bm25Index.build(lawTitles.map((t) => [t]), { fields: [{ name: "title", weight: 1, k1: 1.2, b: 0.3 }], analyzer });
    return new GroupScorer(lawOf, chapterOf, laws, chapters, titles);
  }

  /** Per-group scores normalized to [0, 1] by the best group (title: per law group, by law title). */
  scores(terms: WeightedTerms): { law: Float32Array; chapter: Float32Array; title: Float32Array | null } {
    return { law: normalized(this.laws, terms), chapter: normalized(this.chapters, terms), title: this.titles ? normalized(this.titles, terms) : null };
  }

  toBuffer(): Buffer {
    return pack({ kind: "groups" }, {
      lawOf: this.lawOf,
      chapterOf: this.chapterOf,
      laws: new Uint8Array(this.laws.toBuffer()),
      chapters: new Uint8Array(this.chapters.toBuffer()),
      ...(this.titles ? { titles: new Uint8Array(this.titles.toBuffer()) } : {}),
    });
  }

  static fromBuffer(buf: Uint8Array): GroupScorer {
    const { arrays } = unpack<{ kind: string }>(buf);
    return new GroupScorer(
      arrays.lawOf as Int32Array,
      arrays.chapterOf as Int32Array,
      Bm25Index.fromBuffer(arrays.laws as Uint8Array),
      Bm25Index.fromBuffer(arrays.chapters as Uint8Array),
      arrays.titles ? Bm25Index.fromBuffer(arrays.titles as Uint8Array) : null,
    );
  }
}

function normalized(index: Bm25Index, terms: WeightedTerms): Float32Array {
  const out = new Float32Array(index.nDocs);
  const { docs, scores, count } = index.scoreAll(terms);
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  if (max > 0) for (let i = 0; i < count; i++) out[docs[i]] = scores[i] / max;
  return out;
}
