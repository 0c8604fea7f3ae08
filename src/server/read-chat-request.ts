import type { Context } from 'hono';
import type { Config } from '../config';
import type { AppEnv } from './app-env';
import { parseChatRequest, type ParsedChatRequest } from './parse-chat-request';
import { readBody } from './read-body';

/**
 * Reads and validates a chat body within the configured limits, before any response byte is
 * sent (so validation errors are plain JSON errors even for streaming requests).
 * @throws AppError too_large, bad_request, empty_question, timeout, client_closed
 */
export async function readChatRequest(c: Context<AppEnv>, config: Config, format: 'chat' | 'openai'): Promise<ParsedChatRequest> {
  const text = await readBody(c, config.server.maxBodyBytes);
  const request = parseChatRequest(text, format, config.server);
  c.get('log').question = request.question;
  return request;
}
