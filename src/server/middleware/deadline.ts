import type { MiddlewareHandler } from 'hono';
import type { ServerResponse } from 'node:http';
import type { AppEnv } from '../app-env';
import { nodeBindings } from '../node-bindings';

/** Gives handlers `c.var.deadline`, `timeoutMs` (QA_REQUEST_TIMEOUT_MS) from now. */
export function deadline(timeoutMs: number): MiddlewareHandler<AppEnv> {
  return async function deadline(c, next) {
    const expiresAt = performance.now() + timeoutMs;
    let signal: AbortSignal | undefined;
    c.set('deadline', {
      expiresAt,
      get signal() {
        return (signal ??= deadlineSignal(expiresAt, nodeBindings(c)?.outgoing, c.req.raw));
      },
    });
    await next();
  };
}

function deadlineSignal(expiresAt: number, outgoing: ServerResponse | undefined, request: Request): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('request deadline passed', 'TimeoutError')),
    Math.max(0, expiresAt - performance.now()));
  timer.unref();
  if (!outgoing) {
    // In-process (app.request()): the Request's own signal says when the caller gave up.
    request.signal.addEventListener('abort', () => controller.abort(new DOMException('client closed the connection', 'AbortError')), { once: true });
    return controller.signal;
  }
  const onClose = () => {
    clearTimeout(timer);
    if (!outgoing.writableFinished) controller.abort(new DOMException('client closed the connection', 'AbortError'));
  };
  if (outgoing.closed) onClose();
  else outgoing.once('close', onClose);
  return controller.signal;
}
