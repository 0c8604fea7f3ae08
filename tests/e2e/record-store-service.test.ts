/**
 * The embedded database under the real service (`src/cli/main.ts serve`) on a real file: two
 * server processes sharing it under autocannon lose no feedback and no record, a restart keeps
 * them, retention deletes old rows at start-up, a corrupt or locked file stops start-up with one
 * line, a database that fails while serving never stops the chat, and suggested next questions
 * are questions the running service answers from the report.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openRecordStore } from '../../src/store/open-record-store';
import { startQaServer, type QaServer } from './pages/start-qa-server';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'record-store-service-token';
const DAY = 86_400_000;
const dirs: string[] = [];
const servers: QaServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-records-'));
  dirs.push(dir);
  return dir;
}

async function start(dir: string, env: Record<string, string> = {}): Promise<QaServer> {
  const server = await startQaServer({ QA_DATA_DIR: dir, QA_RECORD: '1', QA_ADMIN_TOKEN: TOKEN, ...env });
  servers.push(server);
  return server;
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body) });

/** `serve` expected to refuse to start: its exit code and what it printed. */
function serveUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'serve'], {
      cwd: ROOT, env: { ...process.env, PORT: '0', QA_LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => { clearTimeout(timer); done({ code, output }); });
  });
}

interface LoadResult { ok: number; other: number; errors: number }

/** autocannon posting feedback with a fresh id per request; counts what the server acknowledged. */
function loadFeedback(url: string, prefix: string, amount: number): Promise<LoadResult> {
  const autocannon = createRequire(import.meta.url)('autocannon') as (options: object,
    callback: (error: Error | null, result: { errors: number }) => void) => { on(event: 'response', listener: (c: unknown, status: number) => void): void };
  let next = 0;
  let ok = 0;
  let other = 0;
  return new Promise((done, fail) => {
    const instance = autocannon({
      url: `${url}/api/feedback`, connections: 8, amount,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' },
        setupRequest: (request: object) => ({ ...request, body: JSON.stringify({ id: `${prefix}-${next++}`, rating: next % 3 ? 'up' : 'down',
          reason: next % 3 ? undefined : `原因 ${next}` }) }) }],
    }, (error, result) => (error ? fail(error) : done({ ok, other, errors: result.errors })));
    instance.on('response', (_client, status) => { if (status === 204) ok += 1; else other += 1; });
  });
}

function count(dir: string, table: 'answers' | 'feedback'): number {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('the embedded database under the real service', () => {
  const shared = dataDir();
  let chats = 0;
  let restarted: QaServer;

  it('loses nothing when two server processes write to one file under load', async () => {
    const [a, b] = await Promise.all([start(shared), start(shared)]);
    const chatLoad = async (server: QaServer) => {
      for (const question of ['广东有多少家区块链企业？', '全国有多少家区块链产业园？', '今天天气怎么样？']) {
        const response = await post(`${server.url}/api/chat`, { messages: [{ role: 'user', content: question }] });
        expect(response.status).toBe(200);
        chats += 1;
      }
    };
    const [loadA, loadB] = await Promise.all([loadFeedback(a.url, 'a', 1500), loadFeedback(b.url, 'b', 1500), chatLoad(a), chatLoad(b)]);
    expect(loadA).toEqual({ ok: 1500, other: 0, errors: 0 });
    expect(loadB).toEqual({ ok: 1500, other: 0, errors: 0 });
    await new Promise((done) => setTimeout(done, 200));
    expect(count(shared, 'feedback')).toBe(3000);
    expect(count(shared, 'answers')).toBe(chats);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('keeps every record across a restart, and deletes rows older than QA_RECORD_DAYS when it starts', async () => {
    // Rows from ten days ago, written while no server runs; a restart with a 7-day retention removes them.
    const db = new Database(join(shared, DATABASE_FILE));
    const now = Date.now();
    db.prepare(`INSERT INTO answers (id, at, question, question_key, answer, grounded, mode, latency_ms, origin, route)
      VALUES ('old-answer', ?, '问题', '问题', '回答', 1, 'extractive', 1, NULL, 'chat')`).run(now - 10 * DAY);
    db.prepare("INSERT INTO feedback (id, at, rating) VALUES ('old-vote', ?, 'down')").run(now - 10 * DAY);
    db.close();
    restarted = await start(shared, { QA_RECORD_DAYS: '7' });
    const response = await fetch(`${restarted.url}/api/admin/records.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const csv = await response.text();
    const lines = csv.trim().split('\r\n');
    // Header + one line per feedback whose answer was not recorded + one per recorded answer.
    expect(lines.length).toBe(1 + 3000 + chats);
    expect(csv).not.toContain('old-answer');
    expect(csv).not.toContain('old-vote');
  });

  it('refuses to start on a corrupt or a locked database file, with one line', async () => {
    const corrupt = dataDir();
    writeFileSync(join(corrupt, DATABASE_FILE), 'not a database '.repeat(500));
    const locked = dataDir();
    openRecordStore({ dataDir: locked, record: true, retentionDays: 90 }).close();
    const holder = new Database(join(locked, DATABASE_FILE));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec("BEGIN EXCLUSIVE; DELETE FROM feedback WHERE id = 'none'");
    try {
      const [bad, busy] = await Promise.all([serveUntilExit({ QA_DATA_DIR: corrupt }), serveUntilExit({ QA_DATA_DIR: locked })]);
      for (const { code, output } of [bad, busy]) {
        expect(code).toBe(1);
        expect(output.trim().split('\n'), output).toHaveLength(1);
        expect(output).toMatch(/^记录数据库无法打开（文件损坏、被占用或不可写），请检查 QA_DATA_DIR。 \(store_unavailable: .*report-qa\.sqlite: /);
      }
      expect(bad.output).toContain('SQLITE_NOTADB');
      expect(busy.output).toContain('SQLITE_BUSY');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('keeps answering while recording fails, and records again once the database is free', async () => {
    const server = restarted;
    const before = count(shared, 'answers');
    // Another process holds the write lock (the server's busy timeout runs out).
    const holder = new Database(join(shared, DATABASE_FILE));
    holder.exec("BEGIN IMMEDIATE; DELETE FROM feedback WHERE id = 'none'");
    try {
      const response = await post(`${server.url}/api/chat`, { messages: [{ role: 'user', content: '广东有多少家区块链企业？' }] });
      expect(response.status).toBe(200);
      expect((await response.json()).answer).toContain('354');
      const feedback = await post(`${server.url}/api/feedback`, { id: 'while-locked', rating: 'up' });
      expect(feedback.status).toBe(500);
      expect((await feedback.json()).error.code).toBe('internal');
      await new Promise((done) => setTimeout(done, 2500));
      expect(server.output()).toContain('record_failed');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(count(shared, 'answers')).toBe(before);
    const later = await post(`${server.url}/api/chat`, { messages: [{ role: 'user', content: '全国有多少家区块链产业园？' }] });
    expect(later.status).toBe(200);
    expect((await post(`${server.url}/api/feedback`, { id: 'after-lock', rating: 'up' })).status).toBe(204);
    await new Promise((done) => setTimeout(done, 200));
    expect(count(shared, 'answers')).toBe(before + 1);
  });
});

describe('suggested next questions', () => {
  it('are questions the running service answers from the report (grounded: true)', async () => {
    const server = servers.at(-1) ?? await start(dataDir());
    const samples = ['广东有多少家区块链企业？', '全国有多少家区块链产业园？', '投融资金额最高的区块链企业是哪家？', '上海有几家区块链企业？',
      '湖南有哪些区块链产业园？', '区块链相关企业有多少家？', '2020年上半年区块链专利公开了多少？'];
    const asked: string[] = [];
    for (const question of samples) {
      const reply = await (await post(`${server.url}/api/chat`, { messages: [{ role: 'user', content: question }] })).json();
      expect(reply.suggestions ?? [], question).toBeInstanceOf(Array);
      expect((reply.suggestions ?? []).length, question).toBeLessThanOrEqual(3);
      asked.push(...(reply.suggestions ?? []));
    }
    expect(asked.length).toBeGreaterThanOrEqual(12);
    const ungrounded: string[] = [];
    for (const question of asked) {
      const reply = await (await post(`${server.url}/api/chat`, { messages: [{ role: 'user', content: question }] })).json();
      if (!reply.grounded) ungrounded.push(question);
    }
    expect(ungrounded).toEqual([]);
  });
});
