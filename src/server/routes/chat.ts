import { Hono } from 'hono';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { RecordStore } from '../../store/record-store';
import type { Pipeline } from '../../types';
import type { AppEnv } from '../app-env';
import { askPipeline } from '../ask-pipeline';
import { noteAnswer } from '../note-answer';
import { readChatRequest } from '../read-chat-request';
import { recordAnswer } from '../record-answer';
import { splitAnswer } from '../split-answer';
import { sseResponse } from '../sse-response';
import type { ChatEvent, ChatReply } from '../wire-types';

/**
 * POST /api/chat: JSON reply, or Server-Sent Events with `stream: true` / `Accept: text/event-stream`.
 * Every reply carries an `id` (the request id) for POST /api/feedback; with a store that records,
 * the question is recorded under it.
 */
export function chatRoutes(options: { pipeline: Pipeline; config: Config; logger: Logger; store?: RecordStore }): Hono<AppEnv> {
  const { pipeline, config, logger, store } = options;
  const app = new Hono<AppEnv>();
  app.post('/api/chat', async (c) => {
    const startedAt = performance.now();
    const id = c.get('requestId');
    const request = await readChatRequest(c, config, 'chat');
    const wantsStream = request.stream || (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) {
      const answer = await askPipeline(pipeline, request.messages, c.get('deadline').signal);
      noteAnswer(c, answer);
      recordAnswer(c, { store, logger, id, route: 'chat', question: request.question, answer, startedAt });
      const reply: ChatReply = { id, answer: answer.answer, citations: answer.citations, facts: answer.facts,
        grounded: answer.grounded, mode: answer.mode, ...(answer.understood ? { understood: answer.understood } : {}),
        ...(answer.suggestions?.length ? { suggestions: answer.suggestions } : {}) };
      return c.json(reply);
    }
    return sseResponse(c, logger, async (stream) => {
      const answer = await askPipeline(pipeline, request.messages, c.get('deadline').signal);
      noteAnswer(c, answer);
      recordAnswer(c, { store, logger, id, route: 'chat', question: request.question, answer, startedAt });
      const send = (event: ChatEvent) => stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) });
      await send({ event: 'meta', data: { id, mode: answer.mode, ...(answer.understood ? { understood: answer.understood } : {}) } });
      for (const text of splitAnswer(answer.answer)) await send({ event: 'delta', data: { text } });
      await send({ event: 'citations', data: { citations: answer.citations, facts: answer.facts, grounded: answer.grounded,
        ...(answer.suggestions?.length ? { suggestions: answer.suggestions } : {}) } });
      await send({ event: 'done', data: { id } });
    }, async (stream, error) => {
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: error.code, message: error.userMessage }) });
    });
  });
  return app;
}
