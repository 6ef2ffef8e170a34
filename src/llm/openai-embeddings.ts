/**
 * Dense embeddings from the configured OpenAI-compatible endpoint, as a LangChain Embeddings, for
 * the vector side of the index when PUFA_EMBEDDING_MODEL is set. Batched, retried with backoff,
 * and named (`id`) so an index records which embedder built it and refuses to mix vectors.
 */
import { Embeddings } from "@langchain/core/embeddings";
import type OpenAI from "openai";
import { childLogger } from "../logger.js";
import { createOpenAiClient } from "./client.js";
import type { LlmConfig } from "./config.js";
import { LlmFault } from "./faults.js";
import { withRetries } from "./retry.js";

const log = childLogger("llm");

export const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** openai:<model>@<host of the base URL>, e.g. openai:text-embedding-3-small@api.openai.com */
export function embedderId(model: string, baseURL: string = DEFAULT_BASE_URL, dimensions?: number): string {
  let host: string;
  try {
    host = new URL(baseURL).host;
  } catch {
    host = baseURL;
  }
  return `openai:${model}${dimensions ? `:${dimensions}d` : ""}@${host}`;
}

export interface OpenAiEmbeddingsOptions {
  client: OpenAI;
  model: string;
  /** For the id only (the client already knows where to go). */
  baseURL?: string;
  /** Texts per request (default 64). */
  batchSize?: number;
  /** Retries per batch on 429 / 5xx / connection errors (default 2). */
  maxRetries?: number;
  /** Per-batch budget, retries included (default 30 s). */
  timeoutMs?: number;
  dimensions?: number;
  /** Backoff base in ms (default 500); tests make it small. */
  retryBaseDelayMs?: number;
}

export class OpenAiEmbeddings extends Embeddings {
  readonly id: string;
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly batchSize: number;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly dimensions: number | undefined;
  private readonly retryBaseDelayMs: number;

  constructor(options: OpenAiEmbeddingsOptions) {
    super({}); // the base class needs an object; its AsyncCaller is unused (retries are ours)
    this.client = options.client;
    this.model = options.model;
    this.batchSize = Math.max(1, options.batchSize ?? 64);
    this.maxRetries = options.maxRetries ?? 2;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.dimensions = options.dimensions;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 500;
    this.id = embedderId(options.model, options.baseURL, options.dimensions);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...(await this.embedBatch(texts.slice(i, i + this.batchSize))));
    }
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embedBatch([text]);
    return v;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    // The API rejects empty strings; a blank passage still needs a vector in its slot.
    const input = texts.map((t) => (t.trim() ? t : " "));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const deadline = Date.now() + this.timeoutMs;
    try {
      const res = await withRetries(
        (signal) =>
          this.client.embeddings.create(
            { model: this.model, input, ...(this.dimensions ? { dimensions: this.dimensions } : {}) },
            { signal, timeout: Math.max(1, deadline - Date.now()), maxRetries: 0 },
          ),
        {
          maxRetries: this.maxRetries,
          deadline,
          signal: controller.signal,
          baseDelayMs: this.retryBaseDelayMs,
          onRetry: (fault, attempt, delayMs) => log.info({ cause: fault.code, attempt, delayMs, embedder: this.id }, "embeddings retry"),
        },
      );
      return readVectors(res as unknown, input.length);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Vectors in input order; the SDK decodes base64 into Float32Array, plain arrays pass through. */
export function readVectors(res: unknown, expected: number): number[][] {
  const data = (res as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new LlmFault("malformed", "embeddings response has no data array");
  if (data.length !== expected) throw new LlmFault("malformed", `expected ${expected} embeddings, got ${data.length}`);
  const rows = [...data] as { index?: number; embedding?: unknown }[];
  rows.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  let dims = -1;
  return rows.map((row) => {
    const e = row.embedding;
    if (!(Array.isArray(e) || e instanceof Float32Array) || e.length === 0) throw new LlmFault("malformed", "embedding is not a vector");
    const v = Array.from(e as ArrayLike<number>, Number);
    if (v.some((x) => !Number.isFinite(x))) throw new LlmFault("malformed", "embedding has non-numbers");
    if (dims >= 0 && v.length !== dims) throw new LlmFault("malformed", "embeddings of different sizes");
    dims = v.length;
    return v;
  });
}

/** The configured embedder, or null when PUFA_EMBEDDING_MODEL is not set. */
export function createOpenAiEmbeddings(config: LlmConfig, client?: OpenAI): OpenAiEmbeddings | null {
  if (!config.embeddingModel) return null;
  return new OpenAiEmbeddings({
    client: client ?? createOpenAiClient(config),
    model: config.embeddingModel,
    baseURL: config.baseURL,
    batchSize: config.embeddingBatchSize,
    maxRetries: config.maxRetries,
    timeoutMs: config.embeddingTimeoutMs,
    dimensions: config.embeddingDimensions,
  });
}
