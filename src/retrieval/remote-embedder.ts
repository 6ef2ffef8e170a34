/**
 * Stands in for an embedder that lives behind an endpoint (openai:<model>@<host>) in an index read
 * from disk: it keeps the id and size the vectors were made with, and cannot embed. The index holder
 * gives the served searcher the endpoint embedder itself (IndexHolder's questionEmbedder); until
 * then, or when that endpoint fails, questions are ranked lexically.
 */
import { pack } from "./binpack.js";
import type { Embedder } from "./embedder.js";

export { unitVector } from "./embedder.js";

export class RemoteEmbedderRef implements Embedder {
  constructor(
    readonly id: string,
    readonly dim: number,
  ) {}

  async embed(_texts: readonly string[]): Promise<Float32Array[]> {
    throw new Error(`this index's embeddings come from ${this.id}, which is not connected`);
  }

  toBuffer(): Buffer {
    return pack({ kind: "remote", id: this.id, dim: this.dim }, {});
  }
}
