import { describe, expect, it } from 'vitest';
import { checkNumbers, numbersIn } from './number-guard';

describe('checkNumbers (the number guard)', () => {
  it('rejects a number no supporting text contains, and accepts cited, questioned and derived ones', () => {
    expect(checkNumbers('广东有 999 家[1]。', ['广东 354 27.06%'])).toEqual({ ok: false, unsupported: ['999'] });
    expect(checkNumbers('广东有 354 家[1]。', ['广东 354 27.06%']).ok).toBe(true);
    expect(checkNumbers('相差 12 家。', ['广东 354', '北京 342'], ['12']).ok).toBe(true);
    expect(checkNumbers('一共 2 家。', ['2020 年'], []).ok).toBe(false);
  });

  it("reads a dotted date's year and month as stated (2018.04 → 2018年, 4月), but never a bare number's parts", () => {
    expect(checkNumbers('最多的是2018年（17个）。', ['中关村创客小镇 2018.04'], ['17']).ok).toBe(true);
    expect(checkNumbers('2020年3月发布。', ['2020.03.13']).ok).toBe(true);
    expect(checkNumbers('共 12 家。', ['2012.5']).ok).toBe(false);
    expect(checkNumbers('增长 27 个点。', ['27.06%']).ok).toBe(false);
  });

  it('ignores citation markers and list numbering', () => {
    expect(numbersIn('1. 广东 354 家[1]\n2. 北京 342 家[2]')).toEqual(['354', '342']);
  });
});
