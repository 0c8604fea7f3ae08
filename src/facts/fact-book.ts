import type { Answer, Chunk, Fact, ReportDocument } from '../types';
import { answerCompare } from './answer-compare';
import { answerLookup } from './answer-lookup';
import { answerMissingFigure } from './answer-missing-figure';
import { answerProseRank } from './answer-prose-rank';
import { answerRowLookup, COLUMN_ASKS } from './answer-row-lookup';
import { answerTableQuery } from './answer-table-query';
import type { EntityLexicon } from './entity-lexicon';
import { bareLabel } from './extract-table-facts';
import type { FactContext } from './fact-context';
import { createFactIndex } from './fact-index';
import { createTermizer } from './fact-terms';
import { domainWords } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import { lookupFacts } from './lookup-facts';
import { createRowMatcher } from './match-rows';
import { parseQuestion } from './parse-question';

export interface FactBookOptions {
  facts: Fact[];
  document: ReportDocument;
  chunks: Chunk[];
  lexicon: EntityLexicon;
}

export interface FactBook {
  /** A structured answer when the facts answer the question; null otherwise. */
  answer(question: string, context: string): Answer | null;
  /** Facts matching a free-text query (GET /api/facts). */
  lookup(query: string): Fact[];
}

/** Operations a plain lookup must not answer (it would ignore the ranking). */
const RANKED = new Set(['max', 'min', 'rank', 'top', 'position']);

/** City → province from the tables that print both (表3-3: 广东(7) / 深圳(1)). */
function provinces(document: ReportDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of document.tables) {
    const province = table.columns.findIndex((c) => /省份/.test(c));
    const city = table.columns.findIndex((c) => /城市/.test(c));
    if (province < 0 || city < 0) continue;
    for (const row of table.rows) {
      const p = bareLabel(row.cells[province] ?? '');
      const c = bareLabel(row.cells[city] ?? '');
      if (p && c && p !== c && !map.has(c)) map.set(c, p);
    }
  }
  return map;
}

/**
 * Structured answers over the fact store, tried in order: rankings/counts computed from a table,
 * comparisons and sums, a named table row's columns, a figure looked up with its period (two
 * figures when the report has two), k-th place stated in prose, and finally — for a figure the
 * report does not give — a `grounded: false` answer with the nearest figure it does give.
 * Explanations (是干嘛的, 为什么 …) are left to retrieval (null).
 */
export function createFactBook(options: FactBookOptions): FactBook {
  const { facts, document, chunks, lexicon } = options;
  const termizer = createTermizer(createJiebaSegmenter(domainWords(document)));
  const index = createFactIndex({ facts, chunks, document, lexicon, termizer });
  const cities = provinces(document);
  const context: FactContext = { index, matcher: createRowMatcher(index), lexicon, provinceOf: (city) => cities.get(city.replace(/市$/, '')) };
  return {
    answer(question, previous) {
      const parsed = parseQuestion(question, lexicon, previous);
      const columnAsks = parsed.asks.filter((ask) => COLUMN_ASKS.has(ask.kind));
      if (parsed.explain && !columnAsks.length) return null;
      if (!parsed.quantity && !columnAsks.length && parsed.operation === 'lookup') return null;
      return answerTableQuery(context, parsed)
        ?? answerCompare(context, parsed)
        ?? (RANKED.has(parsed.operation) ? null : answerRowLookup(context, parsed, parsed.asks))
        ?? answerProseRank(context, parsed)
        ?? (RANKED.has(parsed.operation) ? null : answerLookup(context, parsed) ?? answerMissingFigure(context, parsed));
    },
    lookup: (query) => lookupFacts(index, lexicon, query),
  };
}
