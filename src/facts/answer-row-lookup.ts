import type { Answer } from '../types';
import { createAnswerBuilder } from './answer-builder';
import type { FactContext } from './fact-context';
import type { RowMatch } from './match-rows';
import type { Ask, ParsedQuestion } from './parse-question';
import { columnFor, columnName, printed } from './table-columns';

/** Asks a table column answers (rather than a figure found anywhere in the report). */
export const COLUMN_ASKS = new Set(['name', 'round', 'leader', 'city', 'province', 'number', 'type', 'platform', 'company', 'status', 'date', 'money', 'aim', 'serial']);

/**
 * The one table row a question names with certainty: the best row by the cells the question
 * names, in the table whose caption fits best, clearly ahead of any other row. Null otherwise.
 */
export function uniqueRow(context: FactContext, question: ParsedQuestion): RowMatch | null {
  const matches = context.matcher.match(question, question.tableId);
  if (!matches.length) return null;
  const relevance = new Map<string, number>();
  const combined = (match: RowMatch) => {
    if (!relevance.has(match.table.id)) relevance.set(match.table.id, context.matcher.relevance(question, match.table));
    return match.score + 4 * relevance.get(match.table.id)!;
  };
  const ranked = [...matches].sort((a, b) => combined(b) - combined(a) || a.row.number - b.row.number);
  const [best, second] = ranked;
  if (second && combined(second) > combined(best) - 1.5) return null;
  // A short name (宁波, 链湾) names a row only in a question about what that table records.
  if (best.score < 6 && relevance.get(best.table.id)! < 0.15) return null;
  return best;
}

/**
 * Looks up the asked columns of the row a question names (「泉州的区块链专项政策叫什么」 →
 * 表1-2 泉州市's 政策/文件; 「Ystar拿的是哪一轮？融了多少？」 → 表2-2 Ystar's 投融资次 and 投融资金额),
 * citing the row. Null unless one row matches with certainty and it has the asked column.
 */
export function answerRowLookup(context: FactContext, question: ParsedQuestion, asks: Ask[]): Answer | null {
  const wanted = asks.filter((ask) => COLUMN_ASKS.has(ask.kind));
  if (!wanted.length) return null;
  const match = uniqueRow(context, question);
  if (!match) return null;
  const { table, row } = match;
  const builder = createAnswerBuilder(context.index);
  const parts: string[] = [];
  for (const ask of wanted) {
    const column = columnFor(table, ask);
    const cell = column >= 0 ? row.cells[column] : undefined;
    // Answering with the very cell that named the row says nothing (「宁波…在哪个城市」 → 宁波).
    if (!cell || column === match.column || column === table.label && ask.kind !== 'name' && ask.kind !== 'company') continue;
    if (parts.some((part) => part.includes(printed(cell)))) continue;
    builder.use(cell, row.label);
    parts.push(`${columnName(table.columns[column]) || '类别'}为${printed(cell)}`);
  }
  if (!parts.length) return null;
  const marker = builder.cite(row.cells.find(Boolean)!);
  const period = row.cells.find(Boolean)?.period ?? '';
  const when = period && !table.caption.includes(period.slice(0, 4)) ? `，${period}` : '';
  const named = match.column >= 0 && match.column !== table.label ? printed(row.cells[match.column]) : row.label;
  return builder.build(`据${table.id}（${table.caption}${when}），${named}的${parts.join('，')}[${marker}]。`, { question: question.text });
}
