/**
 * A real index over a small office corpus of our own (tests/fixtures/answer/local: two years of one
 * notice, two towns' events, a reward notice and its correction, a report with figures), the fixture
 * corpus and the fixture law library. No library needed.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createEngine, type EngineDeps } from "../../src/answer/engine.js";
import { Prompts } from "../../src/answer/prompts.js";
import { loadConfig, type PufaConfig } from "../../src/config.js";
import { buildIndex, type BuildResult } from "../../src/index/builder.js";
import type { AnswerEngine, Passage } from "../../src/types.js";
import { FIXTURE_CORPUS, FIXTURE_LAWS, REPO_ROOT, tempDir } from "../engine/helpers.js";

export const LOCAL_CORPUS = path.join(REPO_ROOT, "tests/fixtures/answer/local");
export const prompts = new Prompts();

export async function buildLocalFixture(): Promise<{ config: PufaConfig; built: BuildResult }> {
  const config = loadConfig({}, { corpus: [LOCAL_CORPUS, FIXTURE_CORPUS], laws: FIXTURE_LAWS, data: tempDir("pufa-answer-") });
  return { config, built: await buildIndex(config) };
}

export function engineAt(built: BuildResult, today: string, extra: Partial<EngineDeps> = {}): AnswerEngine {
  return createEngine({ searcher: () => built.searcher, prompts, now: () => new Date(`${today}T08:00:00+08:00`), ...extra });
}

/** The docId of each article citation, in order. */
export function citedDocs(reply: { citations: { passageId: string }[] }): string[] {
  return reply.citations.map((c) => c.passageId.replace(/^article:/, "").replace(/#\d+$/, ""));
}

/**
 * A real index over these corpus folders (paths from the repository root), built before the file's
 * tests and removed after them. Call at the top of a test file; the getter gives the built index.
 */
export function fixtureIndex(corpus: string[], options: { laws?: string } = {}): () => BuildResult {
  let config: PufaConfig;
  let built: BuildResult;
  beforeAll(async () => {
    config = loadConfig({}, { corpus: corpus.map((c) => path.join(REPO_ROOT, c)), ...(options.laws ? { laws: options.laws } : {}), data: tempDir("pufa-fixture-") });
    built = await buildIndex(config);
  }, 60_000);
  afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));
  return () => built;
}

/**
 * An asker over a fixture index: the docs cited and the quoted text of the reply to `question`
 * (after `context`, the same person's last question), on `today`.
 */
export function askerOf(built: () => BuildResult, defaultToday = "2026-09-10") {
  return async (question: string, context?: string, today = defaultToday): Promise<{ docs: string[]; text: string }> => {
    const reply = await engineAt(built(), today).ask({ question, ...(context ? { context: [{ question: context, at: 0 }] } : {}) });
    return { docs: citedDocs(reply), text: reply.citations.map((c) => c.excerpt).join(" ") };
  };
}

/** One office article as a passage (one chunk), for the supersession readers. */
export function articleDoc(id: string, title: string, date: string, text: string, region = "万宁市"): Passage {
  return { kind: "article", id: `article:${id}#0`, docId: id, chunk: 0, title, date, region, text, start: 0, end: text.length } as unknown as Passage;
}
