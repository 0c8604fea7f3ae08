import { describe, expect, it } from 'vitest';
import { boundText } from './bound-text';

describe('boundText', () => {
  it('leaves an ordinary question unchanged', () => {
    expect(boundText('广东有多少家区块链企业？', 200)).toBe('广东有多少家区块链企业？');
  });

  it('drops invisible and control characters and collapses whitespace and repeats, but never digits', () => {
    expect(boundText('\u200B广东\u202E有多少家\u0007企业？？？？？？  啊啊啊啊啊 \n\n  2000000 家', 200))
      .toBe('广东有多少家 企业？？？ 啊啊啊\n2000000 家');
  });

  it('keeps at most maxChars code points: head and tail around 「…」', () => {
    const long = `关于表6-1，${'很长的铺垫'.repeat(100)}广东有多少家区块链企业？`;
    const bounded = boundText(long, 40);
    expect(Array.from(bounded)).toHaveLength(40);
    expect(bounded.startsWith('关于表6-1，')).toBe(true);
    expect(bounded.endsWith('广东有多少家区块链企业？')).toBe(true);
    expect(bounded).toContain('…');
    expect(Array.from(boundText('𠀀𠀁'.repeat(25), 21))).toHaveLength(21);
  });
});
