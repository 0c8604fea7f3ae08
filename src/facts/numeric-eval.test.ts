import { playConversation } from '../play-conversation';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createPipeline } from '../pipeline';
import type { Answer } from '../types';
import { checkNumbers } from './number-guard';
import { numericProblems, runNumericEval, type NumericItem } from './numeric-eval';

const qaSet = <T>(name: string): T[] => readFileSync(fileURLToPath(new URL(`../../tests/qa/${name}`, import.meta.url)), 'utf8')
  .split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as T);

let pipeline: Awaited<ReturnType<typeof createPipeline>>;
beforeAll(async () => {
  pipeline = await createPipeline(loadConfig({ QA_LOG_LEVEL: 'silent' }));
});

async function play(turns: string[]): Promise<Answer> {
  return (await playConversation(pipeline, turns)).at(-1)!;
}

describe('numericProblems (the scorer of tests/qa/README.md)', () => {
  it('matches alternatives after removing whitespace and thousands separators, and reports must_not', () => {
    expect(numericProblems('广东有 5,402 项[1]', [['5402'], ['项']])).toEqual([]);
    expect(numericProblems('共 17.15 亿元', [['17.15亿'], ['万']])).toEqual(['missing 万']);
    expect(numericProblems('北京比广东多', [], ['北京比广东多'])).toEqual(['contains 北京比广东多']);
  });
});

describe('exact figures on tests/qa/numeric.jsonl', () => {
  it('gets at least 95% of the items exactly right', async () => {
    const items = qaSet<NumericItem>('numeric.jsonl');
    const result = await runNumericEval(pipeline, items);
    expect(result.total).toBe(items.length);
    const failures = result.failures.map((f) => `${f.id} ${f.question} → ${f.answer} (${f.problems.join('; ')})`);
    expect(result.exact / result.total, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('figures the report does not give (tests/qa/unanswerable.jsonl, missing-figure)', () => {
  it('are answered grounded: false, saying so plainly, with every number in the citations or the question', async () => {
    const items = qaSet<{ id: string; turns: string[]; kind: string }>('unanswerable.jsonl').filter((item) => item.kind === 'missing-figure');
    expect(items.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const item of items) {
      const answer = await play(item.turns);
      const support = [item.turns.at(-1)!, ...answer.citations.flatMap((c) => [c.quote.replace(/(\d)\s+(?=\d)/g, '$1｜'), c.section, c.source ?? ''])];
      const plain = /报告(中)?(没有|未)(给出|提及|涉及)|超出了本报告的范围/.test(answer.answer);
      if (answer.grounded || !plain || !checkNumbers(answer.answer, support).ok) wrong.push(`${item.id} ${item.turns.at(-1)} → ${answer.answer}`);
    }
    expect(wrong).toEqual([]);
  });

  it('offers the nearest figure the report does give, labelled as a different one', async () => {
    const answer = await play(['深圳有多少家区块链企业？']);
    expect(answer.grounded).toBe(false);
    expect(answer.answer).toMatch(/^报告没有给出深圳的/);
    expect(answer.answer).toContain('表6-1 只按省份统计');
    expect(answer.answer).toContain('354 家');
    expect(answer.citations.some((c) => c.chunkId === 't6-1#r1' && c.quote === '广东 354 27.06%')).toBe(true);
  });
});
