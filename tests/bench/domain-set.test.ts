/**
 * pufa's own labelled sets in src/bench/data: the pufa-domain evaluation set and the pufa-train
 * training set. Their format always; that every gold article exists in the law library when
 * ../shared/data/laws is present; and that no training question is a near copy of an evaluation
 * question (the evaluation set stays a held-out check on what the reranker learns from pufa-train).
 */
import { bigrams, jaccard } from "./set-checks.js";
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
  { name: "labelled/policing.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing.jsonl"), idPattern: /^pt-\d{3}$/ },
  { name: "labelled/policing-extra.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing-extra.jsonl"), idPattern: /^pl-\d{3}$/ },
  { name: "labelled/policing-more.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing-more.jsonl"), idPattern: /^pm-\d{3}$/ },
  { name: "labelled/policing-wide.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing-wide.jsonl"), idPattern: /^pw-\d{3}$/ },
  { name: "labelled/policing-scams.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing-scams.jsonl"), idPattern: /^pa-\d{3}$/ },
  { name: "labelled/policing-streets.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing-streets.jsonl"), idPattern: /^pb-\d{3}$/ },
  { name: "labelled/policing-daily.jsonl", file: path.join(REPO_ROOT, "src/data/labelled/policing-daily.jsonl"), idPattern: /^pc-\d{3}$/ },
];
// Every set pufa is measured on: the starter set is learned from at run time, so a near copy of one of
// their questions would be answered by its own label.
const EVAL_FILES = [
  SETS[0].file,
  path.join(REPO_ROOT, "tests/fixtures/retrieval/police-domain.jsonl"),
  path.join(REPO_ROOT, "src/bench/data/local/policing-stories.jsonl"),
  ...["policing-fresh", "policing-fresh2", "policing-fresh3", "policing-fresh4", "policing-fresh5", "policing-fresh6", "policing-fresh7", "policing-fresh8", "policing-fresh9"].map((f) => path.join(REPO_ROOT, `src/bench/data/${f}.jsonl`)),
];
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

describe("the policing starter set (src/data/labelled/) against the evaluation sets", () => {
  it("holds no near copy of an evaluation question (bigram Jaccard < 0.3) but the five known ones", () => {
    const evalQuestions = EVAL_FILES.flatMap((f) => loadStard(f)).map((it) => ({ id: it.id, b: bigrams(it.question) }));
    const close: string[] = [];
    for (const it of SETS.slice(1).flatMap((s) => loadStard(s.file))) {
      const b = bigrams(it.question);
      for (const e of evalQuestions) if (jaccard(b, e.b) >= 0.3) close.push(`${it.id}~${e.id}`);
    }
    // Sets written later, blind, by other hands, asked five of the same things (the topics are the same).
    // The training set was kept as the shipped reranker learned it; these five evaluation questions are
    // answered partly from their twin's label, and the README says so. Any new near copy fails here.
    expect(close.sort()).toEqual(["pt-025~ph-001", "pt-028~pi-035", "pt-038~ps-013", "pt-079~ps-037", "pt-116~ps-045"].sort());
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
