import type { Segmenter } from './segmenter';
import { normalizeText } from './normalize-text';

/** Words that carry no topic: question words, particles, and the report's ubiquitous filler. */
const STOP_WORDS = new Set([
  '的', '了', '是', '在', '和', '与', '及', '等', '有', '为', '对', '也', '就', '都', '而', '或', '其', '中', '上', '这',
  '那', '个', '吗', '呢', '吧', '啊', '呀', '么', '哪', '哪些', '哪个', '哪家', '哪里', '什么', '怎么', '怎样', '如何',
  '多少', '几', '几个', '几项', '请问', '一下', '告诉', '我', '你', '他', '它', '我们', '报告', '一共', '总共', '分别',
  '是否', '还有', '以及', '能', '会', '被', '把', '从', '到', '由', '向', '给', '让', '之', '所', '以', '并', '及其',
]);

const HAN_ONLY = /^\p{Script=Han}+$/u;
const WORDLIKE = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Options of {@link analyzeText}. */
export interface AnalyzeOptions {
  /** Add overlapping Han character bigrams (catches 泉州 vs 泉州市). Default true. */
  bigrams?: boolean;
  /** Drop stop words. Default true. */
  dropStopWords?: boolean;
}

/**
 * Search terms of a text: normalised jieba words (punctuation and stop words dropped) plus
 * overlapping bigrams of every Han run, prefixed 'b:' so they never collide with words.
 */
export function analyzeText(segmenter: Segmenter, text: string, options: AnalyzeOptions = {}): string[] {
  const { bigrams = true, dropStopWords = true } = options;
  const normalized = normalizeText(text);
  const terms: string[] = [];
  // Bigrams run across word boundaries (泉州|市 → 泉州, 州市) but not across dropped words or punctuation.
  const runs: string[] = [];
  let run = '';
  for (const raw of segmenter.cut(normalized)) {
    const word = raw.trim();
    const dropped = !word || !WORDLIKE.test(word) || (dropStopWords && STOP_WORDS.has(word));
    if (!dropped) terms.push(word);
    if (!dropped && HAN_ONLY.test(word)) run += word;
    else if (run) (runs.push(run), (run = ''));
  }
  if (run) runs.push(run);
  if (bigrams) {
    for (const han of runs) {
      for (let i = 0; i + 1 < han.length; i++) terms.push(`b:${han.slice(i, i + 2)}`);
    }
  }
  return terms;
}
