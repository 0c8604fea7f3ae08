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

describe('follow-up answers: places stated in words and things walked through', () => {
  it('takes the k-th place from the clause of the quoted sentence that states it, and sets it against the first', async () => {
    const turns = ['上半年哪家公司的区块链发明专利排第一', '那排第二的呢'];
    const second = await ask(...turns);
    expect(second.answer).toContain('腾讯');
    expect(second.answer).toContain('872');
    expect((await ask(...turns, '这两家相差几件')).answer).toContain('585');
  });

  it('compares by date the two things the turns before asked about one at a time (哪个先发的)', async () => {
    const answer = await ask('贵州的区块链专项政策叫什么', '宁波的呢', '哪个发得早');
    expect(answer.answer).toContain('2020年5月');
    expect(answer.answer).toMatch(/贵州|宁波/);
  });

  it('ranks the places by the growth the report states after a forecast, without the forecast\'s words', async () => {
    const answer = await ask('上半年我国公开了多少区块链专利', '按这速度年底大概能有多少', '哪个省涨得最明显');
    expect(answer.answer).toContain('山东');
    expect(answer.answer).toContain('4 倍');
  });

  it('does not call a stated growth incomparable, and reads 基数 as the figure of the period', async () => {
    const turns = ['上半年具有投入产出的区块链企业多少家', '跟2019年比增幅多大'];
    const growth = await ask(...turns);
    expect(growth.answer).toContain('274.07%');
    expect(growth.answer).not.toContain('无法比较');
    expect((await ask(...turns, '2019年的基数呢')).answer).toContain('81');
  });
});

describe('follow-up answers: within the rows listed before', () => {
  it('answers whether a row of the list is of a place by the listed rows whose names hold it (其中有…的吗)', async () => {
    const turns = ['工业互联网那张表里2018年的项目有多少个', '其中有重庆的公司吗'];
    expect((await ask(...turns)).answer).toContain('重庆易保全网络科技有限公司');
    expect((await ask(...turns, '它用的啥平台')).answer).toContain('区块链电子数据保全系统');
  });
});

describe('follow-up answers: figures given before, set against each other', () => {
  it('compares the figures the answers gave, not another figure of the same lines', async () => {
    const answer = await ask('政务服务方面上半年落地了几个项目', '那金融的呢', '谁更多');
    expect(answer.answer).toContain('46');
    expect(answer.answer).toContain('42');
    expect(answer.answer).not.toContain('9 个');
  });
});

describe('follow-up answers: a count of a place\'s rows the prose states too', () => {
  it('cites the sentence stating the same count of the place beside the table rows, for each place asked in turn', async () => {
    const answers = await playConversation(await pipeline, ['宁波以外，广州建了多少家区块链园区', '那上海有几个']);
    expect(answers[0].answer).toContain('共5个');
    expect(answers[0].citations.some((c) => c.line === 477 && c.quote.includes('共计 5 家'))).toBe(true);
    expect(answers[1].citations.some((c) => c.line === 477 && c.quote.includes('4 个区块链产业园'))).toBe(true);
  });

  it('does not cite a prose count of another place or another kind of thing', async () => {
    const answer = await ask('重庆有几个区块链园区');
    expect(answer.citations.some((c) => c.line === 477)).toBe(false);
  });
});

describe('follow-up answers: a thing of its own named in a follow-up', () => {
  it('asks about a thing named with 具体 (one of those the answer before stood among), not more of the same figure', async () => {
    const answer = await ask('司法领域上半年落地了多少项目', '西安未央区法院那个具体是干啥的');
    expect(answer.answer).toContain('金融类案智审平台');
  });

  it('dates the thing a follow-up names in its own words, not the things counted before nor within their period', async () => {
    const answer = await ask('截至6月底全国建成多少5G基站', '牌照是哪天颁发的');
    expect(answer.answer).toContain('6 月 6 日');
  });
});

describe('answers of a month after the half-year that the report dates in a chronicle', () => {
  it('answers from the sentence that opens on the month, its year given by the sentence before', async () => {
    const answer = await ask('数字人民币现在试点到哪了', '那7月份又有哪些企业加入落地');
    expect(answer.answer).toContain('美团');
    expect(answer.grounded).toBe(true);
  });
});

describe('follow-up answers: a year printed alone', () => {
  it('answers a date asked in words the best dated clause does not say from the sentence saying them beside a bare year', async () => {
    const answer = await ask('DC/EP在哪些城市做封闭测试', '中国人民银行是哪一年开始研究的');
    expect(answer.answer).toContain('2014');
    expect(answer.answer).not.toContain('2019 年 10 月');
  });
});
