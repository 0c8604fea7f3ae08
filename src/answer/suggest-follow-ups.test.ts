import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { loadReport } from '../ingest/load-report';
import type { Answer, Chunk, Citation, Fact } from '../types';
import { suggestFollowUps, type FollowUpSource } from './suggest-follow-ups';

// The real report and the shipped index: suggestions are only as good as the data they come from.
const config = loadConfig({});
const document = loadReport(config.paths.corpus);
const read = <T>(name: string): T => JSON.parse(readFileSync(resolve(config.paths.indexDir, name), 'utf8')) as T;
const report: FollowUpSource = { chunks: read<Chunk[]>('chunks.json'), facts: read<Fact[]>('facts.json'), tables: document.tables };

function answerCiting(chunkIds: string[], text = '……'): Answer {
  const citations: Citation[] = chunkIds.map((chunkId, index) => {
    const chunk = report.chunks.find((each) => each.id === chunkId)!;
    return { id: index + 1, chunkId, section: chunk.section, source: chunk.source, quote: chunk.text, line: chunk.lineStart };
  });
  return { answer: text, citations, facts: [], grounded: true, mode: 'extractive' };
}

describe('suggestFollowUps', () => {
  it('asks about the neighbouring rows and the top entries of a cited table row', () => {
    const suggestions = suggestFollowUps(answerCiting(['t6-1#r1'], '广东省有354家区块链企业[1]。'), report);
    expect(suggestions).toEqual(['北京的数量是多少？', '数量排名前三的地域是哪些？', '上海的数量是多少？']);
  });

  it('does not suggest a row the answer already names', () => {
    const suggestions = suggestFollowUps(answerCiting(['t6-1#r2'], '北京有342家，广东有354家[1]。'), report);
    expect(suggestions.join('')).not.toContain('广东');
    expect(suggestions).toContain('上海的数量是多少？');
  });

  it('asks about the other figures of a cited sentence\'s section, with 「多少」 in place of the figure', () => {
    const chunk = report.chunks.find((each) => each.kind === 'prose' && each.sectionId === '2.4')!;
    const suggestions = suggestFollowUps(answerCiting([chunk.id]), report);
    expect(suggestions.length).toBeGreaterThanOrEqual(2);
    for (const question of suggestions) {
      expect(question).toMatch(/多少.*？$/);
      expect(question).not.toMatch(/\d/);
      expect(question.length).toBeLessThanOrEqual(36);
    }
  });

  it('suggests nothing for an answer the report does not support', () => {
    expect(suggestFollowUps({ ...answerCiting(['t6-1#r1']), grounded: false }, report)).toEqual([]);
    expect(suggestFollowUps(answerCiting([]), report)).toEqual([]);
  });

  it('gives at most three distinct questions', () => {
    for (const chunk of report.chunks.filter((_, index) => index % 15 === 0)) {
      const suggestions = suggestFollowUps(answerCiting([chunk.id]), report);
      expect(suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(suggestions).size).toBe(suggestions.length);
    }
  });
});
