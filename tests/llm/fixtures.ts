/** Excerpts built from tests/fixtures/llm (law text copied verbatim from the law library). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ModelExcerpt as Excerpt } from "../../src/llm/composer.js";
import type { LlmConfig } from "../../src/llm/config.js";
import type { ArticlePassage, LawPassage } from "../../src/types.js";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/llm");

export const lawPassages = JSON.parse(readFileSync(path.join(FIXTURES, "law-passages.json"), "utf8")) as LawPassage[];
export const articlePassages = JSON.parse(readFileSync(path.join(FIXTURES, "article-passages.json"), "utf8")) as ArticlePassage[];

export const [drunkDriving, drinkDriving] = lawPassages; // 刑法 第一百三十三条之一, 道路交通安全法 第九十一条
export const [newsReport, injectedArticle] = articlePassages;

function label(p: LawPassage | ArticlePassage): string {
  return p.kind === "law" ? `《${p.lawTitle}》${p.article}` : `${p.title} — ${[p.source, p.date].filter(Boolean).join(" ")}`;
}

/** [1] 刑法第一百三十三条之一 (whole), [2] 道路交通安全法第九十一条 (first paragraph only), [3] a news report. */
export function standardExcerpts(): Excerpt[] {
  return [
    { n: 1, passage: drunkDriving, text: drunkDriving.text, label: label(drunkDriving) },
    { n: 2, passage: drinkDriving, text: drinkDriving.text.split("\n")[0], label: label(drinkDriving) },
    { n: 3, passage: newsReport, text: newsReport.text, label: label(newsReport) },
  ];
}

export function injectedExcerpt(n: number): Excerpt {
  return { n, passage: injectedArticle, text: injectedArticle.text, label: label(injectedArticle) };
}

export function testConfig(baseURL: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    apiKey: "sk-test-not-a-real-key",
    baseURL,
    chatModel: "fake-chat",
    timeoutMs: 3000,
    rewriteTimeoutMs: 1000,
    maxRetries: 2,
    temperature: 0.2,
    maxTokens: 800,
    circuitFailures: 5,
    circuitCooldownMs: 60_000,
    embeddingBatchSize: 64,
    embeddingTimeoutMs: 5000,
    ...overrides,
  };
}
