import { describe, expect, it } from 'vitest';
import { classifyLines, cleanText, matchCaption } from './classify-lines';
import { matchFrontMatter, matchHeading, parseChineseNumeral } from './match-heading';

// Lines copied from the report.
describe('matchHeading', () => {
  it('reads every numbering style with either kind of parentheses', () => {
    expect(matchHeading('一、我国区块链政策环境现状')).toEqual({ style: 'chapter', value: 1, number: '一、', title: '我国区块链政策环境现状' });
    expect(matchHeading('(六) 交通出行建设迅速发展')).toMatchObject({ style: 'section', value: 6, number: '（六）' });
    expect(matchHeading('（一）金融领域应用更加成熟')).toMatchObject({ style: 'section', value: 1, title: '金融领域应用更加成熟' });
    expect(matchHeading('2. 区块链隐私保护技术创新')).toMatchObject({ style: 'dot', value: 2, number: '2.' });
    expect(matchHeading('（1）系统密码模块安全测评标准')).toMatchObject({ style: 'paren', value: 1, number: '(1)' });
    expect(matchHeading(cleanText('## **（二）各省市数字经济和“新基建”政策加速落地，孕育区块链新机遇**'))).toMatchObject({ value: 2 });
  });

  it('rejects prose and table rows that start with a number', () => {
    expect(matchHeading('一是企业核心技术持续迭代升级。根据赛迪区块链研究院的统计')).toBeNull();
    expect(matchHeading('1\tGB/T 17901.1-2020\t《信息技术 安全技术 密钥管理 第 1 部分：框架》\t2020-04')).toBeNull();
    expect(matchHeading('2020 年以来，多地印发了区块链专项扶持政策，探索区块链产业发展路径。')).toBeNull();
    expect(matchHeading('1.5 亿元的规模')).toBeNull();
  });

  it('parses Chinese numerals up to 99', () => {
    expect(['一', '八', '十', '十二', '二十', '九十九', '一一', ''].map(parseChineseNumeral)).toEqual([1, 8, 10, 12, 20, 99, null, null]);
  });

  it('recognises front-matter headings by their words', () => {
    expect(['前 言', '目 录', '《2020 年中国区块链发展现状与展望（上半年）》编写委员会', '顾问：朱晔罡'].map(matchFrontMatter)).toEqual([
      'preface',
      'toc',
      'committee',
      null,
    ]);
  });
});

describe('classifyLines', () => {
  it('tells table of contents entries, captions, sources, rules and tabbed rows apart', () => {
    const kinds = classifyLines([
      '一、我国区块链政策环境现状.....\t1',
      '(三) 区块链应用更加成熟，与实体经济深度融合..... 79',
      '表 6-1 我国区块链企业各地区分布数量及比例',
      '图 2-3 2020 年上半年我国区块链企业地区分布数量及比例',
      '数据来源：赛迪区块链研究院整理',
      '------\t--------\t-------------------------------',
      '地域\t数量（家）\t比例',
      ' ',
      '如表 2-2 所示。',
    ]).map((line) => line.kind);
    expect(kinds).toEqual(['toc-entry', 'toc-entry', 'table-caption', 'figure-caption', 'data-source', 'separator', 'tabbed', 'blank', 'text']);
    expect(matchCaption('表 3-3 我国区块链产业园建设情况', '表')).toEqual({ id: '表3-3', caption: '我国区块链产业园建设情况' });
    expect(matchCaption('图 2-14 我国城市区块链产业园分布情况', '图')?.id).toBe('图2-14');
  });
});
