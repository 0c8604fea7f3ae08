import { randomizedGramEigen, type GramEigenOptions, type TermPostings } from './randomized-gram-eigen';

/** A static embedding table: one vector per vocabulary term. */
export interface StaticModel {
  /** Token id → term; id 0 is '[PAD]' and id 1 is '[UNK]' (both zero vectors). */
  vocabulary: string[];
  /** vocabulary.length × dimensions, row-major. */
  vectors: Float32Array;
  dimensions: number;
}

/** Options of {@link trainStaticModel}. */
export interface TrainStaticModelOptions {
  /** Requested rank; the result has min(dimensions, documents − 1). Default 256. */
  dimensions?: number;
  /** Terms found in fewer documents are left out of the vocabulary. Default 1 (keep all). */
  minDocumentFrequency?: number;
  /** Of the eigensolver ({@link GramEigenOptions}); its defaults are what index/ is built with. */
  oversampling?: GramEigenOptions['oversampling'];
  powerIterations?: GramEigenOptions['powerIterations'];
  seed?: GramEigenOptions['seed'];
}

export const PAD_TOKEN = '[PAD]';
export const UNK_TOKEN = '[UNK]';

/** Eigenvalues below this fraction of the largest are treated as zero (rank-deficient corpora). */
const RELATIVE_EIGEN_FLOOR = 1e-10;

/**
 * Trains static term vectors by latent semantic analysis (Deerwester et al. 1990,
 * https://doi.org/10.1002/(SICI)1097-4571(199009)41:6<391::AID-ASI1>3.0.CO;2-9).
 *
 * X is the documents × terms TF-IDF matrix (sublinear tf 1 + ln tf, smooth idf
 * ln((1 + n) / (1 + df)) + 1, rows L2-normalised) with truncated SVD X ≈ A S Bᵀ. The vector of
 * term t is idf(t) · B[t] · S⁻¹, the LSA fold-in of a one-term query, so mean pooling a text's
 * token vectors is (up to scale) the fold-in of the whole text. The SVD comes from the leading
 * eigenpairs of the Gram matrix XXᵀ = A S² Aᵀ, found by seeded randomized subspace iteration
 * without forming it (time linear in the corpus for a fixed rank), and B S⁻¹ = Xᵀ A S⁻².
 * Deterministic: sorted vocabulary, fixed summation order, fixed seed, fixed signs.
 */
export function trainStaticModel(documents: string[][], options: TrainStaticModelOptions = {}): StaticModel {
  const { dimensions: requested = 256, minDocumentFrequency = 1, oversampling, powerIterations, seed } = options;
  const n = documents.length;
  if (n < 2) throw new RangeError('trainStaticModel needs at least 2 documents');
  const rank = Math.max(1, Math.min(requested, n - 1));

  const counts = documents.map(countTerms);
  const documentFrequency = new Map<string, number>();
  for (const count of counts) for (const term of count.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const terms = [...documentFrequency.keys()]
    .filter((term) => documentFrequency.get(term)! >= minDocumentFrequency)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const termIndex = new Map(terms.map((term, index) => [term, index]));
  const idf = Float64Array.from(terms, (term) => Math.log((1 + n) / (1 + documentFrequency.get(term)!)) + 1);

  // Postings per term: (document, weight) in document order.
  const postingDocuments: number[][] = terms.map(() => []);
  const postingWeights: number[][] = terms.map(() => []);
  counts.forEach((count, document) => {
    const entries = [...count].filter(([term]) => termIndex.has(term)).sort(([a], [b]) => termIndex.get(a)! - termIndex.get(b)!);
    const weights = entries.map(([term, tf]) => (1 + Math.log(tf)) * idf[termIndex.get(term)!]);
    const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
    entries.forEach(([term], i) => {
      const t = termIndex.get(term)!;
      postingDocuments[t].push(document);
      postingWeights[t].push(weights[i] / norm);
    });
  });

  const postings = flattenPostings(n, postingDocuments, postingWeights);
  const { values, vectors: documentVectors } = randomizedGramEigen(postings, rank, { oversampling, powerIterations, seed });
  // inverseEigen[k] = S⁻² for the kept components; 0 drops a null direction instead of dividing by ~0.
  const inverseEigen = new Float64Array(rank);
  for (let k = 0; k < rank; k++) inverseEigen[k] = values[k] > values[0] * RELATIVE_EIGEN_FLOOR ? 1 / values[k] : 0;

  const vocabulary = [PAD_TOKEN, UNK_TOKEN, ...terms];
  const vectors = new Float32Array(vocabulary.length * rank);
  const row = new Float64Array(rank);
  for (let t = 0; t < terms.length; t++) {
    row.fill(0);
    for (let p = postings.start[t]; p < postings.start[t + 1]; p++) {
      const w = postings.weight[p];
      const from = postings.document[p] * rank;
      for (let k = 0; k < rank; k++) row[k] += w * documentVectors[from + k];
    }
    const offset = (t + 2) * rank;
    for (let k = 0; k < rank; k++) vectors[offset + k] = idf[t] * row[k] * inverseEigen[k];
  }
  return { vocabulary, vectors, dimensions: rank };
}

function flattenPostings(documents: number, postingDocuments: number[][], postingWeights: number[][]): TermPostings {
  const start = new Int32Array(postingDocuments.length + 1);
  postingDocuments.forEach((docs, t) => (start[t + 1] = start[t] + docs.length));
  const document = new Int32Array(start[postingDocuments.length]);
  const weight = new Float64Array(document.length);
  postingDocuments.forEach((docs, t) => {
    document.set(docs, start[t]);
    weight.set(postingWeights[t], start[t]);
  });
  return { documents, start, document, weight };
}

/** Term frequencies of one document; terms the whitespace tokenizer could never produce are skipped. */
function countTerms(terms: string[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const term of terms) {
    if (!term || /\s/.test(term) || term === PAD_TOKEN || term === UNK_TOKEN) continue;
    count.set(term, (count.get(term) ?? 0) + 1);
  }
  return count;
}
