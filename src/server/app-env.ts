/** Hono environment of the chat service: what middleware hands to route handlers (types only). */
import type { AnswerMode } from '../types';

/** Fields of the one log line written per request; handlers fill in what they know. */
export interface RequestLogFields {
  mode?: AnswerMode;
  grounded?: boolean;
  question?: string;
  errorCode?: string;
  /** Set by streaming handlers: the line is written when the stream ends, not when headers go out. */
  streamDone?: Promise<unknown>;
}

/** The time a request has, from the moment the app sees it: reading its body, answering, streaming. */
export interface RequestDeadline {
  /** performance.now() at which the request times out. */
  readonly expiresAt: number;
  /**
   * Aborts at the deadline (reason: a TimeoutError, answered 503 timeout) or when the client goes
   * away (reason: an AbortError, logged as client_closed). Created on first use, so requests that
   * never wait on anything (health, tables, the widget) pay for no timer.
   */
  readonly signal: AbortSignal;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    log: RequestLogFields;
    /** When the request times out; its `signal` aborts then (503 timeout) or when the client goes away. */
    deadline: RequestDeadline;
  };
}
