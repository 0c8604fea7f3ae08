import type { BaseRetriever } from '@langchain/core/retrievers';
import { expect, it } from 'vitest';

/**
 * Behaviour every retriever of the report must have, run against BM25, dense and hybrid.
 * `makeRetriever` returns a LangChain retriever over the real index.
 */
export function runRetrieverContract(makeRetriever: () => Promise<BaseRetriever>): void {
  it('returns Documents carrying chunk id, section label and line range', async () => {
    const retriever = await makeRetriever();
    const documents = await retriever.invoke('2020年上半年中国公开的区块链专利数量');
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(document.metadata.chunkId).toMatch(/^(s[\w.]+|t\d+-\d+)#[rg]?\d+$/);
      expect(typeof document.metadata.section).toBe('string');
      expect(document.metadata.lineStart).toBeGreaterThan(0);
      expect(document.metadata.lineEnd).toBeGreaterThanOrEqual(document.metadata.lineStart);
      expect(document.pageContent.length).toBeGreaterThan(0);
    }
  });

  it('ranks results by descending score without duplicates', async () => {
    const documents = await (await makeRetriever()).invoke('区块链产业园 政府主导 企业主导');
    const scores = documents.map((d) => d.metadata.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(new Set(documents.map((d) => d.metadata.chunkId)).size).toBe(documents.length);
  });

  it('finds the sentence that states a prose figure among the first five', async () => {
    const documents = await (await makeRetriever()).invoke('中国公开的区块链专利数量 5402项 国家知识产权局');
    expect(documents.slice(0, 5).some((d) => d.pageContent.includes('5402'))).toBe(true);
  });

  it('finds a table row by the entity it names among the first five', async () => {
    const documents = await (await makeRetriever()).invoke('泉州市 区块链 专项政策');
    expect(documents.slice(0, 5).some((d) => d.metadata.chunkId.startsWith('t1-2#r') && d.pageContent.includes('泉州'))).toBe(true);
  });

  it('never returns the table of contents', async () => {
    const documents = await (await makeRetriever()).invoke('目录 区块链政策环境现状 产业发展现状 技术发展现状');
    for (const d of documents) expect(d.pageContent).not.toMatch(/\.{5,}/);
  });
}
