/**
 * Wire shapes of the HTTP contract (../shared/API.md). Types only: the widget imports them with
 * `import type`, so nothing here may pull server code into the browser bundle.
 */
import type { Answer, AnswerFact, AnswerMode, Citation } from '../types';

export interface WireMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export interface ChatRequest {
  messages: WireMessage[];
  stream?: boolean;
}

/**
 * The reply of POST /api/chat: the contract's fields of an Answer (`understood` and `suggestions` are
 * our extensions) and the reply `id` that POST /api/feedback refers to.
 */
export type ChatReply = Pick<Answer, 'answer' | 'citations' | 'facts' | 'grounded' | 'mode' | 'understood' | 'suggestions'> & { id: string };

/** POST /api/feedback: a 👍/👎 on one reply, with an optional reason. Answered 204. */
export interface FeedbackRequest {
  id: string;
  rating: 'up' | 'down';
  reason?: string;
}

/**
 * A `facts[]` item as the widget reads it: the contract's fields, plus `section` (heading path of a
 * prose fact's section) and `text` (the value as printed, e.g. "8.10%") when the service sends them.
 */
export type WireFact = AnswerFact & { section?: string; text?: string };

export interface WireError {
  error: { code: string; message: string; requestId?: string };
}

/** Server-Sent Events of POST /api/chat with stream: true, in order. */
export type ChatEvent =
  | { event: 'meta'; data: { id: string; mode: AnswerMode; understood?: string } }
  | { event: 'delta'; data: { text: string } }
  | { event: 'citations'; data: { citations: Citation[]; facts: AnswerFact[]; grounded: boolean; suggestions?: string[] } }
  | { event: 'done'; data: { id: string } }
  | { event: 'error'; data: { code: string; message: string } };

export interface TableListReply {
  tables: { id: string; caption: string; rows: number }[];
}

export interface TableReply {
  id: string;
  caption: string;
  section: string;
  line: number;
  columns: string[];
  rows: string[][];
}

export interface HealthReply {
  ok: boolean;
  chunks: number;
  embedder: string;
  corpus: string;
}
