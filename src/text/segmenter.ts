/** Splits Chinese text into words. Implementations wrap one engine each. */
export interface Segmenter {
  /** Words of `text` in order, whitespace and punctuation included as the engine returns them. */
  cut(text: string): string[];
  /** Dictionary words only (no guessing of unknown words): a character outside every known word stands alone. */
  cutKnown(text: string): string[];
  /** Words with their part-of-speech tags (jieba's ICTCLAS-style tags: n, ns, nz, v, m …). */
  tag(text: string): { word: string; tag: string }[];
  /** Adds words the engine must keep whole (idempotent). */
  addWords(words: Iterable<string>): void;
}
