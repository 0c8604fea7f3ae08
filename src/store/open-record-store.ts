import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../errors';
import type { AnswerRecord, DayCount, DownVote, ExportRow, FeedbackRecord, QuestionCount, RecordStore, RecordSummary,
  SiteCount } from './record-store';

/** The file inside QA_DATA_DIR. */
export const DATABASE_FILE = 'report-qa.sqlite';
const DAY_MS = 86_400_000;
/** Retention runs at start-up and then this often. */
const PURGE_EVERY_MS = 3_600_000;
const LIST_LIMIT = 50;
const MAX_ANSWER_CHARS = 4000;

/** Schema versions, applied in order inside one transaction each; PRAGMA user_version is the last applied. */
const MIGRATIONS = [
  `CREATE TABLE answers (
     id TEXT PRIMARY KEY, at INTEGER NOT NULL, question TEXT NOT NULL, question_key TEXT NOT NULL, answer TEXT NOT NULL,
     grounded INTEGER NOT NULL, mode TEXT NOT NULL, latency_ms INTEGER NOT NULL, origin TEXT, route TEXT NOT NULL);
   CREATE INDEX answers_at ON answers (at);
   CREATE INDEX answers_key ON answers (question_key);
   CREATE TABLE feedback (
     id TEXT PRIMARY KEY, at INTEGER NOT NULL, rating TEXT NOT NULL CHECK (rating IN ('up', 'down')), reason TEXT, origin TEXT);
   CREATE INDEX feedback_at ON feedback (at);`,
];

export interface RecordStoreOptions {
  /** Folder of the database file (QA_DATA_DIR); created when missing. */
  dataDir: string;
  /** QA_RECORD: record answered questions too. */
  record: boolean;
  /** QA_RECORD_DAYS: rows older than this are deleted. */
  retentionDays: number;
  /** How long a write waits for another process's lock before failing (ms). Default 2000. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating and migrating) the service's SQLite database `QA_DATA_DIR/report-qa.sqlite` in WAL
 * mode, checks it, applies the retention, and returns the store. The only importer of better-sqlite3.
 * @throws AppError store_unavailable, with a one-line detail, when the file is corrupt, locked or unwritable.
 */
export function openRecordStore(options: RecordStoreOptions): RecordStore {
  const file = resolve(options.dataDir, DATABASE_FILE);
  let db: Database.Database | undefined;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    db = new Database(file, { timeout: options.busyTimeoutMs ?? 2000 });
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a committed write survives a process crash; only an OS crash may lose the last ones.
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    migrate(db);
    const store = createStore(db, file, options);
    // The first retention pass is also the first write: a file locked by another process fails here, at start-up.
    store.purge();
    return store;
  } catch (error) {
    db?.close();
    throw new AppError('store_unavailable', `${file}: ${describe(error)}`, { cause: error });
  }
}

function migrate(db: Database.Database): void {
  const current = () => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) throw new Error(`schema version ${version} is newer than this service (${MIGRATIONS.length})`);
    return version;
  };
  // Each step reads the version again once it holds the write lock: another process starting on the same
  // fresh file (two services starting at once) may have applied it while this one waited.
  while (current() < MIGRATIONS.length) {
    db.transaction(() => {
      const version = current();
      if (version === MIGRATIONS.length) return;
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

function createStore(db: Database.Database, file: string, options: RecordStoreOptions): RecordStore {
  const retentionMs = options.retentionDays * DAY_MS;
  const insertAnswer = db.prepare(`INSERT OR REPLACE INTO answers
    (id, at, question, question_key, answer, grounded, mode, latency_ms, origin, route)
    VALUES (@id, @at, @question, @key, @answer, @grounded, @mode, @latencyMs, @origin, @route)`);
  const upsertFeedback = db.prepare(`INSERT INTO feedback (id, at, rating, reason, origin) VALUES (@id, @at, @rating, @reason, @origin)
    ON CONFLICT (id) DO UPDATE SET at = excluded.at, rating = excluded.rating, reason = excluded.reason, origin = excluded.origin`);
  const deleteAnswers = db.prepare('DELETE FROM answers WHERE at < ?');
  const deleteFeedback = db.prepare('DELETE FROM feedback WHERE at < ?');

  const purge = (now = Date.now()) => {
    const cutoff = now - retentionMs;
    return db.transaction(() => deleteAnswers.run(cutoff).changes + deleteFeedback.run(cutoff).changes).immediate();
  };
  const timer = setInterval(() => {
    try { purge(); } catch { /* The next round tries again; writes report their own failures. */ }
  }, PURGE_EVERY_MS);
  timer.unref();

  return {
    file,
    recording: options.record,
    addAnswer(record: AnswerRecord) {
      if (!options.record) return;
      insertAnswer.run({ id: record.id, at: record.at ?? Date.now(), question: record.question, key: questionKey(record.question),
        answer: record.answer.slice(0, MAX_ANSWER_CHARS), grounded: record.grounded ? 1 : 0, mode: record.mode,
        latencyMs: Math.round(record.latencyMs), origin: record.origin, route: record.route });
    },
    addFeedback(record: FeedbackRecord) {
      upsertFeedback.run({ id: record.id, at: record.at ?? Date.now(), rating: record.rating, reason: record.reason || null,
        origin: record.origin });
    },
    purge,
    summary: (summaryOptions = {}) => summarize(db, options.record, summaryOptions.days ?? 30, summaryOptions.now ?? Date.now()),
    exportRows: () => exportRows(db),
    close() {
      clearInterval(timer);
      if (db.open) db.close();
    },
  };
}

/** Same question, same key: whitespace, punctuation and letter case do not split the 「most asked」 counts. */
export function questionKey(question: string): string {
  return question.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

function summarize(db: Database.Database, recording: boolean, days: number, now: number): RecordSummary {
  const since = startOfDay(now) - (days - 1) * DAY_MS;
  const totals = db.prepare(`SELECT count(*) AS questions, coalesce(sum(grounded = 0), 0) AS ungrounded
    FROM answers WHERE at >= ?`).get(since) as { questions: number; ungrounded: number };
  const votes = db.prepare(`SELECT coalesce(sum(rating = 'up'), 0) AS up, coalesce(sum(rating = 'down'), 0) AS down
    FROM feedback WHERE at >= ?`).get(since) as { up: number; down: number };
  const counted = db.prepare(`SELECT date(at / 1000, 'unixepoch', 'localtime') AS day, count(*) AS questions,
    sum(grounded = 0) AS ungrounded FROM answers WHERE at >= ? GROUP BY day`).all(since) as DayCount[];
  const byDay = new Map(counted.map((row) => [row.day, row]));
  const perDay: DayCount[] = [];
  for (let i = 0; i < days; i++) {
    const day = localDate(since + i * DAY_MS + DAY_MS / 2);
    perDay.push(byDay.get(day) ?? { day, questions: 0, ungrounded: 0 });
  }
  const ranked = (where: string) => db.prepare(`SELECT
      (SELECT question FROM answers latest WHERE latest.question_key = a.question_key ORDER BY at DESC LIMIT 1) AS question,
      count(*) AS count, max(at) AS last
    FROM answers a WHERE at >= ? ${where} GROUP BY question_key ORDER BY count DESC, last DESC LIMIT ${LIST_LIMIT}`)
    .all(since) as QuestionCount[];
  const downVotes = db.prepare(`SELECT f.id AS id, f.at AS at, coalesce(f.reason, '') AS reason, a.question AS question, a.answer AS answer
    FROM feedback f LEFT JOIN answers a ON a.id = f.id WHERE f.rating = 'down' AND f.at >= ?
    ORDER BY f.at DESC LIMIT ${LIST_LIMIT}`).all(since) as DownVote[];
  const sites = db.prepare(`SELECT origin, sum(question) AS questions, sum(vote) AS feedback, max(at) AS last FROM (
      SELECT origin, 1 AS question, 0 AS vote, at FROM answers WHERE at >= ? AND origin IS NOT NULL
      UNION ALL SELECT origin, 0, 1, at FROM feedback WHERE at >= ? AND origin IS NOT NULL)
    GROUP BY origin ORDER BY questions DESC, feedback DESC LIMIT ${LIST_LIMIT}`).all(since, since) as SiteCount[];
  return { days, recording, totals: { ...totals, ...votes }, perDay, mostAsked: ranked(''), gaps: ranked('AND grounded = 0'),
    downVotes, sites };
}

function exportRows(db: Database.Database): ExportRow[] {
  const rows = db.prepare(`SELECT a.id, a.at, a.origin, a.route, a.question, a.answer, a.grounded, a.mode, a.latency_ms AS latencyMs,
      f.rating, f.reason, f.at AS ratedAt
    FROM answers a LEFT JOIN feedback f ON f.id = a.id
    UNION ALL
    SELECT f.id, f.at, f.origin, NULL, NULL, NULL, NULL, NULL, NULL, f.rating, f.reason, f.at
    FROM feedback f WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.id = f.id)
    ORDER BY 2, 1`).all() as (Omit<ExportRow, 'grounded'> & { grounded: number | null })[];
  return rows.map((row) => ({ ...row, grounded: row.grounded === null ? null : row.grounded === 1 }));
}

function startOfDay(now: number): number {
  const date = new Date(now);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

function localDate(time: number): string {
  const date = new Date(time);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return `${typeof code === 'string' ? `${code}: ` : ''}${message}`.replace(/\s+/g, ' ');
}
