/**
 * The pufa-domain evaluation set (src/bench/data/pufa-domain.jsonl): its format always, and that
 * every gold article exists in the law library when ../shared/data/laws is present.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStard, type StardItem } from "../../src/bench/stard.js";
import { loadLawLibrary } from "../../src/ingestion/law-library.js";
import { articleKey, formatArticleNo, parseArticleNo } from "../../src/text/numerals.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SET_FILE = path.join(REPO_ROOT, "src/bench/data/pufa-domain.jsonl");
const SHARED_LAWS = path.resolve(REPO_ROOT, "../shared/data/laws");

interface DomainItem extends StardItem {
  topic: string;
}

const items = loadStard(SET_FILE) as DomainItem[];

describe("pufa-domain.jsonl format", () => {
  it("has one JSON object per non-empty line, about a hundred of them", () => {
    const lines = readFileSync(SET_FILE, "utf8").split(/\r?\n/).filter((l) => l.trim());
    expect(lines.length).toBe(items.length);
    expect(items.length).toBeGreaterThanOrEqual(90);
  });

  it("has unique ids of the form pd-NNN and no repeated question", () => {
    for (const it of items) expect(it.id).toMatch(/^pd-\d{3}$/);
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

describe.skipIf(!existsSync(SHARED_LAWS))("pufa-domain gold articles against the law library (../shared/data/laws)", () => {
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
