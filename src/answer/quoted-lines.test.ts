import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { loadReport } from '../ingest/load-report';
import { compactForm } from '../text/compact-form';
import { createQuotedLines } from './quoted-lines';

// The real report: an answer is found by the clauses it quotes from it, whatever the answer adds around them.
const document = loadReport(loadConfig({}).paths.corpus);
const quotedLines = createQuotedLines(document.lines);
const lineWith = (needle: string) => document.lines.findIndex((line) => compactForm(line).includes(compactForm(needle))) + 1;

describe('quotedLines', () => {
  it('finds the line of each clause an answer quotes, through markers, added periods and spacing', () => {
    const first = lineWith('规模达到了 17.15 亿元');
    const second = lineWith('工业和信息化部正式颁发 5G 商用牌照');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    const answer = '2020年上半年，我国区块链产业仍向好发展，规模达到了17.15亿元[1]。另据正文，自2019年6月6日工业和信息化部正式颁发5G商用牌照以来[2]。';
    expect([...quotedLines(answer)].sort((a, b) => a - b)).toEqual([first, second].sort((a, b) => a - b));
  });

  it('finds nothing in text the report does not print, nor in clauses too short or too common to place', () => {
    expect(quotedLines('报告中没有提到这一问题。').size).toBe(0);
    expect(quotedLines('2020年上半年，区块链，企业。').size).toBe(0);
  });

  it('does not place an answer by a clause that only states a period, which lines of other figures print too', () => {
    const line = lineWith('已建设开通 5G 基站超过 40 万个');
    expect([...quotedLines('截至2020年6月底，3 家电信运营商在全国已建设开通 5G 基站超过 40 万个[1]。')]).toEqual([line]);
  });
});
