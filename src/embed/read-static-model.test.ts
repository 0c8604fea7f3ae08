import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { endianness, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../text/analyze-text';
import { BASE_DOMAIN_WORDS } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import { exportStaticModel } from './export-static-model';
import { gatherTableLayout, readStaticModel } from './read-static-model';
import { trainStaticModel } from './train-static-model';

const corpus = readFileSync(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url), 'utf8');
const paragraphs = [...new Set(corpus.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean))];
const segmenter = createJiebaSegmenter(BASE_DOMAIN_WORDS);
const model = trainStaticModel(paragraphs.slice(0, 120).map((paragraph) => analyzeText(segmenter, paragraph)), { dimensions: 48 });
const root = mkdtempSync(join(tmpdir(), 'read-static-model-'));
const folder = join(root, 'model');
exportStaticModel(model, folder);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function copyWith(name: string, file: string, change: (data: Buffer) => string | Buffer): string {
  const copy = join(root, name);
  cpSync(folder, copy, { recursive: true });
  writeFileSync(join(copy, file), change(readFileSync(join(copy, file))));
  return copy;
}

describe('readStaticModel', () => {
  it('reads back exactly the vocabulary and vectors that were exported', () => {
    const read = readStaticModel(folder);
    expect(read.dimensions).toBe(48);
    expect(read.vocabulary).toEqual(model.vocabulary);
    expect(Buffer.from(read.vectors.buffer, read.vectors.byteOffset, read.vectors.byteLength).equals(Buffer.from(model.vectors.buffer))).toBe(true);
  });

  it('lays the table out 4-byte aligned, so a little-endian host views the file instead of copying it', () => {
    const bytes = readFileSync(join(folder, 'onnx/model.onnx'));
    expect(gatherTableLayout(bytes, 'model.onnx').raw.byteOffset % 4).toBe(0);
    const read = readStaticModel(folder);
    if (endianness() === 'LE') expect(read.vectors.buffer.byteLength).toBeGreaterThan(read.vectors.byteLength);
  });

  it('rejects a truncated model file and a graph whose table does not match the vocabulary', () => {
    expect(() => readStaticModel(copyWith('truncated', 'onnx/model.onnx', (data) => data.subarray(0, data.length - 7)))).toThrow(/model\.onnx/);
    const fewer = { ...model, vocabulary: model.vocabulary.slice(0, -1), vectors: model.vectors.slice(0, -48) };
    const shorter = join(root, 'shorter');
    exportStaticModel(fewer, shorter);
    cpSync(join(folder, 'tokenizer.json'), join(shorter, 'tokenizer.json'));
    expect(() => readStaticModel(shorter)).toThrow(/rows for .* vocabulary entries/);
  });

  it('rejects a tokenizer other than the exported WordLevel + WhitespaceSplit one', () => {
    const bpe = copyWith('bpe', 'tokenizer.json', (data) => data.toString().replace('"WordLevel"', '"BPE"'));
    expect(() => readStaticModel(bpe)).toThrow(/not the WordLevel/);
    const lowercased = copyWith('lowercase', 'tokenizer.json', (data) => data.toString().replace('"normalizer": null', '"normalizer": {"type": "Lowercase"}'));
    expect(() => readStaticModel(lowercased)).toThrow(/not the WordLevel/);
  });
});
