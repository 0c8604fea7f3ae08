import { describe, expect, it } from 'vitest';
import type { AnswerFact } from '../types';
import { chartableFacts } from './render-facts';

describe('chartableFacts', () => {
  const fact = (subject: string, value: number | string | null, metric = '数量（家）', unit = '家'): AnswerFact =>
    ({ source: '表6-1', subject, metric, value, unit, period: '截至2020年6月' });

  it('picks the largest group of numbers sharing metric and unit, in the order given', () => {
    const facts = [fact('广东', 354), fact('广东', 27.06, '比例', '%'), fact('北京', 342), fact('上海', 125), fact('江苏', '一百余')];
    expect(chartableFacts(facts).map((f) => f.subject)).toEqual(['广东', '北京', '上海']);
  });

  it('returns fewer than three when there is nothing to compare', () => {
    expect(chartableFacts([fact('广东', 354), fact('北京', null)])).toHaveLength(1);
  });
});
