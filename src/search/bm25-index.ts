/**
 * Okapi BM25+ over pre-analysed terms (Robertson & Zaragoza 2009; Lv & Zhai 2011 for the δ lower bound).
 * Document length is counted in distinct terms, which measured better here than token counts because
 * table rows repeat their caption terms. A matched-terms multiplier rewards documents that cover
 * more of the query's distinct terms.
 */
export interface Bm25Params {
  k1: number;
  b: number;
  delta: number;
  /** Exponent of (matched query terms / query terms); 0 turns the multiplier off. */
  coverage: number;
}

export const DEFAULT_BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.75, delta: 0.5, coverage: 1 };

/** Serialised form (index/bm25.json). */
export interface Bm25Data {
  version: 1;
  params: Bm25Params;
  documentCount: number;
  averageLength: number;
  lengths: number[];
  /** term → flat [doc, tf, doc, tf, …] */
  postings: Record<string, number[]>;
}

export interface Bm25Index {
  readonly data: Bm25Data;
  /** Scores of all documents with at least one matching term, best first. */
  search(queryTerms: string[], limit?: number): { doc: number; score: number }[];
  idf(term: string): number;
}

/** Builds the index from each document's terms (document i = chunk i). */
export function buildBm25(documents: string[][], params: Bm25Params = DEFAULT_BM25_PARAMS): Bm25Data {
  const postings: Record<string, number[]> = {};
  const lengths: number[] = [];
  documents.forEach((terms, doc) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    lengths.push(counts.size);
    for (const term of [...counts.keys()].sort()) (postings[term] ??= []).push(doc, counts.get(term)!);
  });
  const sortedPostings: Record<string, number[]> = {};
  for (const term of Object.keys(postings).sort()) sortedPostings[term] = postings[term];
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { version: 1, params, documentCount: documents.length, averageLength, lengths, postings: sortedPostings };
}

/** Wraps serialised data into a searchable index; `params` overrides the stored ones (for eval sweeps). */
export function createBm25Index(data: Bm25Data, params: Partial<Bm25Params> = {}): Bm25Index {
  const p = { ...data.params, ...params };
  const idf = (term: string) => {
    const list = data.postings[term];
    if (!list) return 0;
    const df = list.length / 2;
    return Math.log(1 + (data.documentCount - df + 0.5) / (df + 0.5));
  };
  // Each document's length normalisation depends only on the index: computed once.
  const norms = Float64Array.from(data.lengths, (length) => p.k1 * (1 - p.b + (p.b * length) / data.averageLength));
  return {
    data,
    idf,
    search(queryTerms, limit = 50) {
      const unique = [...new Set(queryTerms)];
      const scores = new Float64Array(data.documentCount);
      const matched = new Uint16Array(data.documentCount);
      for (const term of unique) {
        const list = data.postings[term];
        if (!list) continue;
        const weight = idf(term);
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i];
          const tf = list[i + 1];
          scores[doc] += weight * ((tf * (p.k1 + 1)) / (tf + norms[doc]) + p.delta);
          matched[doc]++;
        }
      }
      const results: { doc: number; score: number }[] = [];
      const known = unique.filter((t) => data.postings[t]).length || 1;
      for (let doc = 0; doc < scores.length; doc++) {
        if (!matched[doc]) continue;
        results.push({ doc, score: matched[doc] === known ? scores[doc] : scores[doc] * Math.pow(matched[doc] / known, p.coverage) });
      }
      results.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return results.slice(0, limit);
    },
  };
}
