/**
 * LLM settings from the environment. The model layer is optional: without OPENAI_API_KEY pufa
 * answers extractively and nothing here talks to the network. Bad values fail loudly at start-up
 * (with the variable name and what was expected) rather than silently falling back at answer time.
 */
import { z } from "zod";

/** Everything the composer and the embeddings need once a key is configured. */
export interface LlmConfig {
  apiKey: string;
  /** undefined = the SDK default (https://api.openai.com/v1). */
  baseURL?: string;
  chatModel: string;
  /** Whole-answer deadline: retries and backoff included. */
  timeoutMs: number;
  /** Deadline for rewriting a follow-up question (it runs before retrieval, so it is kept short). */
  rewriteTimeoutMs: number;
  /** Retries after the first attempt, on 429 / 5xx / connection errors, within the deadline. */
  maxRetries: number;
  temperature: number;
  /** Completion limit sent as max_tokens; 0 = do not send one. */
  maxTokens: number;
  /** Consecutive failed calls that open the circuit. */
  circuitFailures: number;
  /** How long an open circuit refuses calls before one trial call is let through. */
  circuitCooldownMs: number;
  /** Set: the vector index uses this endpoint's embeddings. */
  embeddingModel?: string;
  embeddingBatchSize: number;
  /** Per-request timeout for one embeddings batch. */
  embeddingTimeoutMs: number;
  /** Optional output size for models that support it (text-embedding-3-*). */
  embeddingDimensions?: number;
}

export type LoadedLlmConfig = { enabled: false } | ({ enabled: true } & LlmConfig);

/** Environment variable → meaning, for error messages and the README table. */
export const LLM_ENV = {
  OPENAI_API_KEY: "API key; setting it turns the model layer on",
  OPENAI_BASE_URL: "base URL of any OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1",
  PUFA_CHAT_MODEL: "chat model name",
  PUFA_LLM_TIMEOUT_MS: "deadline for one whole answer, retries included",
  PUFA_LLM_REWRITE_TIMEOUT_MS: "deadline for rewriting a follow-up question",
  PUFA_LLM_MAX_RETRIES: "retries on 429 / 5xx / connection errors",
  PUFA_LLM_TEMPERATURE: "sampling temperature",
  PUFA_LLM_MAX_TOKENS: "max_tokens sent with each answer (0 = not sent)",
  PUFA_LLM_CIRCUIT_FAILURES: "consecutive failures that stop calls to the endpoint",
  PUFA_LLM_CIRCUIT_COOLDOWN_MS: "how long calls stay stopped before one is tried again",
  PUFA_EMBEDDING_MODEL: "embeddings model; setting it makes the index use the endpoint's embeddings",
  PUFA_EMBEDDING_BATCH_SIZE: "texts per embeddings request",
  PUFA_EMBEDDING_TIMEOUT_MS: "timeout of one embeddings request",
  PUFA_EMBEDDING_DIMENSIONS: "output dimensions for embeddings models that support it",
} as const;

/** An unset or blank variable means "use the default". */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

function intSchema(name: string, min: number, max: number, unit: string) {
  return z.coerce
    .number({ error: `${name} must be a whole number of ${unit}` })
    .int({ error: `${name} must be a whole number of ${unit}` })
    .min(min, { error: `${name} must be at least ${min} ${unit}` })
    .max(max, { error: `${name} must be at most ${max} ${unit}` });
}

/** A whole number with a default; the default sits inside the preprocess so that a blank value gets it too. */
function int(name: string, min: number, max: number, unit: string, fallback: number) {
  return z.preprocess(blank, intSchema(name, min, max, unit).default(fallback));
}

function optionalInt(name: string, min: number, max: number, unit: string) {
  return z.preprocess(blank, intSchema(name, min, max, unit).optional());
}

const httpUrl = z.preprocess(
  blank,
  z
    .string()
    .refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), {
      error: "OPENAI_BASE_URL must be an http(s) URL such as https://api.deepseek.com/v1 or http://127.0.0.1:11434/v1",
    })
    .transform((s) => s.replace(/\/+$/, ""))
    .optional(),
);

const schema = z.object({
  OPENAI_API_KEY: z.preprocess(blank, z.string().optional()),
  OPENAI_BASE_URL: httpUrl,
  PUFA_CHAT_MODEL: z.preprocess(blank, z.string().default("gpt-4o-mini")),
  PUFA_LLM_TIMEOUT_MS: int("PUFA_LLM_TIMEOUT_MS", 200, 120_000, "milliseconds", 8000),
  PUFA_LLM_REWRITE_TIMEOUT_MS: int("PUFA_LLM_REWRITE_TIMEOUT_MS", 200, 60_000, "milliseconds", 3000),
  PUFA_LLM_MAX_RETRIES: int("PUFA_LLM_MAX_RETRIES", 0, 10, "retries", 2),
  PUFA_LLM_TEMPERATURE: z.preprocess(
    blank,
    z.coerce
      .number({ error: "PUFA_LLM_TEMPERATURE must be a number between 0 and 2" })
      .min(0, { error: "PUFA_LLM_TEMPERATURE must be between 0 and 2" })
      .max(2, { error: "PUFA_LLM_TEMPERATURE must be between 0 and 2" })
      .default(0.2),
  ),
  PUFA_LLM_MAX_TOKENS: int("PUFA_LLM_MAX_TOKENS", 0, 32_000, "tokens", 800),
  PUFA_LLM_CIRCUIT_FAILURES: int("PUFA_LLM_CIRCUIT_FAILURES", 1, 1000, "failures", 5),
  PUFA_LLM_CIRCUIT_COOLDOWN_MS: int("PUFA_LLM_CIRCUIT_COOLDOWN_MS", 0, 3_600_000, "milliseconds", 60_000),
  PUFA_EMBEDDING_MODEL: z.preprocess(blank, z.string().optional()),
  PUFA_EMBEDDING_BATCH_SIZE: int("PUFA_EMBEDDING_BATCH_SIZE", 1, 2048, "texts", 64),
  PUFA_EMBEDDING_TIMEOUT_MS: int("PUFA_EMBEDDING_TIMEOUT_MS", 1000, 600_000, "milliseconds", 30_000),
  PUFA_EMBEDDING_DIMENSIONS: optionalInt("PUFA_EMBEDDING_DIMENSIONS", 1, 65_536, "dimensions"),
});

export class LlmConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid LLM settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "LlmConfigError";
  }
}

/**
 * Reads the LLM settings. Returns { enabled: false } when no key is set; throws LlmConfigError
 * listing every bad value (each message names its variable). Values are validated even when the
 * key is absent, so a typo shows up before someone adds the key.
 */
export function loadLlmConfig(env: Record<string, string | undefined> = process.env): LoadedLlmConfig {
  const picked = Object.fromEntries(Object.keys(LLM_ENV).map((k) => [k, env[k]]));
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    throw new LlmConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? "");
        const got = name ? env[name] : undefined;
        const msg = i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
        return got === undefined ? msg : `${msg} (got ${JSON.stringify(got)})`;
      }),
    );
  }
  const e = parsed.data;
  if (!e.OPENAI_API_KEY) return { enabled: false };
  return {
    enabled: true,
    apiKey: e.OPENAI_API_KEY,
    baseURL: e.OPENAI_BASE_URL,
    chatModel: e.PUFA_CHAT_MODEL,
    timeoutMs: e.PUFA_LLM_TIMEOUT_MS,
    rewriteTimeoutMs: e.PUFA_LLM_REWRITE_TIMEOUT_MS,
    maxRetries: e.PUFA_LLM_MAX_RETRIES,
    temperature: e.PUFA_LLM_TEMPERATURE,
    maxTokens: e.PUFA_LLM_MAX_TOKENS,
    circuitFailures: e.PUFA_LLM_CIRCUIT_FAILURES,
    circuitCooldownMs: e.PUFA_LLM_CIRCUIT_COOLDOWN_MS,
    embeddingModel: e.PUFA_EMBEDDING_MODEL,
    embeddingBatchSize: e.PUFA_EMBEDDING_BATCH_SIZE,
    embeddingTimeoutMs: e.PUFA_EMBEDDING_TIMEOUT_MS,
    embeddingDimensions: e.PUFA_EMBEDDING_DIMENSIONS,
  };
}
