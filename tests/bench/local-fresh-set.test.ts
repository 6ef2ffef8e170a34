/**
 * The small second local set in src/bench/data/local-fresh (written after the answer engine's
 * changes of its session, to measure them on articles and questions they were not shaped on):
 * every line parses, every gold article exists, every expected fact is verbatim in a gold article,
 * and no question is a near copy of an article sentence.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/ingestion/front-matter.js";
import { bigrams, jaccard, readJsonl } from "./set-checks.js";

const SET_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/bench/data/local-fresh");
const squash = (s: string) => s.replace(/\s+/g, "");

describe("src/bench/data/local-fresh", () => {
  const articles = new Map<string, string>();
  for (const f of readdirSync(path.join(SET_DIR, "articles")).filter((n) => n.endsWith(".md"))) {
    const { data, body } = parseFrontMatter(readFileSync(path.join(SET_DIR, "articles", f), "utf8"));
    articles.set(String(data.id), body);
  }
  const { items: questions, errors } = readJsonl<{ id: string; question: string; gold: { doc: string }[]; facts: string[] }>(path.join(SET_DIR, "questions.jsonl"));

  it("has its articles and 20 questions with unique ids", () => {
    expect(errors).toEqual([]);
    expect(articles.size).toBe(6);
    expect(questions).toHaveLength(20);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  });

  it.each(questions.map((q) => [q.id, q] as const))("%s: gold exists and every fact is verbatim in a gold article", (_id, q) => {
    expect(q.gold.length).toBeGreaterThan(0);
    for (const g of q.gold) expect(articles.has(g.doc), g.doc).toBe(true);
    for (const fact of q.facts) expect(q.gold.some((g) => squash(articles.get(g.doc) ?? "").includes(squash(fact))), fact).toBe(true);
  });

  it("no question is a near copy of an article sentence", () => {
    for (const q of questions) {
      for (const body of articles.values()) {
        for (const sentence of body.split(/[。！？；\n]/).filter((s) => s.trim().length > 4)) expect(jaccard(bigrams(q.question), bigrams(sentence)), `${q.id} / ${sentence}`).toBeLessThan(0.6);
      }
    }
  });
});
