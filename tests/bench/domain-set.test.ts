/**
 * pufa's own labelled sets in src/bench/data: the pufa-domain evaluation set and the pufa-train
 * training set. Their format always; that every gold article exists in the law library when
 * ../shared/data/laws is present; and that no training question is a near copy of an evaluation
 * question (the evaluation set stays a held-out check on what the reranker learns from pufa-train).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStard, type StardItem } from "../../src/eval/stard.js";
import { loadLawLibrary } from "../../src/ingestion/law-library.js";
import { articleKey, formatArticleNo, parseArticleNo } from "../../src/text/numerals.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SETS = [
  { name: "pufa-domain.jsonl", file: path.join(REPO_ROOT, "src/bench/data/pufa-domain.jsonl"), idPattern: /^pd-\d{3}$/ },
  { name: "pufa-train.jsonl", file: path.join(REPO_ROOT, "src/bench/data/pufa-train.jsonl"), idPattern: /^pt-\d{3}$/ },
];
const EVAL_FILES = [SETS[0].file, path.join(REPO_ROOT, "tests/fixtures/retrieval/police-domain.jsonl")];
const SHARED_LAWS = path.resolve(REPO_ROOT, "../shared/data/laws");

interface DomainItem extends StardItem {
  topic: string;
}

describe.each(SETS)("$name format", ({ file, idPattern }) => {
  const items = loadStard(file) as DomainItem[];

  it("has one JSON object per non-empty line, about a hundred of them", () => {
    const lines = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.trim());
    expect(lines.length).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(90);
  });

  it("has unique ids of its own prefix and no repeated question", () => {
    for (const it of items) expect(it.id).toMatch(idPattern);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.question.trim())).size).toBe(items.length);
  });

  it("gives every item a question, a topic and at least one gold article with a parseable number", () => {
    const problems: string[] = [];
    for (const it of items) {
      if (typeof it.question !== "string" || !it.question.trim()) problems.push(`${it.id}: no question`);
      if (typeof it.topic !== "string" || !it.topic.trim()) problems.push(`${it.id}: no topic`);
      if (!Array.isArray(it.gold) || it.gold.length === 0) {
        problems.push(`${it.id}: no gold`);
        continue;
      }
      const keys = new Set<string>();
      for (const g of it.gold) {
        const no = parseArticleNo(g.article);
        if (!no) {
          problems.push(`${it.id}: unparseable article ${g.article}`);
          continue;
        }
        // Canonical spelling, as the library writes it, so names and articles compare as text too.
        if (formatArticleNo(no) !== g.article) problems.push(`${it.id}: non-canonical ${g.article}`);
        if (!g.law || g.law.startsWith("中华人民共和国")) problems.push(`${it.id}: law must be the short title (${g.law})`);
        if (!g.name?.endsWith(`${g.law}${g.article}`)) problems.push(`${it.id}: name ${g.name} does not end with ${g.law}${g.article}`);
        const key = `${g.law}|${articleKey(no)}`;
        if (keys.has(key)) problems.push(`${it.id}: duplicate gold ${key}`);
        keys.add(key);
      }
    }
    expect(problems).toEqual([]);
  });
});

/** Distinct CJK character bigrams of a question. */
function bigrams(text: string): Set<string> {
  const t = text.replace(/[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both || 1);
}

describe("pufa-train.jsonl against the evaluation sets", () => {
  it("holds no near copy of an evaluation question (bigram Jaccard < 0.3)", () => {
    const evalQuestions = EVAL_FILES.flatMap((f) => loadStard(f)).map((it) => ({ q: it.question, b: bigrams(it.question) }));
    const close: string[] = [];
    for (const it of loadStard(SETS[1].file)) {
      const b = bigrams(it.question);
      for (const e of evalQuestions) if (jaccard(b, e.b) >= 0.3) close.push(`${it.id} ${it.question} ~ ${e.q}`);
    }
    expect(close).toEqual([]);
  });

  it("the guard itself flags a reworded copy", () => {
    expect(jaccard(bigrams("嫖娼被派出所抓了，会怎么处罚"), bigrams("嫖娼被抓了会怎么处罚"))).toBeGreaterThanOrEqual(0.3);
    expect(jaccard(bigrams("带着匕首坐火车被查到会怎样"), bigrams("身份证丢了怎么补办"))).toBeLessThan(0.3);
  });
});

describe.skipIf(!existsSync(SHARED_LAWS)).each(SETS)("$name gold articles against the law library (../shared/data/laws)", ({ file }) => {
  const items = loadStard(file) as DomainItem[];
  // lawShort|num-sub → full title, for the current version of each law only.
  const current = new Map<string, string>();
  const anyVersion = new Set<string>();

  beforeAll(async () => {
    const lib = await loadLawLibrary(SHARED_LAWS);
    for (const p of lib.passages) {
      const key = `${p.lawShort}|${articleKey(p.articleNo)}`;
      anyVersion.add(key);
      if (p.current) current.set(key, p.lawTitle);
    }
  }, 60_000);

  it("resolves every gold article to an article of the current version of its law", () => {
    const unresolved: string[] = [];
    const oldOnly: string[] = [];
    const badName: string[] = [];
    for (const it of items) {
      for (const g of it.gold) {
        const key = `${g.law}|${articleKey(parseArticleNo(g.article)!)}`;
        const title = current.get(key);
        if (title === undefined) {
          (anyVersion.has(key) ? oldOnly : unresolved).push(`${it.id} ${g.law}${g.article}`);
          continue;
        }
        if (g.name !== `${title}${g.article}`) badName.push(`${it.id} ${g.name} ≠ ${title}${g.article}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(oldOnly).toEqual([]);
    expect(badName).toEqual([]);
  });
});
