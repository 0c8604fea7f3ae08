import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { DATABASE_FILE, openRecordStore, questionKey } from './open-record-store';
import type { RecordStore } from './record-store';

const DAY = 86_400_000;
const dirs: string[] = [];
const stores: RecordStore[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qa-store-'));
  dirs.push(dir);
  return dir;
}

function open(dataDir: string, record = true, retentionDays = 30): RecordStore {
  const store = openRecordStore({ dataDir, record, retentionDays, busyTimeoutMs: 200 });
  stores.push(store);
  return store;
}

const answer = (id: string, question: string, extra: Partial<Parameters<RecordStore['addAnswer']>[0]> = {}) => ({
  id, question, answer: `回答：${question}`, grounded: true, mode: 'extractive', latencyMs: 3.4, origin: 'https://site.example', route: 'chat',
  ...extra,
});

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('openRecordStore (real SQLite file)', () => {
  it('creates the file in WAL mode at the current schema version', () => {
    const dir = tempDir();
    open(dir).close();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['answers', 'feedback']);
    db.close();
  });

  it('keeps answers and feedback across a restart', () => {
    const dir = tempDir();
    const first = open(dir);
    first.addAnswer(answer('a1', '广东有多少家区块链企业？'));
    first.addFeedback({ id: 'a1', rating: 'down', reason: '想看全国排名', origin: 'https://site.example' });
    first.close();
    const rows = open(dir).exportRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'a1', question: '广东有多少家区块链企业？', grounded: true, rating: 'down', reason: '想看全国排名',
      origin: 'https://site.example', latencyMs: 3 });
  });

  it('stores feedback but no answers when recording is off', () => {
    const store = open(tempDir(), false);
    store.addAnswer(answer('a1', '问题'));
    store.addFeedback({ id: 'a1', rating: 'up', origin: null });
    expect(store.exportRows()).toEqual([expect.objectContaining({ id: 'a1', question: null, rating: 'up' })]);
    expect(store.summary().totals).toEqual({ questions: 0, ungrounded: 0, up: 1, down: 0 });
  });

  it('lets a later rating of the same reply replace the earlier one', () => {
    const store = open(tempDir());
    store.addFeedback({ id: 'a1', rating: 'up', origin: null });
    store.addFeedback({ id: 'a1', rating: 'down', reason: '数字不对', origin: null });
    expect(store.exportRows().map((row) => [row.rating, row.reason])).toEqual([['down', '数字不对']]);
  });

  it('deletes rows older than the retention, at start-up and on purge()', () => {
    const dir = tempDir();
    const now = Date.now();
    const store = open(dir, true, 7);
    store.addAnswer(answer('old', '旧问题', { at: now - 8 * DAY }));
    store.addAnswer(answer('new', '新问题', { at: now - 6 * DAY }));
    store.addFeedback({ id: 'old', rating: 'down', origin: null, at: now - 8 * DAY });
    expect(store.purge(now)).toBe(2);
    expect(store.exportRows().map((row) => row.id)).toEqual(['new']);
    store.addAnswer(answer('older', '更旧的问题', { at: now - 30 * DAY }));
    store.close();
    expect(open(dir, true, 7).exportRows().map((row) => row.id)).toEqual(['new']);
  });

  it('summarises per day, most asked, gaps, 👎 reasons and sites', () => {
    const store = open(tempDir());
    const now = Date.now();
    store.addAnswer(answer('a1', '广东有多少家区块链企业？', { at: now - DAY }));
    store.addAnswer(answer('a2', '广东有多少家区块链企业', { at: now }));
    store.addAnswer(answer('a3', '火星上有区块链吗？', { grounded: false, origin: 'https://other.example', at: now }));
    store.addFeedback({ id: 'a3', rating: 'down', reason: '没有回答', origin: 'https://other.example', at: now });
    const summary = store.summary({ days: 7, now });
    expect(summary.totals).toEqual({ questions: 3, ungrounded: 1, up: 0, down: 1 });
    expect(summary.perDay).toHaveLength(7);
    expect(summary.perDay.at(-1)).toMatchObject({ questions: 2, ungrounded: 1 });
    expect(summary.perDay.at(-2)).toMatchObject({ questions: 1, ungrounded: 0 });
    expect(summary.mostAsked[0]).toMatchObject({ question: '广东有多少家区块链企业', count: 2 });
    expect(summary.gaps).toEqual([expect.objectContaining({ question: '火星上有区块链吗？', count: 1 })]);
    expect(summary.downVotes).toEqual([expect.objectContaining({ id: 'a3', reason: '没有回答', question: '火星上有区块链吗？' })]);
    expect(summary.sites.map((site) => [site.origin, site.questions, site.feedback])).toEqual([
      ['https://site.example', 2, 0], ['https://other.example', 1, 1]]);
  });

  it('refuses a corrupt file with one line naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATABASE_FILE), 'this is not a database, just text '.repeat(200));
    const error = (() => { try { open(dir); } catch (thrown) { return thrown; } })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('store_unavailable');
    expect((error as AppError).message).toContain(DATABASE_FILE);
    expect((error as AppError).message).not.toContain('\n');
  });

  it('refuses a file another process holds an exclusive lock on', () => {
    const dir = tempDir();
    open(dir).close();
    const holder = new Database(join(dir, DATABASE_FILE));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => open(dir)).toThrow(/SQLITE_BUSY|locked/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('lets two processes create a fresh file at once: the one that waits finds the schema in place', async () => {
    const dir = tempDir();
    // The file exists in WAL mode but is empty, and this process holds its write lock, so both openers read
    // schema version 0 and then queue for the lock: the second must not create the tables again.
    const holder = new Database(join(dir, DATABASE_FILE));
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    const root = resolve(import.meta.dirname, '../..');
    const openers = [0, 1].map(() => {
      const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'tests/fixtures/open-record-store-process.ts'), dir], { cwd: root });
      let output = '';
      const opening = new Promise<void>((done) => child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('opening')) done();
      }));
      const finished = new Promise<string>((done) => child.once('exit', () => done(output.replace('opening\n', '').trim())));
      return { opening, finished };
    });
    await Promise.all(openers.map((opener) => opener.opening));
    // Long enough for both to read the version and reach the lock (they wait up to 20 s for it).
    await new Promise((done) => setTimeout(done, 1000));
    holder.exec('COMMIT');
    holder.close();
    expect(await Promise.all(openers.map((opener) => opener.finished))).toEqual(['ok', 'ok']);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('keys questions without punctuation, spaces or case', () => {
    expect(questionKey(' 广东有多少家 区块链企业？')).toBe(questionKey('广东有多少家区块链企业'));
    expect(questionKey('What is BSN?')).toBe('whatisbsn');
  });
});
