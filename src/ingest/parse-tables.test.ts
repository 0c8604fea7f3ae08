import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Table } from '../types';
import { loadReport } from './load-report';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const report = loadReport(corpus);
const table = (id: string): Table => {
  const found = report.tables.find((entry) => entry.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const rowWith = (id: string, text: string) => table(id).rows.find((row) => row.cells.includes(text));
const CASE_COLUMNS = ['细分领域', '日期', '典型案例'];
const STANDARD_COLUMNS = ['序号', '标准编号', '标准名称', '发布日期'];

describe('parseTables on the report', () => {
  it('parses every captioned table to the row and column counts read from the text', () => {
    // [data rows, columns], counted by reading the corpus; wrapped lines are not rows.
    const expected: Record<string, [number, number]> = {
      '表1-1': [26, 3],
      '表1-2': [12, 4],
      '表2-1': [9, 3],
      '表2-2': [10, 4],
      '表3-3': [44, 6],
      '表4-1': [12, 3],
      '表4-2': [20, 3],
      '表4-3': [7, 3],
      '表4-4': [3, 3],
      '表4-5': [3, 3],
      '表4-6': [4, 3],
      '表4-7': [3, 3],
      '表4-8': [3, 3],
      '表4-9': [2, 3],
      '表5-1': [3, 4],
      '表5-2': [3, 4],
      '表5-3': [8, 4],
      '表5-4': [3, 4],
      '表5-5': [5, 4],
      '表5-6': [8, 4],
      '表5-7': [15, 4],
      '表5-8': [6, 4],
      '表5-9': [9, 4],
      '表6-1': [32, 3],
      '表8-1': [16, 5],
    };
    const actual = Object.fromEntries(report.tables.map((entry) => [entry.id, [entry.rows.length, entry.columns.length]]));
    expect(actual).toEqual(expected);
    for (const entry of report.tables) {
      expect(entry.rows.every((row) => row.cells.length === entry.columns.length)).toBe(true);
    }
  });

  it('reads captions, sections and headers as printed, keeping the printed id 表3-3', () => {
    expect(table('表3-3')).toMatchObject({ caption: '我国区块链产业园建设情况', sectionId: '2.4', line: 497 });
    expect(table('表3-3').columns).toEqual(['省份', '城市', '名称', '成立时间', '定位', '主导机构']);
    expect(table('表1-1').columns).toEqual(['发布主体', '发布时间', '政策/文件名称']);
    expect(table('表5-1').columns).toEqual(STANDARD_COLUMNS);
    expect(table('表8-1').columns).toEqual(['序号', '企业', '发布时间', '应用类型', '项目平台']);
    expect(table('表2-2').caption).toBe('2020 年上半年我国区块链企业投融资总额 top10');
    // The header row is never repeated as data.
    for (const entry of report.tables) {
      expect(entry.rows.some((row) => row.cells.join('\t') === entry.columns.join('\t'))).toBe(false);
    }
  });

  it('fills merged cells from the row above and records which ones', () => {
    const row = report.tables[0]!.rows.find((entry) => entry.cells[2] === '《2020 年乡村产业工作要点》');
    expect(row).toMatchObject({ cells: ['农业农村部', '2020 年 2 月', '《2020 年乡村产业工作要点》'], filled: [0], line: 162 });
    expect(rowWith('表1-1', '《关于推动工业互联网加快发展的通知》')?.cells[0]).toBe('工信部');
    expect(rowWith('表1-2', '贵州省')?.cells[0]).toBe('省级层面');
    expect(rowWith('表2-1', '山东区块链研究院')).toMatchObject({ cells: ['济南', '山东区块链研究院', '高校'], filled: [0] });
    expect(rowWith('表4-2', '2020-7')?.cells[0]).toBe('行政审批');
    expect(rowWith('表1-1', '司法部')?.filled).toEqual([]);
  });

  it('fills 表3-3 so that its 44 parks have no empty cell, counts kept as printed', () => {
    const parks = table('表3-3').rows;
    expect(parks).toHaveLength(44);
    expect(parks.filter((row) => row.cells.some((cell) => cell === ''))).toEqual([]);
    expect(rowWith('表3-3', '海口区块链产业园')?.cells).toEqual([
      '海南 (1)',
      '海口 (1)',
      '海口区块链产业园',
      '2018.04',
      '打造区块链生态圈,促进海南区块链发展',
      '企业',
    ]);
    expect(rowWith('表3-3', '杭州西溪谷区块链产业园')?.cells.slice(0, 2)).toEqual(['浙江 (8)', '杭州 (6)']);
    expect(rowWith('表3-3', '杭州西溪谷区块链产业园')?.filled).toEqual([0, 1]);
    expect(rowWith('表3-3', '广州越秀区国际区块链产业园')?.cells.slice(0, 2)).toEqual(['广东(7)', '广州(5)']);
    // Municipalities print an empty 城市 column: it takes the 省份 name without the count.
    expect(rowWith('表3-3', '中关村创客小镇')?.cells.slice(0, 2)).toEqual(['北京 (2)', '北京']);
    expect(rowWith('表3-3', '中关村创客小镇')?.filled).toEqual([1]);
    expect(rowWith('表3-3', '嘉定区蓝天经济城区区块链集聚区')?.cells.slice(0, 2)).toEqual(['上海 (4)', '上海']);
    expect(rowWith('表3-3', '嘉定区蓝天经济城区区块链集聚区')?.filled).toEqual([0, 1]);
    expect(rowWith('表3-3', '重庆市数字经济(区块链)产业园')?.cells.slice(0, 2)).toEqual(['重庆(2)', '重庆']);
    expect(rowWith('表3-3', '“密码+区块链”孵化器 (CNBI)')?.cells[3]).toBe('2019 .04');
  });

  it('makes every printed group count of 表3-3 match the rows of its group', () => {
    const parks = table('表3-3').rows;
    for (const column of [0, 1]) {
      const groups = new Map<string, number>();
      for (const row of parks) groups.set(row.cells[column]!, (groups.get(row.cells[column]!) ?? 0) + 1);
      for (const [group, rows] of groups) {
        const printed = /[（(]\s*(\d+)\s*[）)]$/.exec(group);
        if (printed) expect([group, rows]).toEqual([group, Number(printed[1])]);
      }
    }
  });

  it('joins cells that wrap onto later lines into the row they continue', () => {
    const wrapped = report.tables.flatMap((entry) =>
      entry.rows.filter((row) => row.lineEnd > row.line).map((row) => `${entry.id}@${row.line}-${row.lineEnd}`),
    );
    expect(wrapped).toEqual([
      '表3-3@528-530',
      '表4-2@724-728',
      '表4-8@846-851',
      '表5-4@972-974',
      '表5-6@1007-1011',
      '表5-6@1017-1019',
      '表5-7@1040-1042',
      '表8-1@1317-1321',
    ]);
    // The export repeats '区' across the cell break, as it does across page breaks in prose.
    expect(rowWith('表3-3', '武汉区块链产业园和区块链孵化器')).toMatchObject({ line: 528, lineEnd: 530 });
    expect(table('表5-4').rows[0]!.cells[2]).toBe('《信息技术 区块链和分布式记账技术 智能合约实施规范》');
    expect(table('表5-7').rows[5]!.cells[2]).toBe('《银行信贷信息系统密码应用技术要求》');
    expect(table('表8-1').rows[14]!.cells[4]).toBe('基于 SYSWARE 构建以工业 APP 为核心的产品协同研发新模式');
    expect(rowWith('表4-2', '数据共享') && table('表4-2').rows[7]!.cells[2]).toContain('通过多方实时参与的数据授权和审批，打通政府部门');
    expect(table('表5-6').rows[1]!.cells[3]).toContain('对数据资产交易溯源,构建区块链分布式');
    expect(table('表5-6').rows[7]!.cells[3]).toMatch(/提供选择原则和参考依据，为监管机构提供合同追踪和审计。$/);
  });

  it('gives tables printed without a header (表4-8, 表4-9) the 表4-x case columns and keeps their first row', () => {
    expect(table('表4-1').columns).toEqual(CASE_COLUMNS);
    for (const id of ['表4-8', '表4-9']) expect(table(id).columns).toEqual(CASE_COLUMNS);
    expect(table('表4-8').rows[0]).toMatchObject({ line: 846, lineEnd: 851 });
    expect(table('表4-8').rows[0]!.cells.slice(0, 2)).toEqual(['社区服务', '2020-1']);
    expect(table('表4-8').rows[0]!.cells[2]).toContain('以增量运营、数据中台');
    expect(table('表4-9').rows.map((row) => row.cells.slice(0, 2))).toEqual([
      ['公益慈善', '2020-5'],
      ['公益慈善', '2020-6'],
    ]);
  });

  // The printed regions add up to 1308 and their percentages are shares of 1308 (354 / 1308 =
  // 27.06%), while the printed total says 1309: a discrepancy of the report, kept as printed.
  it('unfolds the two-region 表6-1 into 31 regions plus the printed total row', () => {
    const regions = table('表6-1');
    expect(regions.columns).toEqual(['地域', '数量（家）', '比例']);
    expect(regions.rows).toHaveLength(32);
    const total = regions.rows.at(-1)!;
    expect(total).toMatchObject({ cells: ['总计', '1309', '100%'], line: 1153 });
    const provinces = regions.rows.slice(0, -1);
    expect(new Set(provinces.map((row) => row.cells[0])).size).toBe(31);
    const sum = provinces.reduce((total, row) => total + Number(row.cells[1]), 0);
    expect(sum).toBe(1308);
    for (const row of provinces) expect(row.cells[2]).toBe(`${((Number(row.cells[1]) / sum) * 100).toFixed(2)}%`);
    expect(provinces.slice(0, 2).map((row) => row.cells)).toEqual([
      ['广东', '354', '27.06%'],
      ['北京', '342', '26.15%'],
    ]);
    expect(rowWith('表6-1', '河南')).toMatchObject({ cells: ['河南', '4', '0.31%'], line: 1138 });
  });

  it('keeps each row on its source lines inside the table block', () => {
    for (const entry of report.tables) {
      for (const row of entry.rows) {
        expect(row.line).toBeGreaterThan(entry.line);
        expect(row.lineEnd).toBeLessThanOrEqual(entry.lineEnd);
        expect(report.lines[row.line - 1]).toContain('\t');
        const first = row.cells.find((cell, column) => cell !== '' && !row.filled.includes(column))!;
        expect(report.lines[row.line - 1]).toContain(first.slice(0, 4));
      }
    }
  });

  it('takes each table data source from the 数据来源 line after it', () => {
    expect(report.tables.filter((entry) => entry.dataSource !== '数据来源：赛迪区块链研究院整理')).toEqual([]);
  });
});
