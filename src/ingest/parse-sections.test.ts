import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyLines } from './classify-lines';
import { loadReport } from './load-report';
import { parseSections } from './parse-sections';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const report = loadReport(corpus);
const byId = new Map(report.sections.map((section) => [section.id, section]));
const childTitles = (parentId: string) =>
  report.sections.filter((section) => section.parentId === parentId).map((section) => section.title);

describe('parseSections on the report', () => {
  it('finds the eight chapters with their titles, numbered 1..8', () => {
    const chapters = report.sections.filter((section) => section.kind === 'chapter');
    expect(chapters.map((chapter) => [chapter.id, chapter.heading, chapter.level])).toEqual([
      ['1', '一、我国区块链政策环境现状', 1],
      ['2', '二、我国区块链产业发展现状', 1],
      ['3', '三、区块链技术发展现状', 1],
      ['4', '四、区块链行业融合应用现状', 1],
      ['5', '五、区块链相关标准及规范建设现状', 1],
      ['6', '六、区块链企业发展现状', 1],
      ['7', '七、2020 年下半年区块链发展新形势', 1],
      ['8', '八、2020 年下半年区块链发展趋势展望', 1],
    ]);
  });

  it('finds every （一）… section of each chapter whatever its parentheses, bold or # count', () => {
    expect(childTitles('1')).toEqual([
      '各部委积极发布相关政策加快区块链应用推广',
      '各省市数字经济和“新基建”政策加速落地，孕育区块链新机遇',
      '重点省市区块链产业竞争越发激烈',
      '区块链行业监管持续发力',
    ]);
    expect(childTitles('2')).toEqual([
      '区块链产业链条更加完善，产业规模稳步增长',
      '区域聚集优势逐渐显现，城市产业发展各具特点',
      '资本投资趋于理性，覆盖范围逐步扩大',
      '产业园区发展逐渐成熟，竞争力不断增强',
    ]);
    expect(childTitles('3')).toEqual([
      '区块链核心技术创新趋向多元化',
      '区块链专利公开量持续平稳增长',
      '区块链与新兴技术不断融合创新',
    ]);
    expect(childTitles('4')).toEqual([
      '金融领域应用更加成熟',
      '政务服务应用不断落地',
      '司法领域应用加快推进',
      '医疗健康领域深入布局',
      '产品溯源领域成效显著',
      '交通出行建设迅速发展',
      '社区服务应用日趋广泛',
      '公益慈善领域展开行动',
    ]);
    expect(childTitles('5')).toEqual([
      '我国在国际标准中话语权逐渐提高',
      '密码算法及电子签名标准不断更新',
      '区块链底层框架及技术应用标准积极展开研制',
      '测评检测及认证标准更加完善',
    ]);
    expect(childTitles('6')).toEqual(['企业数量快速增加', '企业分布阶梯化明显', '初创企业融资难度增大', '企业核心竞争力不断增强']);
    expect(childTitles('7')).toEqual([
      '“新基建”为数字经济提供新动能',
      '数据成为数字经济发展的核心生产要素',
      '智慧城市发展进入新阶段',
      '央行数字货币将加速落地进程',
      '工业互联网、5G 等新技术加快布局',
    ]);
    expect(childTitles('8')).toEqual([
      '“新基建”背景下区块链基础设施建设加快',
      '区块链有望推动数据要素流通，赋能数字经济',
      '区块链应用更加成熟，与实体经济深度融合',
      '区块链与工业互联网等新技术融合趋势渐显',
      '区块链生态建设更加规范，监管体系进一步完善',
    ]);
  });

  it('gives sections ids chapter.n, level 2 and the normalised full-width number', () => {
    // Printed as '## **（二）…**', '#### （四）…', '（一）…' without '#', '### (一) …' half-width.
    expect(['1.2', '1.4', '4.1', '3.1'].map((id) => [byId.get(id)?.number, byId.get(id)?.level, byId.get(id)?.line])).toEqual([
      ['（二）', 2, 198],
      ['（四）', 2, 257],
      ['（一）', 2, 664],
      ['（一）', 2, 555],
    ]);
    expect(byId.get('4.1')?.heading).toBe('（一）金融领域应用更加成熟');
  });

  it('finds the numbered items of 3.1, 3.3, 5.3 and 5.4 at level 3', () => {
    const items = (parentId: string) =>
      report.sections.filter((section) => section.parentId === parentId).map((section) => [section.id, section.heading, section.level]);
    expect(items('3.1')).toEqual([
      ['3.1.1', '1. 区块链跨链技术创新', 3],
      ['3.1.2', '2. 区块链隐私保护技术创新', 3],
      ['3.1.3', '3. 区块链数据安全技术创新', 3],
    ]);
    expect(items('3.3')).toEqual([
      ['3.3.1', '1. 区块链与云计算助力复工复产', 3],
      ['3.3.2', '2. 区块链与物联网解决方案不断完善', 3],
      ['3.3.3', '3. 区块链与人工智能促进行业监管', 3],
      ['3.3.4', '4. 区块链与 5G 加快产业转型', 3],
    ]);
    expect(items('5.3')).toEqual([
      ['5.3.1', '(1)底层框架技术标准', 3],
      ['5.3.2', '(2)区块链应用标准', 3],
    ]);
    expect(items('5.4')).toEqual([
      ['5.4.1', '(1)系统密码模块安全测评标准', 3],
      ['5.4.2', '(2)区块链底层平台测试标准', 3],
    ]);
    expect(report.sections.filter((section) => section.kind === 'item')).toHaveLength(11);
  });

  it('records the heading path from the chapter down', () => {
    expect(byId.get('6.2')?.path).toEqual(['六、区块链企业发展现状', '（二）企业分布阶梯化明显']);
    expect(byId.get('5.3.1')?.path).toEqual([
      '五、区块链相关标准及规范建设现状',
      '（三）区块链底层框架及技术应用标准积极展开研制',
      '(1)底层框架技术标准',
    ]);
  });

  it('recognises the front matter before the first chapter', () => {
    const front = report.sections.filter((section) => section.level === 0);
    expect(front.map((section) => [section.id, section.kind, section.title, section.line])).toEqual([
      ['front', 'front', '2020 年中国区块链 发展现状与展望（上半年）', 3],
      ['preface', 'preface', '前言', 12],
      ['committee', 'committee', '《2020 年中国区块链发展现状与展望（上半年）》编写委员会', 18],
      ['toc', 'toc', '目录', 88],
    ]);
  });

  it('takes no heading from the table of contents, prose (一是…) or numbered table rows', () => {
    const numbered = report.sections.filter((section) => section.level > 0);
    expect(numbered.every((section) => section.line > byId.get('toc')!.line)).toBe(true);
    expect(numbered.filter((section) => section.line < byId.get('1')!.line)).toEqual([]);
    expect(numbered.filter((section) => /^[一二三四五六七八九]是/.test(section.title))).toEqual([]);
    const insideTable = numbered.filter((section) =>
      report.tables.some((table) => section.line >= table.line && section.line <= table.lineEnd),
    );
    expect(insideTable).toEqual([]);
    expect(report.sections).toHaveLength(4 + 8 + 37 + 11);
  });

  it('keeps ids unique and every section under an existing parent one level up', () => {
    expect(new Set(report.sections.map((section) => section.id)).size).toBe(report.sections.length);
    for (const section of report.sections) {
      const squash = (text: string) => text.replace(/\*\*|\s+/g, '');
      expect(squash(report.lines[section.line - 1]!)).toContain(squash(section.title));
      if (section.parentId === null) continue;
      expect(byId.get(section.parentId)?.level).toBe(section.level - 1);
      expect(section.path.slice(0, -1)).toEqual(byId.get(section.parentId)?.path);
    }
  });

  it('nests a (1) item under a 1. item at level 4 and returns to level 3 after it', () => {
    // Headings of the report rearranged: the report itself never nests items.
    const tree = parseSections(
      classifyLines([
        '## 一、区块链技术发展现状',
        '#### (一) 区块链核心技术创新趋向多元化',
        '##### 1. 区块链跨链技术创新',
        '#### (1) 底层框架技术标准',
        '## (2) 区块链应用标准',
        '## 2. 区块链隐私保护技术创新',
        '(1) 系统密码模块安全测评标准',
        '（二）区块链专利公开量持续平稳增长',
      ]),
    );
    expect(tree.sections.map((section) => [section.id, section.level, section.parentId])).toEqual([
      ['1', 1, null],
      ['1.1', 2, '1'],
      ['1.1.1', 3, '1.1'],
      ['1.1.1.1', 4, '1.1.1'],
      ['1.1.1.2', 4, '1.1.1'],
      ['1.1.2', 3, '1.1'],
      ['1.1.2.1', 4, '1.1.2'],
      ['1.2', 2, '1'],
    ]);
    expect(tree.sectionIdAt(6)).toBe('1.1.2');
  });
});
