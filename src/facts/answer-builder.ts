import type { Answer, AnswerFact, Citation, Fact } from '../types';
import type { FactIndex } from './fact-index';
import { checkNumbers } from './number-guard';
import { factKind } from './score-facts';

/** Collects the citations, facts and derived numbers of one structured answer. */
export interface AnswerBuilder {
  /** Cites the row or sentence of a fact; returns its marker number (one citation per quote). */
  cite(fact: Fact): number;
  /** Adds a fact to the reply's `facts` (the widget's table/chart); `subject` overrides the label. */
  use(fact: Fact, subject?: string): void;
  /** Numbers computed from cited inputs (a sum, a difference, a count of rows). */
  derive(...values: (number | string)[]): void;
  /** The answer, or null when a number in it is not supported (the number guard: never sent). */
  build(text: string, options?: { grounded?: boolean; question?: string }): Answer | null;
}

/** Formats a computed number: integers plain, others with at most two decimals. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** Keeps table cells apart before the guard compacts whitespace: '1309 100%' must not read as 1309100. */
function separateCells(text: string): string {
  return text.replace(/(\d)[ \t\u00a0]+(?=\d)/g, '$1｜');
}

/** The value a reply's `facts` shows: the number, or the printed text when there is none (数千万人民币, 2020.02.25). */
function shownValue(fact: Fact): number | string | null {
  if (factKind(fact) === 'date' || fact.value === null) return fact.text;
  return fact.value;
}

export function createAnswerBuilder(index: FactIndex): AnswerBuilder {
  const citations: Citation[] = [];
  const facts: AnswerFact[] = [];
  const periods = new Set<string>();
  const derived: string[] = [];
  return {
    cite(fact) {
      const existing = citations.find((c) => c.chunkId === fact.chunkId && c.quote === fact.quote);
      periods.add(fact.period);
      if (existing) return existing.id;
      const chunk = index.chunk(fact.chunkId);
      const citation: Citation = { id: citations.length + 1, chunkId: fact.chunkId, section: chunk?.section ?? '', quote: fact.quote, line: fact.line };
      if (chunk?.source) citation.source = chunk.source;
      citations.push(citation);
      return citation.id;
    },
    use(fact, subject) {
      const entry: AnswerFact = { source: fact.source, subject: subject ?? fact.subject, metric: fact.metric, value: shownValue(fact),
        unit: factKind(fact) === 'date' ? '' : fact.unit, period: fact.period };
      if (!facts.some((f) => f.source === entry.source && f.subject === entry.subject && f.metric === entry.metric && f.value === entry.value)) facts.push(entry);
    },
    derive(...values) {
      for (const value of values) derived.push(typeof value === 'number' ? formatNumber(value) : value);
    },
    build(text, options = {}) {
      // Support: the cited quotes with their section and caption, the periods of the facts used
      // (report text a table row does not print), and the question.
      const support = [options.question ?? '', ...periods, ...citations.flatMap((c) => [separateCells(c.quote), c.section, c.source ?? ''])];
      if (!checkNumbers(text, support, derived).ok) return null;
      return { answer: text, citations, facts, grounded: options.grounded ?? true, mode: 'extractive' };
    },
  };
}
