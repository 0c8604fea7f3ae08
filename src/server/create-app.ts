import { Hono } from 'hono';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { RecordStore } from '../store/record-store';
import type { Pipeline } from '../types';
import type { AppEnv } from './app-env';
import { handleError } from './handle-error';
import { deadline } from './middleware/deadline';
import { originGuard } from './middleware/origin-guard';
import { rateLimit } from './middleware/rate-limit';
import { requestLog } from './middleware/request-log';
import { notFound } from './not-found';
import { adminRoutes } from './routes/admin';
import { chatRoutes } from './routes/chat';
import { factRoutes } from './routes/facts';
import { feedbackRoutes } from './routes/feedback';
import { healthRoutes } from './routes/health';
import { openAiRoutes } from './routes/openai';
import { tableRoutes } from './routes/tables';
import { widgetRoutes } from './routes/widget';

export interface CreateAppOptions {
  pipeline: Pipeline;
  config: Config;
  logger: Logger;
  /** The embedded database (feedback, records, /admin); without it those routes are not mounted. */
  store?: RecordStore;
}

/**
 * The HTTP service of ../shared/API.md as a Hono app (no port: serve it with @hono/node-server,
 * or drive it with `app.request()`). Middleware order: request id + log line, origin allow-list
 * and CORS, per-client rate limit (off when QA_RATE_LIMIT=0), request deadline; then thin routes.
 * Every error is `{ error: { code, message } }` with a catalogue message.
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const { pipeline, config, logger, store } = options;
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(logger, { questions: config.log.questions }));
  // The widget script and demo page are public; the API is what the allow-list guards.
  const guard = originGuard(config.server.allowedOrigins);
  for (const path of ['/api/*', '/v1/*', '/healthz']) app.use(path, guard);
  if (config.server.rateLimitPerMinute > 0) {
    const limiter = rateLimit(config.server.rateLimitPerMinute, config.server.trustProxy);
    app.use('/api/*', limiter);
    app.use('/v1/*', limiter);
  }
  app.use('*', deadline(config.server.requestTimeoutMs));
  app.route('/', chatRoutes({ pipeline, config, logger, store }));
  app.route('/', openAiRoutes({ pipeline, config, logger, store }));
  if (store) app.route('/', feedbackRoutes({ store, logger }));
  if (store && config.store.adminToken) app.route('/', adminRoutes({ store, token: config.store.adminToken }));
  app.route('/', factRoutes({ pipeline, config }));
  app.route('/', tableRoutes({ pipeline }));
  app.route('/', healthRoutes({ pipeline }));
  app.route('/', widgetRoutes({ config }));
  app.notFound(notFound(app));
  app.onError((error, c) => handleError(error, c, logger));
  return app;
}
