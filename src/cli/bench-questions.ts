import { seededUnitRandom } from '../embed/seeded-random';
import type { ReportDocument, Table, TableRow } from '../types';

/** One load question and what in the report it is about. */
export interface BenchQuestion {
  text: string;
  /** 'table' (a row, a column or a group of rows), 'prose' (a figure stated in a section), 'off-topic' (not in the report). */
  kind: 'table' | 'prose' | 'off-topic';
  /** Table id ('表6-1') or section id ('3.2'); '' for off-topic. */
  source: string;
  /** Report text the question names (a cell, a clause); '' for off-topic. */
  names: string;
}

/** Questions the report does not answer: other periods, places it lists no figure for, general chat. */
const OFF_TOPIC = [
  '今天北京天气怎么样？', '比特币现在多少钱一个？', '帮我写一首关于春天的诗。', '以太坊的创始人是谁？',
  '2021年下半年全国有多少家区块链企业？', '美国有多少家区块链企业？', '台湾有多少家区块链企业？',
  '推荐几只区块链概念股吧', '报告里有没有提到元宇宙？', '2019年全年区块链融资总额是多少？',
  '你好，你是谁？', '区块链工程师的平均工资是多少？',
];

const PER_TABLE = 60;

/**
 * Everyday-Chinese questions over every table's rows and columns, the figures stated in each
 * section's prose, and a few off-topic ones: distinct, in a seeded (deterministic) order.
 * The phrasing of each template is picked by the same seeded generator.
 */
export function generateBenchQuestions(document: ReportDocument, options: { seed?: number } = {}): BenchQuestion[] {
  const random = seededRandom(options.seed ?? 42);
  const pick = <T>(choices: T[]): T => choices[Math.floor(random() * choices.length)];
  const out: BenchQuestion[] = [];
  const seen = new Set<string>();
  const add = (text: string, kind: BenchQuestion['kind'], source: string, names: string) => {
    if (!seen.has(text)) {
      seen.add(text);
      out.push({ text, kind, source, names });
    }
  };
  for (const table of document.tables) {
    // A cap per table so the 44 parks or 31 regions do not make up most of the load.
    for (const [text, names] of shuffle(tableQuestions(table, pick), random).slice(0, PER_TABLE)) add(text, 'table', table.id, names);
  }
  for (const [text, sectionId, names] of proseQuestions(document, pick)) add(text, 'prose', sectionId, names);
  for (const text of OFF_TOPIC) add(text, 'off-topic', '', '');
  return shuffle(out, random);
}

type Pick = <T>(choices: T[]) => T;

/** '北京 (2)' → '北京', '杭州(6)' → '杭州'. */
const place = (cell: string) => cell.replace(/\s*[(（]\s*\d+\s*[)）]\s*$/, '').trim();
/** '2018.04' / '2019 .04' / '2020-04' / '2020 年 4 月' → '2018年4月' (year only when no month). */
function when(cell: string): string {
  const match = cell.replace(/\s+/g, '').match(/^(\d{4})(?:[.\-年](\d{1,2}))?/);
  if (!match) return cell;
  return match[2] && Number(match[2]) > 0 ? `${match[1]}年${Number(match[2])}月` : `${match[1]}年`;
}
const column = (table: Table, ...names: string[]) => table.columns.findIndex((c) => names.includes(c.replace(/\s+/g, '')));

/** [question, the cell it names] for one table, by what its columns hold. */
function tableQuestions(table: Table, pick: Pick): [string, string][] {
  const out: [string, string][] = [];
  const cell = (row: TableRow, index: number) => (index >= 0 ? (row.cells[index] ?? '').trim() : '');
  const groups = new Map<string, string>();
  const group = (question: string, names: string) => { if (names && !groups.has(question)) groups.set(question, names); };

  if (table.id === '表6-1') {
    const rows = table.rows.filter((r) => cell(r, 0) !== '总计');
    for (const row of rows) {
      const region = cell(row, 0);
      out.push([pick([`${region}有多少家区块链企业？`, `${region}的区块链企业有几家？`, `截至2020年6月，${region}有多少家区块链企业？`]), region]);
      out.push([pick([`${region}的区块链企业占全国的比例是多少？`, `${region}区块链企业数量占比多少？`]), region]);
    }
    for (let i = 0; i + 1 < rows.length; i += 2) {
      const [a, b] = [cell(rows[i], 0), cell(rows[i + 1], 0)];
      out.push([pick([`${a}和${b}哪个区块链企业多？`, `${a}比${b}多几家区块链企业？`]), a]);
    }
    for (let k = 3; k <= 10; k++) out.push([pick([`区块链企业数量排名前${k}的省份是哪些？`, `区块链企业最多的${k}个地区是哪几个？`]), '区块链企业']);
    return out;
  }

  const key = column(table, '政策/文件名称', '政策/文件', '名称', '公司名称', '标准名称', '标准规范', '企业');
  for (const row of table.rows) {
    if (key < 0) break;
    const name = cell(row, key);
    if (!name) continue;
    for (const [index, header] of table.columns.entries()) {
      if (index === key) continue;
      const value = cell(row, index);
      const h = header.replace(/\s+/g, '');
      if (!value) continue;
      if (h === '发布主体') {
        out.push([pick([`${name}是哪个部门发布的？`, `${name}的发布单位是谁？`]), name]);
        group(pick([`${value}发布了哪些区块链相关政策？`, `${value}今年上半年出了什么区块链政策？`]), value);
      } else if (h === '地方') {
        out.push([pick([`${name}是哪里出台的？`, `${name}是哪个地方的政策？`]), name]);
        group(pick([`${value}出台了什么区块链政策？`, `${value}有哪些区块链专项政策？`]), value);
      } else if (h === '' && table.id === '表1-2') {
        group(`${value}出台了哪些区块链专项政策？`, value);
      } else if (['发布时间', '时间', '发布日期', '最近投资时间'].includes(h)) {
        if (table.id === '表2-2') out.push([pick([`${name}最近一次融资是什么时候？`, `${name}哪天拿到的融资？`]), name]);
        else if (table.id === '表8-1') out.push([`${name}的区块链+工业互联网项目是哪一年发布的？`, name]);
        else out.push([pick([`${name}是什么时候发布的？`, `${name}哪年哪月发布的？`]), name]);
        if (/^表1-/.test(table.id)) group(`${when(value)}发布了哪些区块链政策？`, value);
      } else if (h === '成立时间') {
        out.push([pick([`${name}是哪一年成立的？`, `${name}什么时候成立的？`]), name]);
      } else if (h === '城市') {
        out.push([pick([`${name}在哪个城市？`, `${name}位于哪里？`]), name]);
        const city = place(value);
        group(table.id === '表2-1' ? `${city}新增了哪些区块链研究机构？` : pick([`${city}有哪些区块链产业园？`, `${city}有几个区块链产业园？`]), city);
      } else if (h === '省份') {
        group(pick([`${place(value)}有几个区块链产业园？`, `${place(value)}的区块链产业园有哪些？`]), place(value));
      } else if (h === '牵头人') {
        out.push([pick([`${name}是谁牵头成立的？`, `${name}的牵头方是政府、企业还是高校？`]), name]);
      } else if (h === '主导机构') {
        out.push([pick([`${name}由谁主导？`, `${name}的主导机构是政府还是企业？`]), name]);
      } else if (h === '定位') {
        out.push([pick([`${name}的定位是什么？`, `${name}是做什么的？`]), name]);
      } else if (h === '投融资次') {
        out.push([pick([`${name}拿到的是哪一轮融资？`, `${name}融资到了哪一轮？`]), name]);
        group(`哪些区块链企业拿到了${value}融资？`, value);
      } else if (h === '投融资金额') {
        out.push([pick([`${name}融了多少钱？`, `${name}的融资金额是多少？`]), name]);
      } else if (h === '标准编号') {
        out.push([pick([`${name}的标准编号是多少？`, `${name}的编号是什么？`]), name]);
        out.push([`${value}是什么标准？`, value]);
      } else if (h === '标准级别') {
        out.push([`${name}是什么级别的标准？`, name]);
      } else if (h === '标准状态') {
        out.push([pick([`${name}现在进展到哪一步了？`, `${name}处于什么阶段？`]), name]);
      } else if (h === '标准内容' || h === '相关内容') {
        out.push([pick([`${name}主要规定了什么？`, `${name}讲的是什么内容？`]), name]);
      } else if (h === '应用类型') {
        out.push([`${name}的区块链项目属于什么应用类型？`, name]);
        for (const type of value.replace(/等$/, '').split('、')) group(`哪些企业有${type}方面的区块链+工业互联网项目？`, type);
      } else if (h === '项目平台') {
        out.push([pick([`${name}做了哪个区块链+工业互联网项目？`, `${name}的项目平台叫什么？`]), name]);
      }
    }
  }
  if (column(table, '细分领域') === 0) {
    for (const row of table.rows) {
      const [field, date, story] = [cell(row, 0), cell(row, 1), cell(row, 2)];
      group(pick([`${field}领域有哪些区块链典型案例？`, `区块链在${field}方面有什么应用？`]), field);
      group(`${when(date)}${field}方面有什么区块链应用案例？`, field);
      const quoted = story.match(/“([^”]{2,14})”/);
      if (quoted) out.push([pick([`“${quoted[1]}”是做什么的？`, `报告里提到的“${quoted[1]}”是什么？`]), quoted[1]]);
      const actor = story.match(/^(.{2,18}?)(上线|推出|发布|建成|启用|联合|利用|结合|基于|就|以|正式|研发|合作|将)/);
      if (actor) out.push([pick([`${actor[1]}用区块链做了什么？`, `${actor[1]}的区块链应用是什么？`]), actor[1]]);
    }
  }
  for (const [question, names] of groups) out.push([question, names]);
  return out;
}

const NUMBER = /(\d+(?:\.\d+)?)\s*(%|余家|多家|家|项|个|件|亿元|万元|亿|万|次|条|所|起|倍|笔)/;

/** '（如图 1-1 所示）', '如表 2-2 所示': references, not figures. */
const FIGURE_REFERENCE = /[（(]?如?[图表]\s*\d+\s*[-—]\s*\d+\s*所示[）)]?/g;
const DEPENDENT = /^(其中|同比|环比|较|与|且|占|约|并|而|分别|仅|达)/;
/** Drops the spaces the report prints around numbers and between Han characters ('共 26 项' → '共26项'). */
const compact = (text: string) => text.replace(/\s+/g, (space, offset: number, whole: string) =>
  /[A-Za-z]/.test(whole[offset - 1] ?? '') && /[A-Za-z]/.test(whole[offset + space.length] ?? '') ? ' ' : '');

/** [question, section id, clause prefix] for figures stated in prose: the clause with its number replaced by 多少. */
function proseQuestions(document: ReportDocument, pick: Pick): [string, string, string][] {
  const out: [string, string, string][] = [];
  const perSection = new Map<string, number>();
  for (const paragraph of document.paragraphs) {
    const section = document.sections.find((s) => s.id === paragraph.sectionId);
    if (!section || section.kind === 'toc' || section.kind === 'committee' || section.kind === 'front') continue;
    const text = paragraph.text.replace(FIGURE_REFERENCE, '');
    for (const sentence of text.split(/[。；！？]/)) {
      const clauses = sentence.split(/[，,：:]/).map((c) => c.trim());
      for (let i = 0; i < clauses.length; i++) {
        const match = clauses[i].match(NUMBER);
        if (!match || match.index === undefined) continue;
        let clause = clauses[i];
        // A clause that does not say what is counted ('其中…', '同比下降…') takes the one before it.
        if (compact(clause.slice(0, match.index)).length < 8 || DEPENDENT.test(clause)) {
          if (i === 0) continue;
          clause = `${clauses[i - 1]}，${clause}`;
        }
        const before = clause.slice(0, clause.indexOf(match[0])).trim();
        if (compact(before).length < 8 || clause.length > 60 || /\d\s*[、和]$/.test(before)) continue;
        if ((perSection.get(section.id) ?? 0) >= 4) continue;
        const asked = compact(clause.replace(match[0], match[2] === '%' ? '多少' : `多少${match[2]}`));
        perSection.set(section.id, (perSection.get(section.id) ?? 0) + 1);
        out.push([pick([`${asked}？`, `报告说${asked}？`]), section.id, before]);
      }
    }
  }
  return out;
}

/** The bench's seeded generator on [0, 1): question order and phrasing are the same run to run. */
export const seededRandom = seededUnitRandom;

/** Fisher–Yates with the given generator (a new array). */
export function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
