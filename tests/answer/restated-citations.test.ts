import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createPipeline } from '../../src/pipeline';
import { playConversation } from '../../src/play-conversation';
import type { Answer } from '../../src/types';

const pipeline = createPipeline(loadConfig({}, { QA_LOG_LEVEL: 'silent' }));
const ask = async (...turns: string[]): Promise<Answer> => (await playConversation(await pipeline, turns)).at(-1)!;
const lines = (answer: Answer) => answer.citations.map((c) => c.line);

describe('citations of what the report states in more than one place', () => {
  it('cites a field figure both in the chapter overview and in the field’s own section', async () => {
    const answer = await ask('司法这块一共落地了几个项目');
    expect(answer.answer).toContain('18');
    expect(lines(answer)).toEqual(expect.arrayContaining([655, 750]));
  });

  it('cites a national total stated in two chapters at both places', async () => {
    const answer = await ask('上半年有投入产出的区块链公司几家');
    expect(answer.answer).toContain('303');
    expect(lines(answer)).toEqual(expect.arrayContaining([1118]));
  });

  it('cites the body where the preface repeats one of its sentences word for word', async () => {
    const answer = await ask('1024那次集体学习讲了什么');
    expect(lines(answer)).toEqual(expect.arrayContaining([146]));
  });
});

describe('a month printed without its year in a dated chronicle', () => {
  it('gives the month with the year the sentence before states, citing both', async () => {
    const answer = await ask('新基建啥时候写进政府工作报告的');
    expect(answer.answer).toContain('2020年5月');
    expect(answer.answer).not.toContain('6月');
    expect(lines(answer)).toContain(1192);
  });

  it('reads the month opening a sentence as the date of what that sentence tells', async () => {
    const answer = await ask('政治局常委会哪个月又强调加快5G和数据中心建设');
    expect(answer.answer).toContain('2020年3月');
    expect(lines(answer)).toContain(1192);
  });
});

describe('a figure of the prose that a table row prints too', () => {
  it('cites the row of the policy a dated sentence names, beside the sentence', async () => {
    const answer = await ask('南京江北新区那份促进区块链产业的政策几月出的');
    expect(answer.answer).toMatch(/2020\s*年\s*6\s*月/);
    expect(lines(answer)).toContain(234);
  });
});

describe('rows named by the part of their name people use', () => {
  it('finds a standard by its title after the series words, and 国标 as its level', async () => {
    const answer = await ask('存证应用指南这个国标进展到哪了');
    expect(answer.grounded).toBe(true);
    expect(answer.answer).toContain('起草阶段');
    expect(lines(answer)).toContain(975);
  });

  it('finds a park by the place printed in brackets in its name', async () => {
    const answer = await ask('萧山那个区块链基地是哪年成立的');
    expect(answer.answer).toContain('2017');
    expect(lines(answer)).toContain(510);
  });
});

describe('the same account of the same places in two chapters', () => {
  it('answers where a follow-up asks from the line the answer before quoted, citing the other chapter too', async () => {
    const answer = await ask('DC/EP是哪一年正式提出来的', '先在哪几个地方试点的');
    for (const place of ['深圳', '苏州', '成都']) expect(answer.answer).toContain(place);
    expect(lines(answer)).toEqual(expect.arrayContaining([1238]));
  });

  it('cites both chapters for the pilot places asked on their own', async () => {
    const answer = await ask('数字人民币的内部封闭试点放在哪些城市');
    expect(lines(answer)).toEqual(expect.arrayContaining([698, 1238]));
  });

  it('does not take another statement about the same provinces for the same account', async () => {
    const answer = await ask('19年区块链专利数量前五的省份是哪几个');
    expect(lines(answer)).not.toContain(1128);
  });
});

describe('counts the prose states beside the table it introduces', () => {
  it('cites the sentence that says how many rows a table lists, after the rows', async () => {
    const answer = await ask('数字签名这块上半年一共出了几项标准');
    expect(answer.answer).toContain('3');
    expect(lines(answer)).toEqual(expect.arrayContaining([920, 925, 926, 927]));
    expect(lines(answer).indexOf(920)).toBeGreaterThan(lines(answer).indexOf(925));
  });

  it('cites a stock counted up to the same month in other words at both places', async () => {
    const answer = await ask('在工商部门登记过的区块链相关企业全国一共多少家');
    expect(answer.answer).toMatch(/四万余家/);
    expect(lines(answer)).toEqual(expect.arrayContaining([329, 1128]));
  });
});
