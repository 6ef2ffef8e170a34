/**
 * The shipped reranker (src/data/reranker.json, written by `npm run train-reranker`). Missing or
 * unusable → null with one warning, and pufa ranks with its linear fusion alone: a bad model file
 * must not take the bot down.
 */
import { existsSync, readFileSync } from "node:fs";
import { dataPath } from "../data/paths.js";
import { childLogger } from "../logger.js";
import { validateModel, type GbdtModel } from "./gbdt.js";
import { RERANK_FEATURES } from "./rerank-features.js";

export const RERANKER_FILE = "reranker.json";

/** Parses and checks a model file; throws a message naming the file. */
export function loadReranker(file: string): GbdtModel {
  try {
    return validateModel(JSON.parse(readFileSync(file, "utf8")), RERANK_FEATURES);
  } catch (e) {
    throw new Error(`reranker ${file}: ${(e as Error).message}`);
  }
}

let cached: GbdtModel | null | undefined;

/** The shipped model, loaded once; null (warned once) when absent or unusable. */
export function defaultReranker(): GbdtModel | null {
  if (cached !== undefined) return cached;
  const file = dataPath(RERANKER_FILE);
  cached = null;
  if (!existsSync(file)) childLogger("reranker").warn({ file }, "no reranker model: ranking with the linear fusion only");
  else {
    try {
      cached = loadReranker(file);
    } catch (e) {
      childLogger("reranker").warn({ err: (e as Error).message }, "reranker model unusable: ranking with the linear fusion only");
    }
  }
  return cached;
}
