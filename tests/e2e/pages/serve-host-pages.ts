import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { freePort } from './start-qa-server';

const PAGES = import.meta.dirname;
/** Noto Sans SC from the @fontsource npm package: the test browser has no CJK font, so screenshots would show boxes. */
const FONTS = resolve(PAGES, '../../../node_modules/@fontsource/noto-sans-sc');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2', '.woff': 'font/woff' };

export interface HostPages {
  /** e.g. http://127.0.0.2:40124: a different origin from the QA service. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves tests/e2e/pages/*.html and *.css as a third-party site would, on another loopback address,
 * and /fonts/* from @fontsource/noto-sans-sc (pages link fonts/400.css so Chinese renders in screenshots).
 * `{{ENDPOINT}}` in a page becomes the QA service URL; a first line `<!-- csp: … -->` is sent as the
 * page's Content-Security-Policy header (with {{ENDPOINT}} filled in too).
 */
export async function serveHostPages(endpoint: string, options: { host?: string; port?: number } = {}): Promise<HostPages> {
  const host = options.host ?? '127.0.0.2';
  const port = options.port ?? await freePort(host);
  const server = createServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/+/, '') || 'basic.html';
    const extension = name.slice(name.lastIndexOf('.'));
    const font = /^fonts\/((?:files\/)?[a-z0-9-]+\.(?:css|woff2?))$/.exec(name)?.[1];
    if (font) {
      try {
        // Fonts load in CORS mode: other origins (the demo page in the a11y suite) may use them too.
        const body = await readFile(resolve(FONTS, font));
        return void response.writeHead(200, { 'Content-Type': TYPES[extension], 'Access-Control-Allow-Origin': '*',
          'Cache-Control': 'public, max-age=3600' }).end(body);
      } catch {
        return void response.writeHead(404).end();
      }
    }
    if (!/^[a-z0-9-]+\.(html|css)$/.test(name)) return void response.writeHead(404).end();
    try {
      const text = (await readFile(resolve(PAGES, name), 'utf8')).replaceAll('{{ENDPOINT}}', endpoint);
      const csp = /^<!-- csp: (.+?) -->/.exec(text)?.[1];
      response.writeHead(200, { 'Content-Type': TYPES[extension], 'Cache-Control': 'no-store',
        ...(csp ? { 'Content-Security-Policy': csp } : {}) });
      response.end(text);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  return {
    origin: `http://${host}:${port}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}
