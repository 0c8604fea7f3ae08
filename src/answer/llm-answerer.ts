import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { SystemMessage } from '@langchain/core/messages';
import { ChatPromptTemplate, HumanMessagePromptTemplate } from '@langchain/core/prompts';
import type { Logger } from '../logger';
import type { Answer, Citation } from '../types';
import { verifyAnswer } from './verify-answer';

/** Every statement of the report is about this period, so its numbers need no citation. */
const REPORT_TITLE = '2020 年中国区块链发展现状与展望（上半年）';

export interface LlmAnswerInput {
  question: string;
  /** How a follow-up was understood (e.g. '江苏 区块链企业数量'). */
  understood?: string;
  /** The retrieved evidence, numbered 1..n in this order. */
  sources: Citation[];
  /** The extractive answer, returned whenever the model's answer cannot be used. */
  fallback: Answer;
  signal?: AbortSignal;
}

export interface LlmAnswerer {
  /** Never throws: a failed, late or unverifiable model answer yields `fallback`. */
  answer(input: LlmAnswerInput): Promise<Answer>;
}

export interface LlmAnswererOptions {
  model: BaseChatModel;
  /** Folder with system.zh.md and user.zh.md. */
  promptsDir: string;
  /** Default 20 000 ms (QA_LLM_TIMEOUT_MS). */
  timeoutMs?: number;
  logger: Logger;
}

/**
 * Answers with a chat model over the numbered sources, then verifies the reply (citations name
 * supplied sources, numbers are in the cited text, the system prompt is not echoed). A verified
 * reply becomes an `llm` answer whose citations are the cited sources renumbered 1..k in order of
 * first use; anything else (error, timeout, HTTP 500, malformed reply, failed check) returns the
 * extractive fallback and logs why.
 */
export function createLlmAnswerer(options: LlmAnswererOptions): LlmAnswerer {
  const { model, logger, timeoutMs = 20_000 } = options;
  const system = readFileSync(join(options.promptsDir, 'system.zh.md'), 'utf8').trim();
  const user = readFileSync(join(options.promptsDir, 'user.zh.md'), 'utf8').trim();
  // The system prompt is a fixed message, not a template: its text may contain braces.
  const prompt = ChatPromptTemplate.fromMessages([new SystemMessage(system), HumanMessagePromptTemplate.fromTemplate(user)]);
  const promptFragments = fragmentsOf(system);

  return {
    async answer(input) {
      const { fallback } = input;
      const started = performance.now();
      const fallBack = (reason: string, fields: Record<string, unknown> = {}) => {
        logger.info('llm_fallback', { reason, ms: Math.round(performance.now() - started), ...fields });
        return fallback;
      };
      let text: string;
      try {
        const messages = await prompt.formatMessages({
          sources: renderSources(input.sources),
          understood: input.understood ? `（结合对话，问题理解为：${input.understood}）\n` : '',
          question: input.question,
        });
        const signals = [AbortSignal.timeout(timeoutMs), ...(input.signal ? [input.signal] : [])];
        const reply = await model.invoke(messages, { signal: AbortSignal.any(signals) });
        text = normalizeMarkers(typeof reply.content === 'string' ? reply.content : reply.text).trim();
      } catch (error) {
        return fallBack(error instanceof Error && /abort|timeout/i.test(`${error.name} ${error.message}`) ? 'timeout' : 'model_error',
          { detail: error instanceof Error ? error.message : String(error) });
      }
      if (promptFragments.some((fragment) => text.includes(fragment))) return fallBack('prompt_leak');
      const verification = verifyAnswer({ answer: text, sources: input.sources, question: input.question,
        context: [REPORT_TITLE, ...fallback.facts.map((fact) => fact.period)] });
      if (!verification.ok) return fallBack(verification.reason ?? 'rejected', { unsupported: verification.unsupported });
      const renumber = new Map(verification.cited.map((n, index) => [n, index + 1]));
      const understood = fallback.understood ?? input.understood;
      logger.debug('llm_answer', { ms: Math.round(performance.now() - started), cited: verification.cited.length });
      return {
        answer: text.replace(/\[(\d+)\]/g, (_, n: string) => `[${renumber.get(Number(n))}]`),
        citations: verification.cited.map((n, index) => ({ ...input.sources[n - 1], id: index + 1 })),
        facts: fallback.facts,
        grounded: !verification.refusal,
        mode: 'llm',
        ...(understood ? { understood } : {}),
      };
    },
  };
}

/** '[1] 六、（二）企业分布阶梯化明显｜表6-1 …｜第1138行\n广东 354 27.06%' per source. */
function renderSources(sources: Citation[]): string {
  if (sources.length === 0) return '（无）';
  return sources.map((source, index) => {
    const where = [source.section, source.source, `第${source.line}行`].filter(Boolean).join('｜');
    return `[${index + 1}] ${where}\n${source.quote.replace(/\s+/g, ' ').trim()}`;
  }).join('\n\n');
}

/** Full-width and grouped markers as plain ones: ［1］, 【1】, [1, 2], [1、2] → [1], [1][2]. */
function normalizeMarkers(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/[［【\[]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[］】\]]/g, (_, list: string) =>
      list.split(/\s*[,，、]\s*/).map((n) => `[${Number(n)}]`).join(''));
}

/** Long clauses of the system prompt: an answer containing one is echoing the instructions. */
function fragmentsOf(system: string): string[] {
  return system.split(/[。；：，\n“”（）]/).map((s) => s.replace(/^\s*\d+\.\s*/, '').trim()).filter((s) => [...s].length >= 12);
}
