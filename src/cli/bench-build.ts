import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCpuMs, type Command } from './bench-process';

export interface BuildTiming {
  /** How many copies of the report the corpus held. */
  scale: number;
  /** Wall time of the build-index command, process start included; null when it did not finish. */
  seconds: number | null;
  /** User + system CPU of the build process (read from /proc every 100 ms; the last reading before it exited). */
  cpuSeconds: number;
  /** 'ok', 'timeout' (killed after the time limit) or 'failed' (non-zero exit). */
  outcome: 'ok' | 'timeout' | 'failed';
  /** The command's last line of stderr ('索引已写入 …: 450 个片段, …'). */
  summary: string;
}

/**
 * Times `command` (the service's `build-index`) on the report concatenated `scale` times, written to
 * a temp corpus file and indexed into a temp folder (QA_CORPUS, QA_INDEX_DIR): index/ is never touched.
 * A build still running after `timeoutSeconds` is killed and reported as 'timeout'.
 */
export async function timeBuildIndex(root: string, command: Command, corpus: string, scale: number, timeoutSeconds: number): Promise<BuildTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'report-qa-bench-build-'));
  try {
    const text = readFileSync(corpus, 'utf8');
    const file = join(dir, `corpus-x${scale}.md`);
    writeFileSync(file, Array.from({ length: scale }, () => text).join('\n'));
    const started = performance.now();
    const child = spawn(command.argv[0], command.argv.slice(1), {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, QA_CORPUS: file, QA_INDEX_DIR: join(dir, 'index'), QA_LOG_LEVEL: 'error' },
    });
    let log = '';
    child.stderr.on('data', (chunk) => { log += chunk; });
    // /proc/<pid> disappears when the process is reaped: keep the last reading.
    let cpuMs = 0;
    const sampler = setInterval(() => { try { cpuMs = readCpuMs(child.pid!); } catch { /* exited */ } }, 100);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutSeconds * 1000);
    const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
    clearTimeout(timer);
    clearInterval(sampler);
    const cpuSeconds = Math.round(cpuMs / 10) / 100;
    const seconds = (performance.now() - started) / 1000;
    // The progress bar redraws with carriage returns: the summary is the last non-empty line.
    const summary = log.split(/[\r\n]+/).map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
    if (timedOut) return { scale, seconds: null, cpuSeconds, outcome: 'timeout', summary: `killed after ${timeoutSeconds} s` };
    return { scale, seconds: code === 0 ? Math.round(seconds * 100) / 100 : null, cpuSeconds, outcome: code === 0 ? 'ok' : 'failed', summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
