import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';
import type { AppEnv } from './app-env';
import { nodeBindings, setResponseHeader } from './node-bindings';

/**
 * Reads a request body as UTF-8 text within the request's deadline, refusing more than `maxBytes`:
 * first by the declared Content-Length (nothing is read), then by counting the bytes actually
 * received (chunked uploads, lying headers). On Node it reads the socket's stream directly (no web
 * stream in between). A body still arriving at the deadline is answered 503 and the connection closed.
 * @throws AppError too_large, bad_request (not UTF-8), timeout (deadline), client_closed (upload aborted)
 */
export async function readBody(c: Context<AppEnv>, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError('too_large', `content-length ${declared} > ${maxBytes}`);
  const signal = c.get('deadline').signal;
  const node = nodeBindings(c);
  let bytes: Uint8Array;
  try {
    bytes = node ? await readIncoming(node.incoming, maxBytes, signal) : await readWebBody(c.req.raw, maxBytes, signal);
  } catch (error) {
    // The rest of the body will not be read: the connection cannot carry another request.
    if (error instanceof AppError && error.code !== 'client_closed') setResponseHeader(c, 'Connection', 'close');
    throw error;
  }
  try {
    return UTF8.decode(bytes);
  } catch (cause) {
    throw new AppError('bad_request', 'body is not valid UTF-8', { cause });
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function abortReason(signal: AbortSignal): AppError {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? new AppError('timeout', 'request body not received before the deadline', { cause: reason })
    : new AppError('client_closed', 'client closed the connection during the upload', { cause: reason });
}

function readIncoming(incoming: IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  if (incoming.readableEnded) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const finish = (error: AppError | null) => {
      incoming.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
    };
    const onData = (part: Buffer) => {
      size += part.byteLength;
      if (size > maxBytes) finish(new AppError('too_large', `body over ${maxBytes} bytes`));
      else parts.push(part);
    };
    const onEnd = () => finish(null);
    const onGone = () => finish(new AppError('client_closed', 'client closed the connection during the upload'));
    const onAbort = () => finish(abortReason(signal));
    incoming.on('data', onData).once('end', onEnd).once('error', onGone).once('close', onGone);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The same over a web Request (the app driven in-process). */
async function readWebBody(request: Request, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw abortReason(signal);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new AppError('too_large', `body over ${maxBytes} bytes`);
      }
      parts.push(value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(parts, size);
}
