import { Hono } from 'hono';
import type { Config } from '../../config';
import type { Logger } from '../../logger';
import type { RecordStore } from '../../store/record-store';
import type { Answer, Pipeline } from '../../types';
import type { AppEnv } from '../app-env';
import { askPipeline } from '../ask-pipeline';
import { noteAnswer } from '../note-answer';
import { readChatRequest } from '../read-chat-request';
import { recordAnswer } from '../record-answer';
import { splitAnswer } from '../split-answer';
import { sseResponse } from '../sse-response';

/** Model name reported when the client does not send one. */
const DEFAULT_MODEL = 'report-qa';

/**
 * POST /v1/chat/completions, OpenAI-compatible so the official clients work unchanged. Citations
 * (and facts, grounded, mode) ride along as extra fields of the completion, or of the final chunk
 * when streaming (`chat.completion.chunk` frames, then `data: [DONE]`).
 */
export function openAiRoutes(options: { pipeline: Pipeline; config: Config; logger: Logger; store?: RecordStore }): Hono<AppEnv> {
  const { pipeline, config, logger, store } = options;
  const app = new Hono<AppEnv>();
  app.post('/v1/chat/completions', async (c) => {
    const startedAt = performance.now();
    const request = await readChatRequest(c, config, 'openai');
    // The completion id is the reply id POST /api/feedback refers to.
    const head = { id: `chatcmpl-${c.get('requestId')}`, created: Math.floor(Date.now() / 1000), model: request.model ?? DEFAULT_MODEL };
    if (!request.stream) {
      const answer = await askPipeline(pipeline, request.messages, c.get('deadline').signal);
      noteAnswer(c, answer);
      recordAnswer(c, { store, logger, id: head.id, route: 'openai', question: request.question, answer, startedAt });
      return c.json({
        ...head,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: answer.answer, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        ...extras(answer),
      });
    }
    return sseResponse(c, logger, async (stream) => {
      const answer = await askPipeline(pipeline, request.messages, c.get('deadline').signal);
      noteAnswer(c, answer);
      recordAnswer(c, { store, logger, id: head.id, route: 'openai', question: request.question, answer, startedAt });
      const chunk = (delta: Record<string, string>, finishReason: 'stop' | null, extra: object = {}) =>
        stream.writeSSE({ data: JSON.stringify({ ...head, object: 'chat.completion.chunk',
          choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...extra }) });
      await chunk({ role: 'assistant', content: '' }, null);
      for (const text of splitAnswer(answer.answer)) await chunk({ content: text }, null);
      await chunk({}, 'stop', extras(answer));
      await stream.writeSSE({ data: '[DONE]' });
    }, async (stream, error) => {
      // OpenAI clients raise an APIError on a `data:` frame that carries `error`.
      await stream.writeSSE({ data: JSON.stringify({ error: { code: error.code, message: error.userMessage } }) });
    });
  });
  return app;
}

function extras(answer: Answer) {
  return { citations: answer.citations, facts: answer.facts, grounded: answer.grounded, mode: answer.mode,
    ...(answer.understood ? { understood: answer.understood } : {}), ...(answer.suggestions?.length ? { suggestions: answer.suggestions } : {}) };
}
