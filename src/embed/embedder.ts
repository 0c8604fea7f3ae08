/**
 * Turns texts into unit-length vectors whose dot product is their cosine similarity.
 * Implementations wrap one engine each (see `createTransformersEmbedder`).
 */
export interface Embedder {
  /** Model id recorded in the index manifest, e.g. 'static-lsa' or 'Xenova/bge-small-zh-v1.5'. */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** Vectors of passages, in input order. */
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  /** Vector of a search query (some models prefix queries with an instruction). */
  embedQuery(text: string): Promise<Float32Array>;
}
