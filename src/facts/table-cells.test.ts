import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createPipeline } from '../pipeline';
import type { Answer, Chunk, Table } from '../types';
import { bareLabel } from './extract-table-facts';

/** One generated question about one cell: the value the answer must state and the row it must cite. */
interface CellQuestion {
  question: string;
  value: string;
  table: string;
  row: number;
}

/**
 * Natural questions for every cell of 表6-1, 表2-2, 表3-3 and 表8-1, two phrasings per kind, built from
 * the parsed tables (not from a list of expected answers), so a change of the parse shows up here.
 */
function cellQuestions(tables: Table[]): CellQuestion[] {
  const questions: CellQuestion[] = [];
  const byId = (id: string) => tables.find((t) => t.id === id)!;
  const ask = (table: string, row: number, value: string, ...phrasings: string[]) => {
    for (const question of phrasings) questions.push({ question, value, table, row });
  };
  byId('表6-1').rows.forEach(({ cells: [region, count, share] }, row) => {
    if (region === '总计') return ask('表6-1', row, count, '表6-1统计的区块链企业总计多少家？', '表6-1里全国区块链企业合计有多少家？');
    // The region cell itself: named by its count and share.
    ask('表6-1', row, count, `${region}有多少家区块链企业？`, `${region}的区块链企业数量是多少？`);
    ask('表6-1', row, share, `${region}的区块链企业占全国的比例是多少？`, `${region}区块链企业占比多少？`);
  });
  byId('表2-2').rows.forEach(({ cells: [company, date, round, amount] }, row) => {
    ask('表2-2', row, date, `${company}最近一次获得投资是什么时候？`, `${company}是哪天拿到投资的？`);
    ask('表2-2', row, round, `${company}拿的是哪一轮投资？`, `${company}的融资轮次是什么？`);
    ask('表2-2', row, amount, `${company}融了多少钱？`, `${company}的投融资金额是多少？`);
    ask('表2-2', row, company, `表2-2中${date}获得投资的是哪家公司？`, `哪家公司在${date}拿到了投资？`);
  });
  const parks = byId('表3-3').rows;
  parks.forEach(({ cells: [province, city, name, founded, aim, lead] }, row) => {
    // Two parks share a name (“密码+区块链”孵化器 in 北京 and 深圳): the city tells them apart.
    const same = parks.filter((other) => other.cells[2].replace(/\s/g, '') === name.replace(/\s/g, '')).length > 1;
    const park = same ? `${bareLabel(city)}的${name}` : name;
    ask('表3-3', row, founded, `${park}是什么时候成立的？`, `${park}成立于哪一年？`);
    ask('表3-3', row, lead, `${park}是谁主导的？`, `${park}的主导机构是什么？`);
    ask('表3-3', row, bareLabel(city), `${park}在哪个城市？`, `${park}位于哪座城市？`);
    ask('表3-3', row, bareLabel(province), `${park}在哪个省？`, `${park}属于哪个省份？`);
    ask('表3-3', row, aim, `${park}的定位是什么？`, `${park}的发展定位是什么？`);
  });
  const projects = byId('表8-1').rows;
  projects.forEach(({ cells: [serial, company, year, type, platform] }, row) => {
    ask('表8-1', row, year, `${company}的区块链+工业互联网项目是哪一年发布的？`, `${company}的项目什么时候发布的？`);
    ask('表8-1', row, type, `${company}的项目应用类型是什么？`, `${company}的区块链项目属于哪类应用？`);
    ask('表8-1', row, platform, `${company}的项目平台叫什么？`, `${company}做的是哪个平台？`);
    ask('表8-1', row, serial, `表8-1里${company}的序号是多少？`, `${company}在表8-1中是第几号？`);
    // A platform printed for two companies does not name one row.
    if (projects.filter((other) => other.cells[4] === platform).length === 1) {
      ask('表8-1', row, company, `${platform}是哪家企业的？`, `哪家企业发布了${platform}？`);
    }
  });
  return questions;
}

const compact = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

let pipeline: Awaited<ReturnType<typeof createPipeline>>;
let chunks: Map<string, Chunk>;
beforeAll(async () => {
  pipeline = await createPipeline(loadConfig({ QA_LOG_LEVEL: 'silent' }));
  chunks = new Map(pipeline.parts.index.chunks.map((c) => [c.id, c]));
});

describe('every cell of 表6-1, 表2-2, 表3-3 and 表8-1, asked in natural phrasing', () => {
  it('is answered with the exact value and a citation whose quote is that row', async () => {
    const questions = cellQuestions(pipeline.parts.document.tables);
    expect(questions.length).toBeGreaterThan(700);
    const failures: string[] = [];
    for (const item of questions) {
      const answer: Answer = await pipeline.ask([{ role: 'user', content: item.question }]);
      const row = chunks.get(`t${item.table.slice(1)}#r${item.row + 1}`)!;
      const cited = answer.citations.some((c) => c.chunkId === row.id && c.quote === row.text && c.line === row.lineStart
        && c.source === row.source && c.section === row.section);
      const stated = compact(answer.answer).includes(compact(bareLabel(item.value)));
      if (!cited || !stated || !answer.grounded) failures.push(`${item.question} → ${answer.answer}`);
    }
    expect(failures).toEqual([]);
  });
});
