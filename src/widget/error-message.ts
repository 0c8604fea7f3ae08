import type { ChatFailure } from './stream-chat';
import type { UiText } from './ui-text';

/**
 * The sentence shown for a failed request. Offline, 429 (with the wait), 403 and an unreachable
 * service get fixed sentences; otherwise the server's own Chinese message when it sent one.
 */
export function errorMessage(failure: ChatFailure, text: UiText): string {
  switch (failure.kind) {
    case 'offline':
      return text.offline;
    case 'blocked':
      return text.forbidden;
    case 'unreachable':
      return text.unavailable;
    case 'stream':
      return failure.message || text.unavailable;
    case 'http':
      if (failure.status === 429) return text.rateLimited(failure.retryAfterSeconds);
      if (failure.status === 403) return text.forbidden;
      if (failure.message) return failure.message;
      return failure.status >= 500 ? text.unavailable : text.failed;
  }
}
