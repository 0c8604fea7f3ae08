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

  it('serves a Chinese demo page embedding the widget by a relative URL under a CSP without unsafe-inline', async () => {
    const response = await app.request('http://qa.example.com:8787/');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<script src="/widget.js" data-endpoint="" data-title="报告问答" async></script>');
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('never reflects Host or X-Forwarded-Proto into the page or its CSP', async () => {
    const response = await app.request('http://evil.example/', { headers: { 'X-Forwarded-Proto': 'https', Host: 'evil.example' } });
    const text = `${await response.text()}${response.headers.get('Content-Security-Policy')}`;
    expect(text).not.toContain('evil.example');
  });

  it('names the service by QA_PUBLIC_URL when it is set', async () => {
    const configured = widgetRoutes({ config: loadConfig({}, { QA_PUBLIC_URL: 'https://qa.example.com/' }) });
    const response = await configured.request('http://127.0.0.1:8787/', { headers: { 'X-Forwarded-Proto': 'http' } });
    const html = await response.text();
    expect(html).toContain('<script src="https://qa.example.com/widget.js" data-endpoint="https://qa.example.com" '
      + 'data-title="报告问答" async></script>');
    expect(html).toContain('&lt;script src=&quot;https://qa.example.com/widget.js&quot;');
    const csp = response.headers.get('Content-Security-Policy')!;
    expect(csp).toContain('script-src https://qa.example.com;');
    expect(csp).toContain('connect-src https://qa.example.com;');
  });
});
