import { memoizeRecent } from '../memoize-recent';
import type { FactIndex, RowView, TableView } from './fact-index';
import { bareLabel } from './extract-table-facts';
import { addTerms, coverage, type WeightedTerms } from './fact-terms';
import type { ParsedQuestion } from './parse-question';
import { factKind } from './score-facts';

/** A table row that the question names by one of its cells. */
export interface RowMatch {
  table: TableView;
  row: RowView;
  /** Question characters the row's cells cover (identifying substrings only). */
  score: number;
  /** The column of the cell that names the row. */
  column: number;
}

/** Compact form for matching cells against questions: no spaces, brackets, quotes or group counts. */
export function compactCell(text: string): string {
  return bareLabel(text).normalize('NFKC').toLowerCase().replace(/[\s《》“”"'‘’()（）【】「」:：,，、·\-—–]/g, '');
}

/** A place name without its administrative suffix (泉州市 → 泉州), so 「泉州的…」 names the row whole. */
function bareName(text: string): string {
  return text.length >= 3 ? text.replace(/(省|市)$/, '') : text;
}

/** Words every table is full of: they name no row (「区块链…项目」 is not 「区块链在工业互联网的应用项目」). */
const GENERIC = /区块链|工业互联网|互联网|产业园|研究院|委员会|项目|应用|平台|技术|产业|工业|企业|公司|有限|股份|集团|中心|发展|服务|管理|系统|数据|科技|信息|标准|政策|规范|中国|国家|建设|创新|基地|园区|研究|时候|什么|哪个|哪家|[的之和与及在是了为对]/g;

/** True when a matched piece of text identifies something: what is left without generic words, not common in the table. */
function distinctive(piece: string, common: Set<string>, whole = false): boolean {
  // A whole cell keeps its function characters (美的集团 is not 美 + 集团).
  const rest = whole ? piece.replace(new RegExp(GENERIC.source.replace(/\|\[[^\]]+\]$/, ''), 'g'), ' ') : piece.replace(GENERIC, ' ');
  for (const run of rest.match(/[\p{Script=Han}A-Za-z0-9]{2,}/gu) ?? []) {
    if (!/[\p{Script=Han}A-Za-z]/u.test(run)) continue;
    for (let k = 0; k + 1 < run.length; k++) if (!common.has(run.slice(k, k + 2))) return true;
  }
  return false;
}

/** Marks the question characters a cell covers with substrings of ≥ `minimum` characters that identify something. */
function coverInto(covered: boolean[], question: string, cell: string, common: Set<string>, minimum: number): void {
  if (cell.length < 2) return;
  let i = 0;
  while (i < question.length - 1) {
    let length = 0;
    for (let l = Math.min(question.length - i, cell.length); l >= 2; l--) {
      if (cell.includes(question.slice(i, i + l))) {
        length = l;
        break;
      }
    }
    if (length >= 2) {
      if (length >= minimum && distinctive(question.slice(i, i + length), common)) for (let k = i; k < i + length; k++) covered[k] = true;
      i += length;
    } else i++;
  }
}

/** Bigrams found in more than a quarter of a table's rows (区块链, 产业园 …) identify nothing. */
function commonBigrams(table: TableView): Set<string> {
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const seen = new Set<string>();
    for (const cell of row.cells) {
      const text = compactCell(cell?.text ?? '');
      for (let k = 0; k + 1 < text.length; k++) seen.add(text.slice(k, k + 2));
    }
    for (const bigram of seen) counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  const limit = Math.max(2, table.rows.length / 4);
  return new Set([...counts].filter(([, n]) => n > limit).map(([bigram]) => bigram));
}

export interface RowMatcher {
  /** Rows named by the question, best first, for every table (or only `tableId`). */
  match(question: ParsedQuestion, tableId?: string): RowMatch[];
  /** How well a question's topic fits a table's caption and columns (0–1). */
  relevance(question: ParsedQuestion, table: TableView): number;
}

/** Matches questions to table rows by the cells they name (「链湾」「CoolBitX」「SM9标识密码算法总则」). */
export function createRowMatcher(index: FactIndex): RowMatcher {
  const common = new Map<string, Set<string>>();
  const tableTerms = new Map<string, WeightedTerms>();
  // Descriptive columns (定位, 典型案例, 相关内容) describe a row; their words do not name it.
  const descriptive = new Map<string, Set<number>>();
  for (const table of index.tables.values()) {
    common.set(table.id, commonBigrams(table));
    descriptive.set(table.id, new Set(table.columns.map((column, i) => {
      const cells = table.rows.map((row) => row.cells[i]?.text ?? '');
      const average = cells.reduce((sum, cell) => sum + cell.length, 0) / Math.max(1, cells.length);
      return /定位|内容|案例|说明|简介/.test(column) || average > 30 ? i : -1;
    }).filter((i) => i >= 0)));
    const terms: WeightedTerms = new Map();
    addTerms(terms, index.termsOf(table.caption), 1);
    addTerms(terms, index.termsOf(table.columns.join(' ')), 0.8);
    // Rows named by region: 「哪个省」「省份」 ask about this table.
    if (/地域|省份|地方|地区/.test(table.columns[table.label] ?? '')) addTerms(terms, index.termsOf('省份 省市 地区 各省'), 0.8);
    tableTerms.set(table.id, terms);
  }
  // Several answer strategies match the same question: remember the last few results.
  const matchText = memoizeRecent((key: string) => {
    const split = key.indexOf('\u0000');
    return matchUncached(key.slice(split + 1), key.slice(0, split) || undefined);
  });
  return {
    relevance(question, table) {
      const topic = index.termsOf(question.topic);
      return topic.length ? coverage(topic, tableTerms.get(table.id)!, index.idf) : 0;
    },
    match: (question, tableId) => matchText(`${tableId ?? ''}\u0000${question.text}`),
  };

  function matchUncached(questionText: string, tableId: string | undefined): RowMatch[] {
      const text = compactCell(questionText);
      const matches: RowMatch[] = [];
      for (const table of index.tables.values()) {
        if (tableId && table.id !== tableId) continue;
        for (const row of table.rows) {
          // Characters of the question the row's cells name, counted once however many cells name them.
          const covered = new Array<boolean>(text.length).fill(false);
          let column = -1;
          let best = 0;
          let bestWhole = false;
          row.cells.forEach((cell, i) => {
            if (!cell || descriptive.get(table.id)!.has(i) || /^\d+(\.\d+)?%?$/.test(cell.text) || cell.text.length > 40) return;
            const value = bareName(compactCell(cell.text));
            const before = covered.filter(Boolean).length;
            let whole = false;
            // A full date (2020.04.01) names its row when quoted whole; a shorter one is a filter.
            if (factKind(cell) === 'date') {
              if (value.length >= 8 && text.includes(value)) for (let k = text.indexOf(value); k < text.indexOf(value) + value.length; k++) covered[k] = true;
            } else if (text.includes(value) && value.length >= 2 && distinctive(value, common.get(table.id)!, true)) {
              // A cell named in full (杭州区块链产业园, 链湾, 泉州) counts from two characters, and a bonus over partial matches.
              for (let k = text.indexOf(value); k < text.indexOf(value) + value.length; k++) covered[k] = true;
              whole = true;
            } else {
              // Otherwise identifying substrings of four characters or more (not 「委员会」 of any committee),
              // then shorter ones of the same cell (「SM9标识密码算法…总则」).
              const marked = covered.filter(Boolean).length;
              coverInto(covered, text, value, common.get(table.id)!, 4);
              if (covered.filter(Boolean).length > marked) coverInto(covered, text, value, common.get(table.id)!, 2);
            }
            const gained = covered.filter(Boolean).length - before;
            if (gained > best) [best, column, bestWhole] = [gained, i, whole];
          });
          // The cell that names the row most, named in full, beats the same words inside a longer name.
          const score = covered.filter(Boolean).length + (bestWhole ? 3 : 0);
          if (score >= 2) matches.push({ table, row, score, column });
        }
      }
      return matches.sort((a, b) => b.score - a.score || a.row.number - b.row.number);
  }
}
