import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../types';
import { parseReport } from './parse-report';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const markdown = readFileSync(corpus, 'utf8');

/** What a re-export must preserve: everything except line numbers. */
function shape(report: ReportDocument) {
  return {
    sections: report.sections.map(({ id, kind, level, number, title, heading, path, parentId }) => ({ id, kind, level, number, title, heading, path, parentId })),
    paragraphs: report.paragraphs.map(({ sectionId, text, figures }) => ({ sectionId, text, figures: figures.map((label) => label.replace(/\s+/g, '')) })),
    tables: report.tables.map(({ id, caption, sectionId, columns, rows, dataSource }) => ({
      id,
      caption,
      sectionId,
      columns,
      dataSource,
      rows: rows.map(({ cells, filled }) => ({ cells, filled })),
    })),
    figures: report.figures.map(({ id, caption, sectionId, dataSource, text }) => ({ id, caption, sectionId, dataSource, text })),
  };
}

describe('parseReport', () => {
  const original = parseReport(markdown);

  it('reads the same document from a re-export with other heading marks, parentheses and spacing', () => {
    const reexported = markdown
      .split('\n')
      .map((line) =>
        line
          .replace(/^#+\s*/, '')
          .replace(/\*\*/g, '')
          .replace(/^（([一二三四五六七八九十]+)）/, '($1) ')
          .replace(/^\(([一二三四五六七八九十]+)\)\s*/, '#### （$1）'),
      )
      // Every blank line doubled, as another PDF converter lays out page breaks.
      .flatMap((line) => (line.trim() === '' ? [line, ''] : [line]))
      .join('\n');
    expect(shape(parseReport(reexported))).toEqual(shape(original));
  });

  it('puts tables, figures and paragraphs in the sections that contain them', () => {
    const ids = new Set(original.sections.map((section) => section.id));
    const owners = [...original.tables, ...original.figures, ...original.paragraphs].map((entry) => entry.sectionId);
    expect(owners.filter((id) => !ids.has(id))).toEqual([]);
    expect(original.paragraphs.length).toBeGreaterThan(150);
  });
});
