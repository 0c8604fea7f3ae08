import { createRequire } from 'node:module';
import type { Segmenter } from './segmenter';

interface JiebaModule {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
  tag(text: string, hmm?: boolean | null): { word: string; tag: string }[];
}

// jieba-wasm's ESM entry is the browser build (needs fetch of the .wasm); the CommonJS one loads it from disk.
const jieba = createRequire(import.meta.url)('jieba-wasm') as JiebaModule;
const added = new Set<string>();

/**
 * The jieba-wasm segmenter (HMM on). Its dictionary is process-global, so words added by one
 * segmenter are known to all; that is what we want (one report, one domain dictionary).
 */
export function createJiebaSegmenter(words: Iterable<string> = []): Segmenter {
  const segmenter: Segmenter = {
    cut: (text) => jieba.cut(text, true),
    cutKnown: (text) => jieba.cut(text, false),
    tag: (text) => jieba.tag(text, true),
    addWords(list) {
      for (const word of list) {
        const w = word.trim();
        if (w.length < 2 || added.has(w) || /\s/.test(w)) continue;
        added.add(w);
        // A high frequency makes jieba prefer the whole word over its parts (区块链, not 区块/链).
        jieba.add_word(w, 100_000, null);
      }
    },
  };
  segmenter.addWords(words);
  return segmenter;
}
