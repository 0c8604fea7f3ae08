import { describe, expect, it } from 'vitest';
import { loadReport } from '../ingest/load-report';
import { loadConfig } from '../config';
import { generateBenchQuestions } from './bench-questions';

const document = loadReport(loadConfig({}).paths.corpus);
const squeeze = (text: string) => text.replace(/\s+/g, '');
const reportText = squeeze([...document.lines, ...document.paragraphs.map((p) => p.text),
  ...document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))].join('\n'));

describe('generateBenchQuestions', () => {
  const questions = generateBenchQuestions(document);

  it('yields at least 200 distinct questions over tables, prose and off-topic', () => {
    expect(new Set(questions.map((q) => q.text)).size).toBe(questions.length);
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(new Set(questions.map((q) => q.kind))).toEqual(new Set(['table', 'prose', 'off-topic']));
  });

  it('asks about every table of the report', () => {
    const tables = new Set(questions.filter((q) => q.kind === 'table').map((q) => q.source));
    expect([...tables].sort()).toEqual(document.tables.map((t) => t.id).sort());
  });

  it('names, in each on-topic question, something the report contains', () => {
    for (const question of questions.filter((q) => q.kind !== 'off-topic')) {
      expect(question.names, question.text).not.toBe('');
      expect(reportText.includes(squeeze(question.names)), question.text).toBe(true);
      expect(squeeze(question.text).includes(squeeze(question.names)), question.text).toBe(true);
    }
  });

  it('is deterministic for a seed and shuffled differently by another', () => {
    expect(generateBenchQuestions(document).map((q) => q.text)).toEqual(questions.map((q) => q.text));
    expect(generateBenchQuestions(document, { seed: 1 }).map((q) => q.text)).not.toEqual(questions.map((q) => q.text));
  });
});
