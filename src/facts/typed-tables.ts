import { tableKey } from '../chunk/chunk-report';
import type { Chunk, ReportDocument, Table } from '../types';
import type { AttributeId, ValueKind } from '../question/lexicon';
import type { Lexicon } from '../question/build-lexicon';
import { bareCell } from '../question/report-lexicon';
import { compactForm } from '../text/compact-form';
import { parseCell } from './parse-cell';
import { findTablePeriod } from './table-period';

/** A cell as the query algebra reads it. */
export interface TypedCell {
  /** As printed (trimmed). */
  text: string;
  /** Without printed group counts and 《》 ('浙江 (8)' → '浙江'). */
  bare: string;
  /** Numbers: counts, shares (27.06 for 27.06%), money in its printed magnitude; dates: yyyymmdd (20200225, day/month 0 when not printed). */
  value: number | null;
  /** '家', '%', '万美元', '万人民币' … ('' for text). */
  unit: string;
  /** Money: the currency, which is never mixed with another in arithmetic. */
  currency?: '人民币' | '美元';
  /** '数千万' and the like: an order of magnitude only. */
  approximate?: boolean;
  /** Category cells listing several values ('供应链管理、设备管理'). */
  parts: string[];
  /** Lexicon entities the cell names (a region, a city, a row, a category value). */
  entities: string[];
}

export interface TypedColumn {
  name: string;
  attribute: AttributeId | null;
  kind: ValueKind | null;
}

export interface TypedRow {
  /** 0-based index in the table as printed. */
  index: number;
  cells: TypedCell[];
  chunkId: string;
  line: number;
  /** The printed total row (总计). */
  total: boolean;
  /** Every entity the row names, for matching subjects. */
  entities: string[];
}

/** A table as typed data: columns with attributes and kinds, cells parsed once at index time. */
export interface TypedTable {
  id: string;
  caption: string;
  sectionId: string;
  line: number;
  /** The period its figures refer to, as the report states it ('截至2020年6月'). */
  period: string;
  /** The prose sentence stating that period, when the caption does not (rows never print it). */
  periodSource?: { chunkId: string; quote: string; line: number };
  /** What a row is (企业, 产业园 …). */
  rowNouns: string[];
  topics: string[];
  /** Words one of which a question must use to be about this table (see tables.tsv). */
  requires: string[];
  /** Every thing of its kind the table covers is a row (see tables.tsv): one it does not list has none. */
  complete: boolean;
  columns: TypedColumn[];
  /** The column that names a row. */
  label: number;
  rows: TypedRow[];
}

const LABEL_PREFERENCE: AttributeId[] = ['title', 'enterprise', 'region', 'province', 'case'];

function dateValue(value: number | null): number | null {
  if (value === null) return null;
  const year = Math.floor(value);
  const rest = Math.round((value - year) * 10_000);
  return year * 10_000 + rest;
}

function typeCell(cell: string, column: TypedColumn, lexicon: Lexicon, table: Table): TypedCell {
  const text = cell.trim();
  const bare = bareCell(text);
  const typed: TypedCell = { text, bare, value: null, unit: '', parts: [], entities: [] };
  if (!text) return typed;
  const kind = column.kind;
  if (kind === 'count' || kind === 'percent' || kind === 'money' || kind === 'number') {
    const parsed = parseCell(text, column.name);
    typed.value = parsed.value;
    typed.unit = parsed.unit || (kind === 'percent' && /%$/.test(text) ? '%' : '');
    if (kind === 'percent' && /%$/.test(text)) typed.value = Number(text.replace('%', ''));
    if (kind === 'money') {
      typed.currency = /美元/.test(text) ? '美元' : '人民币';
      typed.approximate = parsed.value === null || parsed.qualifier === '数';
    }
  } else if (kind === 'date') {
    const parsed = parseCell(text, /时间|日期/.test(column.name) ? column.name : '日期');
    typed.value = parsed.kind === 'date' ? dateValue(parsed.value) : null;
  }
  if (kind === 'category') typed.parts = bare.split(/[、，,]/).map((p) => p.replace(/等$/, '').trim()).filter(Boolean);
  // Entities: the ones the lexicon knows under this cell's forms.
  // A multi-valued cell (供应链管理、设备管理) names each value; a single category (政府、企业) names itself only.
  const candidates = [bare, ...(column.attribute === 'apptype' ? typed.parts : []), bare.replace(/(省|市)$/, '')];
  // 「央行、证监会、银保监会等部委」 names each of them.
  if (kind === 'name' || kind === 'place') candidates.push(...bare.split(/[、，,]/).map((p) => p.replace(/等(多|\d+)?(个)?(部门|部委)?$/, '').trim()));
  for (const candidate of candidates) {
    const form = compactForm(candidate);
    for (const [id, entity] of lexicon.entities) {
      if (typed.entities.includes(id)) continue;
      if ((entity.kind === 'row' || entity.kind === 'value') && entity.table !== table.id) continue;
      if (compactForm(entity.name) === form || lexicon.formsOf(id).includes(form)) typed.entities.push(id);
    }
  }
  return typed;
}

/**
 * Types every table of the report with the schema of the lexicon (what a row is, what each column
 * holds): cells parsed into values with units and currencies, dates as numbers, category cells
 * split into their values, the entities each row names, the printed total row marked. Run at index
 * time; requests only filter, group and sort.
 */
export function typeTables(document: ReportDocument, lexicon: Lexicon, chunks: readonly Chunk[]): TypedTable[] {
  const typed: TypedTable[] = [];
  for (const table of document.tables) {
    const schema = lexicon.tables.get(table.id);
    const columns: TypedColumn[] = table.columns.map((name, i) => {
      const attribute = schema && schema.columns.length === table.columns.length ? schema.columns[i] : null;
      return { name, attribute, kind: attribute ? lexicon.attributes.get(attribute)?.kind ?? null : null };
    });
    const label = LABEL_PREFERENCE.map((a) => columns.findIndex((c) => c.attribute === a)).find((i) => i >= 0) ?? 0;
    const key = tableKey(table.id);
    const rows: TypedRow[] = table.rows.map((row, index) => {
      const cells = columns.map((column, i) => typeCell(row.cells[i] ?? '', column, lexicon, table));
      const total = /^(总计|合计)$/.test(cells[label]?.bare ?? '');
      return { index, cells, chunkId: `${key}#r${index + 1}`, line: row.line, total, entities: [...new Set(cells.flatMap((c) => c.entities))] };
    });
    const period = findTablePeriod(document, table);
    const sentence = period.sentence;
    const chunk = sentence && chunks.find((c) => c.kind === 'prose' && c.sectionId === sentence.sectionId && c.text.includes(sentence.text));
    typed.push({ id: table.id, caption: table.caption, sectionId: table.sectionId, line: table.line, period: period.label,
      ...(chunk && sentence ? { periodSource: { chunkId: chunk.id, quote: sentence.text, line: sentence.line } } : {}),
      rowNouns: schema?.rowNouns ?? [], topics: schema?.topics ?? [], requires: schema?.requires ?? [], complete: schema?.complete ?? false, columns, label, rows });
  }
  return typed;
}
