import { findQuantities, type QuantityKind } from '../text/find-quantities';

/** The value of one table cell, when the cell is a quantity or a date. */
export interface CellValue {
  value: number | null;
  unit: string;
  kind: QuantityKind | 'text';
  qualifier?: string;
}

const DATE_CELL = /^((?:19|20)\d{2})\s*(?:[.\-－/]\s*(\d{1,2})(?:\s*[.\-－/]\s*(\d{1,2}))?)?$/;
const CN_DATE_CELL = /^((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?$/;

/** Unit printed in a column header: '数量（家）' → '家'. */
export function headerUnit(column: string): string {
  return column.match(/[（(]\s*([^）)]{1,4})\s*[)）]/)?.[1] ?? '';
}

/** True for columns whose cells are dates (发布时间, 成立时间, 日期 …). */
export function isDateColumn(column: string): boolean {
  return /时间|日期|年份|年度/.test(column);
}

/**
 * Parses a cell as printed: '354' under '数量（家）' → 354 家, '27.06%' → 27.06 %, '2020.02.25' /
 * '2019 .04' / '2020-1' / '2020 年 4 月' under a date column → a date (year + month/100 + day/10000),
 * '1675 万美元' → 1675 万美元, '数千万人民币' → null 万人民币 (qualifier 数). Anything else is text.
 */
export function parseCell(cell: string, column: string): CellValue {
  const text = cell.trim();
  if (!text) return { value: null, unit: '', kind: 'text' };
  const date = (isDateColumn(column) ? text.match(DATE_CELL) : null) ?? text.match(CN_DATE_CELL);
  if (date && (isDateColumn(column) || date[2])) {
    const [, year, month, day] = date;
    const value = Number(year) + (month ? Number(month) / 100 : 0) + (day ? Number(day) / 10_000 : 0);
    return { value: Number(value.toFixed(4)), unit: day ? '年月日' : month ? '年月' : '年', kind: 'date' };
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    const unit = headerUnit(column);
    return { value: Number(text), unit, kind: unit ? 'count' : 'text' };
  }
  const quantities = findQuantities(text);
  if (quantities.length === 1 && quantities[0].start === 0 && quantities[0].end === text.length) {
    const [q] = quantities;
    return { value: q.value, unit: q.unit, kind: q.kind, qualifier: q.qualifier };
  }
  return { value: null, unit: '', kind: 'text' };
}
