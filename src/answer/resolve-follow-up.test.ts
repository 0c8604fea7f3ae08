import { describe, expect, it } from 'vitest';
import { CORPUS_PATH } from '../../tests/support/corpus-text';
import { buildEntityLexicon } from '../facts/entity-lexicon';
import { loadReport } from '../ingest/load-report';
import type { ChatMessage } from '../types';
import { resolveFollowUp } from './resolve-follow-up';

const lexicon = buildEntityLexicon(loadReport(CORPUS_PATH));
const conversation = (...turns: string[]): ChatMessage[] =>
  turns.map((content, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content }));

describe('resolveFollowUp', () => {
  it('substitutes a new entity of the same kind: 「那江苏呢？」', () => {
    const resolved = resolveFollowUp(conversation('广东有多少家区块链企业？', '……', '那江苏呢？'), lexicon);
    expect(resolved.question).toBe('江苏有多少家区块链企业？');
    expect(resolved.understood).toBe('江苏有多少家区块链企业？');
  });

  it('substitutes a year: 「那2020年的呢？」', () => {
    const resolved = resolveFollowUp(conversation('表8-1里2017年发布的项目都是哪几家企业的？', '……', '那2020年的呢？'), lexicon);
    expect(resolved.question).toBe('表8-1里2020年发布的项目都是哪几家企业的？');
  });

  it('replaces two compared domains by the new one: 「那司法领域呢？」', () => {
    const resolved = resolveFollowUp(conversation('金融和政务领域分别落地了多少个项目？', '……', '那司法领域呢？'), lexicon);
    expect(resolved.question).toContain('司法');
    expect(resolved.question).not.toMatch(/金融|政务/);
  });

  it("resolves an ordinal against the previous answer's list: 「第二个具体指的是什么？」", () => {
    const resolved = resolveFollowUp(conversation('新型基础设施主要包括哪几个方面？',
      '新型基础设施主要包括3个方面内容：一是信息基础设施[1]。二是融合基础设施[2]。三是创新基础设施[3]。', '第二个具体指的是什么？'), lexicon);
    expect(resolved.question).toContain('融合基础设施');
  });

  it('carries the topic into a question that has none of its own: 「什么时候成立的？」', () => {
    const resolved = resolveFollowUp(conversation('链谷是哪个城市的区块链产业园？', '……', '什么时候成立的？'), lexicon);
    expect(resolved.question).toContain('链谷');
    expect(resolved.question).toContain('成立');
  });

  it('marks 「再详细一点」 as a request to elaborate the previous question', () => {
    const resolved = resolveFollowUp(conversation('区块链在司法领域有哪些应用？', '……', '再详细一点'), lexicon);
    expect(resolved).toMatchObject({ question: '区块链在司法领域有哪些应用？', elaborate: true });
  });

  it('starts a new topic when the question names its own subject', () => {
    const resolved = resolveFollowUp(conversation('广东有多少家区块链企业？', '……', '2020年上半年中国公开了多少区块链专利？'), lexicon);
    expect(resolved.question).toBe('2020年上半年中国公开了多少区块链专利？');
    expect(resolved.understood).toBeUndefined();
  });
});
