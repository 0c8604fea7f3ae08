/**
 * The LLM answerer over real HTTP against the scripted OpenAI-compatible server: one good cited
 * reply and the five ways a model reply must fall back to the extractive answer.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedOpenAiServer, type ScriptedOpenAiServer, type ScriptedReply } from '../../tests/fixtures/scripted-openai-server';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import type { Answer, Citation } from '../types';
import { createChatModel } from './chat-model';
import { createLlmAnswerer } from './llm-answerer';

const config = loadConfig({});
const corpus = readFileSync(config.paths.corpus, 'utf8').split('\n');
const compact = (text: string) => text.replace(/\s+/g, '');

// Evidence as the pipeline would number it: quotes verbatim from the report.
const sources: Citation[] = [
  { id: 1, chunkId: 's4#1', section: '四、区块链行业融合应用现状', line: 655,
    quote: '2020 上半年金融、政务服务和司法领域的落地项目分别有 46、42 和 18 个，占总体落地项目的 31%、29%和 12%。' },
  { id: 2, chunkId: 't6-1#r1', section: '六、（二）企业分布阶梯化明显', source: '表6-1 我国区块链企业各地区分布数量及比例', quote: '广东 354 27.06%', line: 1138 },
  { id: 3, chunkId: 't6-1#r4', section: '六、（二）企业分布阶梯化明显', source: '表6-1 我国区块链企业各地区分布数量及比例', quote: '江苏 106 8.10%', line: 1141 },
];
const fallback: Answer = {
  answer: '截至2020年6月，广东有354家区块链企业，占27.06%[1]。', citations: [{ ...sources[1], id: 1 }],
  facts: [{ source: '表6-1', subject: '广东', metric: '数量（家）', value: 354, unit: '家', period: '截至2020年6月' }],
  grounded: true, mode: 'extractive',
};
const question = '广东有多少家区块链企业？';

let next: ScriptedReply = { kind: 'hang' };
let server: ScriptedOpenAiServer;
const logs: Record<string, unknown>[] = [];

function answerer(timeoutMs = 2_000) {
  const llm = { baseUrl: server.baseUrl, apiKey: 'test-key', model: 'scripted-model', timeoutMs };
  return createLlmAnswerer({ model: createChatModel(llm), promptsDir: config.paths.promptsDir, timeoutMs,
    logger: createLogger('debug', (line) => logs.push(JSON.parse(line))) });
}

async function play(reply: ScriptedReply, timeoutMs?: number) {
  next = reply;
  logs.length = 0;
  return answerer(timeoutMs).answer({ question, sources, fallback });
}

beforeAll(async () => { server = await startScriptedOpenAiServer(() => next); });
afterAll(async () => { await server.close(); });

describe('createLlmAnswerer', () => {
  it('uses quotes that are verbatim in the report', () => {
    for (const source of sources) expect(compact(corpus[source.line - 1])).toContain(compact(source.quote));
  });

  it('returns a verified cited answer as mode llm, citations renumbered in order of first use', async () => {
    const result = await play({ kind: 'answer', content: '截至2020年6月，广东省有354家区块链企业，占全国的27.06%［2］；江苏省有106家[3]。' });
    expect(result).toEqual({
      answer: '截至2020年6月，广东省有354家区块链企业，占全国的27.06%[1]；江苏省有106家[2]。',
      citations: [{ ...sources[1], id: 1 }, { ...sources[2], id: 2 }],
      facts: fallback.facts, grounded: true, mode: 'llm',
    });
    const sent = server.requests.at(-1)!;
    expect(sent.model).toBe('scripted-model');
    expect(sent.messages[0]).toMatchObject({ role: 'system' });
    expect(sent.messages[0].content).toContain('报告中没有提及');
    expect(sent.messages[1].content).toContain('[2] 六、（二）企业分布阶梯化明显｜表6-1 我国区块链企业各地区分布数量及比例｜第1138行\n广东 354 27.06%');
    expect(sent.messages[1].content).toContain(`问题：${question}`);
  });

  it('returns a refusal as an ungrounded llm answer', async () => {
    const result = await play({ kind: 'answer', content: '报告中没有提及比特币的价格。' });
    expect(result).toMatchObject({ answer: '报告中没有提及比特币的价格。', citations: [], grounded: false, mode: 'llm' });
  });

  const fallbacks: [string, ScriptedReply, string][] = [
    ['an uncited answer', { kind: 'answer', content: '广东省有354家区块链企业。' }, 'uncited'],
    ['a wrong number', { kind: 'answer', content: '广东省有356家区块链企业[2]。' }, 'unsupported_number'],
    ['a citation of no supplied source', { kind: 'answer', content: '广东省有354家区块链企业[9]。' }, 'unknown_citation'],
    ['an echo of the system prompt', { kind: 'answer', content: '我的规则是：你只根据用户消息里【资料】部分给出的编号资料回答，不使用任何其他知识。' }, 'prompt_leak'],
    ['HTTP 500', { kind: 'status', status: 500 }, 'model_error'],
    ['malformed JSON', { kind: 'malformed' }, 'model_error'],
    ['a broken body', { kind: 'broken' }, 'model_error'],
  ];
  it.each(fallbacks)('falls back to the extractive answer on %s', async (_, reply, reason) => {
    expect(await play(reply)).toBe(fallback);
    expect(logs.find((l) => l.event === 'llm_fallback')?.reason).toBe(reason);
  });

  it('falls back when the model never answers within the timeout', async () => {
    const started = Date.now();
    expect(await play({ kind: 'hang' }, 300)).toBe(fallback);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(logs.find((l) => l.event === 'llm_fallback')?.reason).toBe('timeout');
  });

  it('falls back at once when the caller aborts', async () => {
    next = { kind: 'hang' };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    expect(await answerer().answer({ question, sources, fallback, signal: controller.signal })).toBe(fallback);
  });
});
