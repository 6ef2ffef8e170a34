/**
 * pufa from a LangChain app, offline: `npx tsx examples/langchain.ts ["问题"] [CORPUS_DIR]`.
 *
 * Builds pufa's index over the sample corpus (corpus/ by default; nothing is written to disk) and
 * uses it three ways through src/retrieval/langchain.ts:
 *   1. PufaRetriever in a RunnableSequence that formats the hits as a numbered, cited context
 *      (what a chain would hand to a chat model);
 *   2. pufaSearchTool, the `langchain` tool an agent (createAgent) would call;
 *   3. @langchain/community's HNSWLib over pufa's own LSA embedder.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import { readCorpus } from "../src/ingestion/article-reader.js";
import { chunkDocument } from "../src/ingestion/chunker.js";
import { buildSearcher } from "../src/index/searcher-build.js";
import { hnswLibStore, PufaRetriever, pufaSearchTool, type PufaDocumentMetadata } from "../src/retrieval/langchain.js";
import { LsaEmbeddings } from "../src/retrieval/local-embeddings.js";
import { embeddingText } from "../src/retrieval/passage-text.js";
import type { Document } from "@langchain/core/documents";

const here = path.dirname(fileURLToPath(import.meta.url));
const question = process.argv[2] ?? "电动车要不要上牌？";
const corpusDir = process.argv[3] ?? path.join(here, "../corpus");

const { docs } = await readCorpus([corpusDir]);
const passages = docs.flatMap((d) => chunkDocument(d));
const searcher = buildSearcher(passages, { embedding: "hash" });

// 1. Retriever → context, as a chain.
const retriever = new PufaRetriever({ searcher, search: { k: 3 } });
const context = RunnableSequence.from([
  retriever,
  RunnableLambda.from((hits: Document<PufaDocumentMetadata>[]) => hits.map((d, i) => `[${i + 1}] ${d.metadata.source}\n${d.pageContent}`).join("\n\n")),
]);
process.stdout.write(`# chain: ${question}\n${await context.invoke(question)}\n\n`);

// 2. The same search as an agent's tool.
const toolOutput = await pufaSearchTool(searcher, { k: 1 }).invoke({ question });
process.stdout.write(`# tool pufa_search\n${toolOutput}\n\n`);

// 3. @langchain/community's HNSWLib, embedded by pufa's LSA model trained on the same passages.
const lsa = LsaEmbeddings.train(passages.map(embeddingText), { dim: Math.min(16, Math.max(2, passages.length - 1)) });
const store = await hnswLibStore(passages, lsa);
const [nearest] = await store.similaritySearch(question, 1);
process.stdout.write(`# HNSWLib nearest\n${nearest?.metadata.source ?? "(none)"}\n`);
