import type { Chunk, Hit } from '../types';
import type { Embedder } from '../embed/embedder';
import type { Bm25Index } from './bm25-index';
import type { VectorIndex } from './vector-index';
import { fuseScores } from './fuse-scores';

/** Which arms to use; 'hybrid' is the default, the others exist for eval. */
export type SearchMode = 'hybrid' | 'bm25' | 'dense';

export interface HybridSearchOptions {
  chunks: readonly Chunk[];
  bm25: Bm25Index;
  vectors: VectorIndex;
  embedder: Embedder;
  analyze: (text: string) => string[];
  bm25Weight: number;
  /** Candidates taken from each arm before fusion. Default 50. */
  candidates?: number;
  /** At most this many rows of one table in a result list, so a caption shared by every row cannot crowd out prose. Default 4. */
  maxRowsPerTable?: number;
  /** Lower end of score normalisation: the weakest candidate ('min') or zero ('zero', default). */
  floor?: 'min' | 'zero';
  /** Candidates taken from the dense arm. Default 20: deeper dense candidates only add lexical noise. */
  denseCandidates?: number;
}

export interface HybridSearch {
  search(query: string, limit: number, mode?: SearchMode): Promise<Hit[]>;
}

type Fused = ReturnType<typeof fuseScores>;
const RECENT_QUERIES = 8;

/** BM25 over words + bigrams fused with the dense arm; only row-group chunks are left out (rows stand for them). */
export function createHybridSearch(options: HybridSearchOptions): HybridSearch {
  const { chunks, bm25, vectors, embedder, analyze, candidates = 50, maxRowsPerTable = 4 } = options;
  const searchable = (doc: number) => chunks[doc].kind !== 'table-rows';
  // The fused ranking does not depend on the limit (it only truncates), so the stages of one request that search the
  // same query with different limits (a part's passages, then its fallbacks) embed and score it once. Only results are
  // kept (a failed embedding is tried again), and only the last few: this serves one request, not repeated questions.
  const recent = new Map<string, Fused>();
  const rank = async (query: string, mode: SearchMode): Promise<Fused> => {
    const key = `${mode} ${query}`;
    const cached = recent.get(key);
    if (cached) return cached;
    const bm25Results = mode === 'dense' ? [] : bm25.search(analyze(query), candidates * 2).filter((r) => searchable(r.doc)).slice(0, candidates);
    // The dense arm contributes its top few only: asking HNSW for more (k near the index size) costs a full scan.
    const dense = options.denseCandidates ?? 20;
    const denseResults = mode === 'bm25' ? [] : vectors.search(await embedder.embedQuery(query), mode === 'dense' ? candidates * 2 : dense * 2)
      .filter((r) => searchable(r.doc)).slice(0, mode === 'dense' ? candidates : dense);
    const weight = mode === 'bm25' ? 1 : mode === 'dense' ? 0 : options.bm25Weight;
    const ranked = fuseScores(bm25Results, denseResults, weight, options.floor);
    if (recent.size >= RECENT_QUERIES) recent.delete(recent.keys().next().value as string);
    recent.set(key, ranked);
    return ranked;
  };
  return {
    async search(query, limit, mode = 'hybrid') {
      const perTable = new Map<string, number>();
      const hits: Hit[] = [];
      for (const r of await rank(query, mode)) {
        if (hits.length >= limit) break;
        const table = chunks[r.doc].tableId;
        if (table) {
          const seen = perTable.get(table) ?? 0;
          if (seen >= maxRowsPerTable) continue;
          perTable.set(table, seen + 1);
        }
        hits.push({ chunk: chunks[r.doc], score: r.score, scores: { bm25: r.bm25, dense: r.dense } });
      }
      return hits;
    },
  };
}
