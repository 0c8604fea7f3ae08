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

export interface AppEnv {
  Variables: {
    requestId: string;
    log: RequestLogFields;
    /** Aborts at the request deadline (reason: 'timeout') or when the client goes away. */
    signal: AbortSignal;
  };
}
