/** The service as production runs it: compiled by scripts/build.mjs, started as one `node` process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDist } from '../../scripts/build.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Compiles the service into a fresh folder under tmp/ (ignored by git; inside the checkout so the
 * bundle finds node_modules), the tests' own dist/, so parallel files never share one.
 */
export async function buildTemporaryDist(): Promise<{ outdir: string; remove: () => void }> {
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const parent = mkdtempSync(join(ROOT, 'tmp', 'dist-'));
  const outdir = join(parent, 'dist');
  await buildDist({ outdir });
  return { outdir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** Everything written to stderr so far. */
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM to the process group, SIGKILL after 10 s. */
  stop(): Promise<void>;
}

const BASE_ENV = { HOST: '127.0.0.1', PORT: '0', QA_RATE_LIMIT: '0', QA_LOG_LEVEL: 'error' };

/** Spawns `node <command…>` in its own process group with the service's environment plus `env`. */
export function spawnService(command: string[], env: Record<string, string> = {}): Omit<ServiceProcess, 'url'> & { started: Promise<string> } {
  const child = spawn(process.execPath, command, { cwd: ROOT, detached: true, stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...BASE_ENV, ...env } });
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })));
  const started = new Promise<string>((done, fail) => {
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      const url = stderr.match(/报告问答已启动 (http:\/\/\S+)/)?.[1];
      if (url) done(url);
    });
    void exited.then(({ code }) => fail(Object.assign(new Error(`service exited ${code} before it started:\n${stderr}`), { code, stderr })));
  });
  started.catch(() => undefined);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { return; }
    const killer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 10_000);
    await exited;
    clearTimeout(killer);
  };
  return { child, stderr: () => stderr, exited, stop, started };
}

/** Starts the compiled service (`node <outdir>/main.js serve`) and resolves once it prints its URL. */
export async function startCompiledService(outdir: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const service = spawnService([join(outdir, 'main.js'), 'serve'], env);
  try {
    return { ...service, url: await service.started };
  } catch (error) {
    await service.stop();
    throw error;
  }
}
