/**
 * The local-campaign evaluation set in src/bench/data/local: articles, questions and the founding
 * article's questions. Checks what a scorer relies on: every line parses, every gold document
 * exists, every expected fact is verbatim in a gold source (so a checker can find it in a right
 * reply's quotes), the kinds meet their minimums, "latest" questions point at the newest notice
 * and not at the one it replaced, and no question is a near copy of an article sentence.
 * Law texts are checked only when ../shared/data/laws is present.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticleFile } from "../../src/ingestion/article-reader.js";
import { parseFrontMatter } from "../../src/ingestion/front-matter.js";
import { loadLawLibrary } from "../../src/ingestion/law-library.js";
import { articleKey, formatArticleNo, parseArticleNo } from "../../src/text/numerals.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SET_DIR = path.join(REPO_ROOT, "src/bench/data/local");
const ARTICLES_DIR = path.join(SET_DIR, "articles");
const CORPUS_DIR = path.join(REPO_ROOT, "corpus");
const FOUNDING_FILE = "2021-12-03-wanning-police.md";
const SHARED_LAWS = path.resolve(REPO_ROOT, "../shared/data/laws");

const KINDS = ["fact", "latest", "town", "local+law", "followup"] as const;
type Kind = (typeof KINDS)[number];
const MINIMUM: Record<Kind, number> = { fact: 50, latest: 20, town: 20, "local+law": 20, followup: 8 };

/** Which earlier notices each newer one replaces, corrects, revokes or extends (see README.md). */
const SUPERSEDES: Record<string, string[]> = {
  "lc-002": ["lc-001"], // e-bike registration 2025 replaces 2023
  "lc-003": ["lc-002", "lc-001"], // transition period extended
  "lc-005": ["lc-004"], // fireworks ban 2025 replaces 2024
  "lc-007": ["lc-006"], // 更正 of the 山根 警情通报
  "lc-009": ["lc-008"], // road closure 撤销
  "lc-011": ["lc-010"], // surrender deadline 延期
  "lc-045": ["lc-034"], // ID window hours changed
};

const TOWNS = ["万城", "后安", "和乐", "龙滚", "山根", "大茂", "北大", "长丰", "东澳", "礼纪", "三更罗", "南桥", "兴隆"];

interface Gold {
  doc?: string;
  file?: string;
  law?: string;
  article?: string;
}
interface Item {
  id: string;
  question: string;
  kind: Kind;
  gold: Gold[];
  facts: string[];
  context?: Array<{ question: string }>;
}
interface Article {
  id: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

function readJsonl(file: string): { items: Item[]; errors: string[] } {
  const items: Item[] = [];
  const errors: string[] = [];
  readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        items.push(JSON.parse(line) as Item);
      } catch (err) {
        errors.push(`${path.basename(file)}:${i + 1}: ${(err as Error).message}`);
      }
    });
  return { items, errors };
}

function readArticles(): Article[] {
  return readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const fm = parseFrontMatter(readFileSync(path.join(ARTICLES_DIR, file), "utf8"));
      return { id: String(fm.data.id ?? ""), file, data: fm.data, body: fm.body };
    });
}

/** Distinct character bigrams of the CJK letters and digits (punctuation and spaces dropped). */
function bigrams(text: string): Set<string> {
  const t = text.replace(/[^\u4e00-\u9fff0-9A-Za-z]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

function sentences(body: string): string[] {
  return body.split(/[。！？；\n]/).map((s) => s.trim()).filter((s) => s.length > 3);
}

const bodyLength = (body: string): number => body.replace(/\s/g, "").length;

const articles = readArticles();
const byId = new Map(articles.map((a) => [a.id, a]));
const founding = parseFrontMatter(readFileSync(path.join(CORPUS_DIR, FOUNDING_FILE), "utf8"));
const questions = readJsonl(path.join(SET_DIR, "questions.jsonl"));
const foundingQs = readJsonl(path.join(SET_DIR, "founding.jsonl"));
const allItems = [...questions.items, ...foundingQs.items];

/** Body text of an article gold entry, or null when it names no known document. */
function goldBody(g: Gold): string | null {
  if (g.doc !== undefined) return byId.get(g.doc)?.body ?? null;
  if (g.file !== undefined) return g.file === FOUNDING_FILE ? founding.body : null;
  return null;
}

describe("local-campaign articles", () => {
  it("has at least 42 articles with unique lc-NNN ids", () => {
    expect(articles.length).toBeGreaterThanOrEqual(42);
    for (const a of articles) expect(a.id, a.file).toMatch(/^lc-\d{3}$/);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
  });

  it("gives every article the corpus front matter: id, title, source, date 2021–2026, region in 万宁, tags, url", () => {
    const problems: string[] = [];
    for (const a of articles) {
      const d = a.data;
      for (const key of ["title", "source", "region"]) if (typeof d[key] !== "string" || !(d[key] as string).trim()) problems.push(`${a.file}: no ${key}`);
      if (typeof d.date !== "string" || !/^(202[1-6])-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d.date)) problems.push(`${a.file}: date ${String(d.date)}`);
      if (!Array.isArray(d.tags) || d.tags.length === 0) problems.push(`${a.file}: no tags`);
      if (d.url !== "") problems.push(`${a.file}: url must be ""`);
      if (typeof d.region === "string" && !d.region.startsWith("万宁市")) problems.push(`${a.file}: region ${d.region}`);
    }
    expect(problems).toEqual([]);
  });

  it("reads as pufa reads a corpus: the front-matter id is the document id", async () => {
    for (const a of articles) {
      const { doc, warnings } = await readArticleFile(ARTICLES_DIR, a.file);
      expect(warnings, a.file).toEqual([]);
      expect(doc?.docId).toBe(a.id);
    }
  });

  it("keeps every body between 200 and 1,200 characters, several of them 900 or more", () => {
    const outside = articles.filter((a) => bodyLength(a.body) < 200 || bodyLength(a.body) > 1200).map((a) => `${a.file}: ${bodyLength(a.body)}`);
    expect(outside).toEqual([]);
    expect(articles.filter((a) => bodyLength(a.body) >= 900).length).toBeGreaterThanOrEqual(3);
  });

  it("covers several towns and dates from 2021 to 2026", () => {
    const towns = new Set(articles.map((a) => TOWNS.find((t) => String(a.data.region).includes(t))).filter(Boolean));
    expect(towns.size).toBeGreaterThanOrEqual(10);
    const years = new Set(articles.map((a) => String(a.data.date).slice(0, 4)));
    expect([...years].sort()).toEqual(["2021", "2022", "2023", "2024", "2025", "2026"]);
  });
});

describe.each([
  { name: "questions.jsonl", set: questions, idPattern: /^lq-\d{3}$/, minimum: 130 },
  { name: "founding.jsonl", set: foundingQs, idPattern: /^lf-\d{3}$/, minimum: 15 },
])("$name format", ({ set, idPattern, minimum }) => {
  it("parses every line and has enough items", () => {
    expect(set.errors).toEqual([]);
    expect(set.items.length).toBeGreaterThanOrEqual(minimum);
  });

  it("has unique ids and no repeated question", () => {
    for (const it of set.items) expect(it.id).toMatch(idPattern);
    expect(new Set(set.items.map((i) => i.id)).size).toBe(set.items.length);
    expect(new Set(set.items.map((i) => i.question.trim())).size).toBe(set.items.length);
  });

  it("gives every item a kind, gold sources that exist, and 1–2 short facts", () => {
    const problems: string[] = [];
    for (const it of set.items) {
      if (typeof it.question !== "string" || !it.question.trim()) problems.push(`${it.id}: no question`);
      if (!KINDS.includes(it.kind)) problems.push(`${it.id}: kind ${it.kind}`);
      if (!Array.isArray(it.gold) || it.gold.length === 0) problems.push(`${it.id}: no gold`);
      for (const g of it.gold ?? []) {
        if (g.law !== undefined) {
          const no = parseArticleNo(g.article ?? "");
          if (!no || formatArticleNo(no) !== g.article) problems.push(`${it.id}: article ${g.article} not canonical`);
          if (!g.law || g.law.startsWith("中华人民共和国")) problems.push(`${it.id}: law must be the short title (${g.law})`);
        } else if (goldBody(g) === null) problems.push(`${it.id}: gold ${JSON.stringify(g)} names no document of the set`);
      }
      if (!Array.isArray(it.facts) || it.facts.length < 1 || it.facts.length > 2) problems.push(`${it.id}: needs 1–2 facts`);
      for (const f of it.facts ?? []) if (typeof f !== "string" || f.length < 2 || f.length > 12) problems.push(`${it.id}: fact "${f}" not 2–12 characters`);
      const hasContext = Array.isArray(it.context) && it.context.length > 0 && it.context.every((c) => typeof c.question === "string" && c.question.trim());
      if ((it.kind === "followup") !== hasContext) problems.push(`${it.id}: context belongs to followups, and every followup needs one`);
      if (it.kind === "local+law" && !(it.gold.some((g) => g.doc) && it.gold.some((g) => g.law))) problems.push(`${it.id}: local+law needs an article and a law`);
    }
    expect(problems).toEqual([]);
  });
});

describe("questions.jsonl kinds", () => {
  it("meets the minimum count of each kind", () => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, questions.items.filter((i) => i.kind === k).length]));
    for (const k of KINDS) expect(counts[k], k).toBeGreaterThanOrEqual(MINIMUM[k]);
  });

  it("points every latest question at a newer notice, never at one it replaced, with a fact the old one lacks", () => {
    const problems: string[] = [];
    for (const it of questions.items.filter((i) => i.kind === "latest")) {
      const docs = it.gold.flatMap((g) => (g.doc ? [g.doc] : []));
      const newer = docs.filter((d) => d in SUPERSEDES);
      if (newer.length === 0) problems.push(`${it.id}: no superseding notice in gold`);
      const replaced = new Set(newer.flatMap((d) => SUPERSEDES[d]));
      for (const d of docs) if (replaced.has(d)) problems.push(`${it.id}: superseded ${d} in gold`);
      // A reply quoting only the replaced notice must fail: some fact is missing from all of them.
      const old = [...replaced].map((d) => byId.get(d)?.body ?? "");
      if (!it.facts.some((f) => old.every((b) => !b.includes(f)))) problems.push(`${it.id}: every fact also in the replaced notice`);
    }
    expect(problems).toEqual([]);
  });

  it("names in every town question the town of its gold article, which has a similar article in another town", () => {
    const problems: string[] = [];
    for (const it of questions.items.filter((i) => i.kind === "town")) {
      const gold = it.gold.flatMap((g) => (g.doc ? [byId.get(g.doc)!] : []));
      const town = TOWNS.find((t) => it.question.includes(t));
      if (!town) {
        problems.push(`${it.id}: names no town`);
        continue;
      }
      if (!gold.every((a) => String(a.data.region).includes(town))) problems.push(`${it.id}: gold not in ${town}`);
      const tags = new Set(gold.flatMap((a) => a.data.tags as string[]));
      const similar = articles.some((a) => !String(a.data.region).includes(town) && (a.data.tags as string[]).some((t) => tags.has(t) && t !== "新闻"));
      if (!similar) problems.push(`${it.id}: no similar article in another town`);
    }
    expect(problems).toEqual([]);
  });
});

describe("facts are verbatim in the gold sources", () => {
  it("finds every fact of an article-only item in its gold articles", () => {
    const missing: string[] = [];
    for (const it of allItems.filter((i) => i.gold.every((g) => !g.law))) {
      const bodies = it.gold.map(goldBody).filter((b): b is string => b !== null);
      for (const f of it.facts) if (!bodies.some((b) => b.includes(f))) missing.push(`${it.id}: ${f}`);
    }
    expect(missing).toEqual([]);
  });

  it("a fact not in the text is caught", () => {
    const body = byId.get("lc-031")!.body;
    expect(body.includes("286起")).toBe(true);
    expect(body.includes("287起")).toBe(false);
  });
});

describe.skipIf(!existsSync(SHARED_LAWS))("facts and articles of the law library (../shared/data/laws)", () => {
  const lawText = new Map<string, string>();

  beforeAll(async () => {
    const lib = await loadLawLibrary(SHARED_LAWS);
    for (const p of lib.passages) if (p.current) lawText.set(`${p.lawShort}|${articleKey(p.articleNo)}`, p.text);
  }, 120_000);

  const lawKey = (g: Gold): string => `${g.law}|${articleKey(parseArticleNo(g.article!)!)}`;

  it("resolves every gold law article in the current version of its law", () => {
    const unresolved = allItems.flatMap((it) => it.gold.filter((g) => g.law && !lawText.has(lawKey(g))).map((g) => `${it.id} ${g.law}${g.article}`));
    expect(unresolved).toEqual([]);
  });

  it("finds every fact of a local+law item in its gold articles or law texts", () => {
    const missing: string[] = [];
    for (const it of allItems.filter((i) => i.gold.some((g) => g.law))) {
      const texts = it.gold.map((g) => (g.law ? lawText.get(lawKey(g)) ?? "" : goldBody(g) ?? ""));
      for (const f of it.facts) if (!texts.some((t) => t.includes(f))) missing.push(`${it.id}: ${f}`);
    }
    expect(missing).toEqual([]);
  });
});

// Reported as a skipped test only where the library is absent.
if (!existsSync(SHARED_LAWS)) {
  describe("facts and articles of the law library", () => {
    it.skip("skipped: ../shared/data/laws is absent, so facts only a law text holds and gold law articles are not checked", () => {});
  });
}

describe("questions are not near copies of article sentences", () => {
  it("keeps every question and context question below bigram Jaccard 0.6 with every article sentence", () => {
    const sents = [...articles.map((a) => ({ id: a.id, body: a.body })), { id: FOUNDING_FILE, body: founding.body }].flatMap((a) =>
      sentences(a.body).map((s) => ({ id: a.id, s, b: bigrams(s) })),
    );
    const close: string[] = [];
    for (const it of allItems) {
      for (const q of [it.question, ...(it.context ?? []).map((c) => c.question)]) {
        const qb = bigrams(q);
        for (const s of sents) if (jaccard(qb, s.b) >= 0.6) close.push(`${it.id} ${q} ~ ${s.id} ${s.s}`);
      }
    }
    expect(close).toEqual([]);
  });

  it("the guard flags a copied sentence and passes a paraphrase", () => {
    const s = bigrams("共查处酒驾醉驾违法行为286起");
    expect(jaccard(bigrams("共查处酒驾醉驾违法行为286起吗"), s)).toBeGreaterThanOrEqual(0.6);
    expect(jaccard(bigrams("24年一季度万宁抓了多少起酒驾醉驾"), s)).toBeLessThan(0.6);
  });
});
