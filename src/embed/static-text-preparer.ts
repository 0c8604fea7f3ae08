import type { Segmenter } from '../text/segmenter';
import { analyzeText } from '../text/analyze-text';

/**
 * Text preparation of the static LSA model: jieba words plus 'b:' Han bigrams, space-joined.
 * The model's WordLevel tokenizer only splits on whitespace and cannot make overlapping bigrams,
 * so queries and passages must go through exactly the analysis used at training time first.
 * `analyze` is that analysis when the caller already keeps one (the server's, which remembers a request's queries:
 * retrieval's BM25 arm has just analysed the same query).
 */
export function createStaticTextPreparer(segmenter: Segmenter, analyze: (text: string) => string[] = (text) => analyzeText(segmenter, text)): (text: string) => string {
  return (text) => analyze(text).join(' ');
}
