import { z } from 'zod';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { ChatMessage } from '../types';
import { boundText } from './bound-text';

/** A validated chat request, whichever endpoint it came through. */
export interface ParsedChatRequest {
  /**
   * The conversation without client `system`/`developer`/`tool` messages, ending with the user's question,
   * each message normalised and bounded for analysis (user turns to `maxAnalyzedChars`, answers to 4×).
   */
  messages: ChatMessage[];
  /** The question as sent (trimmed), for the log. */
  question: string;
  stream: boolean;
  /** The `model` field of an OpenAI-style request, echoed back. */
  model?: string;
}

const ChatBody = z.object({
  messages: z.array(z.object({ role: z.enum(['user', 'assistant', 'system']), content: z.string() })).min(1),
  stream: z.boolean().optional(),
});

// OpenAI clients send content as a string, as text parts, or null (assistant turns with tool calls).
const OpenAiContent = z.union([
  z.string(),
  z.null(),
  z.array(z.object({ type: z.string(), text: z.string().optional() })),
]);
const OpenAiBody = z.object({
  model: z.string().optional(),
  messages: z.array(z.object({ role: z.string(), content: OpenAiContent.optional() })).min(1),
  stream: z.boolean().nullable().optional(),
});

type Limits = Pick<Config['server'], 'maxQuestionChars' | 'maxMessages'> & Partial<Pick<Config['server'], 'maxAnalyzedChars'>>;

/**
 * Validates the body of POST /api/chat (`format: 'chat'`) or POST /v1/chat/completions (`'openai'`).
 * Client system prompts are dropped on purpose: the service's own instructions cannot be replaced.
 * @throws AppError bad_request (not JSON, wrong shape, last message not from the user),
 *   empty_question, too_large (more than `maxMessages` messages or a question over `maxQuestionChars`).
 */
export function parseChatRequest(text: string, format: 'chat' | 'openai', limits: Limits): ParsedChatRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('bad_request', 'body is not JSON', { cause: error });
  }
  let messages: ChatMessage[];
  let stream = false;
  let model: string | undefined;
  if (format === 'chat') {
    const parsed = ChatBody.safeParse(json);
    if (!parsed.success) throw new AppError('bad_request', `wrong shape: ${parsed.error.issues[0]?.message}`);
    messages = parsed.data.messages;
    stream = parsed.data.stream === true;
  } else {
    const parsed = OpenAiBody.safeParse(json);
    if (!parsed.success) throw new AppError('bad_request', `wrong shape: ${parsed.error.issues[0]?.message}`);
    messages = parsed.data.messages.map((m) => ({ role: openAiRole(m.role), content: contentText(m.content) }));
    stream = parsed.data.stream === true;
    model = parsed.data.model;
  }
  if (messages.length > limits.maxMessages) throw new AppError('too_large', `${messages.length} messages > ${limits.maxMessages}`);
  const last = messages.at(-1);
  if (!last || last.role !== 'user') throw new AppError('bad_request', 'last message is not from the user');
  const question = last.content.trim();
  if (!question) throw new AppError('empty_question');
  if ([...question].length > limits.maxQuestionChars) throw new AppError('too_large', `question over ${limits.maxQuestionChars} chars`);
  const bound = limits.maxAnalyzedChars ?? Infinity;
  const conversation = messages.filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role, content: boundText(m.content, m.role === 'user' ? bound : bound * 4) }));
  // Only invisible characters: nothing is left to ask.
  if (!conversation.at(-1)!.content) throw new AppError('empty_question');
  return { messages: conversation, question, stream, model };
}

function openAiRole(role: string): ChatMessage['role'] {
  if (role === 'user' || role === 'assistant') return role;
  return 'system';
}

function contentText(content: z.infer<typeof OpenAiContent> | undefined): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => (part.type === 'text' ? part.text ?? '' : '')).join('');
}
