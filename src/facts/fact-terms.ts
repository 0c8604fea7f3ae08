import type { Segmenter } from '../text/segmenter';
import { analyzeText } from '../text/analyze-text';

/** Matching terms with weights. */
export type WeightedTerms = Map<string, number>;

/** Splits a text into matching terms. */
export type Termizer = (text: string) => string[];

/**
 * Terms for matching questions with facts: the words of a text (jieba with the report's domain
 * words; stop words and single characters dropped) plus the character bigrams inside longer words,
 * so 产业园 meets 产业园区 and 落地项目 meets 落地…项目 — but never a bigram across two words
 * (「区块链专利」 gives no 链专).
 */
export function createTermizer(segmenter: Segmenter): Termizer {
  const cache = new Map<string, string[]>();
  return (text) => {
    let terms = cache.get(text);
    if (terms) return terms;
    terms = [];
    // Pieces apart: a space marks where a question word was removed, and words must not join across it.
    for (const piece of text.split(/\s+/)) {
      for (const word of analyzeText(segmenter, piece, { bigrams: false })) {
        if ([...word].length < 2 && !/^[a-z0-9]/i.test(word)) continue;
        terms.push(word);
        if (/^\p{Script=Han}{3,}$/u.test(word)) for (let i = 0; i + 1 < word.length; i++) terms.push(word.slice(i, i + 2));
      }
    }
    if (cache.size < 20_000) cache.set(text, terms);
    return terms;
  };
}

/** Adds the terms of `text` with `weight`, keeping the highest weight a term has. */
export function addTerms(target: WeightedTerms, terms: string[], weight: number): void {
  for (const term of terms) if ((target.get(term) ?? 0) < weight) target.set(term, weight);
}

/**
 * Share of the question terms' idf mass that `terms` covers (0–1), each term counted at its weight
 * there; with `minimum`, only terms of at least that weight count (and count fully).
 */
export function coverage(question: string[], terms: WeightedTerms, idf: (term: string) => number, minimum?: number): number {
  let total = 0;
  let covered = 0;
  for (const term of new Set(question)) {
    const weight = idf(term);
    const found = terms.get(term) ?? 0;
    total += weight;
    covered += weight * (minimum === undefined ? found : found >= minimum ? 1 : 0);
  }
  return total ? covered / total : 0;
}
