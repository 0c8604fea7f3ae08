import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport } from './load-report';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const report = loadReport(corpus);
const figure = (id: string) => report.figures.find((entry) => entry.id === id)!;
const labelledBy = (id: string) =>
  report.paragraphs.filter((paragraph) => paragraph.figures.some((label) => label.replace(/\s+/g, '').startsWith(id)));

describe('parseFigures on the report', () => {
  it('reads every figure caption with its printed id, in order', () => {
    const range = (chapter: number, count: number) => Array.from({ length: count }, (_, index) => `图${chapter}-${index + 1}`);
    expect(report.figures.map((entry) => entry.id)).toEqual([
      ...range(1, 3),
      ...range(2, 14),
      ...range(3, 2),
      ...range(4, 4),
      ...range(5, 7),
      ...range(6, 4),
    ]);
    expect(figure('图2-3')).toMatchObject({ caption: '2020 年上半年我国区块链企业地区分布数量及比例', sectionId: '2.1', line: 337 });
    expect(figure('图4-1')).toMatchObject({ caption: '区块链应用落地领域分布', sectionId: '4', line: 661 });
  });

  it('takes each figure data source from the 数据来源 line above its caption', () => {
    expect(report.figures.filter((entry) => !entry.dataSource)).toEqual([]);
    expect(figure('图3-1').dataSource).toBe('数据来源：国家知识产权局专利检索');
    expect(figure('图1-1').dataSource).toBe('数据来源：赛迪区块链研究院整理');
    // 表5-1 and 图5-1 each get one of the two consecutive 数据来源 lines (907, 911).
    expect(figure('图5-1').dataSource).toBeDefined();
    expect(report.tables.find((table) => table.id === '表5-1')?.dataSource).toBeDefined();
  });

  it('stores the industry map printed as tab-separated text as the text of 图2-2', () => {
    const map = figure('图2-2');
    expect(map).toMatchObject({ caption: '区块链产业图谱', line: 327, sectionId: '2.1' });
    const lines = map.text!.split('\n');
    expect(lines[0]).toBe('底层技术及基础设施层');
    expect(lines).toContain('垂直行业应用层');
    expect(lines).toContain('金融 房地产 贝壳找房 绿地集团 普特链 安居客');
    expect(lines.at(-1)).toBe('媒体社区 巴比特 链闻财经 挖链网 火星财经 金色财经');
    // Lines 282–323 of the corpus hold 36 printed lines of the map.
    expect(lines).toHaveLength(36);
    expect(report.figures.filter((entry) => entry.text !== undefined).map((entry) => entry.id)).toEqual(['图2-2']);
    expect(report.tables.some((table) => table.caption.includes('产业图谱'))).toBe(false);
  });

  it('labels the paragraph that mentions a figure, else the paragraph before it', () => {
    expect(labelledBy('图1-1').map((paragraph) => paragraph.lineStart)).toEqual([146]);
    expect(labelledBy('图1-1')[0]!.figures).toEqual(['图 1-1 2015-2020 上半年国家及各部委区块链相关政策数量']);
    // '…详见图2-3。' is written without a space.
    expect(labelledBy('图2-3').map((paragraph) => paragraph.lineStart)).toEqual([329]);
    // 图 2-14 is mentioned just after its caption.
    expect(labelledBy('图2-14').map((paragraph) => paragraph.lineStart)).toEqual([491]);
    // 图 2-6 … 2-10 are never mentioned: they label the paragraph printed before them.
    expect(report.paragraphs.find((paragraph) => paragraph.lineStart === 387)!.figures.map((label) => label.slice(0, 6))).toEqual([
      '图 2-6 ',
      '图 2-7 ',
      '图 2-8 ',
      '图 2-9 ',
      '图 2-10',
    ]);
  });

  it('gives every figure exactly one labelled paragraph in its own chapter', () => {
    for (const entry of report.figures) {
      const labelled = report.paragraphs.filter((paragraph) => paragraph.figures.includes(report.lines[entry.line - 1]!.trim()));
      expect(labelled).toHaveLength(1);
      expect(labelled[0]!.sectionId.split('.')[0]).toBe(entry.sectionId.split('.')[0]);
    }
    expect(report.paragraphs.reduce((count, paragraph) => count + paragraph.figures.length, 0)).toBe(report.figures.length);
  });
});
