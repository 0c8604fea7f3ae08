import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './symmetric-eigen';

/** A reproducible random symmetric matrix (Park–Miller generator). */
function randomSymmetric(n: number, seed = 7): Float64Array {
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647 - 0.5;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) matrix[i * n + j] = matrix[j * n + i] = next();
  }
  return matrix;
}

describe('symmetricEigen', () => {
  it('finds the eigenpairs of a 2 × 2 matrix in descending order', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(vectors[0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[1]).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('returns orthonormal eigenvectors that reconstruct a random 120 × 120 matrix', () => {
    const n = 120;
    const matrix = randomSymmetric(n);
    const { values, vectors } = symmetricEigen(matrix, n);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    let worstReconstruction = 0;
    let worstOrthogonality = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        let inner = 0;
        for (let k = 0; k < n; k++) {
          sum += vectors[k * n + i] * values[k] * vectors[k * n + j];
          inner += vectors[i * n + k] * vectors[j * n + k];
        }
        worstReconstruction = Math.max(worstReconstruction, Math.abs(sum - matrix[i * n + j]));
        worstOrthogonality = Math.max(worstOrthogonality, Math.abs(inner - (i === j ? 1 : 0)));
      }
    }
    expect(worstReconstruction).toBeLessThan(1e-12);
    expect(worstOrthogonality).toBeLessThan(1e-12);
  });

  it('makes the largest component of every eigenvector positive and repeats bit for bit', () => {
    const n = 40;
    const first = symmetricEigen(randomSymmetric(n, 3), n);
    const second = symmetricEigen(randomSymmetric(n, 3), n);
    expect(Buffer.from(second.vectors.buffer).equals(Buffer.from(first.vectors.buffer))).toBe(true);
    for (let i = 0; i < n; i++) {
      const row = first.vectors.subarray(i * n, i * n + n);
      const largest = row.reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
      expect(largest).toBeGreaterThan(0);
    }
  });

  it('handles a rank-deficient matrix (zero eigenvalues)', () => {
    // Rank one: v vᵀ with v = (1, 2, 3).
    const v = [1, 2, 3];
    const matrix = Float64Array.from({ length: 9 }, (_, index) => v[Math.floor(index / 3)] * v[index % 3]);
    const { values } = symmetricEigen(matrix, 3);
    expect(values[0]).toBeCloseTo(14, 12);
    expect(Math.abs(values[1])).toBeLessThan(1e-12);
    expect(Math.abs(values[2])).toBeLessThan(1e-12);
  });
});
