import { describe, expect, it } from 'vitest';
import { CORPUS_PATH, isPrintedInOrder, isReportText } from '../../tests/support/corpus-text';
import { loadReport } from '../ingest/load-report';
import { chunkReport } from './chunk-report';
import { splitSentences } from './split-sentences';

const document = loadReport(CORPUS_PATH);
const chunks = chunkReport(document);
const sections = new Map(document.sections.map((s) => [s.id, s]));
const prose = chunks.filter((c) => c.kind === 'prose');

/** The section whose heading is the last one at or before `line`. */
function sectionAt(line: number): string {
  let id = 'front';
  for (const s of document.sections) if (s.line <= line) id = s.id;
  return id;
}

describe('chunkReport', () => {
  it('never lets a prose chunk cross a section', () => {
    for (const chunk of prose) {
      for (const { line } of chunk.lines) expect(sectionAt(line), `${chunk.id} line ${line}`).toBe(chunk.sectionId);
    }
  });

  it('keeps every prose chunk within 150–400 characters unless a section or a single sentence forces otherwise', () => {
    for (const chunk of prose) {
      const sentences = splitSentences(chunk.text);
      if (sentences.length > 1) expect(chunk.text.length, chunk.id).toBeLessThanOrEqual(400);
    }
    const short = prose.filter((c) => c.text.length < 150 && sections.get(c.sectionId)?.level !== 0);
    // Short chunks only end a section (the remainder after packing) — never two in a row of one section.
    for (const chunk of short) {
      const next = prose.find((c) => c.sectionId === chunk.sectionId && c.lineStart > chunk.lineEnd);
      expect(next, `${chunk.id} is short but not the last of its section`).toBeUndefined();
    }
  });

  it("finds every chunk's text in the corpus at its line range", () => {
    for (const chunk of prose) {
      for (const [i, entry] of chunk.lines.entries()) {
        const sentence = chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length);
        expect(isReportText(sentence, entry.line, chunk.lineEnd + 8), `${chunk.id}: ${sentence}`).toBe(true);
      }
    }
    for (const table of document.tables) {
      for (const row of table.rows) {
        row.cells.forEach((cell, column) => {
          if (!cell.trim() || row.filled.includes(column)) return;
          expect(isPrintedInOrder(cell, row.line, row.lineEnd), `${table.id} line ${row.line}: ${cell}`).toBe(true);
        });
      }
    }
  });

  it('takes no chunk from the table of contents', () => {
    const toc = document.sections.find((s) => s.kind === 'toc')!;
    const firstChapter = document.sections.find((s) => s.kind === 'chapter')!;
    for (const chunk of chunks) {
      expect(chunk.sectionId).not.toBe('toc');
      expect(chunk.lineStart >= toc.line && chunk.lineStart < firstChapter.line, chunk.id).toBe(false);
      expect(chunk.text).not.toMatch(/\.{5,}\s*\d+\s*$/m);
    }
  });

  it('makes every table row addressable on its own and repeats caption and header in row groups', () => {
    for (const table of document.tables) {
      const key = `t${table.id.slice(1)}`;
      const rows = chunks.filter((c) => c.kind === 'table-row' && c.tableId === table.id);
      expect(rows.map((c) => c.id)).toEqual(table.rows.map((_, i) => `${key}#r${i + 1}`));
      for (const row of rows) {
        expect(row.source).toBe(`${table.id} ${table.caption}`);
        for (const column of table.columns) if (column) expect(row.context).toContain(column);
      }
      const groups = chunks.filter((c) => c.kind === 'table-rows' && c.tableId === table.id);
      expect(groups.flatMap((g) => g.rows)).toEqual(table.rows.map((_, i) => i));
      for (const group of groups) expect(group.text.startsWith(table.columns.join(' '))).toBe(true);
    }
  });

  it('keeps the row the API example cites: 广东 354 27.06% on line 1138', () => {
    const row = chunks.find((c) => c.id === 't6-1#r1')!;
    expect(row.text).toBe('广东 354 27.06%');
    expect(row.lineStart).toBe(1138);
    expect(row.section).toBe('六、（二）企业分布阶梯化明显');
  });
});
