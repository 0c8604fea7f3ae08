import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkReport } from '../chunk/chunk-report';
import { loadReport } from '../ingest/load-report';
import type { Fact } from '../types';
import { reportLexicon } from '../../tests/support/lexicon';
import { extractFacts } from './extract-facts';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const report = loadReport(corpus);
const chunks = chunkReport(report);
const lexicon = reportLexicon(report);
const facts = extractFacts(report, chunks, lexicon);
const chunkById = new Map(chunks.map((c) => [c.id, c]));
const prose = (predicate: (fact: Fact) => boolean) => facts.filter((f) => !f.tableId && predicate(f));

describe('extractFacts on the report', () => {
  it('dates a sentence opening on a month alone by the year of the chronicle before it', () => {
    const months = prose((f) => f.line === 1192 && f.unit === '年月').map((f) => [f.text, f.period]);
    expect(months).toEqual(expect.arrayContaining([['3 月', '2020年3月'], ['5 月', '2020年5月']]));
    // A month that only counts (「截至 6 月」) or opens no sentence is not read this way.
    expect(prose((f) => f.unit === '年月' && !/\d{4}|[零〇一二三四五六七八九]{4}/.test(f.text) && !/^\s*\d{1,2}\s*月/.test(f.quote))).toEqual([]);
  });

  it('makes every non-empty cell of every table a fact citing its row chunk', () => {
    for (const table of report.tables) {
      table.rows.forEach((row, index) => {
        const chunk = chunkById.get(`t${table.id.slice(1)}#r${index + 1}`)!;
        row.cells.forEach((cell, column) => {
          if (!cell.trim()) return;
          const fact = facts.find((f) => f.id === `${chunk.id}:c${column + 1}`);
          expect(fact, `${table.id} row ${index + 1} column ${column + 1}`).toMatchObject({
            source: table.id, caption: table.caption, tableId: table.id, row: index + 1, column: table.columns[column],
            text: cell.trim(), quote: chunk.text, line: row.line, chunkId: chunk.id,
          });
        });
      });
    }
  });

  it('parses table cells into values with units and carries the period the report states for the table', () => {
    const guangdong = facts.filter((f) => f.tableId === '表6-1' && f.subject === '广东');
    expect(guangdong.map((f) => [f.metric, f.value, f.unit])).toEqual([['地域', null, ''], ['数量（家）', 354, '家'], ['比例', 27.06, '%']]);
    expect(guangdong[1].period).toBe('截至2020年6月');
    expect(facts.find((f) => f.tableId === '表2-2' && f.subject === '墨群' && f.column === '投融资金额'))
      .toMatchObject({ text: '数百万美元', value: null, qualifier: '数' });
    expect(facts.find((f) => f.tableId === '表3-3' && f.subject === '链湾' && f.column === '成立时间')).toMatchObject({ value: 2017.06, unit: '年月' });
  });

  it('states every prose quantity with its sentence as the quote and the line the sentence starts on', () => {
    const patents = prose((f) => f.text === '5402项')[0];
    expect(patents).toMatchObject({ value: 5402, unit: '项', period: '2020年上半年', line: 587, source: '3.2' });
    expect(report.lines[patents.line - 1]).toContain(patents.quote.slice(0, 20));
    expect(patents.quote.slice(patents.offset!, patents.offset! + patents.text.length)).toBe(patents.text);
    expect(chunkById.get(patents.chunkId)!.text).toContain(patents.quote);
  });

  it('keeps the period of each figure, also when one sentence has several (17.15 亿元 vs 2019 年上半年的 4.95 亿元)', () => {
    const sizes = prose((f) => f.source === '2.1' && f.unit === '亿元');
    expect(sizes.map((f) => [f.value, f.period])).toEqual([[1, '2016年'], [12, '2019年'], [17.15, '2020年上半年'], [4.95, '2019年上半年']]);
    expect(prose((f) => f.text === '246.46%')[0].period).toBe('2020年上半年');
    expect(prose((f) => f.text === '81 家')[0].period).toBe('2019年');
  });

  it('assigns the items of a 分别 list to their subjects and 「均有」 to each entity', () => {
    const projects = prose((f) => f.source === '4' && f.unit === '个' && ['金融', '政务服务', '司法'].includes(f.subject));
    expect(projects.map((f) => [f.subject, f.value])).toEqual([['金融', 46], ['政务服务', 42], ['司法', 18]]);
    expect(prose((f) => f.text === '27家').map((f) => f.subject)).toEqual(['浙江', '山东']);
    expect(prose((f) => f.text === '71家')[0]).toMatchObject({ subject: '江苏', period: '2020年上半年' });
  });

  it('keeps approximate forms with their qualifier', () => {
    expect(prose((f) => f.text === '四万余家')[0]).toMatchObject({ value: 40000, qualifier: '余' });
    expect(prose((f) => f.text === '近 120 条')[0]).toMatchObject({ value: 120, qualifier: '近', period: '2020年上半年' });
    expect(prose((f) => f.text === '二零二零年十月')[0]).toMatchObject({ value: 2020.1, unit: '年月', line: 10 });
  });

  it('extracts the quantities stated inside running-text table cells, citing the row', () => {
    const verified = facts.find((f) => f.tableId === '表4-2' && f.text === '1621 个')!;
    expect(verified).toMatchObject({ value: 1621, chunkId: 't4-2#r2', period: '2020年2月' });
    expect(verified.quote).toBe(chunkById.get('t4-2#r2')!.text);
  });

  it('is deterministic and gives every fact a unique id', () => {
    expect(JSON.stringify(extractFacts(report, chunkReport(report), lexicon))).toBe(JSON.stringify(facts));
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
  });
});
