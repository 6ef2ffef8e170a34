/**
 * Explicit citations in a question: 刑法第一百三十三条之一, 刑法133条之一, 道交法第91条,
 * 《中华人民共和国刑法》第二百六十六条, 劳动合同法第三十九条、第四十条 → {lawShort, articleNo}.
 * A law name (a library title or an alias) must end right before the article number (allowing
 * 》, spaces, 的); a bare 第N条 takes the law last named before it in the same question.
 * Resolved against an article map, current version preferred.
 */
import type { ArticleNo, LawPassage, Passage } from "../types.js";
import { ANY_NUMBER, articleKey, parseNumber } from "../text/numerals.js";
import { lawAliases, lawNameKey, normalizeLawText } from "./law-aliases.js";

export interface CitationRef {
  /** Normalized short title (no 中华人民共和国). */
  lawShort: string;
  articleNo: ArticleNo;
  /** The matched text, e.g. "道交法第91条". */
  text: string;
}

export interface ResolvedCitation extends CitationRef {
  passage: LawPassage | null;
  /** Index of the passage in the array given to CitationIndex. */
  index: number;
}

const NUM = ANY_NUMBER;
const ARTICLE_RE = new RegExp(`(第)?\\s*(${NUM})\\s*条(?:\\s*之\\s*(${NUM}))?`, "g");
const GAP_RE = /[\s》>」』"”的中]*$/;

export class CitationIndex {
  /** normalized law name or alias → normalized short title */
  private readonly names = new Map<string, string>();
  private readonly maxNameLength: number;
  /** "lawShort|133-1" → passage index (current version preferred, then newest). */
  private readonly articles = new Map<string, number>();
  private readonly passages: readonly Passage[];

  constructor(passages: readonly Passage[]) {
    this.passages = passages;
    const rank = (p: LawPassage) => `${p.current ? 1 : 0}${p.version ?? "0000"}`;
    passages.forEach((p, i) => {
      if (p.kind !== "law") return;
      const law = lawNameKey(p.lawShort);
      this.names.set(law, law);
      const key = `${law}|${articleKey(p.articleNo)}`;
      const prev = this.articles.get(key);
      if (prev === undefined || rank(p) > rank(passages[prev] as LawPassage)) this.articles.set(key, i);
    });
    for (const [alias, target] of lawAliases()) if (this.names.has(target) && !this.names.has(alias)) this.names.set(alias, target);
    this.maxNameLength = Math.max(0, ...[...this.names.keys()].map((n) => n.length));
  }

  /** Law short titles and aliases known to this index. */
  knowsLaw(name: string): boolean {
    return this.names.has(lawNameKey(name));
  }

  /** Citations in `question`, in order of appearance, duplicates removed. */
  find(question: string): CitationRef[] {
    const text = normalizeLawText(question);
    const out: CitationRef[] = [];
    const seen = new Set<string>();
    let lastLaw: string | null = null;
    let lastLawEnd = -1;
    for (const m of text.matchAll(ARTICLE_RE)) {
      const start = m.index ?? 0;
      const num = parseNumber(m[2]);
      const sub = m[3] ? parseNumber(m[3]) : 0;
      if (!Number.isFinite(num) || num <= 0 || !Number.isFinite(sub)) continue;
      const before = text.slice(0, start);
      const gap = GAP_RE.exec(before)?.[0].length ?? 0;
      const law = this.lawEndingAt(before.slice(0, before.length - gap));
      let lawShort: string | null = null;
      let from = start;
      if (law) {
        lawShort = law.target;
        from = start - gap - law.length;
      } else if (m[1] && lastLaw !== null && start - lastLawEnd <= 30) {
        // 第九十一条、第九十二条: a bare article continues the law named just before.
        lawShort = lastLaw;
      } else if (!m[1]) continue;
      if (!lawShort) continue;
      lastLaw = lawShort;
      lastLawEnd = start + m[0].length;
      const articleNo = { num, sub };
      const key = `${lawShort}|${articleKey(articleNo)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ lawShort, articleNo, text: text.slice(from, start + m[0].length) });
    }
    return out;
  }

  /** find() resolved to passages (passage null when the library has no such article). */
  lookup(question: string): ResolvedCitation[] {
    return this.find(question).map((ref) => {
      const index = this.articles.get(`${ref.lawShort}|${articleKey(ref.articleNo)}`) ?? -1;
      return { ...ref, index, passage: index >= 0 ? (this.passages[index] as LawPassage) : null };
    });
  }

  private lawEndingAt(s: string): { target: string; length: number } | null {
    for (let len = Math.min(this.maxNameLength, s.length); len >= 2; len--) {
      const target = this.names.get(s.slice(s.length - len));
      if (target) return { target, length: len };
    }
    return null;
  }
}
