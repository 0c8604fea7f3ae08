import { describe, expect, it } from 'vitest';
import { answered, missing, type Source } from './claims';
import { composeAnswer } from './compose-answer';

// Rows of 表6-1 as they are cited (chunk ids, quotes and lines of the real report).
const row = (chunkId: string, quote: string, line: number): Source => ({ chunkId, quote, line, section: '六、（二）企业分布阶梯化明显',
  source: '表6-1 我国区块链企业各地区分布数量及比例' });
const guangdong = row('t6-1#r1', '广东 354 27.06%', 1138);
const beijing = row('t6-1#r2', '北京 342 26.15%', 1139);
const period: Source = { chunkId: 's6.2#1', quote: '截止到 2020 年 6 月，全国经工商部门登记注册的区块链相关企业共四万余家', line: 1124, section: '六、（二）企业分布阶梯化明显' };

describe('composeAnswer', () => {
  it('numbers citations by first appearance and puts each marker at the end of its clause', () => {
    const answer = composeAnswer([
      answered([{ text: '截至2020年6月', sources: [period], end: '，' }, { text: '北京有342家', sources: [beijing], end: '；' }]),
      answered([{ text: '广东有354家', sources: [guangdong] }, { text: '北京比广东少', sources: [beijing, guangdong] }]),
    ], { question: '北京和广东各有多少家' });
    expect(answer?.answer).toBe('截至2020年6月[1]，北京有342家[2]；广东有354家[3]。北京比广东少[2][3]。');
    expect(answer?.citations.map((c) => c.chunkId)).toEqual(['s6.2#1', 't6-1#r2', 't6-1#r1']);
  });

  it('drops a clause stating a number no cited passage states, and sends the rest', () => {
    const answer = composeAnswer([answered([{ text: '广东有354家', sources: [guangdong] }, { text: '北京有355家', sources: [beijing] }])], { question: '' });
    expect(answer?.answer).toBe('广东有354家[1]。');
    expect(answer?.answer).not.toContain('355');
  });

  it('sends a computed number only when the clause declares it derived', () => {
    const claim = (derived?: string[]) => [answered([{ text: '广东354家，北京342家', sources: [guangdong, beijing], end: '；' },
      { text: '广东比北京多12家（354−342=12）', sources: [], derived }])];
    expect(composeAnswer(claim(), { question: '' })?.answer).not.toContain('12家');
    expect(composeAnswer(claim(['12']), { question: '' })?.answer).toContain('多12家（354−342=12）');
  });

  it('says plainly when a part is not in the report: grounded false, no invented figure', () => {
    const answer = composeAnswer([missing([{ text: '报告中没有提到深圳的企业数量', sources: [] }])], { question: '深圳有多少家' });
    expect(answer).toMatchObject({ grounded: false, answer: '报告中没有提到深圳的企业数量。', citations: [] });
  });

  it('keeps one quote of a sentence that two parts cite, the one that goes on further, whatever scope note closes the shorter', () => {
    const newFirms: Source = { chunkId: 's2.1#1', quote: '浙江省和山东省并列第三，均有 27 家区块链企业，占全国的 8.91%', line: 331, section: '二、（一）区块链产业链条更加完善，产业规模稳步增长' };
    const answer = composeAnswer([
      answered([{ text: '浙江省和山东省并列第三，均有27家区块链企业（指新成立的企业）', sources: [newFirms] }]),
      answered([{ text: '浙江省和山东省并列第三，均有27家区块链企业，占全国的8.91%（指新成立企业的占比）', sources: [newFirms] }]),
    ], { question: '浙江新冒出来几家，占全国多少' });
    expect(answer?.answer).toBe('浙江省和山东省并列第三，均有27家区块链企业，占全国的8.91%（指新成立企业的占比）[1]。');
  });
});
