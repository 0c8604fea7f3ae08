/** Helpers shared by the service e2e suites (not a test file). */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';
import { loadConfig, type Config, type ConfigOverrides } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createPipeline } from '../../src/pipeline';
import { createApp } from '../../src/server/create-app';
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

/** Serves a Hono app on 127.0.0.1 with an ephemeral port; `close` waits for the server to stop. */
export async function listen(app: Hono<any>): Promise<{ url: string; server: ServerType; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        server,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          if ('closeAllConnections' in server) server.closeAllConnections();
        }),
      });
    });
  });
}


export interface StartedService {
  url: string;
  config: Config;
  pipeline: Pipeline;
  close: () => Promise<void>;
}

/**
 * The real service on loopback: createPipeline(loadConfig(…)) over the committed index, with the
 * rate limit off unless overridden. Pass `pipeline` to reuse one already loaded (same index).
 */
export async function startService(overrides: ConfigOverrides = {}, pipeline?: Pipeline): Promise<StartedService> {
  const config = loadConfig({}, { QA_RATE_LIMIT: 0, QA_LOG_LEVEL: 'silent', ...overrides });
  const logger = createLogger(config.log.level);
  const loaded = pipeline ?? await createPipeline(config, { logger });
  const served = await listen(createApp({ pipeline: loaded, config, logger }));
  return { url: served.url, config, pipeline: loaded, close: served.close };
}

/** POST /api/chat with a JSON body. */
export function postChat(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Whitespace-free form, to compare quotes with the corpus and numbers in answers. */
export function compact(text: string): string {
  return text.normalize('NFKC').replace(/\*\*/g, '').replace(/\s+/g, '');
}
