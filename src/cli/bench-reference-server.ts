import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config';

/** A fixed reply shaped like a short answer of POST /api/chat (about the size of a real one). */
const REPLY = {
  answer: '截至2020年6月，广东省有354家区块链企业，占全国的27.06%[1]。',
  citations: [{ id: 1, chunkId: 't6-1#r1', section: '六、（二）企业分布阶梯化明显', source: '表6-1 我国区块链企业各地区分布数量及比例', quote: '广东 354 27.06%', line: 1138 }],
  facts: [{ source: '表6-1', subject: '广东', metric: '数量（家）', value: 354, unit: '家', period: '截至2020年6月' }],
  grounded: true,
  mode: 'extractive',
};

/**
 * The bench's reference: the smallest Hono app on the same HTTP stack as the service. POST /api/chat
 * parses the JSON body (as any JSON endpoint must) and returns a fixed reply; GET /healthz says ok.
 */
export function createReferenceApp(): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.post('/api/chat', async (c) => {
    await c.req.json();
    return c.json(REPLY);
  });
  return app;
}

// Run as a program (`node --import tsx src/cli/bench-reference-server.ts`): serve on PORT/HOST until SIGTERM.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { port, host } = loadConfig().server;
  const server = serve({ fetch: createReferenceApp().fetch, port, hostname: host });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
