import { Hono } from 'hono';
import type { Pipeline } from '../../types';
import type { AppEnv } from '../app-env';
import type { HealthReply } from '../wire-types';

/** GET /healthz: `{ ok, chunks, embedder, corpus }` of the loaded index. */
export function healthRoutes(options: { pipeline: Pipeline }): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ ok: true, ...options.pipeline.health() } satisfies HealthReply));
  return app;
}
