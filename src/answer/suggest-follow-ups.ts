import type { Answer, Chunk, Fact, Table } from '../types';

/** What suggestions are derived from: the report's chunks, facts and tables (as loaded from the index). */
export interface FollowUpSource {
  chunks: readonly Chunk[];
  facts: readonly Fact[];
  tables: readonly Table[];
}

/** At most this many suggestions; the widget shows them as buttons under the answer. */
const MAX_SUGGESTIONS = 3;
const MAX_CHARS = 36;
/** Columns that number or date rows rather than measure them. */
const NOT_A_MEASURE = /序号|时间|日期|年份|编号/;
/** Clause openings that lean on the previous clause for their subject. */
const DANGLING = /^(其次|其中|约为|约|共|分别|仅|占|为|是|达|较|比|同比|环比|相比|这|该|上述)/;

/** What depends only on the report, prepared once: each table's row names and measures, each section's clause questions. */
interface TablePlan {
  table: Table;
  rowSubject: Map<number, string>;
  measures: string[];
  subjectColumn: string;
}
interface ProseQuestion {
  fact: Fact;
  question: string;
}

/**
 * Two or three short Chinese questions to ask next, derived from what an answer cites: for a table
 * row, the same column for the neighbouring rows and the table's top entries; for a prose sentence,
 * the other figures of its section. Pure: the same answer and report give the same suggestions.
 * Empty for an answer the report does not support (`grounded: false`) or one that cites nothing.
 * Everything that depends only on the report is prepared here, once; a call does small loops.
 */
export function createFollowUpSuggester(report: FollowUpSource): (answer: Answer) => string[] {
  const chunks = new Map(report.chunks.map((chunk) => [chunk.id, chunk]));
  const plans = new Map(report.tables.map((table) => [table.id, planTable(table, report.facts.filter((fact) => fact.tableId === table.id))]));
  const bySection = new Map<string, ProseQuestion[]>();
  for (const fact of report.facts) {
    if (fact.tableId || fact.offset === undefined || fact.value === null) continue;
    const question = clauseQuestion(fact);
    if (!question) continue;
    const section = fact.chunkId.slice(1, fact.chunkId.indexOf('#'));
    bySection.set(section, [...(bySection.get(section) ?? []), { fact, question }]);
  }
  return (answer) => {
    if (!answer.grounded || answer.citations.length === 0) return [];
    const cited = answer.citations.map((citation) => chunks.get(citation.chunkId)).filter((chunk): chunk is Chunk => !!chunk);
    const quoted = new Set(cited.map((chunk) => chunk.id));
    const out: string[] = [];
    const add = (question: string | undefined) => {
      if (!question || question.length > MAX_CHARS || out.includes(question)) return;
      out.push(question);
    };
    for (const chunk of cited) {
      const plan = chunk.tableId ? plans.get(chunk.tableId) : undefined;
      if (plan && chunk.rows?.length) {
        for (const question of tableQuestions(plan, chunk.rows, answer.answer)) add(question);
      } else if (chunk.kind === 'prose') {
        for (const question of proseQuestions(bySection.get(chunk.sectionId) ?? [], quoted, answer.answer)) add(question);
      }
      if (out.length >= MAX_SUGGESTIONS) break;
    }
    return out.slice(0, MAX_SUGGESTIONS);
  };
}

/** One-off form of {@link createFollowUpSuggester} (prepares the report on every call). */
export function suggestFollowUps(answer: Answer, report: FollowUpSource): string[] {
  return createFollowUpSuggester(report)(answer);
}

function planTable(table: Table, tableFacts: readonly Fact[]): TablePlan {
  const rowSubject = new Map<number, string>();
  for (const fact of tableFacts) if (fact.row !== undefined && fact.subject && !rowSubject.has(fact.row)) rowSubject.set(fact.row, fact.subject);
  const measures = measureColumns(table, tableFacts);
  const subjectColumn = table.columns.find((column) => !NOT_A_MEASURE.test(column) && !measures.includes(column)) ?? '';
  return { table, rowSubject, measures, subjectColumn };
}

/** Questions about the rows around the cited ones, and the table's top entries by its measure. */
function tableQuestions({ table, rowSubject, measures, subjectColumn }: TablePlan, rows: number[], answerText: string): string[] {
  // Rows in facts are 1-based; chunk rows are 0-based indexes.
  const citedRows = new Set(rows.map((row) => row + 1));
  const neighbours: string[] = [];
  for (const row of [...citedRows].sort((a, b) => a - b)) {
    for (const next of [row + 1, row - 1, row + 2]) {
      const subject = rowSubject.get(next);
      if (subject && !citedRows.has(next) && !answerText.includes(subject) && !neighbours.includes(subject)) neighbours.push(subject);
    }
  }
  const questions: string[] = [];
  if (measures.length > 0) {
    const measure = plainName(measures[0]);
    if (neighbours[0]) questions.push(`${neighbours[0]}的${measure}是多少？`);
    if (table.rows.length >= 4 && subjectColumn) questions.push(`${measure}排名前三的${plainName(subjectColumn)}是哪些？`);
    if (neighbours[1]) questions.push(`${neighbours[1]}的${measure}是多少？`);
  } else {
    const detail = table.columns.find((column) => column !== subjectColumn && !/序号/.test(column));
    for (const subject of neighbours.slice(0, 2)) if (detail) questions.push(`${subject}的${plainName(detail)}是什么？`);
  }
  return questions;
}

/** Columns whose cells are mostly numbers that measure something (not row numbers or dates). */
function measureColumns(table: Table, facts: readonly Fact[]): string[] {
  return table.columns.filter((column) => {
    if (NOT_A_MEASURE.test(column)) return false;
    const cells = facts.filter((fact) => fact.column === column);
    return cells.length > 0 && cells.filter((fact) => fact.value !== null).length >= cells.length / 2;
  });
}

/**
 * The section's other stated figures, each asked as its own clause with the figure replaced by
 * 「多少」: 「其中参与的高校已有 33 所」 → 「其中参与的高校已有多少所？」.
 */
function proseQuestions(candidates: readonly ProseQuestion[], quoted: Set<string>, answerText: string): string[] {
  const questions: string[] = [];
  const seen = new Set<string>();
  for (const { fact, question } of candidates) {
    if (quoted.has(fact.chunkId) || answerText.includes(fact.text) || seen.has(fact.quote)) continue;
    seen.add(fact.quote);
    questions.push(question);
    if (questions.length >= MAX_SUGGESTIONS) break;
  }
  return questions;
}

function clauseQuestion(fact: Fact): string | undefined {
  const offset = fact.offset!;
  const before = fact.quote.slice(0, offset);
  const after = fact.quote.slice(offset + fact.text.length);
  const start = Math.max(...['，', '。', '；', '：', '、'].map((mark) => before.lastIndexOf(mark))) + 1;
  const endMatch = /[，。；：！？]/.exec(after);
  const head = before.slice(start).replace(/^(同时|此外|另外|而|且|并|截至目前|目前)/, '').trim();
  const tail = after.slice(0, endMatch ? endMatch.index : after.length).trim();
  const unit = fact.unit && fact.unit !== '%' && fact.text.endsWith(fact.unit) ? fact.unit : '';
  // A clause needs its own subject to stand alone as a question (not 「其次是…」, 「约为…」), and no
  // other figure to confuse it.
  if ((head.match(/\p{Script=Han}/gu) ?? []).length < 4 || DANGLING.test(head) || /\d/.test(head + tail)) return undefined;
  const question = `${head}${/[的为达至有约近超过了共]$/.test(head) ? '' : '为'}多少${unit}${tail}？`.replace(/\s+/g, '');
  return question.length <= MAX_CHARS ? question : undefined;
}

/** 「数量（家）」 → 「数量」: the unit in brackets reads badly in a question. */
function plainName(column: string): string {
  return column.replace(/[（(].*?[）)]/g, '').trim() || column;
}
