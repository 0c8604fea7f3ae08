import type { Table } from '../types';
import { matchCaption, type ClassifiedLine } from './classify-lines';
import { parseTableRows, type RawRow } from './parse-table-rows';

/** Tables found in the report and the lines they occupy. */
export interface TableScan {
  tables: Table[];
  /** Caption, body and in-between blank lines of every table. */
  consumed: Set<number>;
}

const MAX_HEADER_CELL_LENGTH = 12;

/**
 * Parses every block that starts with a caption line '表 x-y caption' (id kept as printed,
 * e.g. '表3-3' inside chapter 2). The body is the run of tab-separated lines after it; blank
 * lines inside are page breaks. Body lines are split on tabs into cells.
 *
 * Headers: a first line whose cells are all short labels without digits is the header.
 * Otherwise the print lost it (表4-8, 表4-9) and the table borrows the columns of the latest
 * table of the same chapter with the same width, keeping its first line as data.
 * Two-region layouts (表6-1: '地域 数量（家） 比例 地域 数量（家） 比例') are unfolded: the
 * left region top to bottom, then the right one, so a printed total row stays last.
 */
export function parseTables(lines: readonly ClassifiedLine[], sectionIdAt: (line: number) => string): TableScan {
  const tables: Table[] = [];
  const consumed = new Set<number>();

  lines.forEach((current, index) => {
    if (current.kind !== 'table-caption') return;
    const caption = matchCaption(current.text, '表')!;
    const body = collectBody(lines, index + 1);
    consumed.add(current.line);
    for (let line = current.line + 1; line <= (body.at(-1)?.line ?? current.line); line += 1) consumed.add(line);

    const printed = body.filter((entry) => entry.kind === 'tabbed').map((entry) => ({ cells: splitCells(entry.raw), line: entry.line }));
    const header = printed[0] && isHeader(printed[0].cells) ? trimTrailing(printed[0].cells) : null;
    const data = header ? printed.slice(1) : printed;
    const width = header?.length ?? Math.max(0, ...data.map((row) => trimTrailing(row.cells).length));
    const columns = header ?? borrowColumns(tables, caption.id, width);
    const region = header ? regionWidth(header) : width;

    const rows = parseTableRows(region < width ? unfoldRegions(data, region) : data, region);
    tables.push({
      id: caption.id,
      caption: caption.caption,
      sectionId: sectionIdAt(current.line),
      line: current.line,
      // The block's last printed line, which may be a leftover '---' rule after the last row.
      lineEnd: body.at(-1)?.line ?? current.line,
      columns: columns.slice(0, region),
      rows,
    });
  });
  return { tables, consumed };
}

/** Tab-separated lines (and leftover '---' rules) after a caption, across blank lines. */
function collectBody(lines: readonly ClassifiedLine[], start: number): ClassifiedLine[] {
  const body: ClassifiedLine[] = [];
  for (let index = start; index < lines.length; index += 1) {
    const { kind } = lines[index]!;
    if (kind === 'tabbed' || kind === 'separator') body.push(lines[index]!);
    else if (kind !== 'blank') break;
  }
  return body;
}

function splitCells(raw: string): string[] {
  return raw.split('\t').map((cell) => cell.replace(/\*\*/g, '').trim());
}

function isHeader(cells: readonly string[]): boolean {
  const labels = cells.filter((cell) => cell !== '');
  return (
    labels.length >= 2 &&
    labels.every((cell) => cell.length <= MAX_HEADER_CELL_LENGTH && !/[\d《。]/.test(cell))
  );
}

/** Width of one region when the header repeats a group of labels, else the full width. */
function regionWidth(header: readonly string[]): number {
  for (let size = 2; size <= header.length / 2; size += 1) {
    if (header.length % size !== 0) continue;
    const group = header.slice(0, size).join('\t');
    let repeats = true;
    for (let start = size; start < header.length && repeats; start += size) {
      repeats = header.slice(start, start + size).join('\t') === group;
    }
    if (repeats) return size;
  }
  return header.length;
}

function unfoldRegions(rows: readonly RawRow[], size: number): RawRow[] {
  const regions = Math.max(1, ...rows.map((row) => Math.ceil(trimTrailing(row.cells).length / size)));
  const unfolded: RawRow[] = [];
  for (let region = 0; region < regions; region += 1) {
    for (const row of rows) unfolded.push({ cells: row.cells.slice(region * size, (region + 1) * size), line: row.line });
  }
  return unfolded;
}

/** Columns for a table printed without its header: see parseTables. */
function borrowColumns(tables: readonly Table[], id: string, width: number): string[] {
  const chapter = chapterOf(id);
  const sameWidth = tables.filter((table) => table.columns.length === width).reverse();
  const donor = sameWidth.find((table) => chapterOf(table.id) === chapter) ?? sameWidth[0];
  return donor ? [...donor.columns] : Array.from({ length: width }, (_, column) => `列${column + 1}`);
}

function chapterOf(id: string): string {
  return id.replace(/^表/, '').split('-')[0]!;
}

function trimTrailing(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end -= 1;
  return cells.slice(0, end);
}
