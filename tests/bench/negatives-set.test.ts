/**
 * The bench's hand-written sets of negatives and policing questions:
 * - local/negatives.jsonl: messages the bot must not answer with legal citations (chit-chat, other
 *   domains, nonsense, injection attempts). Their format, the mix of kinds, no repeats.
 * - local/policing-stories.jsonl, policing-fresh.jsonl, policing-fresh2.jsonl, policing-fresh3.jsonl, policing-fresh4.jsonl, policing-fresh5.jsonl, policing-fresh6.jsonl, policing-fresh7.jsonl, policing-fresh8.jsonl, policing-fresh9.jsonl: everyday policing
 *   questions, each with gold law articles (the fresh sets written blind, without running pufa).
 *   Their format always; that every gold article is an article of the current version of its law
 *   when ../shared/data/laws is present.
 * And that no negative is a near copy of a policing story (a negative must stay a negative).
 */
import { bigrams, jaccard, readJsonl } from "./set-checks.js";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadLawLibrary } from "../../src/ingestion/law-library.js";
import { articleKey, formatArticleNo, parseArticleNo } from "../../src/text/numerals.js";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const LOCAL = path.join(REPO_ROOT, "src/bench/data/local");
const NEGATIVES = path.join(LOCAL, "negatives.jsonl");
const STORIES = path.join(LOCAL, "policing-stories.jsonl");
/** The policing sets with gold articles: file, id pattern, minimum size. */
const POLICING_SETS = [
  { file: STORIES, id: /^ps-\d{3}$/, min: 40 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh.jsonl"), id: /^pf-\d{3}$/, min: 50 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh2.jsonl"), id: /^pg-\d{3}$/, min: 40 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh3.jsonl"), id: /^ph-\d{3}$/, min: 30 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh4.jsonl"), id: /^pi-\d{3}$/, min: 40 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh5.jsonl"), id: /^pj-\d{3}$/, min: 45 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh6.jsonl"), id: /^pk-\d{3}$/, min: 38 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh7.jsonl"), id: /^pn-\d{3}$/, min: 43 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh8.jsonl"), id: /^po-\d{3}$/, min: 43 },
  { file: path.join(REPO_ROOT, "src/bench/data/policing-fresh9.jsonl"), id: /^pr-\d{3}$/, min: 42 },
];
const SHARED_LAWS = path.resolve(REPO_ROOT, "../shared/data/laws");

/** The mix the set was written to: roughly 60 / 80 / 30 / 50, at least 220 in all. */
const KIND_MINIMUMS = { chitchat: 60, "other-domain": 80, nonsense: 30, injection: 50 } as const;
type Kind = keyof typeof KIND_MINIMUMS;
const MIN_NEGATIVES = 220;

interface Negative {
  id: string;
  question: string;
  kind: Kind;
}

interface Story {
  id: string;
  question: string;
  gold: Array<{ law: string; article: string }>;
  topic: string;
}

/** Same text up to width, case and spacing: "ＯＫ 了" and "ok了" are one question. */
function normalise(q: string): string {
  return q.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/** Ids, questions and repeats common to both sets. */
function sharedProblems(items: Array<{ id?: unknown; question?: unknown }>, idPattern: RegExp): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const questions = new Map<string, string>();
  for (const it of items) {
    const id = String(it.id);
    if (typeof it.id !== "string" || !idPattern.test(it.id)) problems.push(`bad id ${id}`);
    if (ids.has(id)) problems.push(`repeated id ${id}`);
    ids.add(id);
    if (typeof it.question !== "string" || !it.question.trim()) {
      problems.push(`${id}: no question`);
      continue;
    }
    if (it.question !== it.question.trim()) problems.push(`${id}: question has surrounding whitespace`);
    const key = normalise(it.question);
    const first = questions.get(key);
    if (first !== undefined) problems.push(`${id}: repeats ${first}`);
    else questions.set(key, id);
  }
  return problems;
}

describe("negatives.jsonl", () => {
  const { items, errors } = readJsonl(NEGATIVES);
  const negatives = items as Negative[];

  it("parses: one JSON object per non-empty line", () => {
    expect(errors).toEqual([]);
    expect(negatives.length).toBeGreaterThanOrEqual(MIN_NEGATIVES);
  });

  it("has unique neg-NNN ids, a question each and no repeated question", () => {
    expect(sharedProblems(negatives, /^neg-\d{3}$/)).toEqual([]);
  });

  it("has only the four kinds and exactly the fields id, question, kind", () => {
    const problems: string[] = [];
    for (const n of negatives) {
      if (!Object.hasOwn(KIND_MINIMUMS, n.kind)) problems.push(`${n.id}: unknown kind ${String(n.kind)}`);
      const keys = Object.keys(n).sort().join(",");
      if (keys !== "id,kind,question") problems.push(`${n.id}: fields ${keys}`);
    }
    expect(problems).toEqual([]);
  });

  it("meets the minimum count of every kind", () => {
    const counts = Object.fromEntries(Object.keys(KIND_MINIMUMS).map((k) => [k, 0])) as Record<Kind, number>;
    for (const n of negatives) if (n.kind in counts) counts[n.kind]++;
    for (const [kind, min] of Object.entries(KIND_MINIMUMS)) {
      expect(counts[kind as Kind], kind).toBeGreaterThanOrEqual(min);
    }
  });
});

describe.each(POLICING_SETS)("$file format", ({ file, id, min }) => {
  const { items, errors } = readJsonl(file);
  const stories = items as Story[];

  it("parses: one JSON object per non-empty line", () => {
    expect(errors).toEqual([]);
    expect(stories.length).toBeGreaterThanOrEqual(min);
  });

  it("has unique ids of its pattern, a question each and no repeated question", () => {
    expect(sharedProblems(stories, id)).toEqual([]);
  });

  it("gives every story a topic and gold articles by short law title and canonical article number", () => {
    const problems: string[] = [];
    for (const s of stories) {
      if (typeof s.topic !== "string" || !s.topic.trim()) problems.push(`${s.id}: no topic`);
      if (!Array.isArray(s.gold) || s.gold.length === 0) {
        problems.push(`${s.id}: no gold`);
        continue;
      }
      const keys = new Set<string>();
      for (const g of s.gold) {
        if (typeof g.law !== "string" || !g.law || g.law.startsWith("中华人民共和国")) {
          problems.push(`${s.id}: law must be the short title (${String(g.law)})`);
        }
        const no = typeof g.article === "string" ? parseArticleNo(g.article) : null;
        if (!no) {
          problems.push(`${s.id}: unparseable article ${String(g.article)}`);
          continue;
        }
        // Chinese numerals as the library writes them, so gold compares with citations as text.
        if (formatArticleNo(no) !== g.article) problems.push(`${s.id}: non-canonical ${g.article}`);
        const key = `${g.law}|${articleKey(no)}`;
        if (keys.has(key)) problems.push(`${s.id}: duplicate gold ${key}`);
        keys.add(key);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("negatives against policing stories", () => {
  const negatives = readJsonl(NEGATIVES).items as Negative[];
  const stories = readJsonl(STORIES).items as Story[];

  it("holds no negative that is a near copy of a policing story (bigram Jaccard < 0.3)", () => {
    const storyBigrams = stories.map((s) => ({ s, b: bigrams(s.question) }));
    const close: string[] = [];
    for (const n of negatives) {
      const b = bigrams(n.question);
      if (b.size === 0) continue;
      for (const { s, b: sb } of storyBigrams) if (jaccard(b, sb) >= 0.3) close.push(`${n.id} ${n.question} ~ ${s.id} ${s.question}`);
    }
    expect(close).toEqual([]);
  });

  it("the guard itself flags a reworded copy and passes an unrelated message", () => {
    expect(jaccard(bigrams("喝醉了开车被抓了，是不是要坐牢"), bigrams("喝醉了开车被抓，是不是要坐牢啊"))).toBeGreaterThanOrEqual(0.3);
    expect(jaccard(bigrams("洗衣机漏水怎么修"), bigrams("喝醉了开车被抓，是不是要坐牢啊"))).toBeLessThan(0.3);
  });
});

describe.skipIf(!existsSync(SHARED_LAWS))("policing sets' gold articles against the law library (../shared/data/laws)", () => {
  // lawShort|num-sub for the current version of each law, and for any version.
  const current = new Set<string>();
  const anyVersion = new Set<string>();

  beforeAll(async () => {
    const lib = await loadLawLibrary(SHARED_LAWS);
    for (const p of lib.passages) {
      const key = `${p.lawShort}|${articleKey(p.articleNo)}`;
      anyVersion.add(key);
      if (p.current) current.add(key);
    }
  }, 60_000);

  it.each(POLICING_SETS)("$file: every gold article is an article of the current version of its law", ({ file }) => {
    const stories = readJsonl(file).items as Story[];
    const unresolved: string[] = [];
    const oldOnly: string[] = [];
    for (const s of stories) {
      for (const g of s.gold) {
        const no = parseArticleNo(g.article);
        const key = `${g.law}|${no ? articleKey(no) : g.article}`;
        if (current.has(key)) continue;
        (anyVersion.has(key) ? oldOnly : unresolved).push(`${s.id} ${g.law}${g.article}`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(oldOnly).toEqual([]);
  });
});

// Said out loud in the report, so a run without the library does not read as a pass.
if (!existsSync(SHARED_LAWS)) {
  describe("policing sets' gold articles without the law library", () => {
    it.skip("skipped: ../shared/data/laws is absent, so gold articles are not checked against it", () => {});
  });
}
