import { createRequire } from 'node:module';
import type { ChatMessage } from '../types';
import { readCpuMs, readMachineBusyMs } from './bench-process';

export interface BenchLoadOptions {
  /** Base URL of a running server, e.g. 'http://127.0.0.1:8787'. */
  url: string;
  /** Posted to /api/chat in turn, one conversation per request, cycling. */
  conversations: ChatMessage[][];
  /** Concurrent connections. Default 8. */
  connections?: number;
  /** Default 10; ignored when `amount` is set. */
  durationSeconds?: number;
  /** Stop after this many requests instead of after a duration. */
  amount?: number;
  /** The server's pid: CPU per request is measured from its /proc/<pid>/stat. */
  serverPid?: number;
}

export interface BenchLoadResult {
  /** Completed requests (responses received, whatever their status). */
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Server CPU (user + system) ÷ completed requests; null without `serverPid`. */
  cpuMsPerRequest: number | null;
  /** CPU of this process (autocannon, the client) ÷ completed requests. */
  clientCpuMsPerRequest: number;
  /**
   * Cores kept busy during the run by processes other than the server and this client (on a shared
   * machine, the load that skews throughput and latency); null without `serverPid`.
   */
  otherCores: number | null;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

// autocannon ships no type declarations: this is the slice used here.
interface AutocannonRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string }
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
interface AutocannonResult {
  duration: number; errors: number; timeouts: number; non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string; connections: number; duration?: number; amount?: number;
  requests: (AutocannonRequest & { setupRequest?: (request: AutocannonRequest) => AutocannonRequest })[];
}, callback: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

/**
 * Load test of POST /api/chat with autocannon: `connections` clients posting `conversations` in turn
 * (one shared cursor, so every conversation is sent before any is repeated) for `durationSeconds` or
 * `amount` requests. Latency percentiles come from every response; server CPU from /proc before and after.
 */
export function benchLoad(options: BenchLoadOptions): Promise<BenchLoadResult> {
  const { url, conversations, connections = 8, durationSeconds = 10, amount, serverPid } = options;
  if (conversations.length === 0) throw new Error('benchLoad needs at least one conversation');
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const bodies = conversations.map((messages) => JSON.stringify({ messages }));
  let next = 0;
  const latencies: number[] = [];
  const cpuBefore = serverPid === undefined ? 0 : readCpuMs(serverPid);
  const clientBefore = process.cpuUsage();
  const machineBefore = readMachineBusyMs();
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: new URL('/api/chat', url).toString(),
      connections,
      ...(amount === undefined ? { duration: durationSeconds } : { amount }),
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      }],
    }, (error, result) => {
      if (error) return reject(error);
      const cpuMs = serverPid === undefined ? null : readCpuMs(serverPid) - cpuBefore;
      const client = process.cpuUsage(clientBefore);
      const clientMs = (client.user + client.system) / 1000;
      const others = cpuMs === null ? null : (readMachineBusyMs() - machineBefore - cpuMs - clientMs) / (performance.now() - started);
      const sorted = latencies.sort((a, b) => a - b);
      const requests = sorted.length;
      resolve({
        requests,
        requestsPerSecond: round(requests / Math.max(result.duration, 1e-9)),
        latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: round(sorted.at(-1) ?? 0) },
        cpuMsPerRequest: cpuMs === null ? null : round(cpuMs / Math.max(requests, 1), 3),
        clientCpuMsPerRequest: round(clientMs / Math.max(requests, 1), 3),
        otherCores: others === null ? null : round(Math.max(0, others), 2),
        errors: result.errors,
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, Number(stat.count)])),
      });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime); });
  });
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
