import type { TypedCell, TypedColumn } from '../facts/typed-tables';
import type { AnswerFact } from '../types';

/** A computed number as answers print it: integers plain, others with at most two decimals. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** A cell as an answer states it: the printed value, with the unit its header carries ('354' → '354家'). */
export function cellText(cell: TypedCell, column: TypedColumn): string {
  const printed = cell.bare.replace(/\s+(?=[\p{Script=Han}%])/gu, '').replace(/(?<=[\p{Script=Han}])\s+/gu, '');
  if (column.kind === 'count' && /^\d+(\.\d+)?$/.test(printed)) return `${printed}${cell.unit || ''}`;
  if (column.kind === 'category' || column.kind === 'name' || column.kind === 'place') return printed.replace(/^《|》$/g, '');
  return printed;
}

/** A column's name for prose: '数量（家）' → '数量'. */
export function columnLabel(column: TypedColumn, labels: ReadonlyMap<string, string>): string {
  return (column.attribute && labels.get(column.attribute)) || column.name.replace(/[（(][^）)]*[)）]/g, '').trim() || column.name;
}

/** The reply's `facts` entry of a cell. */
export function cellFact(tableId: string, subject: string, column: TypedColumn, cell: TypedCell, period: string, section?: string): AnswerFact {
  const numeric = column.kind === 'count' || column.kind === 'percent' || (column.kind === 'money' && !cell.approximate);
  return {
    source: tableId, subject, metric: column.name, value: numeric && cell.value !== null ? cell.value : cell.bare, unit: numeric ? cell.unit : '',
    period, text: cellText({ ...cell }, column), ...(section ? { section } : {}),
  };
}

/** A place asked for, in words (第二), as a question says it: a rank is no figure of the report. */
export const CHINESE_ORDINAL = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
