import { AppError } from '../errors';
import type { Answer, ChatMessage, Pipeline } from '../types';

/**
 * Asks the pipeline, giving up when `signal` aborts even if the pipeline ignores the signal.
 * @throws AppError timeout when the deadline passes, client_closed when the client goes away.
 */
export function askPipeline(pipeline: Pipeline, messages: ChatMessage[], signal: AbortSignal): Promise<Answer> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<Answer>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    pipeline.ask(messages, { signal }).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortError(signal: AbortSignal): AppError {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return timedOut
    ? new AppError('timeout', 'request deadline passed', { cause: reason })
    : new AppError('client_closed', 'client closed the connection', { cause: reason });
}
