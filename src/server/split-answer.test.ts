import { describe, expect, it } from 'vitest';
import { splitAnswer } from './split-answer';

describe('splitAnswer', () => {
  const answer = '截至2020年6月，广东省有354家区块链企业，占全国的27.06%[1]。江苏省有106家[2][3]。';

  it('reassembles exactly into the answer', () => {
    expect(splitAnswer(answer).join('')).toBe(answer);
  });

  it('ends pieces after clause marks and keeps citation markers whole', () => {
    const pieces = splitAnswer(answer);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces).toContain('占全国的27.06%[1]。');
    for (const piece of pieces) expect(piece).not.toMatch(/\[\d*$|^\d*\]/);
  });

  it('cuts long clauses without splitting numbers or markers', () => {
    const long = '区块链产业规模达到了17.15亿元与2019年上半年的4.95亿元相比同比增长246.46%[12]';
    const pieces = splitAnswer(long, 8);
    expect(pieces.join('')).toBe(long);
    expect(pieces.every((p) => [...p].length <= 20)).toBe(true);
    expect(pieces.some((p) => p.includes('246.46%[12]'))).toBe(true);
    for (const number of ['17.15', '2019', '4.95', '246.46']) expect(pieces.some((p) => p.includes(number))).toBe(true);
  });

  it('gives no pieces for an empty answer and keeps emoji whole', () => {
    expect(splitAnswer('')).toEqual([]);
    expect(splitAnswer('好😀'.repeat(10), 3).every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});
