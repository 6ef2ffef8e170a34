/**
 * The one thing that turns text into vectors for the dense side. The searcher owns one: the local
 * model the index was built with (LSA, or hashing in tests), or the endpoint's embeddings
 * (PUFA_EMBEDDING_MODEL). What text a passage is embedded from is in passage-text.ts.
 */
export interface Embedder {
  /** Model and parameters: an index records which embedder made its vectors. */
  readonly id: string;
  readonly dim: number;
  /** Unit-length vectors, one per text; rejects when the embedder cannot run (an endpoint that is down). */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** Present when the embedder runs in-process: builds and the bench embed without waiting. */
  embedSync?(texts: readonly string[]): Float32Array[];
}

/** An in-process embedder (LSA, hashing). */
export interface LocalEmbedder extends Embedder {
  embedSync(texts: readonly string[]): Float32Array[];
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
