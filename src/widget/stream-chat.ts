import type { ChatEvent, ChatReply, WireError, WireMessage } from '../server/wire-types';
import { parseSse } from './parse-sse';

type EventData<Name extends ChatEvent['event']> = Extract<ChatEvent, { event: Name }>['data'];

/** Callbacks for the parts of a streamed reply, in the order the server sends them. */
export interface ChatHandlers {
  onMeta(data: EventData<'meta'>): void;
  onDelta(text: string): void;
  onCitations(data: EventData<'citations'>): void;
}

/** Why a request produced no (complete) answer; turned into a sentence by errorMessage(). */
export type ChatFailure =
  | { kind: 'offline' }
  /** The browser reports being online, yet the service does not answer at all (down, wrong endpoint). */
  | { kind: 'unreachable' }
  /** The service answered, but the browser may not read it (CORS): the origin is not allowed. */
  | { kind: 'blocked' }
  | { kind: 'http'; status: number; code?: string; message?: string; retryAfterSeconds?: number }
  /** The server sent `event: error`, or the stream broke off before `done`. */
  | { kind: 'stream'; code?: string; message?: string };

export type ChatOutcome = { ok: true } | { ok: false; aborted: true } | { ok: false; aborted: false; failure: ChatFailure };

/**
 * POSTs the conversation to `{endpoint}/api/chat` with `stream: true` and feeds the SSE reply to
 * `handlers`. Never throws: failures and aborts come back as an outcome.
 */
export async function streamChat(endpoint: string, messages: WireMessage[], handlers: ChatHandlers,
  signal: AbortSignal): Promise<ChatOutcome> {
  let response: Response;
  try {
    response = await fetch(`${endpoint}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ messages, stream: true }),
      signal,
      credentials: 'omit',
    });
  } catch (error) {
    if (signal.aborted) return { ok: false, aborted: true };
    return { ok: false, aborted: false, failure: await diagnoseNetworkError(endpoint) };
  }
  if (!response.ok) return { ok: false, aborted: false, failure: await httpFailure(response) };
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (!type.includes('text/event-stream')) return readJsonReply(await response.json() as ChatReply, handlers);
    return await readEventStream(response, handlers, signal);
  } catch (error) {
    if (signal.aborted) return { ok: false, aborted: true };
    const failure: ChatFailure = isOffline() ? { kind: 'offline' } : { kind: 'stream' };
    return { ok: false, aborted: false, failure };
  }
}

async function readEventStream(response: Response, handlers: ChatHandlers, signal: AbortSignal): Promise<ChatOutcome> {
  let outcome: ChatOutcome | undefined;
  const parser = parseSse((event, raw) => {
    if (outcome) return;
    const data = JSON.parse(raw);
    if (event === 'meta') handlers.onMeta(data);
    else if (event === 'delta') handlers.onDelta(String(data.text ?? ''));
    else if (event === 'citations') handlers.onCitations(data);
    else if (event === 'done') outcome = { ok: true };
    else if (event === 'error') outcome = { ok: false, aborted: false, failure: { kind: 'stream', code: data.code, message: data.message } };
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  while (!outcome) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
  if (!outcome) reader.cancel().catch(() => undefined);
  if (signal.aborted) return { ok: false, aborted: true };
  return outcome ?? { ok: false, aborted: false, failure: { kind: 'stream' } };
}

/** Accepts a plain JSON reply too, in case a proxy or an older server ignored `stream: true`. */
function readJsonReply(reply: ChatReply, handlers: ChatHandlers): ChatOutcome {
  handlers.onMeta({ id: reply.id, mode: reply.mode, understood: reply.understood });
  handlers.onDelta(reply.answer);
  handlers.onCitations({ citations: reply.citations ?? [], facts: reply.facts ?? [], grounded: reply.grounded, suggestions: reply.suggestions });
  return { ok: true };
}

async function httpFailure(response: Response): Promise<ChatFailure> {
  let body: Partial<WireError['error']> & { retryAfter?: number } = {};
  try {
    body = ((await response.json()) as WireError).error ?? {};
  } catch {
    // Not our JSON (a proxy's HTML page): fall back to the status alone.
  }
  return {
    kind: 'http',
    status: response.status,
    code: typeof body.code === 'string' ? body.code : undefined,
    message: typeof body.message === 'string' ? body.message : undefined,
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')) ?? positive(body.retryAfter),
  };
}

/** Seconds from a Retry-After header: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return positive(Number(value));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : positive(Math.ceil((date - now) / 1000));
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.ceil(value)) : undefined;
}

/**
 * fetch() rejects alike when offline, when the service is down and when CORS hides a refusal.
 * An opaque no-cors GET tells the last case apart: it succeeds whenever the service is reachable.
 */
async function diagnoseNetworkError(endpoint: string): Promise<ChatFailure> {
  if (isOffline()) return { kind: 'offline' };
  try {
    await fetch(`${endpoint}/healthz`, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' });
    return { kind: 'blocked' };
  } catch {
    return isOffline() ? { kind: 'offline' } : { kind: 'unreachable' };
  }
}

function isOffline(): boolean {
  return navigator.onLine === false;
}
