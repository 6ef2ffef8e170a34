import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HashingEmbeddings, LsaEmbeddings, symmetricEigen } from "../../src/retrieval/local-embeddings.js";
import { VectorIndex } from "../../src/retrieval/vector-index.js";
import { PufaVectorStore } from "../../src/retrieval/langchain.js";
import { Document } from "@langchain/core/documents";
import { fixturePassages } from "./helpers.js";

const texts = fixturePassages().map((p) => p.text);
const dir = mkdtempSync(join(tmpdir(), "pufa-vec-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

describe("symmetricEigen", () => {
  it("diagonalizes a small symmetric matrix", () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 9), expect.closeTo(3, 9)]);
    const i3 = values[0] > values[1] ? 0 : 1;
    expect(Math.abs(vectors[0 * 2 + i3])).toBeCloseTo(Math.SQRT1_2, 9);
  });
});

describe("LsaEmbeddings", () => {
  const lsa = LsaEmbeddings.train(texts, { dim: 8, minDf: 1, maxDfRatio: 0.9 });

  it("is deterministic and unit length", () => {
    const again = LsaEmbeddings.train(texts, { dim: 8, minDf: 1, maxDfRatio: 0.9 });
    const [a] = lsa.embedSync(["醉酒驾驶机动车"]);
    const [b] = again.embedSync(["醉酒驾驶机动车"]);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(cos(a, a)).toBeCloseTo(1, 5);
    expect(lsa.id).toMatch(/^lsa-v1:d8:/);
  });

  it("places a text nearer its own article than an unrelated one", () => {
    const [q] = lsa.embedSync(["婚姻 离婚 家庭暴力 损害赔偿"]);
    const [own, other] = lsa.embedSync([texts.find((t) => t.includes("重婚"))!, texts.find((t) => t.includes("醉酒驾驶"))!]);
    expect(cos(q, own)).toBeGreaterThan(cos(q, other));
  });

  it("serializes", async () => {
    const copy = LsaEmbeddings.fromBuffer(lsa.toBuffer());
    expect(copy.id).toBe(lsa.id);
    expect(await copy.embedQuery("电信网络诈骗")).toEqual(await lsa.embedQuery("电信网络诈骗"));
    expect((await copy.embedDocuments(["a", "b"])).length).toBe(2);
  });
});

describe("HashingEmbeddings", () => {
  it("is deterministic, unit length, and similar texts are closer", () => {
    const h = new HashingEmbeddings({ dim: 64 });
    const [a, b, c] = h.embedSync(["醉酒驾驶机动车", "醉酒驾驶机动车的处罚", "劳动合同解除"]);
    expect(Array.from(new HashingEmbeddings({ dim: 64 }).embedSync(["醉酒驾驶机动车"])[0])).toEqual(Array.from(a));
    expect(cos(a, a)).toBeCloseTo(1, 5);
    expect(cos(a, b)).toBeGreaterThan(cos(a, c));
  });
});

describe("VectorIndex", () => {
  const emb = new HashingEmbeddings({ dim: 32 });
  const vecs = emb.embedSync(texts);
  const index = VectorIndex.build(vecs, 32, emb.id);

  it("finds a vector's own label first", () => {
    expect(index.search(vecs[3], 1)[0].label).toBe(3);
    expect(index.search(vecs[3], 1)[0].similarity).toBeCloseTo(1, 4);
  });

  it("saves and loads", () => {
    const file = join(dir, "v.hnsw");
    index.save(file);
    const loaded = VectorIndex.load(file);
    expect(loaded.meta).toEqual(index.meta);
    expect(loaded.search(vecs[5], 3)).toEqual(index.search(vecs[5], 3));
  });

  it("LangChain adapter returns documents with scores and filters by metadata", async () => {
    const store = new PufaVectorStore(emb);
    await store.addDocuments(texts.slice(0, 6).map((t, i) => new Document({ pageContent: t, metadata: { i, even: i % 2 === 0 } })));
    const res = await store.similaritySearchWithScore(texts[2], 2);
    expect(res[0][0].pageContent).toBe(texts[2]);
    const filtered = await store.similaritySearch(texts[2], 3, { even: false });
    expect(filtered.every((d) => d.metadata.even === false)).toBe(true);
  });

  it("LangChain adapter wraps a prebuilt index and accepts more documents", async () => {
    const docs = texts.map((t, i) => new Document({ pageContent: t, metadata: { i } }));
    const store = new PufaVectorStore(emb, { index, docs });
    expect((await store.similaritySearchVectorWithScore(Array.from(vecs[7]), 1))[0][0].metadata.i).toBe(7);
    await store.addDocuments([new Document({ pageContent: "新增的文档：网络赌博", metadata: { i: 999 } })]);
    expect((await store.similaritySearch("新增的文档：网络赌博", 1))[0].metadata.i).toBe(999);
    expect((await store.similaritySearch(texts[7], 1))[0].metadata.i).toBe(7);
  });
});
