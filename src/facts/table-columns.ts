import type { Fact } from '../types';
import type { RowView, TableView } from './fact-index';
import type { Ask, AskKind } from './parse-question';
import { factKind } from './score-facts';

/** Header patterns of the columns that answer each kind of question. */
const COLUMN_FOR: Partial<Record<AskKind, RegExp>> = {
  round: /轮|投融资次/,
  leader: /主导|牵头|发布主体/,
  city: /城市/,
  province: /省份|地域|地方/,
  number: /编号|标准号/,
  serial: /序号/,
  aim: /定位|内容/,
  type: /类型|细分领域/,
  platform: /平台/,
  company: /企业|公司/,
  status: /状态/,
  name: /名称|政策|文件|标准规范|名字/,
  money: /金额/,
  percent: /比例|占比/,
};

/** Index of the column that answers an ask in a table (-1 when none). */
export function columnFor(table: TableView, ask: Ask): number {
  const pattern = COLUMN_FOR[ask.kind];
  if (pattern) {
    const index = table.columns.findIndex((column) => pattern.test(column));
    if (index >= 0) return index;
  }
  if (ask.kind === 'name' || ask.kind === 'company') return table.label;
  return table.columns.findIndex((_, i) => table.rows.some((row) => row.cells[i] && factKind(row.cells[i]!) === ask.kind));
}

/** The numeric column a ranking sorts by: the asked kind, else the first count column, else a date column. */
export function rankingColumn(table: TableView, asks: Ask[], byDate: boolean): number {
  const kinds = byDate ? ['date'] : [...asks.map((a) => a.kind).filter((k) => ['count', 'percent', 'money', 'date'].includes(k)), 'count', 'percent'];
  for (const kind of kinds) {
    const index = table.columns.findIndex((_, i) => table.rows.filter((row) => row.cells[i] && factKind(row.cells[i]!) === kind).length >= table.rows.length / 2);
    if (index >= 0) return index;
  }
  return -1;
}

/** A printed total row (总计/合计) is data but not an entity to rank or count. */
export function isTotalRow(row: RowView): boolean {
  return /^(总计|合计|总数|全国)$/.test(row.label);
}

/** A cell's value as printed with its unit where the header carries it ('354' → '354 家'). */
export function printed(fact: Fact | undefined): string {
  if (!fact) return '';
  if (factKind(fact) === 'date') return fact.unit === '年' ? `${fact.text} 年` : fact.text;
  if (/^\d+(\.\d+)?$/.test(fact.text) && fact.unit) return `${fact.text} ${fact.unit}`;
  return fact.text.replace(/\s*[（(]\s*\d+\s*[)）]\s*$/, '');
}

/** A column name for prose: '数量（家）' → '数量'. */
export function columnName(column: string): string {
  return column.replace(/[（(][^）)]*[)）]/g, '').trim() || column;
}
