/**
 * The bad-input suite: hundreds of malformed, hostile or odd requests across every route, sent over
 * raw sockets to the compiled service running as its own process. Each must be answered: a 2xx/3xx,
 * or a JSON `{ error: { code, message } }` with a Chinese message, never HTML or a stack trace; and the
 * server's log must hold no stack trace either.
 *
 * Built as data: a route added later is one line in ROUTES (its wrong methods, origins, paths,
 * headers and, for a POST route, bodies are generated from it).
 */
import { mkdtempSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTemporaryDist, startCompiledService, type ServiceProcess } from '../support/compiled-service';
import { rawRequest, type RawResponse } from '../support/raw-http';

type BodyKind = 'chat' | 'openai' | 'json';

interface Route {
  method: 'GET' | 'POST';
  path: string;
  /** What a POST route reads; its body variants are generated from this. */
  body?: BodyKind;
  /** Behind the origin allow-list (the API), or public (widget, demo page). */
  guarded: boolean;
}

const ROUTES: Route[] = [
  { method: 'POST', path: '/api/chat', body: 'chat', guarded: true },
  { method: 'POST', path: '/v1/chat/completions', body: 'openai', guarded: true },
  { method: 'GET', path: '/api/facts?q=%E5%B9%BF%E4%B8%9C', guarded: true },
  { method: 'GET', path: '/api/tables', guarded: true },
  { method: 'GET', path: '/api/tables/%E8%A1%A86-1', guarded: true },
  { method: 'GET', path: '/healthz', guarded: true },
  { method: 'GET', path: '/widget.js', guarded: false },
  { method: 'GET', path: '/', guarded: false },
  { method: 'GET', path: '/no/such/route', guarded: false },
  { method: 'POST', path: '/api/no-such-endpoint', body: 'json', guarded: true },
  { method: 'POST', path: '/api/feedback', body: 'json', guarded: true },
  { method: 'GET', path: '/admin', guarded: false },
  { method: 'GET', path: '/api/admin/records.csv', guarded: true },
];

interface Case {
  name: string;
  send: Buffer | ((socket: Socket) => void);
  /** Expected status, when the case pins one; otherwise any 2xx/3xx or JSON error. */
  status?: number;
  /** Expected error code, when the case pins one. */
  code?: string;
  head?: boolean;
  timeoutMs?: number;
}

const ALLOWED = 'https://allowed.example';
const MAX_BODY = 4096;
const TIMEOUT_MS = 1500;
let service: ServiceProcess;
let host = '';

/** One HTTP/1.1 request as bytes; a header set to null is left out (Host and Connection are added otherwise). */
function request(method: string, path: string, headers: Record<string, string | string[] | null> = {}, body?: string | Buffer): Buffer {
  const all: Record<string, string | string[] | null> = { Host: host, Connection: 'close', ...headers };
  const bytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  if (bytes && !('Content-Length' in headers) && !('Transfer-Encoding' in headers)) all['Content-Length'] = String(bytes.length);
  const lines = [`${method} ${path} HTTP/1.1`];
  for (const [name, value] of Object.entries(all)) {
    if (value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${one}`);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes ?? Buffer.alloc(0)]);
}

const json = { 'Content-Type': 'application/json' };
const user = (content: unknown) => JSON.stringify({ messages: [{ role: 'user', content }] });

/** Bodies every JSON POST route must refuse (or accept) properly. */
function genericBodies(): [string, string | Buffer, Record<string, string | null>, number?][] {
  return [
    ['an empty body', '', json, 400],
    ['a truncated object', '{"messages": [', json, 400],
    ['a bare string', '"hello"', json, 400],
    ['null', 'null', json, 400],
    ['a number', '42', json, 400],
    ['an array', '[]', json, 400],
    ['HTML', '<html><body>hi</body></html>', json, 400],
    ['single quotes', "{'messages': []}", json, 400],
    ['a trailing comma', '{"messages": [],}', json, 400],
    ['NaN', '{"messages": NaN}', json, 400],
    ['a 2,000-deep nesting', `${'['.repeat(2000)}${']'.repeat(2000)}`, json, 400],
    ['invalid UTF-8 bytes', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), json, 400],
    ['an overlong UTF-8 slash', Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), json, 400],
    ['a lone surrogate in UTF-8 (CESU)', Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), json, 400],
    ['UTF-16LE JSON', Buffer.from('{"messages":[]}', 'utf16le'), json, 400],
    ['Latin-1 bytes', Buffer.from('{"x":"caf\xe9"}', 'latin1'), json, 400],
    ['a form body', 'messages=hello', { 'Content-Type': 'application/x-www-form-urlencoded' }, 400],
    ['multipart', '--b\r\nContent-Disposition: form-data; name="q"\r\n\r\nhi\r\n--b--\r\n', { 'Content-Type': 'multipart/form-data; boundary=b' }, 400],
    ['a gzip-encoded body', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]), { ...json, 'Content-Encoding': 'gzip' }, 400],
    ['a body over the limit by Content-Length', 'x'.repeat(MAX_BODY + 1), json, 413],
    ['a body over the limit, chunked', Buffer.from(`${(MAX_BODY * 2).toString(16)}\r\n${'x'.repeat(MAX_BODY * 2)}\r\n0\r\n\r\n`), { ...json, 'Transfer-Encoding': 'chunked' }, 413],
    ['a Content-Length over the limit with a short body', 'x', { ...json, 'Content-Length': String(MAX_BODY * 100) }, 413],
    // Refused by the parser (400) or by the limit (413), before any route.
    ['a huge Content-Length', '', { ...json, 'Content-Length': '99999999999999999999' }, 0],
    ['prototype keys', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}', json, 400],
  ];
}

/** Bodies of the two chat endpoints: wrong shapes, empty and oversized questions, odd but valid ones. */
function chatBodies(kind: 'chat' | 'openai'): [string, string | Buffer, Record<string, string | null>, number?][] {
  const many = Array.from({ length: 21 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: '广东？' }));
  return [
    ['no messages', '{}', json, 400],
    ['messages null', '{"messages":null}', json, 400],
    ['messages empty', '{"messages":[]}', json, 400],
    ['messages a string', '{"messages":"广东有多少家区块链企业？"}', json, 400],
    ['a message that is a number', '{"messages":[1]}', json, 400],
    ['a message without content', '{"messages":[{"role":"user"}]}', json, kind === 'chat' ? 400 : 400],
    ['an unknown role last', '{"messages":[{"role":"robot","content":"广东？"}]}', json, 400],
    ['content a number', user(42), json, 400],
    ['content an object', user({ text: '广东' }), json, 400],
    ['the last message from the assistant', JSON.stringify({ messages: [{ role: 'user', content: '广东？' }, { role: 'assistant', content: '354家' }] }), json, 400],
    ['stream not a boolean', JSON.stringify({ messages: [{ role: 'user', content: '广东？' }], stream: 'yes' }), json, 400],
    ['an empty question', user(''), json, 400],
    ['a whitespace question', user(' \n\t　'), json, 400],
    ['an invisible-only question', user('\u200B\u200D\uFEFF'), json, 400],
    ['a question over the character limit', user('广东'.repeat(300)), json, 413],
    ['a conversation over the message limit', JSON.stringify({ messages: many }), json, 413],
    ['a question of control characters', user('\u0001\u0002广东有多少家区块链企业\u0007？'), json, 200],
    ['a question with bidi overrides', user('\u202E广东有多少家区块链企业？\u202C'), json, 200],
    ['a question of emoji', user('🚀🚀🚀🚀🚀🚀 区块链 🚀🚀🚀'), json, 200],
    ['a question of 500 repeated characters', user('啊'.repeat(500)), json, 200],
    ['a question that is HTML', user('<script>alert(1)</script>广东有多少家区块链企业？'), json, 200],
    ['a question with a BOM-prefixed body', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(user('广东有多少家区块链企业？'))]), json, 200],
    ['valid JSON sent as text/plain', user('广东有多少家区块链企业？'), { 'Content-Type': 'text/plain' }, 200],
    ['valid JSON without a Content-Type', user('广东有多少家区块链企业？'), { 'Content-Type': null }, 200],
    ['a streamed question', JSON.stringify({ messages: [{ role: 'user', content: '江苏有多少家区块链企业？' }], stream: true }), json, 200],
    ['duplicate keys', '{"messages":[{"role":"user","content":"x"}],"messages":[{"role":"user","content":"广东有多少家区块链企业？"}]}', json, 200],
  ];
}

function routeCases(route: Route): Case[] {
  const cases: Case[] = [];
  const add = (name: string, send: Buffer, status?: number, extra: Partial<Case> = {}) =>
    cases.push({ name: `${route.method} ${route.path}: ${name}`, send, status, ...extra });
  const ok = route.path === '/no/such/route' || route.path === '/api/no-such-endpoint' ? 404 : 200;
  const exists = ok === 200;
  const other = route.method === 'GET' ? 'POST' : 'GET';
  for (const method of ['PUT', 'DELETE', 'PATCH', other, 'TRACE']) {
    add(`wrong method ${method}`, request(method, route.path, method === 'POST' || method === 'PUT' ? json : {}, method === 'POST' || method === 'PUT' ? '{}' : undefined),
      exists ? 405 : 404);
  }
  add('an unknown method token', request('FOO', route.path), 400);
  add('a lower-case method', request(route.method.toLowerCase(), route.path), 400);
  add('HEAD', request('HEAD', route.path), undefined, { head: true });
  add('OPTIONS without Origin', request('OPTIONS', route.path));
  add('a preflight from a listed origin', request('OPTIONS', route.path, { Origin: ALLOWED, 'Access-Control-Request-Method': route.method }));
  add('a preflight from another origin', request('OPTIONS', route.path, { Origin: 'https://evil.example', 'Access-Control-Request-Method': route.method }),
    route.guarded ? 403 : undefined);
  const plain = route.method === 'POST' ? user('广东有多少家区块链企业？') : undefined;
  const withBody = route.method === 'POST' ? json : {};
  add('a request from another origin', request(route.method, route.path, { ...withBody, Origin: 'https://evil.example' }, plain),
    route.guarded ? 403 : undefined);
  add('an Origin of "null"', request(route.method, route.path, { ...withBody, Origin: 'null' }, plain), route.guarded ? 403 : undefined);
  add('a garbage Origin', request(route.method, route.path, { ...withBody, Origin: '::::' }, plain), route.guarded ? 403 : undefined);
  add('a percent sign alone in the query', request(route.method, `${route.path}${route.path.includes('?') ? '&' : '?'}%`, withBody, plain));
  add('invalid percent-encoding in the query', request(route.method, `${route.path}${route.path.includes('?') ? '&' : '?'}q=%FF%FE%E8`, withBody, plain));
  add('a dot-dot path', request(route.method, `${route.path.split('?')[0]}/../../etc/passwd`, withBody, plain));
  add('an encoded dot-dot path', request(route.method, `${route.path.split('?')[0]}/..%2f..%2fetc%2fpasswd`, withBody, plain));
  add('a backslash in the path', request(route.method, `${route.path.split('?')[0]}\\..\\x`, withBody, plain), 400);
  add('a 6,000-character path', request(route.method, `${route.path.split('?')[0]}/${'a'.repeat(6000)}`, withBody, plain));
  add('no Host header', request(route.method, route.path, { ...withBody, Host: null }, plain), 400);
  add('an invalid Host', request(route.method, route.path, { ...withBody, Host: 'bad host name' }, plain), 400);
  add('a Host with a path', request(route.method, route.path, { ...withBody, Host: 'a.example/evil' }, plain), 400);
  add('two Host headers', request(route.method, route.path, { ...withBody, Host: [host, 'evil.example'] }, plain));
  add('a 20 KB header', request(route.method, route.path, { ...withBody, 'X-Big': 'x'.repeat(20_000) }, plain), 431);
  add('a header with a space before its colon', Buffer.from(`${route.method} ${route.path} HTTP/1.1\r\nHost : x\r\nConnection: close\r\n\r\n`), 400);
  add('a header line without a colon', Buffer.from(`${route.method} ${route.path} HTTP/1.1\r\nHost: ${host}\r\nnonsense\r\nConnection: close\r\n\r\n`), 400);
  add('a NUL byte in a header', Buffer.from(`${route.method} ${route.path} HTTP/1.1\r\nHost: ${host}\r\nX-A: a\0b\r\nConnection: close\r\n\r\n`), 400);
  add('a folded (obs-fold) header', Buffer.from(`${route.method} ${route.path} HTTP/1.1\r\nHost: ${host}\r\nX-A: a\r\n b\r\nConnection: close\r\n\r\n`));
  add('two different Content-Lengths', request(route.method, route.path, { ...withBody, 'Content-Length': ['2', '3'] }, '{}'), 400);
  add('a negative Content-Length', request(route.method, route.path, { ...withBody, 'Content-Length': '-1' }, '{}'), 400);
  add('a non-numeric Content-Length', request(route.method, route.path, { ...withBody, 'Content-Length': 'abc' }, '{}'), 400);
  add('Content-Length and chunked together', request(route.method, route.path, { ...withBody, 'Content-Length': '2', 'Transfer-Encoding': 'chunked' }, '2\r\n{}\r\n0\r\n\r\n'), 400);
  add('a bad chunk size', request(route.method, route.path, { ...withBody, 'Transfer-Encoding': 'chunked' }, 'zz\r\n{}\r\n0\r\n\r\n'), 400);
  add('an unknown Transfer-Encoding', request(route.method, route.path, { ...withBody, 'Transfer-Encoding': 'gzip' }, '{}'), 400);
  add('Expect: 100-continue with a body over the limit', request(route.method, route.path, { ...withBody, Expect: '100-continue', 'Content-Length': String(MAX_BODY * 10) }), 413);
  add('Expect: 100-continue', request(route.method, route.path, { ...withBody, Expect: '100-continue' }, plain));
  add('an unsupported Expect', request(route.method, route.path, { ...withBody, Expect: 'teapot' }, plain), 417);
  add('Upgrade: websocket', request(route.method, route.path, { ...withBody, Connection: 'Upgrade', Upgrade: 'websocket' }, plain));
  add('HTTP/1.0 without Host', Buffer.from(`${route.method} ${route.path} HTTP/1.0\r\n\r\n`));
  add('an absolute-form target', request(route.method, `http://evil.example${route.path}`, withBody, plain));
  add('a forged X-Forwarded-For and -Proto', request(route.method, route.path, { ...withBody, 'X-Forwarded-For': '1.2.3.4, <script>', 'X-Forwarded-Proto': 'javascript' }, plain));
  if (route.method === 'POST') {
    add('a body that never arrives', request(route.method, route.path, { ...json, 'Content-Length': '100' }, '{"messages":'), exists ? 503 : 404,
      { code: exists ? 'timeout' : 'not_found', timeoutMs: TIMEOUT_MS + 4_000 });
    const kinds = route.body === 'json' ? genericBodies() : [...genericBodies(), ...chatBodies(route.body as 'chat' | 'openai')];
    for (const [name, body, headers, status] of kinds) {
      add(name, request(route.method, route.path, headers, body), status === 0 ? undefined : exists ? status : 404);
    }
  }
  return cases;
}

/** Requests that belong to no route: the parser, the transport, the request line. */
function parserCases(): Case[] {
  const raw = (name: string, text: string | Buffer, status?: number) =>
    ({ name: `parser: ${name}`, send: Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'), status });
  return [
    raw('plain garbage', 'GARBAGE\r\n\r\n', 400),
    raw('binary junk', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]), 400),
    raw('a TLS ClientHello', Buffer.from('16030100a5010000a10303', 'hex'), 400),
    raw('the HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 400),
    raw('HTTP/9.9', `GET /healthz HTTP/9.9\r\nHost: ${host}\r\n\r\n`, 400),
    raw('an HTTP/0.9 request line', 'GET /healthz\r\n\r\n'),
    raw('a request line of spaces', '   \r\n\r\n', 400),
    raw('a missing target', `GET  HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 400),
    raw('a 100 KB target', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 431),
    raw('OPTIONS *', `OPTIONS * HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 204),
    raw('GET *', `GET * HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 400),
    raw('CONNECT', `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 405),
    raw('a bare-LF request', `GET /healthz HTTP/1.1\nHost: ${host}\nConnection: close\n\n`),
    raw('a CR without LF', `GET /healthz HTTP/1.1\rHost: ${host}\r\r`, 400),
    raw('a request target with a space', `GET /heal thz HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 400),
    raw('a target with a fragment', `GET /healthz#x HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw('a double-slash target', `GET //healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
    raw('a UTF-8 target', Buffer.from(`GET /api/tables/表6-1 HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'utf8')),
    raw('pipelined garbage after a good request', `GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\nGARBAGE\r\n\r\n`),
    raw('a chunk extension flood', `POST /api/chat HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\n2;${'x'.repeat(20_000)}\r\n{}\r\n0\r\n\r\n`, 400),
    { name: 'parser: headers that never finish', timeoutMs: TIMEOUT_MS + 5_000, status: 503, code: 'timeout',
      send: (socket: Socket) => { socket.write(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\n`); } },
  ];
}

function expectAnswered(testCase: Case, response: RawResponse | null): void {
  const label = testCase.name;
  expect(response, `${label}: no response`).not.toBeNull();
  const { status, headers, body } = response!;
  if (testCase.status !== undefined) expect(status, `${label}: ${body}`).toBe(testCase.status);
  expect(body, label).not.toMatch(/\n\s+at .+:\d+|Error: /);
  if (status < 400) return;
  expect(headers['content-type'], `${label}: ${status} ${body}`).toMatch(/^application\/json/);
  // A HEAD reply carries the headers of the error, not its body.
  if (testCase.head) return;
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(typeof parsed.error.code, label).toBe('string');
  expect(parsed.error.message, label).toMatch(/[\u4e00-\u9fff]/);
  if (testCase.code) expect(parsed.error.code, label).toBe(testCase.code);
}

let dist: Awaited<ReturnType<typeof buildTemporaryDist>>;

beforeAll(async () => {
  dist = await buildTemporaryDist();
  // A store that records and an owner's token: the feedback and admin routes are mounted only then.
  service = await startCompiledService(dist.outdir, { QA_DATA_DIR: mkdtempSync(join(tmpdir(), 'report-qa-bad-input-')), QA_RECORD: '1', QA_ADMIN_TOKEN: 'owner-token-for-tests',
    QA_ALLOWED_ORIGINS: ALLOWED, QA_MAX_BODY_BYTES: String(MAX_BODY),
    QA_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS), QA_LOG_LEVEL: 'info', QA_MAX_QUESTION_CHARS: '500', QA_MAX_MESSAGES: '20' });
  host = new URL(service.url).host;
});
afterAll(async () => {
  await service?.stop();
  dist?.remove();
});

describe('bad input', () => {
  it('answers every malformed request with a 2xx or a JSON error in Chinese, and logs no stack', async () => {
    const cases = [...ROUTES.flatMap(routeCases), ...parserCases()];
    console.log(`bad-input suite: ${cases.length} requests across ${ROUTES.length} routes and the parser`);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const results: [Case, RawResponse | null][] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const testCase = cases[next++];
        results.push([testCase, await rawRequest(service.url, testCase.send, { head: testCase.head, timeoutMs: testCase.timeoutMs })]);
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    const failures: string[] = [];
    for (const [testCase, response] of results) {
      try {
        expectAnswered(testCase, response);
      } catch (error) {
        failures.push(`${testCase.name} → ${response ? `${response.status} ${response.body.slice(0, 120)}` : 'no response'} (${(error as Error).message.split('\n')[0]})`);
      }
    }
    expect(failures).toEqual([]);
    // Still serving, and the log is JSON lines without a single stack frame.
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const log = service.stderr();
    expect(log).not.toMatch(/\n\s+at .+:\d+|"stack"/);
    for (const line of log.trim().split('\n').filter((l) => !l.startsWith('报告问答已启动'))) {
      expect(() => JSON.parse(line), line).not.toThrow();
    }
  }, 120_000);
});
