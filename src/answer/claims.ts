import type { AnswerFact } from '../types';

/** A passage of the report a claim rests on (becomes a citation). */
export interface Source {
  chunkId: string;
  quote: string;
  line: number;
  section: string;
  source?: string;
}

/** One clause of an answer and the passages that state it. */
export interface Claim {
  /** The clause, without its final punctuation and without markers. */
  text: string;
  sources: Source[];
  /** Numbers the clause computes from cited values (a sum, a difference, a count of rows). */
  derived?: string[];
  /** Punctuation that ends the clause ('。' unless given). */
  end?: string;
}

/** The answer to one part of a question. */
export interface PartAnswer {
  claims: Claim[];
  facts: AnswerFact[];
  /** 'answered': the report states it; 'missing': the report does not (the claims say so, with the nearest figure). */
  status: 'answered' | 'missing';
}

export const answered = (claims: Claim[], facts: AnswerFact[] = []): PartAnswer => ({ claims, facts, status: 'answered' });
export const missing = (claims: Claim[]): PartAnswer => ({ claims, facts: [], status: 'missing' });
