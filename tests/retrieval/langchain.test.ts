/**
 * pufa from LangChain (src/retrieval/langchain.ts), offline: the retriever in a chain, the search as
 * a `langchain` tool run by an agent (a scripted tool-calling model, no endpoint), pufa's HNSW graph
 * as a VectorStore, @langchain/community's HNSWLib over pufa's embedder, and the example as a process.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import type { Document } from "@langchain/core/documents";
import { createAgent, FakeToolCallingModel, ToolMessage } from "langchain";
import { describe, expect, it } from "vitest";
import { buildSearcher } from "../../src/index/searcher-build.js";
import { hnswLibStore, indexVectorStore, PufaRetriever, pufaSearchTool, type PufaDocumentMetadata } from "../../src/retrieval/langchain.js";
import { LsaEmbeddings } from "../../src/retrieval/local-embeddings.js";
import { embeddingText } from "../../src/retrieval/passage-text.js";
import { find, fixturePassages } from "./helpers.js";

const laws = fixturePassages();
const searcher = buildSearcher(laws, { embedding: "hash" });
const Q = "飙车追逐竞驶情节恶劣会判什么刑";
const racing = find(laws, "刑法", 133, 1);

describe("pufa in LangChain", () => {
  it("PufaRetriever feeds a RunnableSequence with verbatim passages and their sources", async () => {
    const chain = RunnableSequence.from([
      new PufaRetriever({ searcher, search: { k: 3 } }),
      RunnableLambda.from((docs: Document<PufaDocumentMetadata>[]) => docs.map((d, i) => `[${i + 1}] ${d.metadata.source}\n${d.pageContent}`).join("\n\n")),
    ]);
    const context = await chain.invoke(Q);
    expect(context.startsWith(`[1] 《${racing.lawTitle}》${racing.article}\n${racing.text}`)).toBe(true);
    expect(context.match(/^\[\d\] /gm)).toHaveLength(3);
  });

  it("an agent calls pufa_search and gets the cited passage back", async () => {
    const model = new FakeToolCallingModel({ toolCalls: [[{ name: "pufa_search", args: { question: Q }, id: "call-1" }], []] });
    const agent = createAgent({ model, tools: [pufaSearchTool(searcher, { k: 2 })] });
    const result = await agent.invoke({ messages: [{ role: "user", content: Q }] });
    const toolReplies = result.messages.filter((m) => ToolMessage.isInstance(m));
    expect(toolReplies).toHaveLength(1);
    expect(String(toolReplies[0].content)).toContain(`[1] 《${racing.lawTitle}》${racing.article}\n${racing.text}`);
    expect(await pufaSearchTool(buildSearcher(laws, { embedding: "none" })).invoke({ question: "嘤嘤嘤" })).toBe("没有找到相关条文。");
  });

  it("a built index's own HNSW graph is a LangChain VectorStore; HNSWLib runs over pufa's LSA embedder", async () => {
    const own = indexVectorStore(searcher);
    const [hit] = await own.similaritySearch(embeddingText(racing), 1);
    expect(hit.metadata.id).toBe(racing.id);

    // LSA is lossy on a 30-article fixture: the passage itself is among its nearest few.
    const lsa = LsaEmbeddings.train(laws.map(embeddingText), { dim: 16 });
    const store = await hnswLibStore(laws, lsa);
    const near = await store.similaritySearch(embeddingText(racing), 3);
    expect(near.map((d) => d.metadata.id)).toContain(racing.id);
    expect(near[0].metadata.source).toMatch(/^《中华人民共和国.+》第.+条/);
    expect(() => indexVectorStore(buildSearcher(laws, { embedding: "none" }))).toThrow(/no local dense side/);
  });

  it("the example runs as a process, offline", async () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const { stdout } = await promisify(execFile)(`${root}node_modules/.bin/tsx`, [`${root}examples/langchain.ts`, "电动车要不要上牌？"], { cwd: root, timeout: 60_000 });
    expect(stdout).toMatch(/^# chain: 电动车要不要上牌？\n\[1\] 电动自行车/);
    expect(stdout).toContain("# tool pufa_search\n[1] ");
    expect(stdout).toMatch(/# HNSWLib nearest\n\S/);
  }, 60_000);
});
