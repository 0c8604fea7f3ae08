/**
 * The widget on the host pages it must survive, in real headless Chromium against the real service:
 * hostile CSS, a strict CSP with Trusted Types, the script loaded twice, an origin the service does
 * not allow (403), rate limiting (429), the service going down, a phone viewport, and the demo page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHostPages, type HostPages } from './pages/serve-host-pages';
import { freePort, startQaServer, type QaServer } from './pages/start-qa-server';
import { ask, hasFocus, lastAnswer, launchChromium, snap, widgetOf } from './pages/widget-page';

let service: QaServer;
let limited: QaServer;
let allowed: HostPages;
let foreign: HostPages;
let limitedHost: HostPages;
let browser: Browser;

beforeAll(async () => {
  const allowedPort = await freePort('127.0.0.2');
  [service, limited, browser] = await Promise.all([
    startQaServer({ QA_ALLOWED_ORIGINS: `http://127.0.0.2:${allowedPort}` }),
    startQaServer({ QA_ALLOWED_ORIGINS: '*', QA_RATE_LIMIT: '1' }),
    launchChromium(),
  ]);
  [allowed, foreign, limitedHost] = await Promise.all([
    serveHostPages(service.url, { port: allowedPort }),
    serveHostPages(service.url, { host: '127.0.0.3' }),
    serveHostPages(limited.url),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([allowed?.close(), foreign?.close(), limitedHost?.close()]);
  await Promise.all([service?.stop(), limited?.stop()]);
});

async function newPage(options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...options });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Trusted Type|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

/** Computed styles of the host page's own elements, to prove the widget leaves them alone. */
function hostStyles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const selector of ['html', 'body', '#headline', '#intro', '#host-button']) {
      const element = document.querySelector(selector);
      if (!element) continue;
      const style = getComputedStyle(element);
      for (const property of ['display', 'color', 'background-color', 'font-size', 'font-family', 'margin', 'padding', 'overflow']) {
        out[`${selector} ${property}`] = style.getPropertyValue(property);
      }
    }
    return out;
  });
}

describe('widget embedding (Chromium, real service)', () => {
  it('stays visible and usable under hostile host CSS and leaves the host styles untouched', async () => {
    const { page, problems } = await newPage();
    await page.route('**/widget.js', (route) => route.abort());
    await page.goto(`${allowed.origin}/hostile.html`);
    const baseline = await hostStyles(page);
    await page.unroute('**/widget.js');
    await page.goto(`${allowed.origin}/hostile.html`);
    const widget = widgetOf(page);
    await widget.launcher.waitFor();
    const box = (await widget.launcher.boundingBox())!;
    expect(box.width).toBeGreaterThan(80);
    expect(box.height).toBe(48);
    // What a pointer at the launcher's centre hits is the widget, not something the host drew on top.
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(hit).toBe('REPORT-QA-WIDGET');
    await widget.launcher.click();
    await widget.dialog.waitFor();
    expect(await page.locator('report-qa-widget .title').evaluate((e) => getComputedStyle(e).fontSize)).toBe('15px');
    await ask(page, '广东有多少家区块链企业？');
    expect((await lastAnswer(page)).length).toBeGreaterThan(5);
    expect(await hostStyles(page)).toEqual(baseline);
    expect(problems).toEqual([]);
    await snap(page, 'widget-hostile-css.png');
    await page.close();
  });

  it('works under a strict CSP (no unsafe-inline, Trusted Types) with no violations', async () => {
    const { page, problems } = await newPage();
    const response = await page.goto(`${allowed.origin}/strict-csp.html`);
    expect(response!.headers()['content-security-policy']).toContain("style-src 'self'");
    const widget = widgetOf(page);
    await widget.launcher.click();
    await widget.dialog.waitFor();
    expect(await widget.launcher.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(26, 86, 219)');
    await ask(page, '广东有多少家区块链企业？');
    expect(await widget.error.count()).toBe(0);
    expect((await lastAnswer(page)).length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await snap(page, 'widget-strict-csp.png');
    await page.close();
  });

  it('creates one widget and one global when the script is loaded twice', async () => {
    const { page, problems } = await newPage();
    await page.goto(`${allowed.origin}/twice.html`);
    await page.waitForLoadState('load');
    await page.locator('report-qa-widget').first().waitFor({ state: 'attached' });
    expect(await page.locator('report-qa-widget').count()).toBe(1);
    expect(await page.locator('report-qa-widget .launcher').count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(window.ReportQAWidget ?? {}).sort())).toEqual(
      ['close', 'destroy', 'open', 'reset', 'toggle', 'version']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('tells a site the service does not allow that it is not allowed (403)', async () => {
    const { page } = await newPage();
    await page.goto(`${foreign.origin}/basic.html`);
    await widgetOf(page).launcher.click();
    await ask(page, '广东有多少家区块链企业？');
    expect(await widgetOf(page).error.locator('p').textContent()).toBe('此网站未被允许使用问答服务（403）。');
    await snap(page, 'widget-403.png');
    await page.close();
  });

  it('shows the Retry-After wait on 429, then 「服务暂时不可用」 once the service is down', async () => {
    const { page } = await newPage();
    await page.goto(`${limitedHost.origin}/basic.html`);
    const widget = widgetOf(page);
    await widget.launcher.click();
    await ask(page, '广东有多少家区块链企业？');
    expect(await widget.error.count()).toBe(0);
    await ask(page, '那江苏呢？');
    expect(await widget.error.locator('p').textContent()).toMatch(/^请求过于频繁，请 \d+ 秒后再试。$/);
    expect(await widget.error.getByRole('button', { name: '重试' }).isDisabled()).toBe(true);
    await snap(page, 'widget-429.png');
    await limited.stop();
    await ask(page, '全国有多少家区块链产业园？');
    expect(await widget.error.locator('p').textContent()).toBe('服务暂时不可用，请稍后再试。');
    await page.close();
  });

  it('goes full-screen on a 390×844 phone, keeps the input on screen and Tab inside the panel', async () => {
    const { page } = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await page.goto(`${allowed.origin}/basic.html`);
    const widget = widgetOf(page);
    await widget.launcher.tap();
    await widget.dialog.waitFor();
    await widget.dialog.evaluate((e) => Promise.all(e.getAnimations().map((animation) => animation.finished)));
    expect(await widget.dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await widget.dialog.getAttribute('aria-modal')).toBe('true');
    expect(await widget.launcher.isVisible()).toBe(false);
    const input = (await widget.input.boundingBox())!;
    expect(input.y + input.height).toBeLessThanOrEqual(844);
    expect(await widget.input.evaluate((e) => getComputedStyle(e).fontSize)).toBe('16px');
    await ask(page, '广东有多少家区块链企业？');
    for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('REPORT-QA-WIDGET');
    await snap(page, 'widget-mobile-390x844.png');
    await page.getByRole('button', { name: '关闭', exact: true }).tap();
    expect(await hasFocus(widget.launcher)).toBe(true);
    await page.close();
  });

  it('honours data-theme, data-position and data-open, and prefers-reduced-motion', async () => {
    const { page } = await newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${allowed.origin}/dark-left.html`);
    const widget = widgetOf(page);
    await widget.dialog.waitFor();
    const box = (await widget.dialog.boundingBox())!;
    expect(box.x).toBe(20);
    expect(await widget.dialog.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(22, 27, 34)');
    expect(await widget.dialog.evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
    expect(await hasFocus(widget.input)).toBe(false);
    await snap(page, 'widget-dark-left.png');
    await page.close();
  });

  it('serves a demo page that embeds the widget like a third-party site, under its own strict CSP', async () => {
    const { page, problems } = await newPage();
    const response = await page.goto(`${service.url}/`);
    // Without QA_PUBLIC_URL the page loads the widget from its own origin and shows a placeholder to copy.
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';.*require-trusted-types-for/);
    expect(await page.locator('pre').textContent()).toBe(
      '<script src="https://HOST/widget.js" data-endpoint="https://HOST" data-title="报告问答" async></script>');
    const widget = widgetOf(page);
    await widget.launcher.click();
    await ask(page, '哪些地方出台了区块链专项政策？');
    expect(await widget.error.count()).toBe(0);
    expect((await lastAnswer(page)).length).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await snap(page, 'demo-page.png', { fullPage: true });
    await page.close();
  });
});
