/**
 * Stands in for an embedder that lives behind an endpoint (openai:<model>@<host>): the index keeps
 * its id and size, but cannot embed a query synchronously. The caller embeds the question itself
 * and passes SearchOptions.queryVector; without one the searcher ranks lexically.
 */
import { pack } from "../retrieval/binpack.js";
import type { LocalEmbedder } from "./local-embeddings.js";

export class RemoteEmbedderRef implements LocalEmbedder {
  constructor(
    readonly id: string,
    readonly dim: number,
  ) {}

  embedSync(_texts: readonly string[]): Float32Array[] {
    throw new Error(`this index's embeddings come from ${this.id}: compute the query vector with it and pass SearchOptions.queryVector`);
  }

  toBuffer(): Buffer {
    return pack({ kind: "remote", id: this.id, dim: this.dim }, {});
  }
}

/** A unit-length copy (all zeros stays all zeros). */
export function unitVector(v: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(v);
  let s = 0;
  for (let i = 0; i < out.length; i++) s += out[i] * out[i];
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < out.length; i++) out[i] *= inv;
  }
  return out;
}
