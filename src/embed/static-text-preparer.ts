import type { Segmenter } from '../text/segmenter';
import { analyzeText } from '../text/analyze-text';

/**
 * Text preparation of the static LSA model: jieba words plus 'b:' Han bigrams, space-joined.
 * The model's WordLevel tokenizer only splits on whitespace and cannot make overlapping bigrams,
 * so queries and passages must go through exactly the analysis used at training time first.
 */
export function createStaticTextPreparer(segmenter: Segmenter): (text: string) => string {
  return (text) => analyzeText(segmenter, text).join(' ');
}
