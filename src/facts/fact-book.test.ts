import { playConversation } from '../play-conversation';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createPipeline } from '../pipeline';
import type { Answer } from '../types';
import { buildEntityLexicon } from './entity-lexicon';
import { createFactBook, type FactBook } from './fact-book';

let pipeline: Awaited<ReturnType<typeof createPipeline>>;
let book: FactBook;
beforeAll(async () => {
  pipeline = await createPipeline(loadConfig({ QA_LOG_LEVEL: 'silent' }));
  const { document, index } = pipeline.parts;
  book = createFactBook({ facts: index.facts, document, chunks: index.chunks, lexicon: buildEntityLexicon(document) });
});

async function ask(...turns: string[]): Promise<Answer> {
  return (await playConversation(pipeline, turns)).at(-1)!;
}

const cites = (answer: Answer, chunkId: string) => answer.citations.some((c) => c.chunkId === chunkId);
/** The answer without its [n] markers (a period label may carry its own citation). */
const prose = (answer: Answer) => answer.answer.replace(/\[\d+\]/g, '');

describe('the fact book', () => {
  it('gives both figures when the report has two for what sounds like one question, saying what each counts', async () => {
    const answer = await ask('江苏有多少家区块链企业？');
    expect(prose(answer)).toMatch(/106 家.*71家/);
    expect(prose(answer)).toContain('截至2020年6月');
    expect(prose(answer)).toContain('2020年上半年新成立');
    expect(cites(answer, 't6-1#r4')).toBe(true);
    expect(answer.citations.some((c) => c.quote.includes('江苏省71家') && c.line === 331)).toBe(true);
    expect(answer.facts.map((f) => f.value)).toEqual(expect.arrayContaining([106, 71]));
  });

  it('answers colloquial phrasing and aliases', async () => {
    expect((await ask('广东有多少家搞区块链的公司')).answer).toMatch(/354 家/);
    expect((await ask('阿里上半年申请了多少区块链专利')).answer).toContain('1457 件');
    expect((await ask('Ystar拿的是哪一轮？融了多少？')).answer).toMatch(/天使轮.*1400 万人民币|1400 万人民币.*天使轮/);
    expect((await ask('泉州的区块链专项政策叫什么')).answer).toContain('《加快区块链技术应用发展的若干措施》');
    expect((await ask('GB/T 38635.1-2020是什么标准？')).answer).toContain('SM9 标识密码算法 第 1 部分：总则');
  });

  it('computes rankings from the table, keeping ties and stating the basis, with the rows as facts', async () => {
    const least = await ask('哪个省的区块链企业最少？');
    expect(prose(least)).toMatch(/宁夏、青海、西藏（并列），均为 0 家/);
    expect(prose(least)).toContain('表6-1');
    expect(least.citations.map((c) => c.chunkId)).toEqual(expect.arrayContaining(['t6-1#r29', 't6-1#r30', 't6-1#r31']));
    const third = await ask('企业数量第三多的省份是哪个？');
    expect(prose(third)).toMatch(/按数量从高到低排第三的是上海，125 家/);
    expect(third.facts.length).toBeGreaterThanOrEqual(3);
    const top = await ask('区块链企业最多的前五个省是哪些？');
    expect(top.answer.split('\n').slice(1)).toHaveLength(5);
    expect(top.facts.map((f) => f.subject)).toEqual(['广东', '北京', '上海', '江苏', '浙江']);
  });

  it('shows the formula of a derived number and cites every input', async () => {
    const difference = await ask('北京和上海哪个区块链企业多，差多少？');
    expect(prose(difference)).toContain('北京比上海多 217 家（342 − 125 = 217）');
    expect(cites(difference, 't6-1#r2') && cites(difference, 't6-1#r3')).toBe(true);
    const sum = await ask('金融、政务、司法三个领域的落地项目加起来多少个？');
    expect(prose(sum)).toContain('46 + 42 + 18 = 106');
    const stated = await ask('广东、江苏、浙江、山东上半年一共新成立了多少家区块链企业？');
    expect(stated.answer).toContain('225家');
    expect(stated.answer).not.toContain('+');
  });

  it('labels every figure with its period, so 2019 figures are not read as current', async () => {
    expect((await ask('2019年上半年的区块链产业规模是多少？')).answer).toContain('2019 年上半年的 4.95 亿元');
    expect((await ask('截至2019年底相关密码应用标准有多少项？')).answer).toMatch(/截止到 2019 年 12 月底，共有 19 项/);
    expect(prose(await ask('天津有多少家区块链企业'))).toMatch(/截至2020年6月.*9 家/);
  });

  it('keeps answers to figures short, plain and cited', async () => {
    for (const question of ['上半年区块链产业规模多大', '腾讯上半年区块链发明专利有多少件？', '哪个城市的区块链产业园最多？', '表2-2中获得战略投资的公司有几家？']) {
      const answer = await ask(question);
      expect(answer.answer.length, question).toBeLessThanOrEqual(200);
      expect(answer.answer, question).not.toMatch(/<[a-z]/i);
      expect(answer.answer, question).toMatch(/\[\d+\]/);
      expect(answer.grounded, question).toBe(true);
    }
  });

  it('returns null for explanations and lists it cannot compute, leaving them to retrieval', () => {
    expect(book.answer('海南那个10亿的基金是干嘛的？', '')).toBeNull();
    expect(book.answer('为什么区块链企业融资难度增大？', '')).toBeNull();
    expect(book.answer('国家各部委发布了哪些区块链政策？', '')).toBeNull();
    expect(book.answer('区块链专利申请主要集中在哪几个分类号？', '')).toBeNull();
  });

  it('answers follow-ups from the context the conversation gives', async () => {
    expect((await ask('北京有多少家区块链企业？', '占比呢？')).answer).toContain('26.15%');
    expect((await ask('哪个省的区块链企业最多？', '第二名是谁？', '第三呢？')).answer).toContain('上海');
    expect((await ask('阿里上半年申请了多少区块链专利？', '腾讯呢？', '它排第几？')).answer).toContain('排名第二');
  });

  it('looks up the facts about a query with their sources (GET /api/facts)', () => {
    const about = book.lookup('广东 区块链企业');
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((f) => f.subject.includes('广东') || f.quote.includes('广东'))).toBe(true);
    expect(about.some((f) => f.tableId === '表6-1' && f.value === 354)).toBe(true);
    expect(pipeline.lookupFacts('阿里 专利').facts[0]).toMatchObject({ text: '1457 件', line: 1180 });
    expect(book.lookup('')).toEqual([]);
  });
});
