/** HTTP/1.1 over a raw TCP socket, for requests no HTTP client would send (parser cases, stalled bodies). */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from connect to the complete response (or the close). */
  ms: number;
}

/**
 * Connects to `url`'s host and port, sends `bytes` (or lets `send` write at its own pace), and resolves
 * with the first final response (1xx skipped), read by Content-Length, chunked framing or the close.
 * Resolves `null` when the server closes without a response; rejects after `timeoutMs`.
 */
export function rawRequest(url: string, bytes: string | Buffer | ((socket: Socket) => void),
  options: { timeoutMs?: number; head?: boolean } = {}): Promise<RawResponse | null> {
  const { timeoutMs = 10_000, head: noBody = false } = options;
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let data = Buffer.alloc(0);
    let settled = false;
    const done = (value: RawResponse | null, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value);
    };
    const timer = setTimeout(() => done(null, new Error(`no complete response within ${timeoutMs} ms; got: ${data.toString('latin1').slice(0, 300)}`)), timeoutMs);
    const tryParse = (closed: boolean) => {
      for (;;) {
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) return closed ? done(null) : undefined;
        const head = data.subarray(0, end).toString('latin1').split('\r\n');
        const status = Number(head[0].split(' ')[1]);
        const headers: Record<string, string> = {};
        for (const line of head.slice(1)) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        let rest = data.subarray(end + 4);
        if (status >= 100 && status < 200) {
          data = rest;
          continue;
        }
        const ms = performance.now() - started;
        if (noBody) return done({ status, headers, body: '', ms });
        if (headers['content-length'] !== undefined) {
          const length = Number(headers['content-length']);
          if (rest.length >= length) return done({ status, headers, body: rest.subarray(0, length).toString('utf8'), ms });
          return closed ? done({ status, headers, body: rest.toString('utf8'), ms }) : undefined;
        }
        if (headers['transfer-encoding'] === 'chunked') {
          const body: Buffer[] = [];
          for (;;) {
            const lineEnd = rest.indexOf('\r\n');
            if (lineEnd < 0) break;
            const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
            if (size === 0) return done({ status, headers, body: Buffer.concat(body).toString('utf8'), ms });
            if (rest.length < lineEnd + 2 + size + 2) break;
            body.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
            rest = rest.subarray(lineEnd + 2 + size + 2);
          }
          return closed ? done({ status, headers, body: Buffer.concat(body).toString('utf8'), ms }) : undefined;
        }
        if (status === 204 || status === 304) return done({ status, headers, body: '', ms });
        return closed ? done({ status, headers, body: rest.toString('utf8'), ms }) : undefined;
      }
    };
    socket.on('data', (part) => {
      data = Buffer.concat([data, part]);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('close', () => tryParse(true));
    socket.on('error', () => tryParse(true));
    socket.on('connect', () => {
      if (typeof bytes === 'function') bytes(socket);
      else socket.write(bytes);
    });
  });
}
