import { describe, expect, it } from 'vitest';
import { checkNumbers, numbersIn } from './number-guard';

describe('checkNumbers (the number guard)', () => {
  it('rejects a number no supporting text contains, and accepts cited, questioned and derived ones', () => {
    expect(checkNumbers('广东有 999 家[1]。', ['广东 354 27.06%'])).toEqual({ ok: false, unsupported: ['999'] });
    expect(checkNumbers('广东有 354 家[1]。', ['广东 354 27.06%']).ok).toBe(true);
    expect(checkNumbers('相差 12 家。', ['广东 354', '北京 342'], ['12']).ok).toBe(true);
    expect(checkNumbers('一共 2 家。', ['2020 年'], []).ok).toBe(false);
  });

  it('ignores citation markers and list numbering', () => {
    expect(numbersIn('1. 广东 354 家[1]\n2. 北京 342 家[2]')).toEqual(['354', '342']);
  });
});
