/**
 * Colloquial → statutory query expansion (src/data/lexicon.txt). A question containing 老公 also
 * searches 配偶; 喝酒开车 also searches 饮酒后驾驶. Keys match:
 * - verbatim, or with one particle (了过的个着把被) between two of their characters (打了人 → 打人);
 * - "A+B" keys when every part occurs anywhere in the question (狗+咬 matches 狗把孩子咬伤了); a part
 *   may name alternatives, any one of which will do (12岁+打|偷|伤: an age is a legal matter only beside an act).
 * Expansion terms join the BM25 query with HybridSearcher's lexiconWeight.
 */
import { readDataLines } from "../data/paths.js";
import { normalize } from "../text/tokenize.js";

export interface LexiconMatch {
  key: string;
  expansions: string[];
}

interface Entry extends LexiconMatch {
  /** The key with an optional particle between characters (楼上扔的东西, 打了人). */
  loose: RegExp | null;
  /** Parts of an "A+B" key (all must occur), each as its alternatives (any one will do), else null. */
  parts: string[][] | null;
}

const PARTICLES = "[了过的个着把被]?";

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export class Lexicon {
  /** Keys longest first, so 喝酒开车 wins over a shorter key inside it. */
  private readonly entries: Entry[];

  constructor(entries: Iterable<[string, string[]]>) {
    const merged = new Map<string, Set<string>>();
    for (const [k, exps] of entries) {
      const key = normalize(k);
      const set = merged.get(key) ?? new Set<string>();
      for (const e of exps) if (e && e !== key) set.add(normalize(e));
      merged.set(key, set);
    }
    this.entries = [...merged]
      .filter(([key, set]) => key.replace(/\+/g, "").length >= 2 && set.size > 0)
      .map(([key, set]) => {
        const parts = key.includes("+") ? key.split("+").filter(Boolean).map((part) => part.split("|").filter(Boolean)) : null;
        return {
          key,
          expansions: [...set],
          parts,
          loose: parts ? null : new RegExp([...key].map(escape).join(PARTICLES), "g"),
        };
      })
      .sort((a, b) => b.key.length - a.key.length || a.key.localeCompare(b.key));
  }

  static parse(lines: Iterable<string>): Lexicon {
    const entries: [string, string[]][] = [];
    for (const line of lines) {
      const t = line.trim();
      if (!t || t.startsWith("#")) continue;
      const [key, ...exps] = t.split(/\s+/);
      entries.push([key, exps]);
    }
    return new Lexicon(entries);
  }

  /** The shipped lexicon (src/data/lexicon.txt). */
  static default(): Lexicon {
    return Lexicon.parse(readDataLines("lexicon.txt"));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Entries whose key occurs in the question (not inside a longer matched key). */
  match(question: string): LexiconMatch[] {
    const q = normalize(question);
    const covered = new Uint8Array(q.length);
    const out: LexiconMatch[] = [];
    for (const e of this.entries) {
      if (e.parts) {
        if (e.parts.every((part) => part.some((alt) => q.includes(alt)))) out.push({ key: e.key, expansions: e.expansions });
        continue;
      }
      let hit = false;
      const spans: [number, number][] = [];
      if (e.loose) for (const m of q.matchAll(e.loose)) spans.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
      else for (let i = q.indexOf(e.key); i >= 0; i = q.indexOf(e.key, i + 1)) spans.push([i, i + e.key.length]);
      for (const [a, b] of spans) {
        let inside = true;
        for (let j = a; j < b; j++) if (!covered[j]) inside = false;
        if (inside) continue;
        covered.fill(1, a, b);
        hit = true;
      }
      if (hit) out.push({ key: e.key, expansions: e.expansions });
    }
    return out;
  }
}
