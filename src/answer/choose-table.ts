import type { TypedRow, TypedTable } from '../facts/typed-tables';
import type { AttributeId } from '../question/lexicon';
import type { Part, Subject } from '../question/reading';
import { compactForm } from '../text/compact-form';
import type { Knowledge } from './knowledge';
import { TABLE_CHOICE } from './thresholds';

const EQUIVALENT: Partial<Record<AttributeId, AttributeId[]>> = {
  province: ['region'], region: ['province'], date: ['founded', 'published'], founded: ['date', 'published'],
  published: ['date', 'founded'],
};
const ROW_COUNTS = new Set<AttributeId>(['count']);

/** The column of a table that holds an attribute (equivalent attributes allowed), or -1. */
export function columnFor(table: TypedTable, attribute: AttributeId): number {
  const exact = table.columns.findIndex((c) => c.attribute === attribute);
  if (exact >= 0) return exact;
  for (const other of EQUIVALENT[attribute] ?? []) {
    const index = table.columns.findIndex((c) => c.attribute === other);
    if (index >= 0) return index;
  }
  // 「哪家企业」 in a table whose rows are companies: the label column.
  if ((attribute === 'enterprise' && table.rowNouns.includes('企业')) || attribute === 'title') return table.label;
  return -1;
}

/** The rows of a table a subject names (a row entity, a cell naming it). */
export function rowsOf(table: TypedTable, subject: Subject): TypedRow[] {
  const { entity } = subject;
  if (entity.kind === 'row') return entity.table === table.id ? (entity.rows ?? []).map((i) => table.rows[i]).filter(Boolean) : [];
  return table.rows.filter((row) => row.entities.includes(entity.id));
}

/** The first numeric column of a kind (count, then money, then percent) — what a ranking sorts by. */
export function numericColumn(table: TypedTable, attributes: AttributeId[]): number {
  for (const attribute of attributes) {
    const index = columnFor(table, attribute);
    if (index >= 0 && ['count', 'percent', 'money', 'date'].includes(table.columns[index].kind ?? '')) return index;
  }
  for (const kind of ['count', 'money', 'percent']) {
    const index = table.columns.findIndex((c) => c.kind === kind);
    if (index >= 0) return index;
  }
  return -1;
}

export interface TableChoice {
  table: TypedTable;
  score: number;
  /** Rows each subject names in this table (same order as the part's subjects). */
  subjectRows: TypedRow[][];
}

/**
 * The table a part is about, if any: the one it names; else one whose rows are what it counts
 * (企业, 产业园 …) or that lists a row it names, scored by the subjects its cells name, the attributes
 * its columns hold, the category values it prints, and the topic words of its caption. Null when no
 * table fits: the part is then answered from the prose.
 */
export function chooseTable(part: Part, knowledge: Knowledge): TableChoice | null {
  let best: TableChoice | null = null;
  for (const table of knowledge.tables.values()) {
    if (!table.columns.some((c) => c.attribute)) continue;
    const explicit = part.table === table.id;
    if (part.table && !explicit) continue;
    const subjectRows = part.subjects.map((subject) => rowsOf(table, subject));
    const namedRow = part.subjects.some((s) => s.entity.kind === 'row' && s.entity.table === table.id);
    const noun = part.noun ? table.rowNouns.includes(part.noun) : false;
    const matched = subjectRows.filter((rows) => rows.length).length;
    const columns = part.attributes.filter((a) => columnFor(table, a) >= 0);
    const values = part.filters.filter((f) => f.kind === 'value' && f.entity.table === table.id).length;
    const foreignValues = part.filters.filter((f) => f.kind === 'value' && f.entity.table !== table.id).length;
    const dates = part.filters.filter((f) => f.kind === 'period' && columnFor(table, f.attribute) >= 0).length;
    const caption = compactForm(table.caption);
    const topics = part.words.filter((w) => table.topics.includes(w) || caption.includes(compactForm(w))).length;
    const grouping = part.groupBy && columnFor(table, part.groupBy) >= 0 ? 1 : 0;
    const asksValue = part.attributes.filter((a) => !ROW_COUNTS.has(a));
    // A value the table cannot give (「估值」 of a company, 「定位」 of a fund) leaves the question to the prose.
    const unanswerable = asksValue.length > 0 && columns.filter((a) => !ROW_COUNTS.has(a)).length === 0;
    // Figures of what is new in a period (新成立) are not a table's stock, unless the table lists what is new.
    const wantsNew = part.qualifiers.includes('new') && !table.topics.some((t) => t.includes('新增'));
    // A cluster, an organisation or a domain the table does not list (「湘黔渝聚集区中四川占多少」) frames a figure of the prose.
    const foreign = part.subjects.some((s, i) => !subjectRows[i].length && ['cluster', 'organization', 'domain', 'title'].includes(s.entity.kind));
    let eligible = explicit || (namedRow && !wantsNew);
    if (!eligible) {
      eligible = noun && (matched > 0 || columns.length > 0 || values > 0 || dates > 0 || grouping > 0 || Boolean(part.condition)
        || ['count', 'list', 'max', 'min', 'topk', 'rank', 'earliest', 'latest', 'sum'].includes(part.operation));
      // Subjects the table lists, asked for what the table holds (「广东占比多少」 has no noun).
      if (!eligible && !part.noun && matched > 0 && matched === part.subjects.length && columns.length > 0 && !unanswerable) eligible = true;
      // A category value only this table prints (天使轮, 政府主导) names the table.
      if (!eligible && values > 0 && !part.noun) eligible = true;
      if (part.noun && !noun) eligible = false;
      if (unanswerable && !values) eligible = false;
      if (foreignValues && !values) eligible = false;
      if (wantsNew || foreign) eligible = false;
    }
    if (!eligible) continue;
    const score = TABLE_CHOICE.explicit * Number(explicit) + TABLE_CHOICE.namedRow * Number(namedRow) + TABLE_CHOICE.noun * Number(noun)
      + TABLE_CHOICE.subject * matched + TABLE_CHOICE.column * columns.length + TABLE_CHOICE.value * (values + dates)
      + TABLE_CHOICE.topic * topics + TABLE_CHOICE.grouping * grouping
      - TABLE_CHOICE.unmatchedSubject * (part.subjects.length - matched);
    if (!best || score > best.score) best = { table, score, subjectRows };
  }
  return best && best.score >= TABLE_CHOICE.minimum ? best : null;
}
