/**
 * Graceful shutdown of `npm run dev` (tsx src/cli/main.ts serve) as a child process: after SIGTERM
 * it accepts no new connections, lets the in-flight request finish with a full answer, and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inFlightChat } from '../support/in-flight-request';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts the service on an ephemeral port and resolves its URL from the start-up line. */
function startChild(env: Record<string, string> = {}): Promise<string> {
  child = spawn(TSX, ['src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', QA_LOG_LEVEL: 'error', QA_RATE_LIMIT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((done, fail) => {
    let stderr = '';
    child!.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      const url = stderr.match(/报告问答已启动 (http:\/\/\S+)/)?.[1];
      if (url) done(url);
    });
    child!.once('exit', (code) => fail(Object.assign(new Error(`service exited ${code} before start`), { code, stderr })));
  });
}

describe('serve', () => {
  it('finishes the in-flight request after SIGTERM, refuses new connections, then exits 0', async () => {
    const url = new URL(await startChild());
    const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
    // The request is in flight (headers and half the body sent) when the signal arrives.
    const reply = inFlightChat(url, '江苏有多少家区块链企业？', () => child!.kill('SIGTERM'));
    const { status, text } = await reply;
    expect(status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({ mode: 'extractive', grounded: expect.any(Boolean) });
    await expect(fetch(`${url.origin}/healthz`)).rejects.toThrow();
    expect(await exited).toBe(0);
  });

  it('refuses to start without an index: one Chinese + English line, exit 1', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'qa-no-index-'));
    const failure = await startChild({ QA_INDEX_DIR: empty }).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(1);
    const lines = failure!.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^知识库索引.*npm run build-index。 \(index_(missing|stale): .+\)$/);
  });
});
