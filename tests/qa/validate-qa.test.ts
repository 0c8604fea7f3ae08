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
const groups = z.array(z.array(z.string().min(1)).min(1)).min(1);

const retrievalItem = z.strictObject({
  id: z.string().regex(/^r\d{3}$/),
  question: z.string().min(2),
  lines: range,
  kind: z.enum(['prose', 'table']),
  table: z.string().regex(/^表\d-\d$/).optional(),
  evidence: z.string().min(2),
  alt_lines: z.array(range).optional(),
});

const numericKinds = ['prose', 'table', 'rank', 'compare', 'two-figure', 'approx', 'sum', 'followup'] as const;
const numericItem = z.strictObject({
  id: z.string().regex(/^n\d{3}$/),
  turns: z.array(z.string().min(1)).min(1).max(3),
  must: groups,
  must_not: z.array(z.string().min(1)).optional(),
  kind: z.enum(numericKinds),
  lines: range,
  extra_lines: z.array(range).optional(),
  evidence: z.string().min(1).optional(),
});

const unanswerableItem = z.strictObject({
  id: z.string().regex(/^u\d{3}$/),
  turns: z.array(z.string().min(1)).min(1).max(4),
  kind: z.enum(['missing-figure', 'off-topic', 'injection']),
  must_not: z.array(z.string().min(1)).optional(),
});

const conversationTurn = z.strictObject({
  user: z.string().min(1),
  must: groups,
  must_not: z.array(z.string().min(1)).optional(),
  lines: range.optional(),
});
const conversationItem = z.strictObject({
  id: z.string().regex(/^c\d{3}$/),
  turns: z.array(conversationTurn).min(2).max(4),
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
const numeric = loadJsonl('numeric.jsonl', numericItem);
const unanswerable = loadJsonl('unanswerable.jsonl', unanswerableItem);
const conversations = loadJsonl('conversations.jsonl', conversationItem);

const inCorpus = ([start, end]: Range) => start <= end && end <= corpusLines.length;
const spanText = (ranges: Range[]) =>
  ranges.map(([start, end]) => squash(corpusLines.slice(start - 1, end).join(''))).join('\n');

/** A gold alternative as it must appear in the report: 「9家」 is printed as 「9 家」 or as a bare table cell 「9」. */
const printedCore = (alternative: string) => {
  const compact = squash(alternative);
  const measured = /^(.*\d)(家|个|项|类|种|所|件|条)$/.exec(compact);
  return measured ? measured[1] : compact;
};
const groupPrinted = (group: string[], text: string) => group.some((alt) => text.includes(printedCore(alt)));

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

describe('numeric.jsonl', () => {
  it('has at least 50 questions covering every kind', () => {
    expect(numeric.length).toBeGreaterThanOrEqual(50);
    expectUniqueIds(numeric);
    const kinds = new Set(numeric.map((item) => item.kind));
    expect([...numericKinds].filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it('uses several turns exactly for follow-ups', () => {
    for (const item of numeric) expect(item.turns.length > 1, item.id).toBe(item.kind === 'followup');
  });

  it('cites line ranges inside the corpus', () => {
    for (const item of numeric) {
      for (const lines of [item.lines, ...(item.extra_lines ?? [])]) expect(inCorpus(lines), item.id).toBe(true);
    }
  });

  it('finds the evidence string on the cited lines', () => {
    const missing = numeric.filter(
      (item) => item.evidence !== undefined && !spanText([item.lines, ...(item.extra_lines ?? [])]).includes(squash(item.evidence)),
    );
    expect(missing.map((item) => item.id)).toEqual([]);
  });

  it('prints every gold value of non-computed answers on the cited lines', () => {
    // rank/compare/sum golds are derived (differences, counts), so only read figures are checked here.
    const computed = new Set(['rank', 'compare', 'sum']);
    const wrong: string[] = [];
    for (const item of numeric.filter((entry) => !computed.has(entry.kind))) {
      const text = spanText([item.lines, ...(item.extra_lines ?? [])]);
      for (const group of item.must) if (!groupPrinted(group, text)) wrong.push(`${item.id}: ${group.join('|')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('cites two places for two-figure questions', () => {
    for (const item of numeric.filter((entry) => entry.kind === 'two-figure')) {
      expect(item.extra_lines?.length ?? 0, item.id).toBeGreaterThan(0);
      expect(item.must.length, item.id).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('unanswerable.jsonl', () => {
  it('has at least 20 questions of every kind', () => {
    expect(unanswerable.length).toBeGreaterThanOrEqual(20);
    expectUniqueIds(unanswerable);
    for (const kind of ['missing-figure', 'off-topic', 'injection'] as const) {
      expect(unanswerable.some((item) => item.kind === kind), kind).toBe(true);
    }
  });

  it('forbids only strings the report itself never prints', () => {
    const corpus = squash(corpusLines.join('')).toLowerCase();
    const leaking = unanswerable.flatMap((item) =>
      (item.must_not ?? []).filter((text) => corpus.includes(squash(text).toLowerCase())).map((text) => `${item.id}: ${text}`),
    );
    expect(leaking).toEqual([]);
  });
});

describe('conversations.jsonl', () => {
  it('has at least 24 conversations of two to four turns', () => {
    expect(conversations.length).toBeGreaterThanOrEqual(24);
    expectUniqueIds(conversations);
  });

  it('cites line ranges inside the corpus for every turn', () => {
    for (const item of conversations) {
      for (const turn of item.turns) if (turn.lines) expect(inCorpus(turn.lines), item.id).toBe(true);
    }
  });

  it('prints every gold value of every turn on its cited lines', () => {
    const wrong: string[] = [];
    for (const item of conversations) {
      item.turns.forEach((turn, index) => {
        if (!turn.lines) return;
        const text = spanText([turn.lines]);
        for (const group of turn.must) if (!groupPrinted(group, text)) wrong.push(`${item.id}#${index + 1}: ${group.join('|')}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('never forbids a value the same turn requires', () => {
    for (const item of conversations) {
      for (const turn of item.turns) {
        const required = turn.must.flat().map(squash);
        for (const banned of turn.must_not ?? []) {
          expect(required.some((alt) => alt.includes(squash(banned))), `${item.id}: ${banned}`).toBe(false);
        }
      }
    }
  });
});
