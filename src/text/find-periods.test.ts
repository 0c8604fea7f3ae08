import { describe, expect, it } from 'vitest';
import { findPeriods } from './find-periods';

describe('findPeriods: a month\'s end without a year', () => {
  it('reads 到6月底/六月末 in a question as that month of the report\'s year', () => {
    expect(findPeriods('到6月底几个省市', { relative: true }).map((p) => [p.text, p.from, p.to])).toEqual([['6月底', 202006, 202006]]);
    expect(findPeriods('到六月末有多少家', { relative: true }).map((p) => p.from)).toEqual([202006]);
  });

  it('leaves the report\'s own text and dated months as they were', () => {
    expect(findPeriods('到6月底')).toEqual([]);
    expect(findPeriods('截至2020年6月底', { relative: true }).map((p) => p.label)).toEqual(['截至2020年6月底']);
    expect(findPeriods('2020年1-6月底', { relative: true }).map((p) => p.label)).toEqual(['2020年1-6月']);
  });
});
