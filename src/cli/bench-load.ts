import { createRequire } from 'node:module';

export interface BenchLoadOptions {
  /** Base URL of a running service, e.g. 'http://127.0.0.1:8787'. */
  url: string;
  /** Posted round-robin to /api/chat, one question per request. */
  questions: string[];
  /** Concurrent connections. Default 8. */
  connections?: number;
  /** Default 10. */
  durationSeconds?: number;
}

export interface BenchLoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Connection errors and timeouts. */
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
  url: string; connections: number; duration: number;
  requests: (AutocannonRequest & { setupRequest?: (request: AutocannonRequest) => AutocannonRequest })[];
}, callback: (error: Error | null, result: AutocannonResult) => void) => AutocannonInstance;

/**
 * Load test of POST /api/chat with autocannon: `connections` clients posting `questions`
 * round-robin for `durationSeconds`. Latency percentiles are computed from every response.
 */
export function benchLoad(options: BenchLoadOptions): Promise<BenchLoadResult> {
  const { url, questions, connections = 8, durationSeconds = 10 } = options;
  if (questions.length === 0) throw new Error('benchLoad needs at least one question');
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const bodies = questions.map((content) => JSON.stringify({ messages: [{ role: 'user', content }] }));
  let next = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: new URL('/api/chat', url).toString(),
      connections,
      duration: durationSeconds,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
      }],
    }, (error, result) => {
      if (error) return reject(error);
      const sorted = latencies.sort((a, b) => a - b);
      const requests = sorted.length;
      resolve({
        requests,
        requestsPerSecond: round(requests / Math.max(result.duration, 1e-9)),
        latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: round(sorted.at(-1) ?? 0) },
        errors: result.errors,
        non2xx: result.non2xx,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, Number(stat.count)])),
      });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime); });
  });
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
