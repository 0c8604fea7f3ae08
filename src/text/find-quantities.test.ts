import { describe, expect, it } from 'vitest';
import { chineseNumber } from './chinese-number';
import { findPeriods, periodsOverlap } from './find-periods';
import { findQuantities } from './find-quantities';

const only = (text: string) => {
  const found = findQuantities(text);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('findQuantities', () => {
  it('keeps the wording of approximate and Chinese-numeral figures and gives them a value', () => {
    expect(only('区块链相关企业四万余家')).toMatchObject({ text: '四万余家', value: 40000, unit: '家', qualifier: '余' });
    expect(only('先后推出近 120 条政策')).toMatchObject({ text: '近 120 条', value: 120, unit: '条', qualifier: '近' });
    expect(only('在工商备案的区块链企业八千余家')).toMatchObject({ value: 8000, unit: '家', qualifier: '余' });
    expect(only('5G 基站超过 40 万个')).toMatchObject({ text: '超过 40 万个', value: 400000, unit: '个', qualifier: '超过' });
    expect(only('全市 50 多个委办局')).toMatchObject({ value: 50, qualifier: '多' });
  });

  it('gives an order of magnitude without a value (数千万人民币) a null value and its qualifier', () => {
    expect(only('数千万人民币')).toMatchObject({ value: null, unit: '万人民币', kind: 'money', qualifier: '数' });
  });

  it('reads money with its printed magnitude, shares, and year-month dates', () => {
    expect(only('规模达到了 17.15 亿元')).toMatchObject({ value: 17.15, unit: '亿元', kind: 'money' });
    expect(only('1675 万美元')).toMatchObject({ value: 1675, unit: '万美元', kind: 'money' });
    expect(only('同比增长 246.46%')).toMatchObject({ value: 246.46, unit: '%', kind: 'percent' });
    expect(only('二零二零年十月')).toMatchObject({ value: 2020.1, unit: '年月', kind: 'date' });
    expect(only('2019 年 6 月 6 日')).toMatchObject({ value: 2019.0606, unit: '年月日' });
  });

  it('does not read ordinals, model numbers or headings as quantities', () => {
    expect(findQuantities('第十八次集体学习')).toEqual([]);
    expect(findQuantities('智慧菜场 3.0 项目')).toEqual([]);
    expect(findQuantities('第 1 部分：框架')).toEqual([]);
  });
});

describe('chineseNumber', () => {
  it('reads positional and digit-by-digit numerals', () => {
    expect(chineseNumber('一百二十')).toBe(120);
    expect(chineseNumber('十八')).toBe(18);
    expect(chineseNumber('四万')).toBe(40000);
    expect(chineseNumber('二零二零')).toBe(2020);
    expect(chineseNumber('abc')).toBeNull();
  });
});

describe('findPeriods', () => {
  const label = (text: string) => findPeriods(text, { relative: true }).map((p) => [p.label, p.from, p.to]);

  it('labels periods as the report states them, with the months they cover', () => {
    expect(label('截止到 2020 年 6 月底，')).toEqual([['截至2020年6月底', 202006, 202006]]);
    expect(label('2020 上半年新增')).toEqual([['2020年上半年', 202001, 202006]]);
    expect(label('2017 年至 2020 上半年新增')).toEqual([['2017年至2020年上半年', 201701, 202006]]);
    expect(label('2020 年 1-6 月份新增')).toEqual([['2020年1-6月份', 202001, 202006]]);
    expect(label('2019年')).toEqual([['2019年', 201901, 201912]]);
  });

  it('reads 上半年, 今年 and 截至6月底 in questions as the report year 2020', () => {
    expect(label('上半年')).toEqual([['上半年', 202001, 202006]]);
    expect(label('截止6月底')).toEqual([['截至6月底', 202006, 202006]]);
    expect(label('今年')).toEqual([['今年', 202001, 202012]]);
  });

  it('reads a span of months of this or last year in questions as one period (今年1到6月, 去年三至五月)', () => {
    expect(label('今年1到6月又多了几项')).toEqual([['今年1到6月', 202001, 202006]]);
    expect(label('去年三至五月份')).toEqual([['去年三至五月份', 201903, 201905]]);
    expect(findPeriods('今年1到6月')).toEqual([]);
  });

  it('reads quarters, months of this or last year and a whole year in questions as spans named precisely', () => {
    const exact = (text: string) => findPeriods(text, { relative: true }).map((p) => [p.label, p.from, p.to, p.exact ?? false]);
    expect(exact('去年第三季度增长了多少')).toEqual([['去年第三季度', 201907, 201909, true]]);
    expect(exact('2020年Q2有几家')).toEqual([['2020年Q2', 202004, 202006, true]]);
    expect(exact('今年8月份新成立')).toEqual([['今年8月份', 202008, 202008, true]]);
    expect(exact('2019年全年的规模')).toEqual([['2019年全年', 201901, 201912, true]]);
    // A bare year or half-year asked of this report is not precise: its figures are of the half-year.
    expect(exact('2020年的规模')).toEqual([['2020年', 202001, 202012, false]]);
    expect(exact('上半年')).toEqual([['上半年', 202001, 202006, false]]);
    // In report text a quarter of 今年 is a forecast's date, not a period (and nothing there is marked precise).
    expect(findPeriods('预计今年四季度可以实现')).toEqual([]);
    expect(findPeriods('超过 2019 年全年的政策数量')[0].exact).toBeUndefined();
  });

  it('skips years inside policy titles and relative years in report text', () => {
    expect(findPeriods('《北京市区块链创新发展行动计划（2020—2022 年）》')).toEqual([]);
    expect(findPeriods('较去年同期相比')).toEqual([]);
  });

  it('tells overlapping periods from disjoint ones', () => {
    const [year] = findPeriods('2019年');
    const [stock] = findPeriods('截至2020年6月');
    const [half] = findPeriods('2020年上半年');
    expect(periodsOverlap(year, stock)).toBe(false);
    expect(periodsOverlap(half, stock)).toBe(true);
  });
});
