import { Hono } from 'hono';
import { z } from 'zod';
import type { Logger } from '../../logger';
import type { RecordStore } from '../../store/record-store';
import type { AppEnv } from '../app-env';
import { readBody } from '../read-body';
import { siteOrigin } from '../record-answer';
import type { WireError } from '../wire-types';

const MAX_BODY_BYTES = 4096;
/** Longest reason kept; the widget's box stops there too. */
export const MAX_REASON_CHARS = 500;

const FeedbackBody = z.object({
  // Reply ids are UUIDs (chat) or chatcmpl-UUID (OpenAI route); anything id-like is accepted, since
  // feedback is kept even when answers are not recorded.
  id: z.string().min(1).max(128).regex(/^[\w.:-]+$/),
  rating: z.enum(['up', 'down']),
  reason: z.string().max(MAX_REASON_CHARS).optional(),
});

const BAD_FEEDBACK: WireError = {
  error: { code: 'bad_request', message: '反馈格式不正确：需要回答的 id 与 rating（up 或 down），reason 可选且不超过 500 字。' },
};

/**
 * POST /api/feedback `{ id, rating: 'up' | 'down', reason? }` → 204, stored in the embedded database
 * whether or not answers are recorded (a later rating of the same reply replaces the earlier one).
 * A bad body → 400 bad_request; a database failure → 500 internal (logged), never a stack trace.
 */
export function feedbackRoutes(options: { store: RecordStore; logger: Logger }): Hono<AppEnv> {
  const { store, logger } = options;
  const app = new Hono<AppEnv>();
  app.post('/api/feedback', async (c) => {
    const text = await readBody(c, MAX_BODY_BYTES);
    let parsed;
    try {
      parsed = FeedbackBody.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      c.get('log').errorCode = 'bad_request';
      return c.json(BAD_FEEDBACK, 400);
    }
    const { id, rating, reason } = parsed.data;
    try {
      store.addFeedback({ id, rating, reason: reason?.trim() || undefined, origin: siteOrigin(c) });
    } catch (error) {
      throw new Error(`feedback not stored: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    logger.debug('feedback', { id, rating });
    return c.body(null, 204);
  });
  return app;
}
