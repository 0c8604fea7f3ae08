import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text/analyze-text';
import { BASE_DOMAIN_WORDS } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import { randomizedGramEigen, type TermPostings } from './randomized-gram-eigen';
import { symmetricEigen } from './symmetric-eigen';

const corpus = readFileSync(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url), 'utf8');
const paragraphs = [...new Set(corpus.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean))];
const segmenter = createJiebaSegmenter(BASE_DOMAIN_WORDS);
const documents = paragraphs.map((paragraph) => analyzeText(segmenter, paragraph));

/** Term postings of L2-normalised term-count rows, as the static model's trainer builds them. */
function postingsOf(docs: string[][]): TermPostings {
  const byTerm = new Map<string, [number, number][]>();
  docs.forEach((terms, d) => {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = Math.hypot(...counts.values()) || 1;
    for (const [term, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!byTerm.has(term)) byTerm.set(term, []);
      byTerm.get(term)!.push([d, count / norm]);
    }
  });
  const postings = [...byTerm.values()];
  const start = new Int32Array(postings.length + 1);
  postings.forEach((list, t) => (start[t + 1] = start[t] + list.length));
  return {
    documents: docs.length,
    start,
    document: Int32Array.from(postings.flat(), ([d]) => d),
    weight: Float64Array.from(postings.flat(), ([, w]) => w),
  };
}

/** The explicit n × n Gram matrix XXᵀ, for checking. */
function gramOf(matrix: TermPostings): Float64Array {
  const n = matrix.documents;
  const gram = new Float64Array(n * n);
  for (let t = 0; t + 1 < matrix.start.length; t++) {
    for (let p = matrix.start[t]; p < matrix.start[t + 1]; p++) {
      for (let q = matrix.start[t]; q < matrix.start[t + 1]; q++) gram[matrix.document[p] * n + matrix.document[q]] += matrix.weight[p] * matrix.weight[q];
    }
  }
  return gram;
}

/** Largest ‖G v − λ v‖ over the returned pairs, and largest |VᵀV − I| entry. */
function accuracy(gram: Float64Array, n: number, rank: number, { values, vectors }: { values: Float64Array; vectors: Float64Array }) {
  let residual = 0;
  let orthogonality = 0;
  for (let k = 0; k < rank; k++) {
    let squares = 0;
    for (let i = 0; i < n; i++) {
      let gv = 0;
      for (let j = 0; j < n; j++) gv += gram[i * n + j] * vectors[j * rank + k];
      squares += (gv - values[k] * vectors[i * rank + k]) ** 2;
    }
    residual = Math.max(residual, Math.sqrt(squares));
    for (let l = 0; l <= k; l++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += vectors[i * rank + k] * vectors[i * rank + l];
      orthogonality = Math.max(orthogonality, Math.abs(dot - (k === l ? 1 : 0)));
    }
  }
  return { residual, orthogonality };
}

describe('randomizedGramEigen', () => {
  it('is the exact eigendecomposition when the search space covers every document', () => {
    const matrix = postingsOf(documents.slice(0, 90));
    const gram = gramOf(matrix);
    const exact = symmetricEigen(gram, 90);
    const result = randomizedGramEigen(matrix, 40, { oversampling: 100 });
    for (let k = 0; k < 40; k++) expect(Math.abs(result.values[k] - exact.values[k])).toBeLessThan(1e-12 * exact.values[0]);
    const { residual, orthogonality } = accuracy(gram, 90, 40, result);
    expect(residual).toBeLessThan(1e-10);
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('finds the leading eigenpairs of the report paragraphs from a much smaller search space', () => {
    const n = documents.length;
    const matrix = postingsOf(documents);
    const gram = gramOf(matrix);
    const exact = symmetricEigen(gram, n);
    const result = randomizedGramEigen(matrix, 32, { oversampling: 32, powerIterations: 4 });
    expect(n).toBeGreaterThan(3 * 64);
    for (let k = 0; k < 32; k++) {
      // Rayleigh–Ritz values never exceed the true ones; the leading ones are found to high accuracy.
      expect(result.values[k]).toBeLessThanOrEqual(exact.values[k] * (1 + 1e-12));
      if (k < 8) expect(result.values[k]).toBeGreaterThan(exact.values[k] * (1 - 2e-5));
    }
    const { orthogonality } = accuracy(gram, n, 32, result);
    expect(orthogonality).toBeLessThan(1e-12);
  });

  it('gives bit-identical results for the same seed and different ones for another seed', () => {
    const matrix = postingsOf(documents);
    const options = { oversampling: 32, powerIterations: 4 };
    const first = randomizedGramEigen(matrix, 24, options);
    const second = randomizedGramEigen(matrix, 24, options);
    const other = randomizedGramEigen(matrix, 24, { ...options, seed: 7 });
    expect(Buffer.from(second.vectors.buffer).equals(Buffer.from(first.vectors.buffer))).toBe(true);
    expect(Buffer.from(second.values.buffer).equals(Buffer.from(first.values.buffer))).toBe(true);
    expect(Buffer.from(other.vectors.buffer).equals(Buffer.from(first.vectors.buffer))).toBe(false);
    expect(Math.abs(other.values[0] - first.values[0])).toBeLessThan(1e-6 * first.values[0]);
  });

  it('returns zero eigenvalues, not NaN, when the documents span fewer directions than asked for', () => {
    const repeated = Array.from({ length: 4 }, () => documents.slice(0, 25)).flat();
    for (const options of [{ oversampling: 8 }, { oversampling: 100 }]) {
      const { values, vectors } = randomizedGramEigen(postingsOf(repeated), 40, options);
      expect(values.every(Number.isFinite) && vectors.every(Number.isFinite)).toBe(true);
      expect(values[24]).toBeGreaterThan(1e-6);
      expect(Math.max(...values.slice(25))).toBeLessThan(1e-10 * values[0]);
    }
  });

  it('refuses a rank above the number of documents', () => {
    expect(() => randomizedGramEigen(postingsOf(documents.slice(0, 5)), 6)).toThrow(RangeError);
  });
});
