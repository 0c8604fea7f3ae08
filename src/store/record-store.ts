/**
 * What the service keeps for the site owner (types only): feedback on answers, and, when
 * QA_RECORD=1, one record per answered question. No IP address or other client identifier is kept.
 */

/** One answered question (QA_RECORD=1). */
export interface AnswerRecord {
  /** The reply's `id` as sent to the client. */
  id: string;
  question: string;
  answer: string;
  grounded: boolean;
  mode: string;
  latencyMs: number;
  /** The embedding site's origin (`Origin` header), or null for non-browser clients. */
  origin: string | null;
  /** Which route answered: 'chat' (POST /api/chat) or 'openai' (POST /v1/chat/completions). */
  route: string;
  /** Milliseconds since the epoch; defaults to now. */
  at?: number;
}

/** A 👍/👎 on one reply; the latest rating for an id replaces an earlier one. */
export interface FeedbackRecord {
  id: string;
  rating: 'up' | 'down';
  reason?: string;
  origin: string | null;
  at?: number;
}

export interface DayCount { day: string; questions: number; ungrounded: number }
export interface QuestionCount { question: string; count: number; last: number }
export interface DownVote { id: string; at: number; reason: string; question: string | null; answer: string | null }
export interface SiteCount { origin: string; questions: number; feedback: number; last: number }

/** What the owner's page shows, over the last `days` days. */
export interface RecordSummary {
  days: number;
  recording: boolean;
  totals: { questions: number; ungrounded: number; up: number; down: number };
  perDay: DayCount[];
  mostAsked: QuestionCount[];
  /** Questions answered with grounded: false — what the report does not cover. */
  gaps: QuestionCount[];
  downVotes: DownVote[];
  sites: SiteCount[];
}

/** One exported row: an answer with its feedback, or feedback whose answer was not recorded. */
export interface ExportRow {
  id: string;
  at: number;
  origin: string | null;
  route: string | null;
  question: string | null;
  answer: string | null;
  grounded: boolean | null;
  mode: string | null;
  latencyMs: number | null;
  rating: string | null;
  reason: string | null;
  ratedAt: number | null;
}

export interface RecordStore {
  /** The database file. */
  readonly file: string;
  /** Whether answers are recorded (QA_RECORD=1); feedback is stored either way. */
  readonly recording: boolean;
  /** Records an answer when recording is on; a no-op otherwise. @throws on a database failure. */
  addAnswer(record: AnswerRecord): void;
  /** @throws on a database failure. */
  addFeedback(record: FeedbackRecord): void;
  /** Deletes answers and feedback older than the retention; returns how many rows went. */
  purge(now?: number): number;
  summary(options?: { days?: number; now?: number }): RecordSummary;
  /** Every kept answer and feedback, oldest first. */
  exportRows(): ExportRow[];
  close(): void;
}
