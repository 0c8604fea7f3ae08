import type { FeedbackRequest } from '../server/wire-types';

/** POSTs a 👍/👎 to `{endpoint}/api/feedback`; true when the service stored it (204). Never throws. */
export async function sendFeedback(endpoint: string, feedback: FeedbackRequest): Promise<boolean> {
  try {
    const response = await fetch(`${endpoint}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(feedback),
      credentials: 'omit',
    });
    return response.ok;
  } catch {
    return false;
  }
}
