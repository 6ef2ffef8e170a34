/**
 * The index's dense side from an OpenAI-compatible endpoint (PUFA_EMBEDDING_MODEL), end to end over
 * real HTTP against the local fake: build (batched), snapshot, query vectors, the engine's deadline,
 * and the refusal to serve an index with another embedder's vectors. No network, no key.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PufaConfig } from "../../src/config.js";
import { buildIndex, openIndex, type BuildResult } from "../../src/index/builder.js";
import { EndpointEmbeddingError, embedderMismatch, embeddingText, withQueryVectors } from "../../src/index/endpoint-vectors.js";
import { embedderFromBuffer, embedderToBuffer } from "../../src/retrieval/local-embeddings.js";
import { RemoteEmbedderRef } from "../../src/retrieval/remote-embedder.js";
import { SnapshotError } from "../../src/index/snapshot.js";
import type { HybridSearcher } from "../../src/retrieval/hybrid-searcher.js";
import { buildSearcher } from "../../src/index/searcher-build.js";
import { openRuntime } from "../../src/runtime.js";
import { fixtureConfig, tempDir } from "../engine/helpers.js";
import { startFakeOpenAi, type EmbeddingsRequestBody, type FakeOpenAi } from "../llm/fake-openai.js";
import { conceptVectors } from "./concept-vectors.js";

const MODEL = "fake-embed";
const BATCH = 8;

let fake: FakeOpenAi;
let root: string;

/** The environment of a deployment with endpoint embeddings (restored after each test). */
function endpointEnv(model: string | null = MODEL): void {
  vi.stubEnv("OPENAI_API_KEY", "sk-test-not-a-real-key");
  vi.stubEnv("OPENAI_BASE_URL", fake.baseURL);
  vi.stubEnv("PUFA_EMBEDDING_MODEL", model ?? "");
  vi.stubEnv("PUFA_EMBEDDING_BATCH_SIZE", String(BATCH));
  vi.stubEnv("PUFA_EMBEDDING_DIMENSIONS", "");
  vi.stubEnv("PUFA_LLM_MAX_RETRIES", "0");
}

const embeddingRequests = () => fake.requests.filter((r) => r.path.endsWith("/embeddings")).map((r) => r.body as EmbeddingsRequestBody);
const inputs = (b: EmbeddingsRequestBody) => (Array.isArray(b.input) ? b.input : [b.input]);
const vec = (text: string) => Float32Array.from(conceptVectors([text])[0]);
const hasDrink = (t: string) => /[酒醉]/.test(t);

beforeAll(async () => {
  fake = await startFakeOpenAi({ kind: "embeddings", vectors: conceptVectors });
  root = tempDir("pufa-embed-");
});

afterEach(() => {
  vi.unstubAllEnvs();
  fake.queue.length = 0;
  fake.fallback = { kind: "embeddings", vectors: conceptVectors };
});

afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
});

describe("an index built with the endpoint's embeddings", () => {
  let config: PufaConfig;
  let built: BuildResult;
  let buildRequests: EmbeddingsRequestBody[];

  beforeAll(async () => {
    config = fixtureConfig(path.join(root, "data-endpoint"));
    endpointEnv();
    fake.requests.length = 0;
    try {
      built = await buildIndex(config);
    } finally {
      vi.unstubAllEnvs();
    }
    buildRequests = embeddingRequests();
  }, 60_000);

  it("records the endpoint embedder in the manifest and the searcher", () => {
    const id = `openai:${MODEL}@${new URL(fake.baseURL).host}`;
    expect(built.manifest.embedder).toBe(id);
    expect(built.searcher.embedder).toBeInstanceOf(RemoteEmbedderRef);
    expect(built.searcher.embedder!.dim).toBe(16);
    const reopened = openIndex(config)!;
    expect(reopened.manifest.embedder).toBe(id);
    expect(reopened.searcher.embedder?.id).toBe(id);
    expect(reopened.searcher.docVectors!.length).toBe(reopened.searcher.passages.length * 16);
  });

  it("embeds every passage once, in batches of PUFA_EMBEDDING_BATCH_SIZE, in passage order", () => {
    const passages = built.searcher.passages;
    expect(passages.length).toBeGreaterThan(BATCH * 2);
    expect(buildRequests).toHaveLength(Math.ceil(passages.length / BATCH));
    expect(buildRequests.every((b) => b.model === MODEL && inputs(b).length <= BATCH)).toBe(true);
    expect(buildRequests.flatMap(inputs)).toEqual(passages.map(embeddingText));
  });

  it("uses the caller's query vector for the dense side, and ranks lexically without one", async () => {
    const s = openIndex(config)!.searcher;
    // "tipsy" is in no passage: BM25 finds nothing; the vector points at the drinking passages.
    expect(await s.search("tipsy", { k: 5 })).toEqual([]);
    const hits = await s.search("tipsy", { k: 5, queryVector: vec("tipsy") });
    expect(hits.length).toBeGreaterThan(0);
    expect(hasDrink(hits[0].passage.text)).toBe(true);
    // Another direction gives other passages: the vector, not the word, decides.
    const scam = await s.search("tipsy", { k: 5, queryVector: vec("scam") });
    expect(scam[0].passage.text).toMatch(/诈骗/);
    // A vector of the wrong size is ignored rather than thrown on.
    expect(await s.search("tipsy", { k: 5, queryVector: new Float32Array(3).fill(1) })).toEqual([]);
  });

  it("without a query vector ranks exactly as a lexical-only index", async () => {
    const remote = openIndex(config)!.searcher;
    // The same labelled knowledge (the shipped starter set) on both sides: only the dense side differs.
    const lexical = buildSearcher(remote.passages, { embedding: "none" }).with({ labelled: remote.labelled });
    for (const q of ["醉驾怎么处罚", "电信诈骗被骗了怎么办", "家暴可以报警吗"]) {
      const ids = async (s: HybridSearcher) => (await s.search(q, { k: 10 })).map((h) => h.passage.id);
      expect(await ids(remote)).toEqual(await ids(lexical));
      expect((await ids(remote)).length).toBeGreaterThan(0);
    }
  });

  it("the engine embeds the question through the endpoint and searches with it", async () => {
    endpointEnv();
    const rt = await openRuntime(config, { questionLog: false });
    try {
      fake.requests.length = 0;
      const question = "醉驾怎么处罚？";
      const reply = await rt.engine.ask({ question });
      expect(reply.reason).toBe("answered");
      expect(embeddingRequests().some((b) => inputs(b).some((t) => t.includes("醉驾")))).toBe(true);
      // The served searcher embeds a question itself (no vector passed by the caller).
      fake.requests.length = 0;
      expect(hasDrink((await rt.searcher().search("tipsy", { k: 3 }))[0].passage.text)).toBe(true);
      expect(embeddingRequests().some((b) => inputs(b).includes("tipsy"))).toBe(true);
      // The CLI path: vectors for several questions, passed through to the searcher.
      const [v] = await rt.embedQueries!(["tipsy"]);
      expect(v).toBeInstanceOf(Float32Array);
      const searcher = withQueryVectors(rt.searcher(), ["tipsy"], [v]);
      expect(hasDrink((await searcher.search("tipsy", { k: 3 }))[0].passage.text)).toBe(true);
    } finally {
      rt.close();
    }
  }, 30_000);

  it("an index swapped in by a hot reload embeds questions through the endpoint too", async () => {
    endpointEnv();
    const rt = await openRuntime(config, { questionLog: false });
    try {
      const rebuilt = await buildIndex(config);
      expect(rt.holder.reload()).toBe(true);
      expect(rt.holder.current.generation).toBe(rebuilt.generation);
      fake.requests.length = 0;
      expect(hasDrink((await rt.searcher().search("tipsy", { k: 3 }))[0].passage.text)).toBe(true);
      expect(embeddingRequests().some((b) => inputs(b).includes("tipsy"))).toBe(true);
    } finally {
      rt.close();
    }
  }, 60_000);

  it("answers from BM25 within the deadline when the endpoint hangs at question time", async () => {
    endpointEnv();
    const rt = await openRuntime(config, { questionLog: false });
    try {
      fake.queue.push({ kind: "hang" }); // the question's embedding request; the chat request after it gets a quick 404
      const started = performance.now();
      const reply = await rt.engine.ask({ question: "醉驾怎么处罚？" });
      const ms = performance.now() - started;
      expect(reply.reason).toBe("answered");
      expect(reply.citations.some((c) => hasDrink(c.excerpt))).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(2900); // it did wait for the embedding …
      expect(ms).toBeLessThan(3000 + 1500); // … only until the 3 s deadline
    } finally {
      rt.close();
    }
  }, 30_000);

  it("refuses to serve with another embeddings model, or with none, and says how to fix it", async () => {
    const id = built.manifest.embedder!;
    endpointEnv("other-embed");
    const other = await openRuntime(config, { questionLog: false }).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(SnapshotError);
    expect((other as Error).message).toContain(`made by ${id}`);
    expect((other as Error).message).toContain(`openai:other-embed@${new URL(fake.baseURL).host} is configured`);
    expect((other as Error).message).toContain("pufa index --full");
    vi.unstubAllEnvs();

    vi.stubEnv("OPENAI_API_KEY", "");
    vi.stubEnv("PUFA_EMBEDDING_MODEL", "");
    const none = await openRuntime(config, { questionLog: false }).catch((e: unknown) => e);
    expect(none).toBeInstanceOf(SnapshotError);
    expect((none as Error).message).toMatch(/made by openai:fake-embed.*but no embeddings model.*pufa index --full/);
  });

  it("a failing endpoint fails the build with a clear message, and the served index stays", async () => {
    const before = openIndex(config)!.generation;
    endpointEnv();
    fake.fallback = { kind: "status", status: 500 };
    const err = await buildIndex(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointEmbeddingError);
    expect((err as Error).message).toMatch(/embedding the passages with openai:fake-embed.*failed after 0 of \d+.*index was not changed/);
    expect(openIndex(config)!.generation).toBe(before);
  }, 30_000);
});

describe("a locally built index once PUFA_EMBEDDING_MODEL is set", () => {
  it("is reported stale with the rebuild command", async () => {
    const config = fixtureConfig(path.join(root, "data-local"));
    vi.stubEnv("OPENAI_API_KEY", "");
    const built = await buildIndex(config);
    expect(built.manifest.embedder).not.toMatch(/^openai:/);
    endpointEnv();
    const err = await openRuntime(config, { questionLog: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SnapshotError);
    expect((err as Error).message).toContain(`the index's vectors were made by ${built.manifest.embedder ?? "no embedder (lexical only)"}`);
    expect((err as Error).message).toContain(`openai:${MODEL}@`);
    expect((err as Error).message).toContain("pufa index --full");
  }, 60_000);
});

describe("pieces", () => {
  it("the remote embedder reference round-trips through the snapshot format and refuses to embed", async () => {
    const ref = new RemoteEmbedderRef("openai:bge-m3@127.0.0.1:11434", 1024);
    const back = embedderFromBuffer(embedderToBuffer(ref));
    expect(back).toBeInstanceOf(RemoteEmbedderRef);
    expect(back.id).toBe(ref.id);
    expect(back.dim).toBe(1024);
    await expect(back.embed(["醉驾"])).rejects.toThrow(/openai:bge-m3@127\.0\.0\.1:11434.*not connected/);
  });

  it("embedderMismatch: only endpoint embedders must match the configuration", () => {
    expect(embedderMismatch(null, null)).toBeNull();
    expect(embedderMismatch("lsa-v1:d64", null)).toBeNull();
    expect(embedderMismatch("openai:a@h", "openai:a@h")).toBeNull();
    expect(embedderMismatch("openai:a@h", "openai:b@h")).toMatch(/made by openai:a@h but openai:b@h is configured: run pufa index --full/);
    expect(embedderMismatch("lsa-v1:d64", "openai:a@h")).toMatch(/made by lsa-v1:d64 but openai:a@h/);
    expect(embedderMismatch(null, "openai:a@h")).toMatch(/no embedder \(lexical only\)/);
  });

  it("build rejects precomputed vectors that do not fit the passages", () => {
    const passages = openIndex(fixtureConfig(path.join(root, "data-endpoint")))!.searcher.passages.slice(0, 3);
    const v = (n: number) => new Float32Array(n).fill(1);
    expect(() => buildSearcher(passages, { vectors: { embedderId: "openai:x@h", dim: 4, vectors: [v(4), v(4)] } })).toThrow(/2 precomputed vectors for 3/);
    expect(() => buildSearcher(passages, { vectors: { embedderId: "openai:x@h", dim: 4, vectors: [v(4), v(3), v(4)] } })).toThrow(/vector 1 has 3/);
  });
});
