import { Hono } from 'hono';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { Pipeline } from '../../types';
import type { AppEnv } from '../app-env';
import { askPipeline } from '../ask-pipeline';
import { noteAnswer } from '../note-answer';
import { readChatRequest } from '../read-chat-request';
import { splitAnswer } from '../split-answer';
import { sseResponse } from '../sse-response';
import type { ChatEvent, ChatReply } from '../wire-types';

/** POST /api/chat: JSON reply, or Server-Sent Events with `stream: true` / `Accept: text/event-stream`. */
export function chatRoutes(options: { pipeline: Pipeline; config: Config; logger: Logger }): Hono<AppEnv> {
  const { pipeline, config, logger } = options;
  const app = new Hono<AppEnv>();
  app.post('/api/chat', async (c) => {
    const request = await readChatRequest(c, config, 'chat');
    const wantsStream = request.stream || (c.req.header('accept') ?? '').includes('text/event-stream');
    if (!wantsStream) {
      const answer = await askPipeline(pipeline, request.messages, c.get('deadline').signal);
      noteAnswer(c, answer);
      const reply: ChatReply = { answer: answer.answer, citations: answer.citations, facts: answer.facts,
        grounded: answer.grounded, mode: answer.mode, ...(answer.understood ? { understood: answer.understood } : {}) };
      return c.json(reply);
    }
    return sseResponse(c, logger, async (stream) => {
      const answer = await askPipeline(pipeline, request.messages, c.get('deadline').signal);
      noteAnswer(c, answer);
      const send = (event: ChatEvent) => stream.writeSSE({ event: event.event, data: JSON.stringify(event.data) });
      await send({ event: 'meta', data: { mode: answer.mode, ...(answer.understood ? { understood: answer.understood } : {}) } });
      for (const text of splitAnswer(answer.answer)) await send({ event: 'delta', data: { text } });
      await send({ event: 'citations', data: { citations: answer.citations, facts: answer.facts, grounded: answer.grounded } });
      await send({ event: 'done', data: {} });
    }, async (stream, error) => {
      await stream.writeSSE({ event: 'error', data: JSON.stringify({ code: error.code, message: error.userMessage }) });
    });
  });
  return app;
}
