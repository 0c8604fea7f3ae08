import type { Answer, Fact } from '../types';
import { createAnswerBuilder, formatNumber } from './answer-builder';
import { bareLabel } from './extract-table-facts';
import { chineseOrdinal, type FactContext } from './fact-context';
import type { RowView, TableView } from './fact-index';
import { parsePeriod } from '../text/find-periods';
import { compactCell } from './match-rows';
import type { ParsedQuestion } from './parse-question';
import { countedNouns } from './counted-noun';
import { factKind } from './score-facts';
import { columnFor, columnName, isTotalRow, printed, rankingColumn } from './table-columns';

const RANKING = new Set(['max', 'min', 'rank', 'top', 'position']);
const MAX_LISTED = 8;
/** A ranking is at most five lines. */
const MAX_LINES = 5;

interface Selection {
  rows: RowView[];
  /** What the filters kept, for the answer ('省份为浙江', '数量超过100'). */
  described: string[];
  /** The question named a row of the label column (a lookup, not a query). */
  namesRow: boolean;
  /** An entity the table does not have. */
  unknownEntity: boolean;
}

/** The table a question is about: the one it names, else the best fit of caption and columns. */
export function pickTable(context: FactContext, question: ParsedQuestion, usable: (table: TableView) => boolean = () => true, minimum = 0.3): TableView | null {
  if (question.tableId) return context.index.tables.get(question.tableId) ?? null;
  // Every kind of thing the question names must be in the table (表6-1 has 企业, not 专利).
  const wanted = countedNouns(question.topic);
  let best: TableView | null = null;
  let bestScore = minimum;
  for (const table of context.index.tables.values()) {
    if (table.rows.length < 3 || !usable(table)) continue;
    const has = countedNouns(`${table.caption} ${table.columns.join(' ')}${/地域|省份|地方/.test(table.columns[table.label] ?? '') ? ' 省份' : ''}`);
    if ([...wanted].some((noun) => !has.has(noun))) continue;
    const score = context.matcher.relevance(question, table);
    if (score > bestScore) [best, bestScore] = [table, score];
  }
  return best;
}

function cellMatches(context: FactContext, cell: Fact | undefined, name: string): boolean {
  if (!cell) return false;
  const value = bareLabel(cell.text).replace(/(省|市)$/, '');
  return context.lexicon.forms(name).some((form) => form.replace(/(省|市)$/, '') === value);
}

function select(context: FactContext, table: TableView, question: ParsedQuestion, rankingIndex: number): Selection {
  let rows = table.rows.filter((row) => !isTotalRow(row));
  const described: string[] = [];
  let namesRow = false;
  let unknownEntity = false;
  const filteredColumns = new Set<number>();
  for (const entity of question.entities.filter((e, i, all) => all.findIndex((o) => o.name === e.name) === i)) {
    const column = table.columns.findIndex((_, i) => rows.some((row) => cellMatches(context, row.cells[i], entity.name)));
    if (column < 0) unknownEntity = true;
    else if (column === table.label) namesRow = true;
    else {
      rows = rows.filter((row) => cellMatches(context, row.cells[column], entity.name));
      described.push(`${columnName(table.columns[column])}为${entity.name}`);
      filteredColumns.add(column);
    }
  }
  const text = compactCell(question.text);
  table.columns.forEach((column, i) => {
    if (i === table.label || i === rankingIndex || filteredColumns.has(i)) return;
    const values = [...new Set(rows.map((row) => row.cells[i]).filter((cell): cell is Fact => Boolean(cell) && factKind(cell!) === 'text').map((cell) => compactCell(cell.text)))];
    const named = values.filter((value) => value.length >= 2 && value.length <= 8 && text.includes(value));
    if (named.length !== 1) return;
    rows = rows.filter((row) => row.cells[i] && compactCell(row.cells[i]!.text) === named[0]);
    described.push(`${columnName(column) || '类别'}为${named[0]}`);
  });
  const dateColumn = table.columns.findIndex((_, i) => rows.some((row) => row.cells[i] && factKind(row.cells[i]!) === 'date'));
  const period = question.periods[0];
  // A year names rows by their date (「2019年发布的项目」), unless it is the period of the whole table.
  if (dateColumn >= 0 && period && /^\d{4}年?$/.test(period.label) && !table.caption.includes(period.label.slice(0, 4))) {
    const range = parsePeriod(period.label);
    if (range) {
      rows = rows.filter((row) => {
        const value = row.cells[dateColumn]?.value;
        if (typeof value !== 'number') return false;
        const month = Math.floor(value) * 100 + Math.max(1, Math.round((value - Math.floor(value)) * 100));
        return month >= range.from && month <= range.to;
      });
      described.push(`${columnName(table.columns[dateColumn])}为${period.label}`);
    }
  }
  if (question.condition && rankingIndex >= 0) {
    const { op, value } = question.condition;
    rows = rows.filter((row) => {
      const cell = row.cells[rankingIndex]?.value;
      if (typeof cell !== 'number') return false;
      return op === '>' ? cell > value : op === '<' ? cell < value : op === '>=' ? cell >= value : op === '<=' ? cell <= value : cell === value;
    });
    const word = { '>': '超过', '<': '少于', '>=': '不少于', '<=': '不超过', '=': '为' }[op];
    described.push(`${columnName(table.columns[rankingIndex])}${word} ${formatNumber(value)}`);
  }
  return { rows, described, namesRow, unknownEntity };
}

function names(rows: RowView[]): string {
  const list = rows.slice(0, MAX_LISTED).map((row) => row.label);
  return `${list.join('、')}${rows.length > MAX_LISTED ? '等' : ''}`;
}

/**
 * Answers rankings, extremes, k-th place, top-k, counts and filtered lists from a table, computed
 * in code (ties kept, the basis stated, every row used cited). Null when the question is not a
 * query over one table.
 */
export function answerTableQuery(context: FactContext, question: ParsedQuestion): Answer | null {
  const byDate = /最早|最晚|最先|最新|最近成立/.test(question.text) || question.asks.some((a) => a.kind === 'date');
  const groupAsk = question.asks.find((a) => a.kind === 'city' || a.kind === 'province');
  const ranks = RANKING.has(question.operation);
  // A ranking needs a column to sort by (or a column to group rows by).
  const table = pickTable(context, question, (t) => !ranks || rankingColumn(t, question.asks, byDate) >= 0
    || Boolean(groupAsk && columnFor(t, groupAsk) >= 0 && columnFor(t, groupAsk) !== t.label));
  if (!table) return null;
  const ranking = rankingColumn(table, question.asks, byDate);
  const selection = select(context, table, question, ranking);
  if (selection.unknownEntity) return null;
  const builder = createAnswerBuilder(context.index);
  const period = table.rows[0]?.cells.find(Boolean)?.period ?? '';
  const prefix = `据${table.id}（${table.caption}${period && !table.caption.includes(period.slice(0, 4)) ? `，${period}` : ''}）`;
  const cite = (row: RowView, column = ranking) => {
    const fact = row.cells[column] ?? row.cells.find(Boolean)!;
    builder.use(fact, row.label);
    return `[${builder.cite(fact)}]`;
  };

  if (ranks) {
    const groupColumn = groupAsk ? columnFor(table, groupAsk) : -1;
    if (groupColumn >= 0 && groupColumn !== table.label) return groupExtreme(table, question, selection.rows, groupColumn, prefix, builder, cite);
    if (ranking < 0 || selection.namesRow && question.operation !== 'position') return null;
    const column = table.columns[ranking];
    const ranked = selection.rows.filter((row) => typeof row.cells[ranking]?.value === 'number');
    if (ranked.length < 2) return null;
    const ascending = question.order === 'asc' || (byDate && /最早|最先/.test(question.text));
    ranked.sort((a, b) => ((a.cells[ranking]!.value! - b.cells[ranking]!.value!) * (ascending ? 1 : -1)) || a.number - b.number);
    const value = (row: RowView) => row.cells[ranking]!.value!;
    const place = (row: RowView) => 1 + ranked.filter((other) => (ascending ? value(other) < value(row) : value(other) > value(row))).length;
    const kind = factKind(ranked[0].cells[ranking]!);
    const word = kind === 'date' ? (ascending ? '最早' : '最晚') : ascending ? '最少' : '最多';
    const basis = `按${columnName(column)}${kind === 'date' ? (ascending ? '从早到晚' : '从晚到早') : ascending ? '从低到高' : '从高到低'}`;
    if (question.operation === 'top') {
      // At most five lines; ties at the cut are kept within that.
      const asked = question.rank ?? 3;
      const k = Math.min(asked, MAX_LINES, ranked.length);
      const cutoff = value(ranked[k - 1]);
      const top = ranked.filter((row, i) => i < k || value(row) === cutoff).slice(0, MAX_LINES);
      const lines = top.map((row) => `${place(row)}. ${row.label} ${printed(row.cells[ranking])}${cite(row)}`);
      const rest = asked > k ? `\n（其余见${table.id}）` : '';
      return builder.build(`${prefix}，${basis}排前${chineseOrdinal(k)}的是：\n${lines.join('\n')}${rest}`, { question: question.text });
    }
    if (question.operation === 'position') {
      const target = ranked.find((row) => question.entities.some((e) => row.label.includes(e.name) || e.name.includes(row.label)));
      if (!target) return null;
      const tied = ranked.filter((row) => value(row) === value(target)).length > 1;
      return builder.build(`${prefix}，${target.label}的${columnName(column)}为 ${printed(target.cells[ranking])}，${basis}排第${chineseOrdinal(place(target))}${tied ? '（并列）' : ''}${cite(target)}。`, { question: question.text });
    }
    const k = question.operation === 'rank' ? question.rank ?? 1 : 1;
    if (k > ranked.length) return null;
    const at = value(ranked[k - 1]);
    const tied = ranked.filter((row) => value(row) === at);
    const shown = tied.slice(0, MAX_LISTED).map((row) => row.label).join('、');
    const markers = tied.slice(0, MAX_LISTED).map((row) => cite(row)).join('');
    const amount = `${tied.length > 1 ? `均为 ${printed(tied[0].cells[ranking])}` : printed(tied[0].cells[ranking])}${markers}`;
    // Context for the widget: the neighbours of the answer (≥3 facts).
    for (const row of ranked.slice(Math.max(0, k - 3), Math.max(3, k + 2))) builder.use(row.cells[ranking]!, row.label);
    if (question.operation === 'rank') {
      const placeText = place(tied[0]) === k ? `第${chineseOrdinal(k)}` : `并列第${chineseOrdinal(place(tied[0]))}`;
      return builder.build(`${prefix}，${basis}排${placeText}的是${shown}，${amount}。`, { question: question.text });
    }
    return builder.build(`${prefix}，${columnName(column)}${word}的是${shown}${tied.length > 1 ? '（并列）' : ''}，${amount}。`, { question: question.text });
  }

  const filtered = selection.described.length > 0;
  if (!filtered || selection.namesRow || !selection.rows.length) return null;
  // Counting rows answers 「有几个…」 about a table, not any 「多少」 (「参与的高校有多少所」 is stated in prose).
  const byEntity = selection.described.some((d) => question.entities.some((e) => d.endsWith(`为${e.name}`)));
  if (!question.tableId && !byEntity && question.operation !== 'count' && question.operation !== 'list') return null;
  // A share or an amount asked alongside is stated in prose, not countable from rows.
  if (question.asks.some((a) => a.kind === 'percent' || a.kind === 'money')) return null;
  const columnAsk = question.asks.find((a) => !['count', 'percent', 'money', 'date', 'multiple'].includes(a.kind));
  if (columnAsk && selection.rows.length <= 3) {
    // Every column the question asks for (「谁主导的，哪年成立的」 → 主导机构 and 成立时间).
    const columns = [...new Set(question.asks.filter((a) => !['count', 'percent', 'money', 'multiple'].includes(a.kind))
      .map((a) => columnFor(table, a)).filter((c) => c >= 0))];
    if (!columns.length) return null;
    const said = columns.map((column) => {
      const parts = selection.rows.map((row) => `${printed(row.cells[column])}${cite(row, column)}`);
      return `${columnName(table.columns[column])}是${parts.join('、')}`;
    });
    const described = [...new Set(selection.described)].join('、');
    return builder.build(`${prefix}，${described}的${said.join('，')}。`, { question: question.text });
  }
  if (question.operation !== 'count' && question.operation !== 'list' && !question.asks.some((a) => a.kind === 'count')) return null;
  const count = selection.rows.length;
  builder.derive(count);
  const markers = selection.rows.slice(0, MAX_LISTED).map((row) => cite(row, table.label)).join('');
  const listed = names(selection.rows);
  const unit = question.asks.find((a) => a.kind === 'count')?.unit ?? '个';
  const list = listed.length <= 60 ? `：${listed}` : '';
  return builder.build(`${prefix}，${selection.described.join('、')}的共 ${count} ${unit}${list}${markers}。`, { question: question.text });
}

function groupExtreme(table: TableView, question: ParsedQuestion, rows: RowView[], column: number, prefix: string,
  builder: ReturnType<typeof createAnswerBuilder>, cite: (row: RowView, column?: number) => string): Answer | null {
  const groups = new Map<string, RowView[]>();
  for (const row of rows) {
    const name = bareLabel(row.cells[column]?.text ?? '');
    if (name) groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  if (groups.size < 2) return null;
  const ascending = question.order === 'asc';
  const ranked = [...groups].sort((a, b) => (a[1].length - b[1].length) * (ascending ? 1 : -1) || a[1][0].number - b[1][0].number);
  const k = question.operation === 'rank' ? question.rank ?? 1 : 1;
  if (k > ranked.length) return null;
  const size = ranked[k - 1][1].length;
  const tied = ranked.filter(([, group]) => group.length === size);
  const unit = question.asks.find((a) => a.kind === 'count')?.unit ?? '家';
  builder.derive(size);
  const shown = tied.slice(0, 4).map(([name, group]) => `${name}${group.slice(0, 6).map((row) => cite(row, column)).join('')}`).join('、');
  const placeText = question.operation === 'rank' ? `排第${chineseOrdinal(k)}` : ascending ? '最少' : '最多';
  return builder.build(`${prefix}，按${columnName(table.columns[column])}统计，${shown}${placeText}${tied.length > 1 ? '（并列）' : ''}，${tied.length > 1 ? '各' : '共'} ${size} ${unit}。`, { question: question.text });
}
