import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** A server process started by the bench (its own pid: no npm or tsx wrapper process in between). */
export interface BenchServer {
  pid: number;
  url: string;
  /** Wall time from spawn to the first 200 of GET /healthz. */
  startMs: number;
  /** What the process wrote to stderr (for failure messages). */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** How to start a process: argv[0] is the program. */
export interface Command {
  argv: string[];
  /** Variables the start script sets before `node` (MALLOC_ARENA_MAX=2). */
  env?: Record<string, string>;
  /** Shown in the report ('node --import tsx src/cli/main.ts serve'). */
  label: string;
}

let clockTicks: number | undefined;
/** Clock ticks per second of /proc/<pid>/stat times (getconf CLK_TCK; 100 on Linux almost always). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User + system CPU of a process in ms, from /proc/<pid>/stat (utime, stime; resolution one clock tick, 10 ms). */
export function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond();
}

/**
 * CPU time of a process in ns, the sum of its threads' /proc/<pid>/task/<tid>/schedstat run time
 * (nanosecond resolution, for one request at a time). Falls back to readCpuMs when schedstat is missing.
 */
export function readCpuNs(pid: number): number {
  let total = 0;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        total += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // The thread ended between listing and reading.
      }
    }
    return total;
  } catch {
    return readCpuMs(pid) * 1e6;
  }
}

/** CPU time every core of the machine has spent busy (not idle or waiting for I/O) since boot, in ms, from /proc/stat. */
export function readMachineBusyMs(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / ticksPerSecond();
}

/** Resident memory now (VmRSS) and its peak so far (VmHWM) in MB, from /proc/<pid>/status. */
export function readMemoryMb(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny race with other processes, acceptable for a bench). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * The service's start command: `npm start`'s script when it is a plain `node …` command whose entry
 * file exists (the compiled dist/ start once it is there), else `node --import tsx src/cli/main.ts serve`.
 * `subcommand` replaces the script's last word ('serve' → 'build-index'). `mode: 'tsx'` skips the script.
 */
export function serviceCommand(root: string, subcommand = 'serve', mode: 'npm' | 'tsx' = 'npm'): Command {
  if (mode === 'npm') {
    const script = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.start ?? '';
    const all = script.trim().split(/\s+/);
    // Leading assignments (MALLOC_ARENA_MAX=2 node …) are the environment npm start gives node.
    const assignments = all.slice(0, all.findIndex((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w)));
    const words = all.slice(assignments.length);
    const entry = words.find((w, i) => i > 0 && /\.[cm]?js$|\.ts$/.test(w));
    if (words[0] === 'node' && words.at(-1) === 'serve' && entry && existsSync(resolve(root, entry))) {
      const argv = [...words.slice(1, -1), subcommand];
      const env = Object.fromEntries(assignments.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
      return { argv: [process.execPath, ...argv], label: `${assignments.map((a) => `${a} `).join('')}node ${argv.join(' ')}`, ...(assignments.length ? { env } : {}) };
    }
  }
  const argv = ['--import', 'tsx', 'src/cli/main.ts', subcommand];
  return { argv: [process.execPath, ...argv], label: `node ${argv.join(' ')}` };
}

/** The reference: a Hono route on @hono/node-server returning a fixed JSON, same Node. */
export function referenceCommand(): Command {
  const argv = ['--import', 'tsx', 'src/cli/bench-reference-server.ts'];
  return { argv: [process.execPath, ...argv], label: `node ${argv.join(' ')}` };
}

/**
 * Spawns `command` in `root` on a free loopback port (PORT, HOST) with `env` added, and polls
 * GET /healthz every 10 ms until it answers 200. Throws with the process's stderr when it exits
 * first or does not answer within `timeoutMs` (default 60 s).
 */
export async function startBenchServer(root: string, command: Command, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(command.argv[0], command.argv.slice(1), {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...command.env, PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  let running = true;
  const exited = new Promise<void>((done) => child.once('exit', () => { running = false; done(); }));
  const stop = async () => {
    if (!running) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  while (performance.now() - started < timeoutMs) {
    if (!running) throw new Error(`${command.label} exited before /healthz answered:\n${log}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { pid: child.pid!, url, startMs: performance.now() - started, output: () => log, stop };
    await new Promise((done) => setTimeout(done, 10));
  }
  await stop();
  throw new Error(`${command.label} did not answer /healthz within ${timeoutMs} ms:\n${log}`);
}
