import { Embeddings } from "@langchain/core/embeddings";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpenAiClient } from "../../src/llm/client.js";
import { LlmFault } from "../../src/llm/faults.js";
import { createOpenAiEmbeddings, embedderId, OpenAiEmbeddings } from "../../src/llm/openai-embeddings.js";
import { defaultVectors, startFakeOpenAi, type EmbeddingsRequestBody, type FakeOpenAi } from "./fake-openai.js";
import { testConfig } from "./fixtures.js";

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi({ kind: "embeddings" });
});
afterEach(async () => {
  await fake.close();
});

function embedder(options: Partial<ConstructorParameters<typeof OpenAiEmbeddings>[0]> = {}) {
  return new OpenAiEmbeddings({
    client: createOpenAiClient({ apiKey: "sk-test", baseURL: fake.baseURL, timeoutMs: 5000 }),
    model: "fake-embed",
    baseURL: fake.baseURL,
    retryBaseDelayMs: 10,
    ...options,
  });
}

const bodies = () => fake.requests.map((r) => r.body as EmbeddingsRequestBody);
const texts = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}段文字${"醉".repeat(i % 7)}`);

describe("OpenAiEmbeddings", () => {
  it("is a LangChain Embeddings named after its model and endpoint", () => {
    const e = embedder();
    expect(e).toBeInstanceOf(Embeddings);
    expect(e.id).toBe(`openai:fake-embed@${new URL(fake.baseURL).host}`);
    expect(embedderId("text-embedding-3-small")).toBe("openai:text-embedding-3-small@api.openai.com");
    expect(embedderId("bge-m3", "http://127.0.0.1:11434/v1")).toBe("openai:bge-m3@127.0.0.1:11434");
    expect(embedderId("text-embedding-3-large", undefined, 256)).toBe("openai:text-embedding-3-large:256d@api.openai.com");
  });

  it("sends batches of the configured size and returns one vector per text, in input order", async () => {
    const input = texts(130);
    const vectors = await embedder({ batchSize: 64 }).embedDocuments(input);
    expect(bodies().map((b) => (b.input as string[]).length)).toEqual([64, 64, 2]);
    expect(bodies().every((b) => b.model === "fake-embed")).toBe(true);
    expect(bodies()[0].encoding_format).toBe("base64"); // what the SDK asks for; the fake answers plain arrays
    expect(vectors).toEqual(defaultVectors(input));
  });

  it("restores input order when the server returns rows out of order, and decodes base64", async () => {
    fake.fallback = { kind: "embeddings", shuffle: true, base64: true };
    const input = texts(5);
    const vectors = await embedder().embedDocuments(input);
    expect(vectors).toEqual(defaultVectors(input));
    expect(Array.isArray(vectors[0])).toBe(true);
  });

  it("embeds a query and replaces an empty text, which the API would reject", async () => {
    const e = embedder();
    expect(await e.embedQuery("醉驾怎么处罚")).toEqual(defaultVectors(["醉驾怎么处罚"])[0]);
    await e.embedDocuments(["", "醉驾"]);
    expect(bodies().at(-1)!.input).toEqual([" ", "醉驾"]);
  });

  it("retries a 429 or 5xx and then succeeds", async () => {
    fake.queue.push({ kind: "status", status: 429 }, { kind: "status", status: 503 });
    const vectors = await embedder({ maxRetries: 2 }).embedDocuments(texts(3));
    expect(vectors).toHaveLength(3);
    expect(fake.requests).toHaveLength(3);
  });

  it("fails with the cause after its retries", async () => {
    fake.fallback = { kind: "status", status: 500 };
    const err = await embedder({ maxRetries: 1 }).embedDocuments(texts(3)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmFault);
    expect((err as LlmFault).code).toBe("http_500");
    expect(fake.requests).toHaveLength(2);
  });

  it("rejects a response with the wrong number of vectors", async () => {
    fake.fallback = { kind: "embeddings", vectors: (input) => defaultVectors(input).slice(1) };
    const err = await embedder().embedDocuments(texts(3)).catch((e: unknown) => e);
    expect((err as LlmFault).code).toBe("malformed");
  });

  it("times out a batch that never comes back", async () => {
    fake.fallback = { kind: "hang" };
    const t0 = performance.now();
    const err = await embedder({ timeoutMs: 300 }).embedQuery("醉驾").catch((e: unknown) => e);
    expect((err as LlmFault).code).toBe("timeout");
    expect(performance.now() - t0).toBeLessThan(300 + 300);
  });

  it("is built from the config only when an embeddings model is set", () => {
    expect(createOpenAiEmbeddings(testConfig(fake.baseURL))).toBeNull();
    const e = createOpenAiEmbeddings(testConfig(fake.baseURL, { embeddingModel: "bge-m3", embeddingBatchSize: 16 }));
    expect(e?.id).toBe(`openai:bge-m3@${new URL(fake.baseURL).host}`);
  });
});
