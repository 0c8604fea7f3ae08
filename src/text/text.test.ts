import { describe, expect, it } from 'vitest';
import { CORPUS_PATH } from '../../tests/support/corpus-text';
import { loadReport } from '../ingest/load-report';
import { analyzeText } from './analyze-text';
import { domainWords } from './domain-words';
import { createJiebaSegmenter } from './jieba-segmenter';
import { normalizeText } from './normalize-text';

const document = loadReport(CORPUS_PATH);
const words = domainWords(document);
const segmenter = createJiebaSegmenter(words);

describe('normalizeText', () => {
  it.each([
    ['5 402 项', '5402项'],
    ['１７.15 亿元', '17.15亿元'],
    ['1675 万美元', '1675万美元'],
    ['截至 2020 年 6 月底', '截至2020年6月底'],
    ['四万余家', '四万余家'],
    ['ＤＣ／ＥＰ', 'dc/ep'],
  ])('normalises %s to %s', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

describe('domain dictionary', () => {
  it('keeps domain terms and names from the tables whole', () => {
    for (const term of ['区块链', '联盟链', '数字人民币', '智能合约', '泉州市', '上海树图区块链研究院', '工信部']) {
      expect(words, term).toContain(term);
    }
    expect(segmenter.cut('中国区块链发展现状与联盟链')).toEqual(expect.arrayContaining(['区块链', '联盟链']));
    expect(segmenter.cut('数字人民币的试点')).toContain('数字人民币');
  });

  it('lists province and city names with and without their suffix', () => {
    expect(words).toEqual(expect.arrayContaining(['泉州', '泉州市', '苏州', '苏州市']));
  });
});

describe('analyzeText', () => {
  it('yields words plus Han bigrams, without punctuation or question words', () => {
    const terms = analyzeText(segmenter, '泉州市的区块链专项政策叫什么？');
    expect(terms).toEqual(expect.arrayContaining(['泉州市', '区块链', 'b:泉州', 'b:州市']));
    expect(terms).not.toContain('什么');
    expect(terms.some((t) => /[？，。]/.test(t))).toBe(false);
  });

  it('lets 泉州 match 泉州市 through a shared bigram', () => {
    const question = new Set(analyzeText(segmenter, '泉州的政策'));
    const row = analyzeText(segmenter, '泉州市 2020 年 6 月');
    expect(row.some((t) => question.has(t) && t.startsWith('b:'))).toBe(true);
  });
});

describe('jieba cuts text between line breaks independently', () => {
  // The question stage cuts a message's leftover runs in one call, joined by line breaks (tokenize's cutRuns).
  it('cuts runs joined by line breaks exactly as each run alone', () => {
    const prose = document.paragraphs.map((p) => p.text.replace(/\s+/g, '')).join('');
    const odd = ['abc ', ' x', 'ＧＤＰ', '🚀', '２０２０', 'a b', '.com', 'BaaS平台', '区块链 技术'];
    let seed = 3;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let trial = 0; trial < 300; trial++) {
      const runs = Array.from({ length: 1 + Math.floor(random() * 20) }, () => {
        const start = Math.floor(random() * (prose.length - 12));
        const run = prose.slice(start, start + 1 + Math.floor(random() * 10));
        return random() < 0.2 ? odd[Math.floor(random() * odd.length)] + run : run;
      });
      const batched: string[][] = [[]];
      for (const piece of segmenter.cut(runs.join('\n'))) piece === '\n' ? batched.push([]) : batched[batched.length - 1].push(piece);
      expect(batched).toEqual(runs.map((run) => segmenter.cut(run)));
    }
  });
});
