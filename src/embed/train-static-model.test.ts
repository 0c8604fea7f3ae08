import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/analyze-text';
import { BASE_DOMAIN_WORDS } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import { trainStaticModel } from './train-static-model';

const corpus = readFileSync(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url), 'utf8');
const paragraphs = [...new Set(corpus.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean))];
const segmenter = createJiebaSegmenter(BASE_DOMAIN_WORDS);
const documents = paragraphs.map((paragraph) => analyzeText(segmenter, paragraph));

describe('trainStaticModel', () => {
  it('trains 256-dimensional vectors for every report term in a few seconds', () => {
    const started = performance.now();
    const model = trainStaticModel(documents);
    const elapsed = performance.now() - started;
    console.log(`trainStaticModel: ${documents.length} paragraphs, ${model.vocabulary.length} terms, ${elapsed.toFixed(0)} ms`);
    expect(documents.length).toBeGreaterThan(300);
    expect(elapsed).toBeLessThan(10_000);
    expect(model.dimensions).toBe(256);
    expect(model.vectors.length).toBe(model.vocabulary.length * 256);
    expect(model.vectors.every(Number.isFinite)).toBe(true);
    // Rare words matter (a question about 泉州 must find its one paragraph), so they are kept.
    expect(model.vocabulary).toContain('泉州');
    expect(model.vocabulary).toContain('b:泉州');
  });

  it('starts the vocabulary with zero [PAD] and [UNK] rows followed by sorted unique terms', () => {
    const model = trainStaticModel(documents.slice(0, 50), { dimensions: 16 });
    expect(model.vocabulary.slice(0, 2)).toEqual(['[PAD]', '[UNK]']);
    expect(model.vectors.subarray(0, 32).every((value) => value === 0)).toBe(true);
    const terms = model.vocabulary.slice(2);
    expect(terms).toEqual([...new Set(terms)].sort((a, b) => (a < b ? -1 : 1)));
    expect(terms.some((term) => /\s/.test(term))).toBe(false);
  });

  it('caps the rank at documents − 1 and honours a smaller requested dimension', () => {
    expect(trainStaticModel(documents.slice(0, 20)).dimensions).toBe(19);
    expect(trainStaticModel(documents, { dimensions: 64 }).dimensions).toBe(64);
    expect(() => trainStaticModel(documents.slice(0, 1))).toThrow(RangeError);
  });

  it('gives byte-identical vectors for the same input', () => {
    const first = trainStaticModel(documents.slice(0, 200), { dimensions: 64 });
    const second = trainStaticModel(documents.slice(0, 200), { dimensions: 64 });
    expect(second.vocabulary).toEqual(first.vocabulary);
    expect(Buffer.from(second.vectors.buffer).equals(Buffer.from(first.vectors.buffer))).toBe(true);
  });
});
