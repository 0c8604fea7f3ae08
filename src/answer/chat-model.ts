import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAICompletions } from '@langchain/openai';
import type { Config } from '../config';

/**
 * The configured OpenAI-compatible chat model (the only importer of @langchain/openai).
 * Always the Chat Completions API (`baseUrl` up to and including `/v1`), temperature 0, no
 * retries: a failed call falls back to the extractive answer instead of waiting longer.
 */
export function createChatModel(llm: NonNullable<Config['llm']>): BaseChatModel {
  return new ChatOpenAICompletions({
    model: llm.model,
    apiKey: llm.apiKey,
    configuration: { baseURL: llm.baseUrl },
    timeout: llm.timeoutMs,
    maxRetries: 0,
    temperature: 0,
  });
}
