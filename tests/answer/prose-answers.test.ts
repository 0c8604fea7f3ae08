import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;
const lines = (answer: Answer) => answer.citations.map((c) => c.line);

describe('prose answers: explanations, definitions, lists', () => {
  it('explains what a thing does with the sentence that says so, read on through its 一是/二是/三是', async () => {
    const answer = await ask('抗疫的时候区块链起了啥作用');
    expect(answer.grounded).toBe(true);
    for (const item of ['响应速度', '保护患者隐私', '定位感染者']) expect(answer.answer).toContain(item);
    expect(lines(answer)).toContain(790);
  });

  it('prefers the sentence that says what a thing does over one that only names it (有助于, 能够)', async () => {
    expect((await ask('区块链对智慧城市有什么好处')).answer).toContain('数据孤岛');
    expect((await ask('产业园区对区块链企业有啥用')).answer).toContain('重要载体');
  });

  it('defines a term asked as 啥叫X with the report\'s own 「X就是…」 sentence', async () => {
    const answer = await ask('啥叫跨链啊');
    expect(answer.answer).toContain('跨链技术就是实现区块链联盟链价值网络的关键');
  });
});
