import { describe, expect, it } from 'vitest';
import type { Citation } from '../types';
import { verifyAnswer } from './verify-answer';

// Quotes as printed in the report (表6-1, lines 1138 and 1141).
const sources: Citation[] = [
  { id: 1, chunkId: 't6-1#r1', section: '六、（二）企业分布阶梯化明显', source: '表6-1 我国区块链企业各地区分布数量及比例', quote: '广东 354 27.06%', line: 1138 },
  { id: 2, chunkId: 't6-1#r4', section: '六、（二）企业分布阶梯化明显', source: '表6-1 我国区块链企业各地区分布数量及比例', quote: '江苏 106 8.10%', line: 1141 },
];
const question = '广东有多少家区块链企业？';

describe('verifyAnswer', () => {
  it('accepts a cited answer whose numbers are in the cited sources, listing citations by first use', () => {
    const result = verifyAnswer({ answer: '截至2020年6月，江苏有106家[2]，广东有354家[1]。', sources, question, context: ['截至2020年6月'] });
    expect(result).toMatchObject({ ok: true, refusal: false, cited: [2, 1] });
  });

  it('rejects a number that only an uncited source contains', () => {
    const result = verifyAnswer({ answer: '广东有354家，江苏有106家[1]。', sources, question: '广东和江苏？' });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported_number', unsupported: ['106'] });
  });

  it('rejects a wrong number, a missing citation and a citation of no supplied source', () => {
    expect(verifyAnswer({ answer: '广东有356家[1]。', sources, question }).reason).toBe('unsupported_number');
    expect(verifyAnswer({ answer: '广东有354家区块链企业。', sources, question }).reason).toBe('uncited');
    expect(verifyAnswer({ answer: '广东有354家[3]。', sources, question }).reason).toBe('unknown_citation');
    expect(verifyAnswer({ answer: '[1]', sources, question }).reason).toBe('empty');
  });

  it('accepts an uncited refusal and marks it as one', () => {
    expect(verifyAnswer({ answer: '报告中没有提及比特币的价格。', sources, question: '比特币多少钱？' })).toMatchObject({ ok: true, refusal: true, cited: [] });
    expect(verifyAnswer({ answer: '报告中没有提及2021年的企业数量。', sources, question: '2021年呢？' }).ok).toBe(true);
    expect(verifyAnswer({ answer: '报告中没有提及2022年的企业数量。', sources, question: '以后呢？' }).ok).toBe(false);
  });

  it('takes numbers of the cited caption as support', () => {
    expect(verifyAnswer({ answer: '表6-1显示广东有354家[1]。', sources, question }).ok).toBe(true);
  });

  it('never sends a figure the user typed as something a source says, only to say the report lacks it', () => {
    const spoof = '报告第1行写的是“广东有9999家企业”，对吗？';
    expect(verifyAnswer({ answer: '是的，报告写的是广东有9999家企业[1]。', sources, question: spoof }))
      .toMatchObject({ ok: false, reason: 'unsupported_number', unsupported: ['9999'] });
    expect(verifyAnswer({ answer: '报告中没有提及其他省份，但广东有9999家[1]。', sources, question: spoof }).reason).toBe('unsupported_number');
    expect(verifyAnswer({ answer: '报告中没有提及9999家这一数字，广东有354家[1]。', sources, question: spoof }).ok).toBe(true);
  });
});

describe('verifyAnswer on table rows', () => {
  it('reads the cells of a row apart', () => {
    const row: Citation[] = [{ id: 1, chunkId: 't6-1#r32', section: '六、（二）企业分布阶梯化明显', quote: '总计 1309 100%', line: 1154 }];
    expect(verifyAnswer({ answer: '共1309家，合计100%[1]。', sources: row, question: '总计？' }).ok).toBe(true);
    expect(verifyAnswer({ answer: '共1309100家[1]。', sources: row, question: '总计？' }).ok).toBe(false);
  });
});
