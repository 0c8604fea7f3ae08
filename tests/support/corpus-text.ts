import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compactText } from '../../src/text/normalize-text';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_PATH = resolve(ROOT, 'corpus/report-2020H1-blockchain.md');
export const CORPUS_LINES = readFileSync(CORPUS_PATH, 'utf8').split('\n');

/** Whitespace-free text of corpus lines from..to (1-based, inclusive). */
export function compactLines(from: number, to: number): string {
  return compactText(CORPUS_LINES.slice(Math.max(0, from - 1), to).join(''));
}

/**
 * True when `quote` is report text of lines from..to: every 8-character shingle of the quote occurs
 * in those lines (whitespace ignored). Page-break repairs drop a repeated character at a join, so
 * a plain substring test would reject correctly repaired text; shingles still catch any invented
 * or misplaced wording.
 */
export function isReportText(quote: string, from: number, to: number): boolean {
  // A repaired join drops the character the print repeats across the break (「和区」…「区块链」).
  const collapse = (t: string) => t.replace(/(.)\1+/g, '$1');
  const text = collapse(compactLines(from, to));
  const q = collapse(compactText(quote));
  if (text.includes(q)) return true;
  const size = Math.min(8, q.length);
  let found = 0;
  let total = 0;
  for (let i = 0; i + size <= q.length; i += 2) {
    total++;
    if (text.includes(q.slice(i, i + size))) found++;
  }
  return total > 0 && found / total >= 0.9;
}

/**
 * True when `cell` is printed in lines from..to as one or more fragments in reading order (a table
 * cell that wraps onto a later line is interleaved with the other cells of its row).
 */
export function isPrintedInOrder(cell: string, from: number, to: number): boolean {
  const text = compactLines(from, to);
  let rest = compactText(cell);
  let position = 0;
  while (rest.length) {
    let length = rest.length;
    while (length > 0 && text.indexOf(rest.slice(0, length), position) < 0) length--;
    // A one-character fragment is only the character a repaired join dropped (「和区」+「区块链」).
    if (length === 0 || (length === 1 && rest.length > 1 && text[text.indexOf(rest[0], position) + 1] !== rest[1])) {
      if (length === 1) { rest = rest.slice(1); continue; }
      return false;
    }
    position = text.indexOf(rest.slice(0, length), position) + length;
    rest = rest.slice(length);
  }
  return true;
}
