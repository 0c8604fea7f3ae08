import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../text/analyze-text';
import { BASE_DOMAIN_WORDS } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import type { Embedder } from './embedder';
import { exportStaticModel } from './export-static-model';
import { createStaticTextPreparer } from './static-text-preparer';
import { trainStaticModel } from './train-static-model';
import { createTransformersEmbedder } from './transformers-embedder';

const corpus = readFileSync(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url), 'utf8');
const paragraphs = [...new Set(corpus.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean))];
const segmenter = createJiebaSegmenter(BASE_DOMAIN_WORDS);
const prepareText = createStaticTextPreparer(segmenter);
const root = mkdtempSync(join(tmpdir(), 'transformers-embedder-'));
const folder = join(root, 'static-lsa');

let embedder: Embedder;
let vectors: Float32Array[];

beforeAll(async () => {
  exportStaticModel(trainStaticModel(paragraphs.map((paragraph) => analyzeText(segmenter, paragraph))), folder);
  embedder = await createTransformersEmbedder({ model: folder, allowRemote: false, prepareText });
  vectors = await embedder.embedDocuments(paragraphs);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** 1-based rank of paragraph `target` for `query` (ties count against it). */
function rankOf(query: Float32Array, target: number): number {
  const score = dot(query, vectors[target]);
  return 1 + vectors.filter((vector, index) => index !== target && dot(query, vector) >= score).length;
}

describe('createTransformersEmbedder with an exported static model', () => {
  it('loads a local folder by absolute path and reports its id and dimensions', () => {
    expect(embedder.id).toBe('static-lsa');
    expect(embedder.dimensions).toBe(256);
    expect(vectors).toHaveLength(paragraphs.length);
    expect(vectors.every((vector) => vector.length === 256)).toBe(true);
  });

  it('returns unit-length vectors for report paragraphs', () => {
    const norms = vectors.map((vector) => Math.sqrt(dot(vector, vector)));
    expect(norms.filter((norm) => Math.abs(norm - 1) < 1e-4).length / norms.length).toBeGreaterThan(0.99);
  });

  it("ranks a paragraph first for its own text, and paragraphs are not all alike", () => {
    const firsts = vectors.filter((vector, index) => rankOf(vector, index) === 1).length;
    expect(firsts / paragraphs.length).toBeGreaterThanOrEqual(0.9);
    const similarities = vectors.slice(0, 50).flatMap((a, i) => vectors.slice(i + 1, 50).map((b) => dot(a, b)));
    expect(similarities.reduce((sum, value) => sum + value, 0) / similarities.length).toBeLessThan(0.3);
  });

  it("ranks a paragraph first for its first sentence in most cases", async () => {
    let asked = 0;
    let first = 0;
    for (const [index, paragraph] of paragraphs.entries()) {
      const sentences = paragraph.split(/(?<=[。！？])/).filter((sentence) => sentence.trim().length >= 10);
      if (sentences.length < 2) continue;
      asked++;
      if (rankOf(await embedder.embedQuery(sentences[0]), index) === 1) first++;
    }
    console.log(`first sentence → own paragraph at rank 1: ${first}/${asked}`);
    expect(asked).toBeGreaterThan(100);
    expect(first / asked).toBeGreaterThanOrEqual(0.85);
  });

  it('finds the 5402 patents paragraph in the top 3 for a question about the patent count', async () => {
    const query = await embedder.embedQuery('2020年上半年中国公开的区块链专利数量');
    const target = paragraphs.findIndex((paragraph) => paragraph.includes('5402项'));
    expect(target).toBeGreaterThanOrEqual(0);
    expect(rankOf(query, target)).toBeLessThanOrEqual(3);
  });

  it('embeds a query in under 5 ms on average', async () => {
    const queries = paragraphs.slice(0, 100).map((paragraph) => paragraph.slice(0, 30));
    const started = performance.now();
    for (const query of queries) await embedder.embedQuery(query);
    const perQuery = (performance.now() - started) / queries.length;
    console.log(`embedQuery: ${perQuery.toFixed(2)} ms per query (100 queries)`);
    expect(perQuery).toBeLessThan(5);
  });

  it('embeds a text the same way as a document and as a query when there is no prefix', async () => {
    const [document] = await embedder.embedDocuments([paragraphs[40]]);
    expect(Array.from(await embedder.embedQuery(paragraphs[40]))).toEqual(Array.from(document));
    expect(Array.from(document)).toEqual(Array.from(vectors[40]));
  });

  it('gives a zero vector for empty text and text made only of unknown words', async () => {
    const [empty, unknown] = await embedder.embedDocuments(['', '   ']);
    expect(empty.every((value) => value === 0)).toBe(true);
    expect(unknown.every((value) => value === 0)).toBe(true);
    expect((await embedder.embedQuery('qwertyuiop zxcvbnm')).every((value) => value === 0)).toBe(true);
  });

  it('applies the query prefix to queries only', async () => {
    const prefixed = await createTransformersEmbedder({ model: folder, prepareText, queryPrefix: 'b:专利 ' });
    const text = '北京的区块链企业';
    const [document] = await prefixed.embedDocuments([text]);
    expect(Array.from(document)).toEqual(Array.from(await embedder.embedQuery(text)));
    expect(dot(await prefixed.embedQuery(text), document)).toBeLessThan(0.999);
  });
});

describe('createTransformersEmbedder loading', () => {
  it('loads a hub id from cacheDir through the same loader', async () => {
    const cacheDir = join(root, 'cache');
    cpSync(folder, join(cacheDir, 'report-qa', 'static-lsa'), { recursive: true });
    const cached = await createTransformersEmbedder({ model: 'report-qa/static-lsa', cacheDir, prepareText });
    expect(cached.id).toBe('report-qa/static-lsa');
    expect(Array.from(await cached.embedQuery(paragraphs[7]))).toEqual(Array.from(vectors[7]));
  });

  it('throws EMBEDDING_MODEL_NOT_FOUND for a missing model when remote downloads are off', async () => {
    await expect(createTransformersEmbedder({ model: join(root, 'nowhere'), allowRemote: false })).rejects.toMatchObject({
      code: 'EMBEDDING_MODEL_NOT_FOUND',
      message: expect.stringContaining('not found locally'),
    });
    await expect(
      createTransformersEmbedder({ model: 'Xenova/bge-small-zh-v1.5', cacheDir: join(root, 'empty-cache') }),
    ).rejects.toMatchObject({ code: 'EMBEDDING_MODEL_NOT_FOUND' });
  });

  it('throws EMBEDDING_MODEL_LOAD_FAILED when the model file is corrupt', async () => {
    const broken = join(root, 'broken');
    cpSync(folder, broken, { recursive: true });
    writeFileSync(join(broken, 'onnx', 'model.onnx'), 'not an onnx model');
    await expect(createTransformersEmbedder({ model: broken })).rejects.toMatchObject({ code: 'EMBEDDING_MODEL_LOAD_FAILED' });
  });
});
