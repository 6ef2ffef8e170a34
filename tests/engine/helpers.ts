/**
 * What the end-to-end tests share: fixture paths, a config over a temp data folder, and the checks
 * every answer must pass (verbatim excerpts, [n] ⇄ citations ⇄ source lines).
 * Self-contained: the fixtures are a small law library and corpus under tests/fixtures, never ../shared.
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadConfig, type PufaConfig } from "../../src/config.js";
import { decodeText } from "../../src/ingestion/decode.js";
import type { Citation, Passage, Reply } from "../../src/types.js";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURE_LAWS = path.join(REPO_ROOT, "tests/fixtures/laws");
export const FIXTURE_CORPUS = path.join(REPO_ROOT, "tests/fixtures/corpus");
export const BLOCKING_BUILD_SCRIPT = path.join(REPO_ROOT, "tests/fixtures/engine/blocking-build.ts");
export const TSX = path.join(REPO_ROOT, "node_modules/.bin/tsx");
export const CLI_MAIN = path.join(REPO_ROOT, "src/cli/main.ts");

export function tempDir(prefix = "pufa-e2e-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A config over the fixtures (or the given folders), independent of the caller's PUFA_* environment. */
export function fixtureConfig(dataDir: string, sources: { corpus?: string[]; laws?: string | null } = {}): PufaConfig {
  const laws = sources.laws === undefined ? FIXTURE_LAWS : sources.laws;
  return loadConfig({}, { corpus: sources.corpus ?? [FIXTURE_CORPUS], laws: laws ?? undefined, data: dataDir });
}

/** The environment for child processes: no model, no PUFA_* settings from the developer's shell. */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(PUFA_|OPENAI_)/.test(k)) env[k] = v;
  return env;
}

/** Absolute path of the file a citation quotes (law library or one of the corpus folders). */
export function citedFile(config: PufaConfig, c: Pick<Citation, "kind" | "path">): string {
  const roots = c.kind === "law" ? [config.lawsDir ?? ""] : config.corpusDirs;
  const hit = roots.map((r) => path.join(r, c.path)).find((f) => existsSync(f));
  if (!hit) throw new Error(`cited file not found under ${roots.join(", ")}: ${c.path}`);
  return hit;
}

/** Decoded text of a source file, the way the index reads it (BOM removed, GBK decoded). */
export function sourceText(file: string): string {
  return decodeText(readFileSync(file)).text;
}

/** Each excerpt is a substring of its passage and exactly file.slice(start, end). */
export function expectVerbatim(reply: Reply, config: PufaConfig, passages: readonly Passage[]): void {
  const byId = new Map(passages.map((p) => [p.id, p]));
  for (const c of reply.citations) {
    expect(c.excerpt.length, `empty excerpt [${c.n}]`).toBeGreaterThan(0);
    const passage = byId.get(c.passageId);
    expect(passage, `passage ${c.passageId} of [${c.n}]`).toBeDefined();
    expect(passage!.text.includes(c.excerpt), `[${c.n}] excerpt not in its passage`).toBe(true);
    expect(c.start).toBeGreaterThanOrEqual(passage!.start);
    expect(c.end).toBeLessThanOrEqual(passage!.end);
    expect(sourceText(citedFile(config, c)).slice(c.start, c.end), `[${c.n}] offsets in ${c.path}`).toBe(c.excerpt);
  }
}

/** The [n] markers used anywhere in the text. */
export function markersIn(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/** The lines of the source list ("来源：" then "[n] label" lines; "[1][2] label" names one article for two excerpts), one entry per [n]. */
export function sourceLines(text: string): { n: number; label: string }[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.trim() === "来源：");
  if (at < 0) return [];
  const out: { n: number; label: string }[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^((?:\[\d+\])+) (.+)$/.exec(l);
    if (!m) break;
    for (const n of markersIn(m[1])) out.push({ n, label: m[2] });
  }
  return out;
}

/** How a citation must be named in the source list, from its own fields. */
export function expectedLabel(c: Citation): string {
  if (c.kind === "law") return `《${c.title}》${c.source ? `（${c.source}版）` : ""}${c.article}`;
  const by = [c.source, c.date].filter(Boolean).join(" ");
  return by ? `${c.title} — ${by}` : c.title;
}

/** [n] ⇄ citations ⇄ source lines agree, numbered 1..N in order, each excerpt quoted in the text. */
export function expectConsistentCitations(reply: Reply): void {
  const ns = reply.citations.map((c) => c.n);
  expect(ns).toEqual(ns.map((_, i) => i + 1));
  const used = new Set(markersIn(reply.text));
  for (const n of used) expect(ns, `[${n}] in the text has no citation`).toContain(n);
  for (const c of reply.citations) {
    expect(used.has(c.n), `citation [${c.n}] never appears in the text`).toBe(true);
    expect(reply.text.includes(c.excerpt), `excerpt [${c.n}] not quoted in the text`).toBe(true);
  }
  expect(sourceLines(reply.text)).toEqual(reply.citations.map((c) => ({ n: c.n, label: expectedLabel(c) })));
}
