import type { Chunk, Fact, ReportDocument } from '../types';
import type { EntityLexicon } from './entity-lexicon';
import { countedNouns } from './counted-noun';
import { bareLabel, labelColumn } from './extract-table-facts';
import { addTerms as addRawTerms, type Termizer, type WeightedTerms } from './fact-terms';
import { canonicalWording } from './parse-question';

/** One table as the fact store holds it: rows of cell facts with their row chunk. */
export interface TableView {
  id: string;
  caption: string;
  columns: string[];
  /** Index of the column that names a row. */
  label: number;
  period: string;
  rows: RowView[];
}

export interface RowView {
  /** 1-based, as in the row chunk id (t6-1#r1). */
  number: number;
  /** The label cell without group counts ('浙江 (8)' → '浙江'). */
  label: string;
  /** Cell facts by column index (undefined for an empty cell). */
  cells: (Fact | undefined)[];
  quote: string;
  line: number;
  chunkId: string;
}

/** A clause window of a sentence around a figure: what an answer quotes inline. */
export interface Window {
  start: number;
  end: number;
  text: string;
}

export interface FactIndex {
  facts: Fact[];
  chunk(id: string): Chunk | undefined;
  tables: Map<string, TableView>;
  /** Matching terms of a fact with their weights (the figure's clause weighs most). */
  terms(fact: Fact): WeightedTerms;
  idf(term: string): number;
  /** Canonical entity names a fact is about (its subject; a table row's cells). */
  entities(fact: Fact): Set<string>;
  /** The clause(s) of a prose fact's sentence that hold it (null for a table cell). */
  window(fact: Fact): Window | null;
  lexicon: EntityLexicon;
  /** Matching terms of a text (in the question's canonical wording). */
  termsOf: Termizer;
}

const CLAUSE_END = /[，,；;。！？!?]/;


/** Clause spans of a sentence (each ends after its punctuation). */
export function clauseSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (CLAUSE_END.test(text[i])) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** Builds the lookup structures of the fact book once, at start-up. */
export function createFactIndex(options: { facts: Fact[]; chunks: Chunk[]; document: ReportDocument; lexicon: EntityLexicon; termizer: Termizer }): FactIndex {
  const { facts, chunks, document, lexicon, termizer } = options;
  // Fact words in the question's canonical wording (比例 → 占比, 公司 → 企业).
  const termsOf: Termizer = (text) => termizer(canonicalWording(text));
  const addTerms = (target: WeightedTerms, text: string, weight: number) => addRawTerms(target, termsOf(text), weight);
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const tables = new Map<string, TableView>();
  for (const table of document.tables) {
    tables.set(table.id, { id: table.id, caption: table.caption, columns: table.columns, label: labelColumn(table), period: '', rows: [] });
  }
  for (const fact of facts) {
    if (!fact.tableId || fact.offset !== undefined) continue;
    const view = tables.get(fact.tableId);
    const column = Number(fact.id.match(/:c(\d+)$/)?.[1] ?? 0) - 1;
    if (!view || column < 0 || !fact.row) continue;
    view.period ||= fact.period;
    let row = view.rows.find((r) => r.number === fact.row);
    if (!row) {
      row = { number: fact.row, label: fact.subject, cells: [], quote: fact.quote, line: fact.line, chunkId: fact.chunkId };
      view.rows.push(row);
    }
    row.cells[column] = fact;
  }
  for (const view of tables.values()) view.rows.sort((a, b) => a.number - b.number);

  const windows = new Map<Fact, Window | null>();
  const window = (fact: Fact): Window | null => {
    if (fact.offset === undefined) return null;
    if (!windows.has(fact)) {
      // A figure inside a table cell: its window stays inside that cell.
      const cell = fact.tableId ? tables.get(fact.tableId)?.rows.find((r) => r.number === fact.row)?.cells.find((c) => c?.column === fact.column) : undefined;
      const cellStart = cell ? Math.max(0, fact.quote.indexOf(cell.text)) : 0;
      windows.set(fact, clauseWindow(fact, cellStart));
    }
    return windows.get(fact)!;
  };
  const termCache = new Map<Fact, WeightedTerms>();
  const terms = (fact: Fact): WeightedTerms => {
    let cached = termCache.get(fact);
    if (cached) return cached;
    cached = new Map();
    if (fact.offset !== undefined) {
      const spans = clauseSpans(fact.quote);
      const own = spans.findIndex(([a, b]) => fact.offset! >= a && fact.offset! < b);
      spans.forEach(([a, b], i) => {
        const distance = i - own;
        const weight = distance === 0 ? 1 : distance === -1 ? 0.8 : distance === 1 ? 0.6 : distance === -2 ? 0.5 : 0.35;
        addTerms(cached!, fact.quote.slice(a, b), weight);
      });
      addTerms(cached, fact.subject, 0.9);
      addTerms(cached, fact.metric, 0.9);
      // The sentence before, in the same chunk (「…相关密码应用标准…共有 19 项。2020 年 1-6 月份新增 5 项…」).
      const chunkText = chunkById.get(fact.chunkId)?.text ?? '';
      const at = chunkText.indexOf(fact.quote);
      if (at > 0) addTerms(cached, chunkText.slice(0, at).split(/(?<=[。！？])/).slice(-1)[0] ?? '', 0.4);
      if (fact.caption) addTerms(cached, fact.caption, 0.5);
    } else {
      addTerms(cached, fact.quote, 0.5);
      if (fact.caption) addTerms(cached, fact.caption, 0.8);
      addTerms(cached, fact.subject, 1);
      addTerms(cached, fact.column ?? fact.metric, 1);
      // A 比例 column of a distribution table is each row's share of the whole.
      if (/比例|占比/.test(fact.column ?? '')) addTerms(cached, '占比 占全国 比重 份额', 1);
    }
    termCache.set(fact, cached);
    return cached;
  };
  const documentFrequency = new Map<string, number>();
  for (const fact of facts) for (const term of new Set(termsOf(`${fact.quote} ${fact.caption ?? ''} ${fact.subject} ${fact.metric}`))) {
    documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  // A question word no fact contains cannot tell facts apart (often a bigram across two words): weight 0.
  const idf = (term: string) => (documentFrequency.has(term) ? Math.log(1 + facts.length / (1 + documentFrequency.get(term)!)) : 0);

  const entityCache = new Map<Fact, Set<string>>();
  const entities = (fact: Fact): Set<string> => {
    let cached = entityCache.get(fact);
    if (cached) return cached;
    cached = new Set<string>();
    const texts = fact.offset === undefined && fact.tableId
      ? (tables.get(fact.tableId)?.rows.find((r) => r.number === fact.row)?.cells ?? []).map((c) => (c ? bareLabel(c.text) : ''))
      : fact.subject.split('、');
    for (const text of texts) {
      if (!text) continue;
      cached.add(text);
      for (const mention of lexicon.find(text)) cached.add(mention.name);
    }
    entityCache.set(fact, cached);
    return cached;
  };
  return { facts, chunk: (id) => chunkById.get(id), tables, terms, idf, entities, window, lexicon, termsOf };
}

/**
 * The clause that holds a prose figure, widened to the clause before when it does not name the
 * figure's subject, names nothing it counts, says too little on its own, or only compares
 * (「占比 29.26%」 → 「其次是珠江三角洲聚集区，占比 29.26%」; 「与 2019 年上半年的 4.95 亿元相比」 →
 * 「规模达到了 17.15 亿元，与…」). Never wider than the cell for a figure inside a table cell.
 * Leading connectives (但、其中、其次是) are left out.
 */
function clauseWindow(fact: Fact, cellStart: number): Window {
  const text = fact.quote;
  const spans = clauseSpans(text).filter(([, b]) => b > cellStart).map(([a, b]): [number, number] => [Math.max(a, cellStart), b]);
  const own = Math.max(0, spans.findIndex(([a, b]) => fact.offset! >= a && fact.offset! < b));
  let first = own;
  const subject = fact.tableId ? '' : fact.subject.split('、')[0].replace(/(省|市)$/, '');
  const slice = (from: number) => text.slice(spans[from][0], spans[own][1]);
  const counts = /^\d|家|项|个|所|条|件|笔/.test(fact.unit) && !/%|元/.test(fact.unit);
  const wanting = (from: number) => (subject && subject !== '全国' && !slice(from).includes(subject))
    || slice(from).replace(/[\d.%\s，,；;。]/g, '').length < 8
    || /^\s*(与|较|比|同比)/.test(slice(from))
    || (counts && !countedNouns(slice(from)).size);
  while (first > 0 && own - first < 2 && wanting(first)) first--;
  let start = spans[first][0];
  const lead = text.slice(start).match(/^\s*(但是|但|而且|而|且|并且|并|其中|其次是|其次|此外|另外|同时|也)\s*[，,]?\s*/);
  if (lead && start + lead[0].length < fact.offset!) start += lead[0].length;
  let end = spans[own][1];
  while (end > start && /[，,；;。！？!?\s]/.test(text[end - 1])) end--;
  return { start, end, text: text.slice(start, end) };
}
