import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;

/** HNSW parameters; fixed seed and single-threaded inserts keep the file byte-identical run to run. */
const M = 16;
const EF_CONSTRUCTION = 200;
const EF_SEARCH = 64;
const SEED = 42;

export interface VectorIndex {
  search(vector: Float32Array, limit: number): { doc: number; score: number }[];
}

/** Builds an HNSW cosine index of the vectors (label = position) and writes it to `path`. */
export function writeVectorIndex(vectors: Float32Array[], dimensions: number, path: string): void {
  const index = new HierarchicalNSW('cosine', dimensions);
  index.initIndex(Math.max(1, vectors.length), M, EF_CONSTRUCTION, SEED);
  vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label));
  index.writeIndexSync(path);
}

/** Loads an HNSW index written by {@link writeVectorIndex}; scores are cosine similarities. */
export function readVectorIndex(path: string, dimensions: number, count: number): VectorIndex {
  const index = new HierarchicalNSW('cosine', dimensions);
  index.readIndexSync(path);
  index.setEf(EF_SEARCH);
  if (index.getCurrentCount() !== count) throw new Error(`vector index has ${index.getCurrentCount()} points, expected ${count}`);
  return {
    search(vector, limit) {
      const k = Math.min(limit, count);
      const { neighbors, distances } = index.searchKnn(Array.from(vector), k);
      return neighbors.map((doc, i) => ({ doc, score: 1 - distances[i] }));
    },
  };
}
