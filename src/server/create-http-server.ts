import { getRequestListener } from '@hono/node-server';
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { errorBody } from './handle-error';

export interface HttpServerOptions {
  /** The app's fetch handler (`app.fetch` of {@link createApp}). */
  fetch: (request: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Response | Promise<Response>;
  logger: Logger;
  /** QA_REQUEST_TIMEOUT_MS: also bounds how long a client may take to send its headers. */
  requestTimeoutMs: number;
  /** QA_MAX_BODY_BYTES: a declared larger body is refused before `100 Continue`. */
  maxBodyBytes: number;
  /** Host name for requests without a Host header (HTTP/1.0). */
  hostname: string;
}

/** Methods the routes answer; what a request that never reaches them is told (`Allow`). */
const ALLOW = 'GET, HEAD, POST, OPTIONS';

/**
 * The node:http server of the service: the Hono app behind @hono/node-server's listener, plus the
 * cases that never reach the app answered in the contract's JSON error shape with a Chinese message
 * (Node's own replies are bodiless or text/plain): parser errors (bad or duplicate Content-Length,
 * broken chunked encoding, oversized headers, garbage), timeouts while receiving the request, a
 * missing or invalid Host, `Expect` values other than 100-continue, `CONNECT`, `OPTIONS *`.
 * Each such reply closes the connection and writes one `request` log line (no stack).
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { logger } = options;
  const log = (fields: { method?: string; route?: string; status: number; errorCode?: string; detail?: string; requestId: string }) =>
    logger.info('request', { ms: 0, ...fields });

  const appListener = getRequestListener(options.fetch as Parameters<typeof getRequestListener>[0], {
    hostname: options.hostname,
    // Only the request could not be built (invalid Host, target or method): the app was never called.
    errorHandler: (error) => {
      const requestId = randomUUID();
      const code: ErrorCode = error instanceof Error && error.name === 'RequestError' ? 'bad_request' : 'internal';
      log({ requestId, status: ERROR_CATALOGUE[code].status, errorCode: code, detail: error instanceof Error ? error.message : String(error) });
      return jsonError(code, requestId);
    },
  });

  const listener = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    if (incoming.url === '*') {
      // `OPTIONS *` asks what the server supports; any other method with `*` is malformed.
      if (incoming.method === 'OPTIONS') {
        outgoing.writeHead(204, { Allow: ALLOW }).end();
        return void log({ requestId: randomUUID(), method: 'OPTIONS', route: '*', status: 204 });
      }
      return void replyError(incoming, outgoing, 'bad_request', 'request target *');
    }
    if (incoming.headers.host === undefined && incoming.httpVersion === '1.1') {
      return void replyError(incoming, outgoing, 'bad_request', 'HTTP/1.1 request without Host');
    }
    return appListener(incoming, outgoing);
  };

  const replyError = (incoming: IncomingMessage, outgoing: ServerResponse, code: ErrorCode, detail: string) => {
    const requestId = randomUUID();
    const body = JSON.stringify(errorBody(code, requestId));
    const status = ERROR_CATALOGUE[code].status;
    outgoing.shouldKeepAlive = false;
    outgoing.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body),
      'X-Request-Id': requestId, Connection: 'close', ...(code === 'method_not_allowed' ? { Allow: ALLOW } : {}) });
    outgoing.end(body);
    log({ requestId, method: incoming.method, route: routeOf(incoming.url), status, errorCode: code, detail });
  };

  const server = createServer({
    // Missing Host is answered by `listener` above in JSON instead of Node's bodiless 400.
    requireHostHeader: false,
    headersTimeout: options.requestTimeoutMs,
    // A backstop: the app's deadline answers a body that never arrives first (503 timeout).
    requestTimeout: options.requestTimeoutMs + 1_000,
    // How often Node checks those timeouts (default 30 s, which let a stalled request live ~60 s past its deadline).
    connectionsCheckingInterval: Math.min(1_000, options.requestTimeoutMs),
  }, listener);

  server.on('checkContinue', (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const declared = Number(incoming.headers['content-length']);
    if (declared > options.maxBodyBytes) return replyError(incoming, outgoing, 'too_large', `content-length ${declared} before 100-continue`);
    outgoing.writeContinue();
    listener(incoming, outgoing);
  });
  server.on('checkExpectation', (incoming: IncomingMessage, outgoing: ServerResponse) =>
    replyError(incoming, outgoing, 'expectation_failed', `expect: ${incoming.headers.expect}`));
  // Without a listener Node drops a CONNECT request's socket without a word.
  server.on('connect', (incoming: IncomingMessage, socket: Duplex) => {
    writeRaw(socket, 'method_not_allowed', (requestId) =>
      log({ requestId, method: 'CONNECT', route: routeOf(incoming.url), status: 405, errorCode: 'method_not_allowed', detail: 'CONNECT' }));
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const code = clientErrorCode(error.code);
    // A reset or a reply already under way: nothing can be said on this socket.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    if (!code || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    writeRaw(socket, code, (requestId) =>
      log({ requestId, status: ERROR_CATALOGUE[code].status, errorCode: code, detail: `${error.code ?? 'parse error'}: ${error.message}` }));
  });
  return server;
}

/** The log's `route` for a request that matched none: its path, without the query, bounded. */
function routeOf(url: string | undefined): string {
  return (url ?? '').split('?')[0].slice(0, 200);
}

/** A Node-level client error's catalogue code; undefined when the peer is gone (nothing to answer). */
function clientErrorCode(nodeCode: string | undefined): ErrorCode | undefined {
  switch (nodeCode) {
    case 'ECONNRESET':
    case 'EPIPE':
    // The connection ended in the middle of a request (an aborted upload): the app logs it as client_closed.
    case 'HPE_INVALID_EOF_STATE':
      return undefined;
    case 'HPE_HEADER_OVERFLOW':
      return 'headers_too_large';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return 'timeout';
    default:
      return 'bad_request';
  }
}

function jsonError(code: ErrorCode, requestId: string): Response {
  return new Response(JSON.stringify(errorBody(code, requestId)), {
    status: ERROR_CATALOGUE[code].status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': requestId, Connection: 'close' },
  });
}

/** Writes a complete JSON error reply on a socket that has no ServerResponse, then closes it. */
function writeRaw(socket: Duplex, code: ErrorCode, logged: (requestId: string) => void): void {
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(code, requestId));
  const status = ERROR_CATALOGUE[code].status;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: application/json\r\n`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\n`
    + `${code === 'method_not_allowed' ? `Allow: ${ALLOW}\r\n` : ''}Connection: close\r\n\r\n${body}`);
  // Some peers keep sending; do not wait for them.
  setTimeout(() => socket.destroy(), 1_000).unref();
  logged(requestId);
}
