import { describe, expect, it } from 'vitest';
import { evaluateRetrieval } from '../../src/cli/eval';
import { readQaSet, type RetrievalItem } from '../../src/cli/qa-sets';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { ReportRetriever } from '../../src/search/report-retriever';
import { ROOT } from '../support/corpus-text';
import { runRetrieverContract } from './retriever-contract';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));

for (const mode of ['bm25', 'dense', 'hybrid'] as const) {
  describe(`${mode} retriever`, () => {
    runRetrieverContract(async () => new ReportRetriever({ search: (await pipeline).parts.search, k: 8, mode }));
  });
}

describe('retrieval quality on tests/qa/retrieval.jsonl', () => {
  const items = readQaSet<RetrievalItem>(ROOT, 'retrieval.jsonl');

  it('has at least 60 questions, a third of them about table rows', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(items.filter((i) => i.kind === 'table').length * 3).toBeGreaterThanOrEqual(items.length);
  });

  it('reaches recall@1 ≥ 0.85 and recall@5 ≥ 0.97 with the fused default, never below BM25 alone', async () => {
    const p = await pipeline;
    const hybrid = await evaluateRetrieval(p, items, 'hybrid');
    const bm25 = await evaluateRetrieval(p, items, 'bm25');
    expect(hybrid.recallAt1).toBeGreaterThanOrEqual(0.85);
    expect(hybrid.recallAt5).toBeGreaterThanOrEqual(0.97);
    expect(hybrid.recallAt1).toBeGreaterThanOrEqual(bm25.recallAt1);
    expect(hybrid.recallAt5).toBeGreaterThanOrEqual(bm25.recallAt5);
    expect(hybrid.mrr).toBeGreaterThanOrEqual(bm25.mrr - 1e-9);
  });
});

describe('one request searching the same query twice', () => {
  // Stages of a request search a part's query with different limits; the ranking is computed once and truncated.
  it('gets the first hits of the longer list', async () => {
    const { parts } = await pipeline;
    const items = readQaSet<RetrievalItem>(ROOT, 'retrieval.jsonl').slice(0, 30);
    for (const item of items) {
      const long = await parts.search.search(item.question, 8);
      const short = await parts.search.search(item.question, 3);
      expect(short.map((h) => h.chunk.id)).toEqual(long.slice(0, 3).map((h) => h.chunk.id));
      expect(short.map((h) => h.score)).toEqual(long.slice(0, 3).map((h) => h.score));
    }
    // Remembered rankings do not leak into other modes or queries.
    const [question] = items.map((i) => i.question);
    const bm25 = await parts.search.search(question, 5, 'bm25');
    const hybrid = await parts.search.search(question, 5, 'hybrid');
    expect(bm25.map((h) => h.scores?.dense ?? 0).every((d) => d === 0)).toBe(true);
    expect(hybrid.some((h) => (h.scores?.dense ?? 0) > 0)).toBe(true);
  });
});
