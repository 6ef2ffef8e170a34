/**
 * Where pufa reads and writes, and the engine's limits: from the environment (and .env),
 * overridden by command-line flags. Every wrong value gets its own clear message.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./admin/importers/limits.js";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const list = (s: string | undefined) =>
  (s ?? "")
    .split(path.delimiter === ";" ? /[;,]/ : /[:,]/)
    .map((x) => x.trim())
    .filter(Boolean);

const intFrom = (min: number, max: number, def: number) => z.coerce.number().int().min(min).max(max).default(def);

const envSchema = z.object({
  PUFA_CORPUS: z.string().optional(),
  PUFA_LAWS: z.string().optional(),
  PUFA_LABELLED: z.string().optional(),
  PUFA_STARTER_LABELLED: z.string().optional(),
  PUFA_DATA: z.string().optional(),
  PUFA_PROMPTS: z.string().optional(),
  PUFA_MAX_QUESTION_CHARS: intFrom(10, 100_000, 500),
  PUFA_EXCERPT_CHARS: intFrom(100, 5_000, 600),
  PUFA_MIN_COVERAGE: z.coerce.number().min(0).max(1).default(0.3),
  PUFA_EMBEDDING: z.enum(["lsa", "none"]).default("lsa"),
  PUFA_HTTP_PORT: intFrom(0, 65_535, 8787),
  PUFA_HTTP_HOST: z.string().default("127.0.0.1"),
  PUFA_ADMIN_TOKEN: z.string().optional(),
  PUFA_ADMIN_PASSWORD_HASH: z.string().regex(/^scrypt:[0-9a-f]{16,}:[0-9a-f]{64}$/, "expected scrypt:<salt hex>:<64 hex digits>").optional(),
  PUFA_WEB_ASKS_PER_MINUTE: intFrom(1, 10_000, 20),
  // Import limits (src/admin/importers/limits.ts): a hostile file is refused, never half-processed.
  PUFA_IMPORT_MAX_BYTES: intFrom(1, 1024 ** 3, DEFAULT_IMPORT_LIMITS.maxBytes),
  PUFA_IMPORT_MAX_INFLATED_BYTES: intFrom(1, 4 * 1024 ** 3, DEFAULT_IMPORT_LIMITS.maxInflatedBytes),
  PUFA_IMPORT_MAX_ZIP_RATIO: intFrom(2, 100_000, DEFAULT_IMPORT_LIMITS.maxZipRatio),
  PUFA_IMPORT_MAX_TEXT_CHARS: intFrom(1, 100_000_000, DEFAULT_IMPORT_LIMITS.maxTextChars),
  PUFA_IMPORT_MAX_HTML_DEPTH: intFrom(10, 5_000, DEFAULT_IMPORT_LIMITS.maxHtmlDepth),
  PUFA_IMPORT_URL_TIMEOUT_MS: intFrom(100, 600_000, DEFAULT_IMPORT_LIMITS.urlTimeoutMs),
  PUFA_LOG_DAYS: intFrom(1, 36_500, 180),
  PUFA_LOG_KEY: z.string().min(16, "at least 16 characters").optional(),
  PUFA_MODERATION: z.string().optional(),
});

export interface PufaConfig {
  corpusDirs: string[];
  lawsDir: string | null;
  /** The office's labelled questions to learn from (JSON lines in the `pufa eval` format); none by default. */
  labelledFiles: string[];
  /** The labelled policing questions pufa ships and learns from too (src/data/labelled/); PUFA_STARTER_LABELLED=none: none. */
  starterLabelled: string[];
  dataDir: string;
  promptsDir: string;
  maxQuestionChars: number;
  excerptChars: number;
  minCoverage: number;
  /** Local dense side: LSA trained on the indexed text, searched with HNSW; "none" = lexical only. */
  embedding: "lsa" | "none";
  /** `pufa serve` and the page `npm start` serves; adminToken (PUFA_ADMIN_TOKEN) opens the admin console. */
  http: { port: number; host: string; adminToken: string | null; adminPasswordHash: string | null; asksPerMinute: number };
  /** What one import may cost (`pufa add`, #添加, the web console). */
  imports: ImportLimits;
  /** Question log: days kept, and the key asker ids are hashed with (null: the data folder's log-key file). */
  log: { days: number; key: string | null };
  /** Moderation word list; null: the shipped src/data/moderation.txt. */
  moderationFile: string | null;
}

export const STARTER_LABELLED_DIR = path.join(PROJECT_ROOT, "src/data/labelled");

/** The shipped starter set: every .jsonl file of src/data/labelled, in name order. */
function shippedStarter(): string[] {
  if (!existsSync(STARTER_LABELLED_DIR)) return [];
  return readdirSync(STARTER_LABELLED_DIR)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((f) => path.join(STARTER_LABELLED_DIR, f));
}

/** Every labelled file the index learns from: the shipped starter set, then the office's own. */
export function learnedFrom(config: Pick<PufaConfig, "labelledFiles"> & Partial<Pick<PufaConfig, "starterLabelled">>): string[] {
  return [...(config.starterLabelled ?? []), ...config.labelledFiles];
}

export interface ConfigOverrides {
  corpus?: string[];
  laws?: string;
  labelled?: string[];
  data?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads .env from the working directory when present (Node's own loader; real environment wins). */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = path.join(cwd, ".env");
  if (!existsSync(file)) return;
  const before = { ...process.env };
  process.loadEnvFile(file);
  Object.assign(process.env, before);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): PufaConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`));
  }
  const e = parsed.data;
  const resolve = (p: string) => path.resolve(p);
  const corpus = overrides.corpus?.length ? overrides.corpus : e.PUFA_CORPUS ? list(e.PUFA_CORPUS) : [path.join(PROJECT_ROOT, "corpus")];
  const laws = overrides.laws ?? e.PUFA_LAWS ?? null;
  return {
    corpusDirs: corpus.map(resolve),
    lawsDir: laws ? resolve(laws) : null,
    labelledFiles: (overrides.labelled?.length ? overrides.labelled : list(e.PUFA_LABELLED)).map(resolve),
    starterLabelled: e.PUFA_STARTER_LABELLED?.trim() === "none" ? [] : e.PUFA_STARTER_LABELLED ? list(e.PUFA_STARTER_LABELLED).map(resolve) : shippedStarter(),
    dataDir: resolve(overrides.data ?? e.PUFA_DATA ?? path.join(PROJECT_ROOT, ".pufa")),
    promptsDir: resolve(e.PUFA_PROMPTS ?? path.join(PROJECT_ROOT, "prompts")),
    maxQuestionChars: e.PUFA_MAX_QUESTION_CHARS,
    excerptChars: e.PUFA_EXCERPT_CHARS,
    minCoverage: e.PUFA_MIN_COVERAGE,
    embedding: e.PUFA_EMBEDDING,
    http: { port: e.PUFA_HTTP_PORT, host: e.PUFA_HTTP_HOST, adminToken: e.PUFA_ADMIN_TOKEN || null, adminPasswordHash: e.PUFA_ADMIN_PASSWORD_HASH ?? null, asksPerMinute: e.PUFA_WEB_ASKS_PER_MINUTE },
    imports: {
      maxBytes: e.PUFA_IMPORT_MAX_BYTES,
      maxInflatedBytes: e.PUFA_IMPORT_MAX_INFLATED_BYTES,
      maxZipRatio: e.PUFA_IMPORT_MAX_ZIP_RATIO,
      maxTextChars: e.PUFA_IMPORT_MAX_TEXT_CHARS,
      maxHtmlDepth: e.PUFA_IMPORT_MAX_HTML_DEPTH,
      urlTimeoutMs: e.PUFA_IMPORT_URL_TIMEOUT_MS,
    },
    log: { days: e.PUFA_LOG_DAYS, key: e.PUFA_LOG_KEY ?? null },
    moderationFile: e.PUFA_MODERATION ? resolve(e.PUFA_MODERATION) : null,
  };
}
