/**
 * The small later local sets, src/bench/data/local-fresh to local-fresh201 (each written after an answer
 * engine's changes of its session, to measure them on articles and questions they were not shaped on):
 * every line parses, every gold article exists, every expected fact is verbatim in a gold article,
 * and no question is a near copy of an article sentence.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/ingestion/front-matter.js";
import { bigrams, jaccard, readJsonl } from "./set-checks.js";

const LAWS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/data/laws");

/** The text of one article of the library's newest version of the law (squashed), or undefined when the library is absent. */
function lawArticleText(law: string, article: string): string | undefined {
  if (!existsSync(LAWS)) return undefined;
  // The library's folders nest (部门规章/公安部/…): every file named for the law, at any depth, and
  // every file of a folder named for it (民法典/ holds one file per book).
  const files = (dir: string, ofLaw = false): string[] =>
    readdirSync(dir).flatMap((n) => {
      const full = path.join(dir, n);
      if (statSync(full).isDirectory()) return files(full, ofLaw || n === law);
      return (ofLaw && n.endsWith(".md")) || n.startsWith(`${law}(`) || n === `${law}.md` ? [full] : [];
    });
  // The newest version first (道路运输条例(2023-07-20).md before (2019-03-02)): sets cite the law in force.
  for (const f of files(LAWS).sort((a, b) => path.basename(b).localeCompare(path.basename(a)))) {
    const text = readFileSync(f, "utf8");
    const start = text.search(new RegExp(`(^|\\n)${article}[ \\u3000]`));
    if (start < 0) continue;
    const rest = text.slice(start + 1);
    const end = rest.search(/\n第[零〇一二两三四五六七八九十百千]+条[ \u3000]/);
    return squash(end < 0 ? rest : rest.slice(0, end));
  }
  return "";
}

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/bench/data");
const squash = (s: string) => s.replace(/\s+/g, "");

describe.each([
  ["local-fresh", 6, 20],
  ["local-fresh2", 5, 16],
  ["local-fresh3", 6, 20],
  ["local-fresh4", 6, 20],
  ["local-fresh5", 6, 20],
  ["local-fresh6", 8, 30],
  ["local-fresh7", 8, 30],
  ["local-fresh8", 8, 30],
  ["local-fresh9", 8, 30],
  ["local-fresh10", 8, 30],
  ["local-fresh11", 8, 30],
  ["local-fresh12", 8, 30],
  ["local-fresh13", 8, 30],
  ["local-fresh14", 8, 30],
  ["local-fresh15", 8, 30],
  ["local-fresh16", 8, 30],
  ["local-fresh17", 8, 30],
  ["local-fresh18", 8, 30],
  ["local-fresh19", 8, 30],
  ["local-fresh20", 8, 30],
  ["local-fresh21", 8, 30],
  ["local-fresh22", 8, 30],
  ["local-fresh23", 8, 30],
  ["local-fresh24", 8, 30],
  ["local-fresh25", 8, 30],
  ["local-fresh26", 8, 30],
  ["local-fresh27", 8, 30],
  ["local-fresh28", 8, 30],
  ["local-fresh29", 8, 30],
  ["local-fresh30", 9, 30],
  ["local-fresh31", 8, 30],
  ["local-fresh32", 9, 30],
  ["local-fresh33", 8, 30],
  ["local-fresh34", 9, 30],
  ["local-fresh35", 8, 30],
  ["local-fresh36", 8, 30],
  ["local-fresh37", 9, 30],
  ["local-fresh38", 8, 30],
  ["local-fresh39", 8, 30],
  ["local-fresh40", 8, 30],
  ["local-fresh41", 8, 30],
  ["local-fresh42", 8, 30],
  ["local-fresh43", 8, 30],
  ["local-fresh44", 8, 30],
  ["local-fresh45", 8, 30],
  ["local-fresh46", 8, 30],
  ["local-fresh47", 8, 30],
  ["local-fresh48", 8, 30],
  ["local-fresh49", 8, 30],
  ["local-fresh50", 8, 30],
  ["local-fresh51", 8, 30],
  ["local-fresh52", 8, 30],
  ["local-fresh53", 8, 30],
  ["local-fresh54", 8, 30],
  ["local-fresh55", 8, 30],
  ["local-fresh56", 8, 30],
  ["local-fresh57", 8, 30],
  ["local-fresh58", 8, 30],
  ["local-fresh59", 8, 30],
  ["local-fresh60", 8, 30],
  ["local-fresh61", 8, 30],
  ["local-fresh62", 8, 30],
  ["local-fresh63", 8, 30],
  ["local-fresh64", 8, 30],
  ["local-fresh65", 8, 30],
  ["local-fresh66", 8, 30],
  ["local-fresh67", 8, 30],
  ["local-fresh68", 8, 30],
  ["local-fresh69", 8, 30],
  ["local-fresh70", 8, 30],
  ["local-fresh71", 8, 30],
  ["local-fresh72", 8, 30],
  ["local-fresh73", 8, 30],
  ["local-fresh74", 8, 30],
  ["local-fresh75", 8, 30],
  ["local-fresh76", 8, 30],
  ["local-fresh77", 8, 30],
  ["local-fresh78", 8, 30],
  ["local-fresh79", 8, 30],
  ["local-fresh80", 8, 30],
  ["local-fresh81", 8, 30],
  ["local-fresh82", 8, 30],
  ["local-fresh83", 8, 30],
  ["local-fresh84", 8, 30],
  ["local-fresh85", 8, 30],
  ["local-fresh86", 8, 30],
  ["local-fresh87", 8, 30],
  ["local-fresh88", 8, 30],
  ["local-fresh89", 8, 30],
  ["local-fresh90", 8, 30],
  ["local-fresh91", 8, 30],
  ["local-fresh92", 8, 30],
  ["local-fresh93", 8, 30],
  ["local-fresh94", 8, 30],
  ["local-fresh95", 8, 30],
  ["local-fresh96", 8, 30],
  ["local-fresh97", 8, 30],
  ["local-fresh98", 8, 30],
  ["local-fresh99", 8, 30],
  ["local-fresh100", 8, 30],
  ["local-fresh101", 8, 30],
  ["local-fresh102", 8, 30],
  ["local-fresh103", 8, 30],
  ["local-fresh104", 8, 30],
  ["local-fresh105", 8, 30],
  ["local-fresh106", 8, 30],
  ["local-fresh107", 8, 30],
  ["local-fresh108", 8, 30],
  ["local-fresh109", 8, 30],
  ["local-fresh110", 8, 30],
  ["local-fresh111", 8, 30],
  ["local-fresh112", 8, 30],
  ["local-fresh113", 8, 30],
  ["local-fresh114", 8, 30],
  ["local-fresh115", 8, 30],
  ["local-fresh116", 8, 30],
  ["local-fresh117", 8, 30],
  ["local-fresh118", 8, 30],
  ["local-fresh119", 8, 30],
  ["local-fresh120", 8, 30],
  ["local-fresh121", 8, 30],
  ["local-fresh122", 8, 30],
  ["local-fresh123", 8, 30],
  ["local-fresh124", 8, 30],
  ["local-fresh125", 8, 30],
  ["local-fresh126", 8, 30],
  ["local-fresh127", 8, 30],
  ["local-fresh128", 8, 30],
  ["local-fresh129", 8, 30],
  ["local-fresh130", 8, 30],
  ["local-fresh131", 8, 30],
  ["local-fresh132", 8, 30],
  ["local-fresh133", 8, 30],
  ["local-fresh134", 8, 30],
  ["local-fresh135", 8, 30],
  ["local-fresh136", 8, 30],
  ["local-fresh137", 8, 30],
  ["local-fresh138", 8, 30],
  ["local-fresh139", 8, 30],
  ["local-fresh140", 8, 30],
  ["local-fresh141", 8, 30],
  ["local-fresh142", 8, 30],
  ["local-fresh143", 8, 30],
  ["local-fresh144", 8, 30],
  ["local-fresh145", 8, 30],
  ["local-fresh146", 8, 30],
  ["local-fresh147", 8, 30],
  ["local-fresh148", 8, 30],
  ["local-fresh149", 8, 30],
  ["local-fresh150", 8, 30],
  ["local-fresh151", 8, 30],
  ["local-fresh152", 8, 30],
  ["local-fresh153", 8, 30],
  ["local-fresh154", 8, 30],
  ["local-fresh155", 8, 30],
  ["local-fresh156", 8, 30],
  ["local-fresh157", 8, 30],
  ["local-fresh158", 8, 30],
  ["local-fresh159", 8, 30],
  ["local-fresh160", 8, 30],
  ["local-fresh161", 8, 30],
  ["local-fresh162", 8, 30],
  ["local-fresh163", 8, 30],
  ["local-fresh164", 8, 30],
  ["local-fresh165", 8, 30],
  ["local-fresh166", 8, 30],
  ["local-fresh167", 8, 30],
  ["local-fresh168", 8, 30],
  ["local-fresh169", 8, 30],
  ["local-fresh170", 8, 30],
  ["local-fresh171", 8, 30],
  ["local-fresh172", 8, 30],
  ["local-fresh173", 8, 30],
  ["local-fresh174", 8, 30],
  ["local-fresh175", 8, 30],
  ["local-fresh176", 8, 30],
  ["local-fresh177", 8, 30],
  ["local-fresh178", 8, 30],
  ["local-fresh179", 8, 30],
  ["local-fresh180", 8, 30],
  ["local-fresh181", 8, 30],
  ["local-fresh182", 8, 30],
  ["local-fresh183", 8, 30],
  ["local-fresh184", 8, 30],
  ["local-fresh185", 8, 30],
  ["local-fresh186", 8, 30],
  ["local-fresh187", 8, 30],
  ["local-fresh188", 8, 30],
  ["local-fresh189", 8, 30],
  ["local-fresh190", 8, 30],
  ["local-fresh191", 8, 30],
  ["local-fresh192", 8, 30],
  ["local-fresh193", 8, 30],
  ["local-fresh194", 8, 30],
  ["local-fresh195", 8, 30],
  ["local-fresh196", 8, 30],
  ["local-fresh197", 8, 30],
  ["local-fresh198", 8, 30],
  ["local-fresh199", 8, 30],
  ["local-fresh200", 8, 30],
  ["local-fresh201", 8, 30],
])("src/bench/data/%s", (name, articleCount, questionCount) => {
  const SET_DIR = path.join(DATA, name);
  const articles = new Map<string, string>();
  for (const f of readdirSync(path.join(SET_DIR, "articles")).filter((n) => n.endsWith(".md"))) {
    const { data, body } = parseFrontMatter(readFileSync(path.join(SET_DIR, "articles", f), "utf8"));
    articles.set(String(data.id), body);
  }
  const { items: questions, errors } = readJsonl<{ id: string; question: string; gold: ({ doc: string } | { law: string; article: string })[]; facts: string[] }>(path.join(SET_DIR, "questions.jsonl"));

  it("has its articles and questions with unique ids", () => {
    expect(errors).toEqual([]);
    expect(articles.size).toBe(articleCount);
    expect(questions).toHaveLength(questionCount);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it.each(questions.map((q) => [q.id, q] as const))("%s: gold exists and every fact is verbatim in a gold article or law", (_id, q) => {
    expect(q.gold.length).toBeGreaterThan(0);
    const docs = q.gold.flatMap((g) => ("doc" in g ? [g.doc] : []));
    expect(docs.length, "a local question names its article").toBeGreaterThan(0);
    for (const d of docs) expect(articles.has(d), d).toBe(true);
    const laws = q.gold.flatMap((g) => ("law" in g ? [g] : []));
    for (const fact of q.facts) {
      const inArticle = docs.some((d) => squash(articles.get(d) ?? "").includes(squash(fact)));
      // A fact from the law is checked against the library where it is present (../shared is read-only and optional).
      const inLaw = laws.some((g) => lawArticleText(g.law, g.article)?.includes(squash(fact)) ?? true);
      expect(inArticle || (laws.length > 0 && inLaw), fact).toBe(true);
    }
  });

  it("no question is a near copy of an article sentence", () => {
    for (const q of questions) {
      for (const body of articles.values()) {
        for (const sentence of body.split(/[。！？；\n]/).filter((s) => s.trim().length > 4)) expect(jaccard(bigrams(q.question), bigrams(sentence)), `${q.id} / ${sentence}`).toBeLessThan(0.6);
      }
    }
  });
});
