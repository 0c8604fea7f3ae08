import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The Node request and response under a Hono context; undefined when the app is driven in-process (app.request()). */
export function nodeBindings(c: Context): { incoming: IncomingMessage; outgoing: ServerResponse } | undefined {
  const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
  return env?.incoming && env.outgoing ? { incoming: env.incoming, outgoing: env.outgoing } : undefined;
}

/**
 * Adds a header to whatever response the request gets. On Node it goes straight onto the ServerResponse
 * (merged when the headers are written), so the Response objects Hono builds stay on @hono/node-server's
 * fast path; setting `c.res` headers early would turn every reply into a stream.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  const node = nodeBindings(c);
  if (node) {
    if (!node.outgoing.headersSent) node.outgoing.setHeader(name, value);
  } else {
    c.header(name, value);
  }
}
