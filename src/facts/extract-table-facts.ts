import { tableKey } from '../chunk/chunk-report';
import type { Chunk, Fact, ReportDocument, Table } from '../types';
import { parseCell } from './parse-cell';
import { proseFactsOf } from './extract-prose-facts';
import type { EntityLexicon } from './entity-lexicon';
import { tablePeriod } from './table-period';

const SKIPPED_LABEL = /^(序号|编号)?$/;
const PREFERRED_LABEL = /名称|企业|公司|地域|地方|标准规范/;
/** Cells longer than this are running text (典型案例, 定位, 相关内容): their quantities become facts too. */
const TEXT_CELL = 30;

/**
 * The column that names a row: a column whose cells are all present and distinct (preferring
 * 名称/企业/地域 …, skipping 序号), else the first column that is not 序号.
 */
export function labelColumn(table: Table): number {
  const candidates = table.columns.map((column, i) => ({ column, i })).filter(({ column }) => !SKIPPED_LABEL.test(column));
  const unique = candidates.filter(({ i }) => {
    const cells = table.rows.map((row) => (row.cells[i] ?? '').trim());
    const average = cells.reduce((sum, cell) => sum + cell.length, 0) / Math.max(1, cells.length);
    return cells.every(Boolean) && new Set(cells).size === cells.length && average <= TEXT_CELL;
  });
  return (unique.find(({ column }) => PREFERRED_LABEL.test(column)) ?? unique[0] ?? candidates[0] ?? { i: 0 }).i;
}

/** '2020年2月' for 2020.02, '2017年' for 2017. */
function dateLabel(value: number, unit: string): string {
  const year = Math.floor(value);
  const month = Math.round((value - year) * 100);
  return unit === '年' || !month ? `${year}年` : `${year}年${month}月`;
}

/** A row's label cell without the printed group counts: '浙江 (8)' → '浙江'. */
export function bareLabel(cell: string): string {
  return cell.replace(/\s*[（(]\s*\d+\s*[)）]\s*/g, '').trim();
}

/**
 * Every cell of every table as a fact (table id and caption, row label, column label, value as
 * printed, parsed value and unit, period, the row chunk and its text as the quote), plus the
 * quantities stated inside running-text cells (典型案例 …) as facts of that row.
 */
export function extractTableFacts(document: ReportDocument, chunks: Chunk[], lexicon: EntityLexicon): Fact[] {
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const facts: Fact[] = [];
  for (const table of document.tables) {
    const key = tableKey(table.id);
    const period = tablePeriod(document, table);
    const label = labelColumn(table);
    table.rows.forEach((row, index) => {
      const chunkId = `${key}#r${index + 1}`;
      const chunk = byId.get(chunkId);
      if (!chunk) return;
      const subject = bareLabel(row.cells[label] ?? '');
      // Running text of a dated row (典型案例 of 2020-2) is about that month, not the table's period.
      const dated = row.cells.map((cell, i) => parseCell(cell, table.columns[i] ?? '')).find((cell) => cell.kind === 'date' && cell.value);
      const rowPeriod = dated?.value ? dateLabel(dated.value, dated.unit) : period;
      row.cells.forEach((cell, column) => {
        const text = cell.trim();
        if (!text) return;
        const parsed = parseCell(text, table.columns[column] ?? '');
        facts.push({
          id: `${chunkId}:c${column + 1}`, source: table.id, caption: table.caption, subject, metric: table.columns[column] ?? '',
          text, value: parsed.value, unit: parsed.unit, period, ...(parsed.qualifier ? { qualifier: parsed.qualifier } : {}),
          quote: chunk.text, line: row.line, chunkId, tableId: table.id, row: index + 1, column: table.columns[column] ?? '',
        });
        if (text.length > TEXT_CELL) {
          const inner = proseFactsOf({ text, period: rowPeriod, quote: chunk.text, line: row.line, chunkId, source: table.id, lexicon,
            defaultSubject: subject, idPrefix: `${chunkId}:c${column + 1}` });
          for (const fact of inner) facts.push({ ...fact, caption: table.caption, tableId: table.id, row: index + 1, column: table.columns[column] ?? '' });
        }
      });
    });
  }
  return facts;
}
