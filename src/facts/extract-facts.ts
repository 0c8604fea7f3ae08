import type { Chunk, Fact, ReportDocument } from '../types';
import type { Lexicon } from '../question/build-lexicon';
import { createEntityLexicon } from './entity-lexicon';
import { extractProseFacts } from './extract-prose-facts';
import { extractTableFacts } from './extract-table-facts';

/**
 * The fact store (index/facts.json): every cell of every table and every quantity stated in the
 * prose, each with its period, subject, metric, quote, line and chunk. Deterministic: the same
 * report and chunks give the same facts in the same order.
 */
export function extractFacts(document: ReportDocument, chunks: Chunk[], questionLexicon: Lexicon): Fact[] {
  const lexicon = createEntityLexicon(questionLexicon);
  return [...extractTableFacts(document, chunks, lexicon), ...extractProseFacts(document, chunks, lexicon)];
}
