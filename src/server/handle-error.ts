import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, ERROR_CATALOGUE, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { AppEnv } from './app-env';
import type { WireError } from './wire-types';

/** The contract's error body for a catalogue code; unknown failures carry the request id. */
export function errorBody(code: ErrorCode, requestId?: string): WireError {
  const body: WireError = { error: { code, message: ERROR_CATALOGUE[code].message } };
  if (code === 'internal' && requestId) body.error.requestId = requestId;
  return body;
}

/** Maps any thrown value to a JSON error response; users never see `error.message` or a stack. */
export function handleError(error: unknown, c: Context<AppEnv>, logger: Logger): Response {
  const appError = fromThrown(error);
  const requestId = c.get('requestId');
  const log = c.get('log');
  if (log) log.errorCode = appError.code;
  // Only a failure of ours deserves a stack; a deadline or a client leaving is an outcome, noted on the request line.
  if (appError.code === 'internal') {
    logger.error('request_failed', { requestId, code: appError.code, detail: appError.message,
      stack: appError.cause instanceof Error ? appError.cause.stack : undefined });
  }
  return c.json(errorBody(appError.code, requestId), appError.status as ContentfulStatusCode);
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request', 403: 'origin_not_allowed', 404: 'not_found', 405: 'method_not_allowed', 413: 'too_large', 429: 'rate_limited',
  431: 'headers_too_large', 503: 'timeout',
};

/** AppError as is; Hono's HTTPException by status (its message is English, so it is dropped); the rest internal. */
export function fromThrown(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    return new AppError(STATUS_CODES[error.status] ?? 'internal', error.message, { cause: error });
  }
  if (error instanceof Error && error.name === 'TimeoutError') return new AppError('timeout', 'timed out', { cause: error });
  if (error instanceof Error && error.name === 'AbortError') return new AppError('client_closed', 'aborted', { cause: error });
  return new AppError('internal', error instanceof Error ? error.message : String(error), { cause: error });
}
