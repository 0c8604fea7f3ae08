import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../ingest/load-report';
import { buildEntityLexicon } from './entity-lexicon';
import { parseQuestion } from './parse-question';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const lexicon = buildEntityLexicon(loadReport(corpus));
const parse = (question: string, context = '') => parseQuestion(question, lexicon, context);
const names = (question: string) => parse(question).entities.map((e) => e.name);

describe('parseQuestion', () => {
  it('resolves aliases from the report and common usage', () => {
    expect(names('阿里上半年申请了多少区块链专利')).toEqual(['阿里巴巴']);
    expect(names('央行发布了哪些政策')).toEqual(['中国人民银行']);
    expect(names('数字人民币目前发行了多少？')).toEqual(['DC/EP']);
    expect(names('工信部公开招标了多少个项目')).toEqual(['工业和信息化部']);
    expect(names('苏州市有几家产业园')).toEqual(names('苏州有几家产业园'));
    expect(names('长三角聚集区的企业占比')).toEqual(['长江三角洲']);
    expect(names('GB/T 38635.1-2020是什么标准')).toEqual(['GB/T38635.1-2020']);
  });

  it('reads what is asked: a count with its unit, a share, an amount, a date or a table column', () => {
    expect(parse('广东有多少家搞区块链的公司').asks).toEqual([{ kind: 'count', unit: '家' }]);
    expect(parse('广东有多少家区块链企业？占比多少？').asks.map((a) => a.kind)).toEqual(['count', 'percent']);
    expect(parse('域乎融了多少钱？').asks.map((a) => a.kind)).toEqual(['money']);
    expect(parse('墨群最近一次获得投资是什么时候？').asks.map((a) => a.kind)).toEqual(['date']);
    expect(parse('Ystar拿的是哪一轮？融了多少？').asks.map((a) => a.kind)).toEqual(['money', 'round']);
    expect(parse('链湾是什么时候成立的，谁主导？').asks.map((a) => a.kind)).toEqual(['date', 'leader']);
  });

  it('reads the operation: k-th, top-k, extremes, comparisons, sums and row counts', () => {
    expect(parse('企业数量第三多的省份是哪个？')).toMatchObject({ operation: 'rank', rank: 3, order: 'desc' });
    expect(parse('区块链企业最多的前五个省是哪些？')).toMatchObject({ operation: 'top', rank: 5 });
    expect(parse('哪个省的区块链企业最少？')).toMatchObject({ operation: 'min', order: 'asc' });
    expect(parse('北京和上海哪个区块链企业多，差多少？').operation).toBe('compare');
    expect(parse('北京和广东的区块链企业加起来有多少家？').operation).toBe('sum');
    expect(parse('有几个省份的区块链企业数量是0？')).toMatchObject({ operation: 'count', condition: { op: '=', value: 0 } });
    expect(parse('区块链企业超过100家的省份有几个？').condition).toEqual({ op: '>', value: 100 });
    expect(parse('山东排第几？').operation).toBe('position');
  });

  it('does not read groups and parts as rankings (第一阶梯, 第二梯队, 第2部分)', () => {
    expect(parse('哪些地区的区块链发展处在第一阶梯？').operation).not.toBe('rank');
    expect(parse('区块链企业分布的第二梯队包括哪些省市？').operation).not.toBe('rank');
  });

  it('reads periods, leaving out a period of comparison (比2019年)', () => {
    expect(parse('2019年上半年的区块链产业规模是多少？').periods.map((p) => p.label)).toEqual(['2019年上半年']);
    expect(parse('比2019年增长了多少？').periods).toEqual([]);
    expect(parse('截止6月底区块链企业投融资事件一共多少笔？').periods.map((p) => [p.from, p.to])).toEqual([[202006, 202006]]);
  });

  it('tells explanations from figures', () => {
    expect(parse('海南那个10亿的基金是干嘛的？').explain).toBe(true);
    expect(parse('2020年上半年和2019年有投入产出的区块链企业数量比起来怎么样？').explain).toBe(false);
  });

  it('completes a follow-up fragment from the turn before', () => {
    const followUp = parse('占比呢？', '北京有多少家区块链企业？');
    expect(followUp.entities.map((e) => e.name)).toEqual(['北京']);
    expect(followUp.asks.map((a) => a.kind)).toEqual(['percent']);
    expect(followUp.topic).toContain('区块链企业');
  });
});
