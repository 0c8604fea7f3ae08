/**
 * Issue 10 at the layer where each item happens, over real HTTP on loopback with the real pipeline:
 * the deadline bounds the body read, clients that leave are logged as client_closed (uploads, JSON
 * answers, streams), QA_TRUST_PROXY keys the rate limit on the forwarded client, and the text the
 * answering core receives is bounded by QA_MAX_ANALYZED_CHARS.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, Pipeline } from '../../src/types';
import { rawRequest } from '../support/raw-http';
import { startService, type StartedService } from './service-helpers';

let base: StartedService;
beforeAll(async () => { base = await startService(); });
afterAll(async () => { await base?.close(); });

/** A service whose log lines are collected, over `pipeline` (default: the loaded real one). */
async function serviceWithLog(overrides: Parameters<typeof startService>[0], pipeline: Pipeline = base.pipeline) {
  const lines: Record<string, unknown>[] = [];
  const service = await startService(overrides, pipeline, (line) => lines.push(JSON.parse(line)));
  const requestLine = async (predicate: (line: Record<string, unknown>) => boolean = () => true) => {
    for (let i = 0; i < 100; i++) {
      const found = lines.find((line) => line.event === 'request' && predicate(line));
      if (found) return found;
      await new Promise((done) => setTimeout(done, 50));
    }
    throw new Error(`no such request line in ${JSON.stringify(lines)}`);
  };
  return { service, lines, requestLine };
}

/** The real pipeline, answering only after `delayMs` (long enough for a client to leave). */
function slowPipeline(delayMs: number): Pipeline {
  return { ...base.pipeline, ask: async (messages, options) => {
    await new Promise((done) => setTimeout(done, delayMs));
    return base.pipeline.ask(messages, options);
  } };
}

const body = JSON.stringify({ messages: [{ role: 'user', content: '江苏有多少家区块链企业？' }] });

describe('the request deadline covers the body read', () => {
  it('answers a body that never arrives with 503 timeout at QA_REQUEST_TIMEOUT_MS and closes the connection', async () => {
    const { service, requestLine, lines } = await serviceWithLog({ QA_REQUEST_TIMEOUT_MS: 800 });
    try {
      const { host } = new URL(service.url);
      const response = await rawRequest(service.url, `POST /api/chat HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\n`
        + `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`, { timeoutMs: 5_000 });
      expect(response!.status).toBe(503);
      expect(JSON.parse(response!.body).error.code).toBe('timeout');
      expect(response!.headers.connection).toBe('close');
      expect(response!.ms).toBeGreaterThanOrEqual(700);
      expect(response!.ms).toBeLessThan(2_500);
      expect(await requestLine()).toMatchObject({ route: '/api/chat', status: 503, errorCode: 'timeout' });
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await service.close();
    }
  });
});

describe('clients that leave are logged as client_closed, never as a 500 with a stack', () => {
  it('an upload the client aborts', async () => {
    const { service, requestLine, lines } = await serviceWithLog({});
    try {
      const { host } = new URL(service.url);
      await rawRequest(service.url, (socket) => {
        socket.write(`POST /api/chat HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
        setTimeout(() => socket.destroy(), 200);
      }, { timeoutMs: 2_000 }).catch(() => null);
      expect(await requestLine()).toMatchObject({ route: '/api/chat', status: 499, errorCode: 'client_closed' });
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await service.close();
    }
  });

  it.each([['a JSON answer', false], ['a stream', true]] as const)('%s the client stops waiting for', async (_, stream) => {
    const { service, requestLine, lines } = await serviceWithLog({}, slowPipeline(400));
    try {
      const { hostname, port } = new URL(service.url);
      const payload = JSON.stringify({ messages: [{ role: 'user', content: '江苏有多少家区块链企业？' }], stream });
      await new Promise<void>((done) => {
        const request = httpRequest({ host: hostname, port, path: '/api/chat', method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } });
        request.on('error', () => done());
        request.end(payload);
        setTimeout(() => { request.destroy(); done(); }, 150);
      });
      // A stream's headers went out (200); a JSON answer's never did (499).
      expect(await requestLine()).toMatchObject({ route: '/api/chat', status: stream ? 200 : 499, errorCode: 'client_closed' });
      await new Promise((done) => setTimeout(done, 500));
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await service.close();
    }
  });
});

/** GET /api/tables from a local address with an X-Forwarded-For header; resolves the status. */
function tablesFrom(url: string, localAddress: string, forwardedFor?: string): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path: '/api/tables', localAddress,
      headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject).end();
  });
}

describe('QA_TRUST_PROXY', () => {
  it('keys the rate limit on the client a trusted proxy reports, and ignores the header from anyone else', async () => {
    const { service } = await serviceWithLog({ QA_RATE_LIMIT: 2, QA_TRUST_PROXY: '127.0.0.1' });
    try {
      const proxy = '127.0.0.1';
      expect(await tablesFrom(service.url, proxy, '198.51.100.1')).toBe(200);
      expect(await tablesFrom(service.url, proxy, '198.51.100.1')).toBe(200);
      expect(await tablesFrom(service.url, proxy, '198.51.100.1')).toBe(429);
      // Another visitor behind the same proxy has a budget of its own.
      expect(await tablesFrom(service.url, proxy, '198.51.100.2')).toBe(200);
      // An untrusted peer cannot buy a new budget by writing the header.
      const other = '127.0.0.2';
      expect(await tablesFrom(service.url, other, '203.0.113.1')).toBe(200);
      expect(await tablesFrom(service.url, other, '203.0.113.2')).toBe(200);
      expect(await tablesFrom(service.url, other, '203.0.113.3')).toBe(429);
    } finally {
      await service.close();
    }
  });

  it('is off by default: the header never splits one socket address into many clients', async () => {
    const { service } = await serviceWithLog({ QA_RATE_LIMIT: 2 });
    try {
      expect(await tablesFrom(service.url, '127.0.0.1', '198.51.100.1')).toBe(200);
      expect(await tablesFrom(service.url, '127.0.0.1', '198.51.100.2')).toBe(200);
      expect(await tablesFrom(service.url, '127.0.0.1', '198.51.100.3')).toBe(429);
    } finally {
      await service.close();
    }
  });
});

describe('QA_MAX_ANALYZED_CHARS', () => {
  it('hands the answering core at most that many characters of a long question, head and tail', async () => {
    const asked: ChatMessage[][] = [];
    const recording: Pipeline = { ...base.pipeline, ask: (messages, options) => {
      asked.push(messages);
      return base.pipeline.ask(messages, options);
    } };
    const { service } = await serviceWithLog({ QA_MAX_ANALYZED_CHARS: 60 }, recording);
    try {
      const question = `关于表6-1，${'这是一段很长的背景说明。'.repeat(30)}江苏有多少家区块链企业？`;
      const response = await fetch(`${service.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: question }] }) });
      expect(response.status).toBe(200);
      const handed = asked[0].at(-1)!.content;
      expect(Array.from(handed)).toHaveLength(60);
      expect(handed.startsWith('关于表6-1，')).toBe(true);
      expect(handed.endsWith('江苏有多少家区块链企业？')).toBe(true);
    } finally {
      await service.close();
    }
  });
});
