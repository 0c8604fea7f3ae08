import type { TableRow } from '../types';
import { endsSentence, joinFragments } from './join-fragments';

/** One printed line of a table body, already split into cells. */
export interface RawRow {
  cells: string[];
  line: number;
}

// A column printed in at least this share of rows is a value column that every record has.
const DENSE_COLUMN_SHARE = 0.75;
// '浙江 (8)', '广东(7)': a group name with the count of rows it spans.
const GROUP_COUNT = /\s*[（(]\s*\d+\s*[）)]\s*$/;

/**
 * Turns printed table lines into rows. Wrapped cells are joined into the row they continue,
 * then merged (vertically spanning) cells are filled from the row above.
 *
 * A line continues the previous row when its first cell is empty and either it prints a
 * single cell (the wrapped text column: '\t\t区块链孵化器\t\t\t', '\t\t\t\t研发新模式') or it
 * leaves empty a column that nearly every row prints (such as a date). A merged-cell row
 * differs: its leading cells are empty but all its value columns are printed.
 */
export function parseTableRows(raw: readonly RawRow[], width: number): TableRow[] {
  const printed = raw.map((row) => fitCells(row.cells, width)).map((cells, index) => ({ cells, line: raw[index]!.line }));
  const rows = printed.filter((row) => row.cells.some((cell) => cell !== ''));
  const dense = denseColumns(rows.map((row) => row.cells), width);

  const merged: TableRow[] = [];
  for (const row of rows) {
    const previous = merged.at(-1);
    if (previous && continuesRow(row.cells, previous.cells, dense)) {
      row.cells.forEach((cell, column) => {
        if (cell === '') return;
        const before = previous.cells[column]!;
        previous.cells[column] = before === '' ? cell : joinFragments(before, cell).text;
      });
      previous.lineEnd = row.line;
    } else {
      merged.push({ cells: [...row.cells], line: row.line, lineEnd: row.line, filled: [] });
    }
  }
  return fillMergedCells(merged);
}

/**
 * Leading empty cells are merged cells: copy them from the row above. An empty cell in such
 * a merge column that follows a printed cell of the same row cannot come from above (a new
 * group starts here); it means the lower level equals the upper one, e.g. 表3-3 prints
 * municipalities (北京, 上海, 重庆) with an empty 城市 column, so 城市 takes the 省份 name
 * without its park count ('北京 (2)' → '北京').
 */
function fillMergedCells(rows: TableRow[]): TableRow[] {
  const mergeColumns = new Set<number>();
  rows.forEach((row, index) => {
    if (index === 0) return;
    for (let column = 0; column < firstPrinted(row.cells); column += 1) mergeColumns.add(column);
  });

  rows.forEach((row, index) => {
    const first = firstPrinted(row.cells);
    const above = rows[index - 1];
    row.cells.forEach((cell, column) => {
      if (cell !== '') return;
      if (column < first && above) {
        row.cells[column] = above.cells[column]!;
        row.filled.push(column);
      } else if (column > first && mergeColumns.has(column)) {
        const parent = row.cells.slice(0, column).findLast((value) => value !== '');
        if (parent === undefined) return;
        row.cells[column] = parent.replace(GROUP_COUNT, '');
        row.filled.push(column);
      }
    });
  });
  return rows;
}

function continuesRow(cells: readonly string[], previous: readonly string[], dense: ReadonlySet<number>): boolean {
  const printed = cells.flatMap((cell, column) => (cell === '' ? [] : [column]));
  const first = printed[0];
  if (first === undefined || first === 0) return false;
  if (printed.length === 1) return cells.length >= 3 || !endsSentence(previous[first]!);
  return cells.some((cell, column) => cell === '' && dense.has(column) && column > first);
}

function denseColumns(rows: readonly string[][], width: number): Set<number> {
  const dense = new Set<number>();
  const full = rows.filter((cells) => cells.filter((cell) => cell !== '').length > 1);
  for (let column = 0; column < width; column += 1) {
    const count = full.filter((cells) => cells[column] !== '').length;
    if (full.length > 0 && count / full.length >= DENSE_COLUMN_SHARE) dense.add(column);
  }
  return dense;
}

/** Pads to the table width; printed cells beyond it are appended to the last column. */
function fitCells(cells: readonly string[], width: number): string[] {
  const fitted = Array.from({ length: width }, (_, column) => cells[column] ?? '');
  const overflow = cells.slice(width).filter((cell) => cell !== '');
  if (overflow.length > 0) fitted[width - 1] = [fitted[width - 1], ...overflow].filter(Boolean).join(' ');
  return fitted;
}

function firstPrinted(cells: readonly string[]): number {
  const index = cells.findIndex((cell) => cell !== '');
  return index === -1 ? cells.length : index;
}
