import { Hono } from 'hono';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import type { Pipeline } from '../../types';
import type { AppEnv } from '../app-env';
import { boundText } from '../bound-text';

/** GET /api/facts?q=…: structured lookup only, `{ facts }` with their sources (q bounded like a question). */
export function factRoutes(options: { pipeline: Pipeline; config: Config }): Hono<AppEnv> {
  const { pipeline, config } = options;
  const app = new Hono<AppEnv>();
  app.get('/api/facts', (c) => {
    const query = (c.req.query('q') ?? '').trim();
    if (!query) throw new AppError('bad_request', 'missing q');
    if ([...query].length > config.server.maxQuestionChars) throw new AppError('too_large', 'q too long');
    c.get('log').question = query;
    return c.json({ facts: pipeline.lookupFacts(boundText(query, config.server.maxAnalyzedChars)).facts });
  });
  return app;
}
