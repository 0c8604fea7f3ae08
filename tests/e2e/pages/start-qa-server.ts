import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface QaServer {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Everything the server wrote, for failure messages. */
  output(): string;
  /** The server's QA_DATA_DIR (a fresh temporary folder unless `env` names one). */
  dataDir: string;
  stop(): Promise<void>;
}

/** A free TCP port on `host` (the OS picks it; tiny race with other processes, acceptable in tests). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts the real service (`tsx src/cli/main.ts serve`, what `npm run dev` runs) on a free loopback
 * port in its own process group and waits for GET /healthz. `env` adds or overrides variables; its
 * database goes to a fresh temporary QA_DATA_DIR (removed on stop) unless `env` sets one.
 */
export async function startQaServer(env: Record<string, string> = {}, timeoutMs = 90_000): Promise<QaServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ownDataDir = env.QA_DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'qa-data-'));
  const dataDir = env.QA_DATA_DIR ?? ownDataDir!;
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'serve'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QA_RATE_LIMIT: '0', QA_LOG_LEVEL: 'error', QA_DATA_DIR: dataDir, ...env },
  });
  let log = '';
  child.stdout.on('data', (chunk) => { log += chunk; });
  child.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  void exited.then(() => { running = false; });

  const removeData = () => { if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true }); };
  const stop = async () => {
    if (!running) return removeData();
    // The whole group: tsx runs the server in a child process of its own.
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { return; }
    const killer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(killer);
    removeData();
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running) throw new Error(`QA server exited before /healthz answered:\n${log}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { url, output: () => log, dataDir, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error(`QA server did not answer /healthz within ${timeoutMs} ms:\n${log}`);
}
