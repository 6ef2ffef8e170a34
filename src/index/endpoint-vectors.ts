/**
 * The index's dense side from the OpenAI-compatible endpoint (PUFA_EMBEDDING_MODEL): passage vectors
 * at build time, query vectors at question time, and the check that both come from the same
 * embedder. Vectors of different models live in different spaces: mixing them would silently give
 * wrong neighbours, so a mismatch is refused with a message that says how to fix it.
 */
import { CircuitBreaker } from "../llm/circuit.js";
import { loadLlmConfig, type LlmConfig } from "../llm/config.js";
import { embedderId, createOpenAiEmbeddings } from "../llm/openai-embeddings.js";
import { toFault } from "../llm/faults.js";
import { childLogger } from "../logger.js";
import { embeddingText } from "../retrieval/passage-text.js";
import type { Embedder } from "../retrieval/embedder.js";
import type { Passage, Searcher } from "../types.js";
import type { BuildProgress } from "./builder.js";

const log = childLogger("index");

/** Endpoint embedders' ids start with this (see embedderId). */
export const ENDPOINT_EMBEDDER_PREFIX = "openai:";

export class EndpointEmbeddingError extends Error {}

/** The endpoint embedder the environment configures (needs OPENAI_API_KEY and PUFA_EMBEDDING_MODEL), or null. */
export function configuredEmbedderId(env: Record<string, string | undefined> = process.env): string | null {
  const llm = loadLlmConfig(env);
  if (!llm.enabled || !llm.embeddingModel) return null;
  return embedderId(llm.embeddingModel, llm.baseURL, llm.embeddingDimensions);
}

/**
 * Why an index cannot be served with the configured embeddings, or null when it can: an index built
 * by an endpoint embedder needs that same embedder to embed questions, and a configured endpoint
 * embedder means the index is stale until it is rebuilt with it.
 */
export function embedderMismatch(built: string | null, configured: string | null): string | null {
  const remote = built?.startsWith(ENDPOINT_EMBEDDER_PREFIX) ?? false;
  if (!remote && !configured) return null;
  if (built === configured) return null;
  const made = built ?? "no embedder (lexical only)";
  const now = configured ?? "no embeddings model (PUFA_EMBEDDING_MODEL with OPENAI_API_KEY)";
  return `the index's vectors were made by ${made} but ${now} is configured: run pufa index --full to rebuild`;
}

export { embeddingText };

/**
 * Every passage's vector from the configured endpoint, in passage order, or null when no embeddings
 * model is configured. Any failure (after the embedder's own retries) fails the build: a partial or
 * mixed vector index is worse than none, and the served generation stays as it is.
 */
export async function endpointVectors(
  passages: readonly Passage[],
  progress?: BuildProgress,
  env: Record<string, string | undefined> = process.env,
): Promise<{ embedderId: string; dim: number; vectors: Float32Array[] } | null> {
  const llm = loadLlmConfig(env);
  const embeddings = llm.enabled ? createOpenAiEmbeddings(llm) : null;
  if (!llm.enabled || !embeddings) return null;
  const step = llm.embeddingBatchSize;
  const vectors: Float32Array[] = [];
  let dim = 0;
  log.info({ embedder: embeddings.id, passages: passages.length }, "embedding passages with the endpoint");
  progress?.start("embeddings", passages.length);
  try {
    for (let i = 0; i < passages.length; i += step) {
      const batch = await embeddings.embedDocuments(passages.slice(i, i + step).map(embeddingText));
      for (const v of batch) {
        dim ||= v.length;
        if (v.length !== dim) throw new Error(`the endpoint returned vectors of ${v.length} and ${dim} dimensions`);
        vectors.push(Float32Array.from(v));
      }
      progress?.update(vectors.length);
    }
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    throw new EndpointEmbeddingError(
      `embedding the passages with ${embeddings.id} failed after ${vectors.length} of ${passages.length} (${cause}); ` +
        "the index was not changed. Check OPENAI_BASE_URL and PUFA_EMBEDDING_MODEL, or unset PUFA_EMBEDDING_MODEL to use local vectors",
      { cause: err },
    );
  } finally {
    progress?.stop();
  }
  return { embedderId: embeddings.id, dim, vectors };
}

export interface QueryEmbedder {
  readonly id: string;
  /** The question's vector, or null when the endpoint fails, is slow or its circuit is open (search lexically then). */
  embed(query: string): Promise<Float32Array | null>;
  /** Several questions in batched requests (CLI eval); null entries as for embed(). */
  embedMany(queries: string[]): Promise<(Float32Array | null)[]>;
}

/**
 * The query embedder as the searcher's Embedder for an index whose vectors it made (`dim`: the
 * index's): a question it cannot embed (endpoint down, slow, circuit open) rejects, and the searcher
 * ranks lexically.
 */
export function endpointEmbedder(q: QueryEmbedder, dim: number): Embedder {
  return {
    id: q.id,
    dim,
    async embed(texts) {
      const out = await q.embedMany([...texts]);
      if (out.some((v) => !v)) throw new Error(`${q.id} could not embed the question`);
      return out as Float32Array[];
    },
  };
}

/**
 * Question embeddings for the answer path: short per-request deadline, and a circuit breaker so a
 * dead endpoint costs one fast refusal per question rather than a timeout each.
 */
export function createQueryEmbedder(llm: LlmConfig, deadlineMs = 3000): QueryEmbedder | null {
  const embeddings = createOpenAiEmbeddings({ ...llm, embeddingTimeoutMs: deadlineMs, maxRetries: Math.min(llm.maxRetries, 1) });
  if (!embeddings) return null;
  const circuit = new CircuitBreaker({ failureThreshold: llm.circuitFailures, cooldownMs: llm.circuitCooldownMs });
  const run = async (queries: string[]): Promise<(Float32Array | null)[]> => {
    if (!queries.length) return [];
    if (!circuit.tryAcquire()) return queries.map(() => null);
    try {
      const out = await embeddings.embedDocuments(queries);
      circuit.success();
      return out.map((v) => Float32Array.from(v));
    } catch (err) {
      circuit.failure();
      log.warn({ cause: toFault(err).code, embedder: embeddings.id }, "question embedding failed; searching without the dense side");
      return queries.map(() => null);
    }
  };
  return {
    id: embeddings.id,
    embed: async (q) => (await run([q]))[0],
    async embedMany(queries) {
      const out: (Float32Array | null)[] = [];
      for (let i = 0; i < queries.length; i += llm.embeddingBatchSize) out.push(...(await run(queries.slice(i, i + llm.embeddingBatchSize))));
      return out;
    },
  };
}

/** A searcher that passes each known question's precomputed vector to `inner` (CLI eval: embed all questions first, in batches). */
export function withQueryVectors(inner: Searcher, questions: string[], vectors: (Float32Array | null)[]): Searcher {
  const byQuestion = new Map(questions.map((q, i) => [q, vectors[i]]));
  return {
    search: (q, options = {}) => {
      const queryVector = options.queryVector ?? byQuestion.get(q) ?? undefined;
      return inner.search(q, queryVector ? { ...options, queryVector } : options);
    },
    ...(inner.termWeights ? { termWeights: (q: string) => inner.termWeights!(q) } : {}),
  };
}
