import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chunkReport } from '../chunk/chunk-report';
import { loadReport } from '../ingest/load-report';
import { domainWords } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import { createAnswerBuilder } from './answer-builder';
import { buildEntityLexicon } from './entity-lexicon';
import { extractFacts } from './extract-facts';
import { createFactIndex } from './fact-index';
import { createTermizer } from './fact-terms';
import { checkNumbers, numbersIn } from './number-guard';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));
const report = loadReport(corpus);
const chunks = chunkReport(report);
const facts = extractFacts(report, chunks);
const index = createFactIndex({ facts, chunks, document: report, lexicon: buildEntityLexicon(report),
  termizer: createTermizer(createJiebaSegmenter(domainWords(report))) });
const cell = (table: string, subject: string, column: string) => facts.find((f) => f.tableId === table && f.subject === subject && f.column === column)!;

describe('checkNumbers (the number guard)', () => {
  it('rejects a number no supporting text contains, and accepts cited, questioned and derived ones', () => {
    expect(checkNumbers('广东有 999 家[1]。', ['广东 354 27.06%'])).toEqual({ ok: false, unsupported: ['999'] });
    expect(checkNumbers('广东有 354 家[1]。', ['广东 354 27.06%']).ok).toBe(true);
    expect(checkNumbers('相差 12 家。', ['广东 354', '北京 342'], ['12']).ok).toBe(true);
    expect(checkNumbers('一共 2 家。', ['2020 年'], []).ok).toBe(false);
  });

  it('ignores citation markers and list numbering', () => {
    expect(numbersIn('1. 广东 354 家[1]\n2. 北京 342 家[2]')).toEqual(['354', '342']);
  });
});

describe('the answer builder never sends an answer with an invented number', () => {
  it('refuses a figure the cited row does not print', () => {
    const builder = createAnswerBuilder(index);
    const marker = builder.cite(cell('表6-1', '广东', '数量（家）'));
    expect(builder.build(`广东有 355 家区块链企业[${marker}]。`)).toBeNull();
  });

  it('sends a figure the cited row prints, labelled with its period', () => {
    const builder = createAnswerBuilder(index);
    const fact = cell('表6-1', '总计', '数量（家）');
    const marker = builder.cite(fact);
    builder.use(fact);
    const answer = builder.build(`截至2020年6月，表6-1 统计的区块链企业共 1309 家[${marker}]。`);
    expect(answer).toMatchObject({ grounded: true, citations: [{ chunkId: 't6-1#r32', quote: '总计 1309 100%', line: 1153 }] });
    expect(answer!.facts).toEqual([{ source: '表6-1', subject: '总计', metric: '数量（家）', value: 1309, unit: '家', period: '截至2020年6月' }]);
  });

  it('sends a computed number only when it is declared derived from cited inputs', () => {
    const build = (derive: boolean) => {
      const builder = createAnswerBuilder(index);
      const a = builder.cite(cell('表6-1', '广东', '数量（家）'));
      const b = builder.cite(cell('表6-1', '北京', '数量（家）'));
      if (derive) builder.derive(354 - 342);
      return builder.build(`广东 354 家[${a}]，北京 342 家[${b}]；广东比北京多 12 家（354 − 342 = 12）。`);
    };
    expect(build(false)).toBeNull();
    expect(build(true)?.answer).toContain('多 12 家');
  });
});
