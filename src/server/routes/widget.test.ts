import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { widgetRoutes } from './widget';

describe('widgetRoutes', () => {
  const app = widgetRoutes({ config: loadConfig({}) });

  it('serves the bundled widget as JavaScript with caching headers, and 304 for a matching ETag', async () => {
    const response = await app.request('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+/);
    const body = await response.text();
    expect(body).toContain('ReportQAWidget');
    const etag = response.headers.get('ETag')!;
    const again = await app.request('/widget.js', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves a Chinese demo page embedding the widget with its endpoint, under a CSP without unsafe-inline', async () => {
    const response = await app.request('http://qa.example.com:8787/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<script src="http://qa.example.com:8787/widget.js" data-endpoint="http://qa.example.com:8787" '
      + 'data-title="报告问答" async></script>');
    expect(html).toContain('&lt;script src=&quot;http://qa.example.com:8787/widget.js&quot;');
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain('script-src http://qa.example.com:8787;');
    expect(csp).toContain('connect-src http://qa.example.com:8787;');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('uses the forwarded scheme behind a TLS proxy', async () => {
    const response = await app.request('http://qa.example.com/', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(await response.text()).toContain('data-endpoint="https://qa.example.com"');
  });
});
