/**
 * POST /api/feedback, reply ids, recording and the owner's /admin + CSV, in process with
 * app.request() over a real SQLite file. The answering core is a scripted Pipeline (our interface).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigOverrides } from '../../config';
import { createLogger } from '../../logger';
import { openRecordStore } from '../../store/open-record-store';
import type { RecordStore } from '../../store/record-store';
import type { Answer, Pipeline } from '../../types';
import { createApp } from '../create-app';

const TOKEN = 'test-admin-token-0123456789';
const answers: Record<string, Answer> = {
  广东有多少家区块链企业: { answer: '广东省有354家区块链企业[1]。', citations: [], facts: [], grounded: true, mode: 'extractive' },
  火星有多少家区块链企业: { answer: '报告中没有提及火星。', citations: [], facts: [], grounded: false, mode: 'extractive' },
};
const pipeline: Pipeline = {
  ask: async (messages) => answers[messages.at(-1)!.content.replace(/[？?]$/, '')] ?? answers.广东有多少家区块链企业,
  lookupFacts: () => ({ facts: [] }), listTables: () => [], getTable: () => undefined,
  health: () => ({ chunks: 1, embedder: 'static', corpus: 'x' }),
};

const cleanup: (() => void)[] = [];
afterEach(() => { for (const step of cleanup.splice(0)) step(); });

function setup(overrides: ConfigOverrides = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'qa-admin-'));
  const config = loadConfig({}, { QA_RATE_LIMIT: 0, QA_DATA_DIR: dataDir, QA_RECORD: 1, QA_ADMIN_TOKEN: TOKEN, ...overrides });
  const lines: Record<string, unknown>[] = [];
  const store: RecordStore = openRecordStore({ dataDir, record: config.store.record, retentionDays: config.store.retentionDays });
  cleanup.push(() => { store.close(); rmSync(dataDir, { recursive: true, force: true }); });
  const app = createApp({ pipeline, config, logger: createLogger('debug', (line) => lines.push(JSON.parse(line))), store });
  return { app, store, lines };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
const chat = (content: string, headers: Record<string, string> = {}) => json({ messages: [{ role: 'user', content }] }, headers);
const settle = () => new Promise((resolve) => setImmediate(resolve));
const bearer = (token = TOKEN) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('reply ids and recording', () => {
  it('records each question under the id its reply carries, with grounded, mode, latency and origin', async () => {
    const { app, store } = setup();
    const reply = await (await app.request('/api/chat', chat('火星有多少家区块链企业？', { Origin: 'https://news.example' }))).json();
    expect(reply.id).toMatch(/^[0-9a-f-]{36}$/);
    const completion = await (await app.request('/v1/chat/completions', chat('广东有多少家区块链企业？'))).json();
    expect(completion.id).toMatch(/^chatcmpl-/);
    await settle();
    const rows = store.exportRows();
    expect(rows.map((row) => [row.id, row.question, row.grounded, row.mode, row.origin, row.route])).toEqual(expect.arrayContaining([
      [reply.id, '火星有多少家区块链企业？', false, 'extractive', 'https://news.example', 'chat'],
      [completion.id, '广东有多少家区块链企业？', true, 'extractive', null, 'openai'],
    ]));
    expect(rows.every((row) => typeof row.latencyMs === 'number' && row.latencyMs >= 0)).toBe(true);
  });

  it('records nothing but feedback when QA_RECORD is off', async () => {
    const { app, store } = setup({ QA_RECORD: 0 });
    const reply = await (await app.request('/api/chat', chat('广东有多少家区块链企业？'))).json();
    expect((await app.request('/api/feedback', json({ id: reply.id, rating: 'up' }))).status).toBe(204);
    await settle();
    expect(store.exportRows()).toEqual([expect.objectContaining({ id: reply.id, question: null, rating: 'up' })]);
  });

  it('keeps answering when the database fails, and logs record_failed', async () => {
    const { app, store, lines } = setup();
    store.close();
    const response = await app.request('/api/chat', chat('广东有多少家区块链企业？'));
    expect(response.status).toBe(200);
    expect((await response.json()).answer).toContain('354');
    await settle();
    expect(lines.some((line) => line.event === 'record_failed')).toBe(true);
  });
});

describe('POST /api/feedback', () => {
  it('answers 204 and stores the rating with its reason', async () => {
    const { app, store } = setup();
    const response = await app.request('/api/feedback', json({ id: 'abc-1', rating: 'down', reason: ' 数字对不上 ' }));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(store.exportRows()[0]).toMatchObject({ id: 'abc-1', rating: 'down', reason: '数字对不上' });
  });

  it.each([
    ['not JSON', '{'],
    ['no id', JSON.stringify({ rating: 'up' })],
    ['a bad rating', JSON.stringify({ id: 'a', rating: 'meh' })],
    ['an id with spaces', JSON.stringify({ id: 'a b', rating: 'up' })],
    ['a reason over 500 characters', JSON.stringify({ id: 'a', rating: 'down', reason: '长'.repeat(501) })],
  ])('answers 400 bad_request in Chinese for %s', async (_, body) => {
    const { app, store } = setup();
    const response = await app.request('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(response.status).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/^反馈格式不正确/);
    expect(store.exportRows()).toEqual([]);
  });

  it('answers 500 with the catalogue message when the database is gone', async () => {
    const { app, store } = setup();
    store.close();
    const response = await app.request('/api/feedback', json({ id: 'abc', rating: 'up' }));
    expect(response.status).toBe(500);
    expect((await response.json()).error).toMatchObject({ code: 'internal', message: '服务暂时不可用，请稍后再试。' });
  });
});

describe('/admin and /api/admin/records.csv', () => {
  it('are 404 when QA_ADMIN_TOKEN is not set', async () => {
    const { app } = setup({ QA_ADMIN_TOKEN: '' });
    expect((await app.request('/admin', bearer())).status).toBe(404);
    expect((await app.request('/api/admin/records.csv', bearer())).status).toBe(404);
  });

  it('answer 401 unauthorized without or with a wrong token', async () => {
    const { app } = setup();
    for (const init of [{}, bearer('wrong-token-wrong-token'), bearer(`${TOKEN}x`)]) {
      for (const path of ['/admin', '/api/admin/records.csv']) {
        const response = await app.request(path, init);
        expect(response.status).toBe(401);
        expect((await response.json()).error.code).toBe('unauthorized');
      }
    }
    const page = await app.request('/admin', { headers: { Accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('管理口令');
  });

  it('shows questions per day, most asked, gaps, 👎 with reasons and sites, under a strict CSP', async () => {
    const { app } = setup();
    const origin = { Origin: 'https://news.example' };
    const ids: string[] = [];
    for (const question of ['广东有多少家区块链企业？', '广东有多少家区块链企业', '火星有多少家区块链企业？']) {
      ids.push((await (await app.request('/api/chat', chat(question, origin))).json()).id);
    }
    await app.request('/api/feedback', json({ id: ids[2], rating: 'down', reason: '<b>想知道火星</b>' }, origin));
    await settle();
    const response = await app.request('/admin', bearer());
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).not.toContain('<script');
    for (const heading of ['每日问题数', '最常问的问题', '报告未能回答的问题（内容缺口）', '被评为 👎 的回答', '嵌入组件的网站']) {
      expect(html).toContain(heading);
    }
    expect(html).toMatch(/<td>广东有多少家区块链企业？?<\/td><td class="num">2<\/td>/);
    expect(html).toContain('&lt;b&gt;想知道火星&lt;/b&gt;');
    expect(html).toContain('<td>https://news.example</td><td class="num">3</td><td class="num">1</td>');
    expect(html).toMatch(/role="img" aria-label="柱状图：近 30 天每日问题数，共 3 个"/);
  });

  it('logs in with the form (HttpOnly SameSite=Strict cookie) and exports the CSV with reasons', async () => {
    const { app } = setup();
    const reply = await (await app.request('/api/chat', chat('=HYPERLINK("x")'))).json();
    await app.request('/api/feedback', json({ id: reply.id, rating: 'down', reason: '答非所问, "引号"' }));
    await settle();
    const wrong = await app.request('/admin/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'text/html' }, body: 'token=nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('口令不正确');
    const login = await app.request('/admin/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${encodeURIComponent(TOKEN)}` });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const session = { headers: { Cookie: cookie.split(';')[0] } };
    expect((await app.request('/admin', session)).status).toBe(200);
    const csv = await app.request('/api/admin/records.csv', session);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('id,time,origin,route,question,answer,grounded,mode,latency_ms,rating,reason,rated_at');
    expect(row).toContain(`${reply.id},`);
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"答非所问, ""引号"""');
  });
});
