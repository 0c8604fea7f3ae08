import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;

describe('follow-up answers: periods compared', () => {
  it('compares with the year before by the growth the figure\'s sentence states when that year\'s figure is not given', async () => {
    const answer = await ask('2019年新注册的企业拿到融资的有多少家', '和上一年相比呢');
    expect(answer.answer).toContain('87.50%');
    expect(answer.answer).not.toContain('无法比较');
  });

  it('quotes the growth the report states beside two periods compared, not only their difference', async () => {
    const answer = await ask('今年上半年有投入产出的区块链企业多少家', '和2019年对比一下呢');
    expect(answer.answer).toContain('81');
    expect(answer.answer).toContain('274.07%');
  });
});

describe('follow-up answers: the things a count named only in part', () => {
  it('lists every thing counted when asked what they are after a count that named the first few', async () => {
    const answer = await ask('工信部出过几个政策', '它们都叫啥');
    expect(answer.answer).toContain('关于工业大数据发展的指导意见');
    expect(answer.answer).toContain('关于深入推进移动物联网全面发展的通知');
  });

  it('goes on to the next place of a ranking when asked 其次', async () => {
    expect((await ask('哪个省的区块链企业最多', '其次是哪个省')).answer).toContain('北京');
  });
});
