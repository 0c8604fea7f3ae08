import type { ReportLexicon } from '../question/report-lexicon';
import type { StoredFact } from './fact-store';
import type { TypedTable } from './typed-tables';

/**
 * What the answerer needs from the report, worked out at index time (index/knowledge.json): the
 * names the report gives (for the question stage), every table typed, and every prose figure with
 * its window, entities, period, nouns and terms. Requests only look up and loop over it.
 */
export interface KnowledgeData {
  version: 1;
  lexicon: ReportLexicon;
  tables: TypedTable[];
  facts: StoredFact[];
  /** Every term of the report's text in the facts' analysis (what a question's word must be to be a word the report uses). */
  terms: string[];
}
