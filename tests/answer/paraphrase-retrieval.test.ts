import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;

describe('paraphrases find the sentence that answers', () => {
  it('covers a subject named by one of its forms with a sentence naming it by another, and a place asked with a sentence naming one', async () => {
    const pilots = await ask('法定数字货币先在哪几个地方试点');
    expect(pilots.answer).toMatch(/深圳/);
    expect(pilots.answer).toMatch(/雄安/);
    const institutes = await ask('搞区块链研究的机构主要扎堆在哪些城市');
    expect(institutes.answer).toContain('贵阳');
  });

  it("reads a field named beside one place as which of the place's things are meant", async () => {
    const answer = await ask('做区块链金融的企业里北京占多大比重');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('13%');
    expect(answer.answer).not.toContain('79.72%');
  });

  it('quotes what a colon announces whole, and cites the line after a page break the quote runs on', async () => {
    const answer = await ask('链企主要分布在哪几大聚集区');
    expect(answer.answer).toContain('湘黔渝聚集区');
    expect(answer.citations.map((c) => c.line)).toContain(385);
  });

  it('asks a quantity after an explanation of the thing explained', async () => {
    const answer = await ask('区块链放到法院司法里能干嘛', '那真正落地了多少');
    expect(answer.answer).toContain('18');
    expect(answer.answer).not.toContain('146');
  });

  it('knows everyday names of an application field (看病 for 医疗健康)', async () => {
    const answer = await ask('区块链用到看病就医上，上半年落地了几个项目');
    expect(answer.answer).toMatch(/医疗健康/);
    expect(answer.answer).not.toContain('146');
  });
});
