import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkReport } from '../chunk/chunk-report';
import { loadReport } from '../ingest/load-report';
import { chunkSearchText } from '../search/chunk-search-text';
import { domainWords } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import type { Embedder } from './embedder';
import { createStaticEmbedder } from './static-embedder';
import { createStaticTextPreparer } from './static-text-preparer';
import { createTransformersEmbedder } from './transformers-embedder';

// The shipped model and the texts it serves: every chunk of the report and the retrieval questions.
const root = new URL('../../', import.meta.url).pathname;
const modelFolder = join(root, 'index', 'model');
const document = loadReport(join(root, 'corpus', 'report-2020H1-blockchain.md'));
const prepareText = createStaticTextPreparer(createJiebaSegmenter(domainWords(document)));
const chunkTexts = chunkReport(document).map(chunkSearchText);
const questions = readFileSync(join(root, 'tests', 'qa', 'retrieval.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((line) => (JSON.parse(line) as { question: string }).question);
const scratch = mkdtempSync(join(tmpdir(), 'static-embedder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let native: Embedder;
let reference: Embedder;
beforeAll(async () => {
  native = createStaticEmbedder({ folder: modelFolder, id: 'static-lsa', prepareText });
  reference = await createTransformersEmbedder({ model: modelFolder, id: 'static-lsa', prepareText, batchSize: 1 });
});

function largestDifference(a: Float32Array[], b: Float32Array[]): number {
  let largest = 0;
  a.forEach((vector, i) => vector.forEach((value, k) => (largest = Math.max(largest, Math.abs(value - b[i][k])))));
  return largest;
}

describe('createStaticEmbedder', () => {
  it('gives the vectors transformers.js computes from the same files, for every chunk and question', async () => {
    expect(native.dimensions).toBe(reference.dimensions);
    const [nativeChunks, referenceChunks] = await Promise.all([native.embedDocuments(chunkTexts), reference.embedDocuments(chunkTexts)]);
    expect(nativeChunks).toHaveLength(chunkTexts.length);
    expect(largestDifference(nativeChunks, referenceChunks)).toBeLessThanOrEqual(1e-5);
    const nativeQuestions = await Promise.all(questions.map((question) => native.embedQuery(question)));
    const referenceQuestions = await Promise.all(questions.map((question) => reference.embedQuery(question)));
    expect(questions.length).toBeGreaterThan(100);
    expect(largestDifference(nativeQuestions, referenceQuestions)).toBeLessThanOrEqual(1e-5);
    // Not vacuous: the vectors are unit length, and distinct texts get distinct vectors.
    const norm = Math.hypot(...nativeQuestions[0]);
    expect(norm).toBeCloseTo(1, 5);
    expect(largestDifference([nativeQuestions[0]], [nativeQuestions[1]])).toBeGreaterThan(1e-3);
  });

  it('tokenises like the exported tokenizer: whitespace runs, unknown terms and literal special tokens', async () => {
    const texts = ['区块链  专利\t数量', '区块链 qwertyuiop 专利', '区块链[UNK]专利 [PAD]', '', '  ', 'qwertyuiop zxcvbnm'];
    // Prepared text goes straight to the tokenizer here, so the edge cases reach it unchanged.
    const raw = { folder: modelFolder, id: 'static-lsa', prepareText: (text: string) => text };
    const nativeRaw = createStaticEmbedder(raw);
    const referenceRaw = await createTransformersEmbedder({ model: modelFolder, ...raw, batchSize: 1 });
    const [nativeVectors, referenceVectors] = await Promise.all([nativeRaw.embedDocuments(texts), referenceRaw.embedDocuments(texts)]);
    expect(largestDifference(nativeVectors, referenceVectors)).toBeLessThanOrEqual(1e-5);
    for (const empty of nativeVectors.slice(3)) expect(empty.every((value) => value === 0)).toBe(true);
  });

  it('refuses a folder that is not an exported static model', () => {
    const broken = join(scratch, 'broken');
    cpSync(modelFolder, broken, { recursive: true });
    writeFileSync(join(broken, 'onnx', 'model.onnx'), readFileSync(join(modelFolder, 'onnx', 'model.onnx')).subarray(0, 1000));
    expect(() => createStaticEmbedder({ folder: broken, id: 'x', prepareText })).toThrow(/model\.onnx/);
    expect(() => createStaticEmbedder({ folder: join(scratch, 'nowhere'), id: 'x', prepareText })).toThrow(/ENOENT/);
  });
});
