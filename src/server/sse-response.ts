import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { AppError } from '../errors';
import type { Logger } from '../logger';
import type { AppEnv } from './app-env';
import { fromThrown } from './handle-error';

/**
 * An SSE response whose failures stay ours: errors thrown by `write` are caught inside the
 * stream callback and reported through `writeError` with a catalogue code and Chinese message
 * (Hono's own error path would send the raw `e.message`). The request's log line waits for the
 * stream's end.
 */
export function sseResponse(
  c: Context<AppEnv>,
  logger: Logger,
  write: (stream: SSEStreamingApi) => Promise<void>,
  writeError: (stream: SSEStreamingApi, error: AppError) => Promise<void>,
): Response {
  let finish = () => {};
  const log = c.get('log');
  log.streamDone = new Promise<void>((resolve) => { finish = resolve; });
  const response = streamSSE(c, async (stream) => {
    try {
      await write(stream);
    } catch (thrown) {
      const error = fromThrown(thrown);
      log.errorCode = error.code;
      if (error.code === 'internal') logger.error('stream_failed', { requestId: c.get('requestId'), code: error.code, detail: error.message });
      if (!stream.aborted && !stream.closed) await writeError(stream, error).catch(() => undefined);
    } finally {
      finish();
    }
  });
  // Declared explicitly: without a charset some clients (e.g. Playwright's reader) decode the stream as Latin-1.
  response.headers.set('Content-Type', 'text/event-stream; charset=utf-8');
  return response;
}
