import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import { buildWidget } from '../../widget/build-widget';
import { demoPage } from '../../widget/demo-page';

interface BuiltScript {
  body: string;
  etag: string;
}

/**
 * GET /widget.js (the embeddable widget, bundled on first request and kept in memory) and
 * GET / (the demo page embedding it the way another site would). The page names the service by
 * QA_PUBLIC_URL, or loads the widget by a relative URL: never from the request's Host or
 * X-Forwarded-Proto, which any client (or a cache in between) can set.
 * @throws AppError internal when the bundle cannot be built.
 */
export function widgetRoutes(options: { config: Config }): Hono {
  const app = new Hono();
  const publicUrl = options.config.server.publicUrl ?? '';
  let built: Promise<BuiltScript> | null = null;
  const script = () => {
    if (!built) {
      built = buildWidget().then((body) => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }));
      // A failed build is not cached, so the next request tries again.
      built.catch(() => { built = null; });
    }
    return built;
  };

  app.get('/widget.js', async (c) => {
    let widget: BuiltScript;
    try {
      widget = await script();
    } catch (error) {
      throw new AppError('internal', 'widget bundle failed to build', { cause: error });
    }
    const headers = {
      'Content-Type': 'text/javascript; charset=utf-8',
      // Short max-age: host pages pick up a new widget within minutes; the ETag makes revalidation cheap.
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=86400',
      ETag: widget.etag,
      'X-Content-Type-Options': 'nosniff',
      // Lets pages with Cross-Origin-Embedder-Policy load the script from this origin.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    if (matchesEtag(c.req.header('If-None-Match'), widget.etag)) return c.body(null, 304, headers);
    return c.body(widget.body, 200, headers);
  });

  app.get('/', (c) => {
    const page = demoPage(publicUrl);
    return c.html(page.html, 200, {
      'Content-Security-Policy': page.contentSecurityPolicy,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
  return app;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
