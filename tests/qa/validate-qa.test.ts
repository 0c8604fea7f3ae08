/**
 * Validates the hand-written QA sets in tests/qa against the real report:
 * schema, minimum sizes, line ranges inside the corpus, and that the gold
 * evidence / gold values really are printed on the cited lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const corpusLines = readFileSync(here('../../corpus/report-2020H1-blockchain.md'), 'utf8')
  .replace(/\n$/, '')
  .split('\n');

/** Whitespace-insensitive (the report breaks numbers like 「17.15 亿元」 and cells with tabs). */
const squash = (text: string) => text.replace(/\s+/g, '');

const range = z.tuple([z.number().int().positive(), z.number().int().positive()]);
type Range = z.infer<typeof range>;

const retrievalItem = z.strictObject({
  id: z.string().regex(/^r\d{3}$/),
  question: z.string().min(2),
  lines: range,
  kind: z.enum(['prose', 'table']),
  table: z.string().regex(/^表\d-\d$/).optional(),
  evidence: z.string().min(2),
  alt_lines: z.array(range).optional(),
});

function loadJsonl<T>(name: string, schema: z.ZodType<T>): T[] {
  const raw = readFileSync(here(name), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

const retrieval = loadJsonl('retrieval.jsonl', retrievalItem);

const inCorpus = ([start, end]: Range) => start <= end && end <= corpusLines.length;
const spanText = (ranges: Range[]) =>
  ranges.map(([start, end]) => squash(corpusLines.slice(start - 1, end).join(''))).join('\n');

/** The table whose caption (「表 6-1 …」) is the closest one at or above a line. */
function tableAbove(line: number): string | undefined {
  for (let index = line - 1; index >= 0; index -= 1) {
    const caption = /^表\s*(\d+)-(\d+)\s/.exec(corpusLines[index]);
    if (caption) return `表${caption[1]}-${caption[2]}`;
    if (/^#{1,6}\s/.test(corpusLines[index])) return undefined;
  }
  return undefined;
}

function expectUniqueIds(items: { id: string }[]) {
  const ids = items.map((item) => item.id);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('retrieval.jsonl', () => {
  it('has at least 75 questions, a third of them about table rows', () => {
    expect(retrieval.length).toBeGreaterThanOrEqual(75);
    expect(retrieval.filter((item) => item.kind === 'table').length).toBeGreaterThanOrEqual(25);
    expectUniqueIds(retrieval);
    expect(new Set(retrieval.map((item) => item.question)).size).toBe(retrieval.length);
  });

  it('covers every data table of the report', () => {
    const expected = ['表1-1', '表1-2', '表2-1', '表2-2', '表3-3', '表6-1', '表8-1'];
    for (let n = 1; n <= 9; n += 1) expected.push(`表4-${n}`, `表5-${n}`);
    const covered = new Set(retrieval.map((item) => item.table));
    expect(expected.filter((table) => !covered.has(table))).toEqual([]);
  });

  it('names a table exactly for table questions', () => {
    for (const item of retrieval) {
      expect(item.table !== undefined, item.id).toBe(item.kind === 'table');
    }
  });

  it('cites line ranges inside the corpus', () => {
    for (const item of retrieval) {
      for (const lines of [item.lines, ...(item.alt_lines ?? [])]) expect(inCorpus(lines), item.id).toBe(true);
    }
  });

  it('finds the evidence string on the cited lines', () => {
    const missing = retrieval.filter((item) => !spanText([item.lines]).includes(squash(item.evidence)));
    expect(missing.map((item) => item.id)).toEqual([]);
  });

  it('cites table rows under the caption of the named table', () => {
    const wrong = retrieval
      .filter((item) => item.kind === 'table' && tableAbove(item.lines[0]) !== item.table)
      .map((item) => `${item.id}: ${item.table} vs ${tableAbove(item.lines[0])}`);
    expect(wrong).toEqual([]);
  });

  it('keeps prose questions out of table rows', () => {
    const wrong = retrieval.filter((item) => {
      if (item.kind !== 'prose') return false;
      const line = corpusLines[item.lines[0] - 1];
      return line.split('\t').length > 2 && tableAbove(item.lines[0]) !== undefined;
    });
    expect(wrong.map((item) => item.id)).toEqual([]);
  });
});
