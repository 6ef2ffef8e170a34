/**
 * The shipped reranker (src/data/reranker.json, written by `npm run train-reranker`) or the one
 * PUFA_RERANKER names. Missing or unusable → null with one warning, and pufa ranks with its linear
 * fusion alone: a bad model file must not take the bot down.
 */
import { createHash } from "node:crypto";
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

/** The fingerprint a model keeps of each labelled file it was trained on (GbdtModel.trainedSha256). */
export function labelledFileSha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Whether `model` was trained on the labelled file whose contents are `text` (its figures there are in-sample). */
export function trainedOnText(model: GbdtModel, text: string | Buffer): boolean {
  if (!model.trainedSha256) return false;
  return ([] as string[]).concat(model.trainedSha256).includes(labelledFileSha256(text));
}

const cache = new Map<string, GbdtModel | null>();

/**
 * The reranker every searcher starts with: PUFA_RERANKER names a model file (e.g. one trained on
 * the office's own labelled questions), `none` turns reranking off; unset = the shipped model.
 * Loaded once per setting; null (warned once) when the file is absent or unusable.
 */
export function defaultReranker(setting = process.env.PUFA_RERANKER?.trim() || ""): GbdtModel | null {
  const hit = cache.get(setting);
  if (hit !== undefined) return hit;
  let model: GbdtModel | null = null;
  if (setting.toLowerCase() !== "none") {
    const file = setting || dataPath(RERANKER_FILE);
    if (!existsSync(file)) childLogger("reranker").warn({ file }, "no reranker model: ranking with the linear fusion only");
    else {
      try {
        model = loadReranker(file);
      } catch (e) {
        childLogger("reranker").warn({ err: (e as Error).message }, "reranker model unusable: ranking with the linear fusion only");
      }
    }
  }
  cache.set(setting, model);
  return model;
}
