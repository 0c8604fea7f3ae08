/** Helpers shared by the service e2e suites (not a test file). */
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config, type ConfigOverrides } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createPipeline } from '../../src/pipeline';
import { createApp } from '../../src/server/create-app';
import { createHttpServer } from '../../src/server/create-http-server';
import type { Pipeline } from '../../src/types';

export interface SseEvent {
  event: string;
  data: string;
}

/** Parses a complete `text/event-stream` body into its events (default event name 'message'). */
export function parseSse(body: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of body.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    events.push({ event, data: data.join('\n') });
  }
  return events;
}

export interface StartedService {
  url: string;
  config: Config;
  pipeline: Pipeline;
  close: () => Promise<void>;
}

/**
 * The real service on loopback, served as `npm start` serves it (createHttpServer): createPipeline(loadConfig(…))
 * over the committed index, with the rate limit off unless overridden. Pass `pipeline` to reuse one already
 * loaded (same index); pass `log` to receive the JSON log lines.
 */
export async function startService(overrides: ConfigOverrides = {}, pipeline?: Pipeline,
  log?: (line: string) => void): Promise<StartedService> {
  const config = loadConfig({}, { QA_RATE_LIMIT: 0, QA_LOG_LEVEL: log ? 'debug' : 'silent', ...overrides });
  const logger = createLogger(config.log.level, log);
  const loaded = pipeline ?? await createPipeline(config, { logger });
  const app = createApp({ pipeline: loaded, config, logger });
  const server = createHttpServer({ fetch: app.fetch, logger, requestTimeoutMs: config.server.requestTimeoutMs,
    maxBodyBytes: config.server.maxBodyBytes, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
  return { url: `http://127.0.0.1:${port}`, config, pipeline: loaded, close };
}

/** POST /api/chat with a JSON body. */
export function postChat(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Whitespace-free form, to compare quotes with the corpus and numbers in answers. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\*\*/g, '').replace(/\s+/g, '');
}
