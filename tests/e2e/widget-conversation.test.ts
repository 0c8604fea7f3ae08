/**
 * The widget in real headless Chromium against the real service (`src/cli/main.ts serve`), embedded
 * in a host page served from another origin: keyboard, IME, streaming, citations, follow-ups,
 * charts, session persistence, copy, stop, offline. Screenshots go to tests/artifacts/.
 */
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatReply } from '../../src/server/wire-types';
import { serveHostPages, type HostPages } from './pages/serve-host-pages';
import { freePort, startQaServer, type QaServer } from './pages/start-qa-server';
import { ask, hasFocus, lastAnswer, launchChromium, snap, waitUntilIdle, widgetOf } from './pages/widget-page';

let server: QaServer;
let hosts: HostPages;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const chatRequests: Request[] = [];

/**
 * The service's JSON reply to the widget's newest request, asked again from Node (the extractive
 * answerer is deterministic): what the widget was given, to compare with what it shows.
 */
async function replayLastRequest(): Promise<ChatReply> {
  const { messages } = chatRequests.at(-1)!.postDataJSON();
  const response = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages }) });
  return (await response.json()) as ChatReply;
}

beforeAll(async () => {
  const hostPort = await freePort('127.0.0.2');
  const hostOrigin = `http://127.0.0.2:${hostPort}`;
  [server, browser] = await Promise.all([startQaServer({ QA_ALLOWED_ORIGINS: hostOrigin }), launchChromium()]);
  hosts = await serveHostPages(server.url, { port: hostPort });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hosts.origin });
  page = await context.newPage();
  page.on('request', (request) => { if (request.url().endsWith('/api/chat')) chatRequests.push(request); });
  await page.goto(`${hosts.origin}/basic.html`);
});

afterAll(async () => {
  await browser?.close();
  await hosts?.close();
  await server?.stop();
});

describe('widget conversation (Chromium, real service)', () => {
  it('opens from the keyboard, focuses the input, and Escape closes back to the launcher', async () => {
    const widget = widgetOf(page);
    await widget.launcher.waitFor();
    expect(await widget.launcher.getAttribute('aria-label')).toBe('打开报告问答');
    for (let i = 0; i < 10 && !(await hasFocus(widget.launcher)); i++) await page.keyboard.press('Tab');
    expect(await hasFocus(widget.launcher)).toBe(true);
    await page.keyboard.press('Enter');
    await widget.dialog.waitFor();
    expect(await hasFocus(widget.input)).toBe(true);
    expect(await widget.log.getAttribute('aria-live')).toBe('polite');
    await snap(page, 'widget-empty-desktop.png');
    await page.keyboard.press('Escape');
    await widget.dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(widget.launcher)).toBe(true);
    await page.keyboard.press('Enter');
    await widget.dialog.waitFor();
  });

  it('never sends on Enter while an IME is composing, then streams an answer after the real Enter', async () => {
    const widget = widgetOf(page);
    await widget.input.focus();
    const cdp = await context.newCDPSession(page);
    // A real composition session: Enter picks the candidate (keydown has isComposing = true).
    await cdp.send('Input.imeSetComposition', { text: '广东有多少家区块链企业', selectionStart: 11, selectionEnd: 11 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await cdp.send('Input.insertText', { text: '广东有多少家区块链企业' });
    // Safari reports the IME's Enter after compositionend as keyCode 229.
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 229 });
    await page.waitForTimeout(200);
    expect(chatRequests).toHaveLength(0);
    expect(await widget.input.inputValue()).toBe('广东有多少家区块链企业');
    await page.keyboard.insertText('？');

    // Record what the reader sees while the answer arrives.
    await page.evaluate(() => {
      const root = document.querySelector('report-qa-widget')!.shadowRoot!;
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        if (root.querySelector('.typing')) seen.push('typing');
        if (root.querySelector('[aria-label="停止生成"]')) seen.push('stop');
      }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.keyboard.press('Enter');
    await waitUntilIdle(page);
    expect(chatRequests).toHaveLength(1);
    const body = chatRequests[0].postDataJSON();
    expect(body).toEqual({ messages: [{ role: 'user', content: '广东有多少家区块链企业？' }], stream: true });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('typing');
    expect(seen).toContain('stop');
    expect(await widget.input.inputValue()).toBe('');
    expect(await widget.error.count()).toBe(0);
    expect((await lastAnswer(page)).length).toBeGreaterThan(5);
  });

  it('shows the report figure for 「广东有多少家区块链企业？」', async () => {
    expect(await lastAnswer(page), 'the answering core should give 广东 354 家 (表6-1)').toContain('354');
  });

  it('opens the quote, section and line of 「来源 1」 and closes it again', async () => {
    const cited = (await replayLastRequest()).citations.find((citation) => citation.id === 1)!;
    expect(cited).toBeDefined();
    const source = widgetOf(page).answers.last().getByRole('button', { name: '来源 1', exact: true });
    expect(await source.getAttribute('aria-expanded')).toBe('false');
    await source.click();
    const panel = page.locator(`report-qa-widget #${await source.getAttribute('aria-controls')}`);
    await panel.waitFor();
    expect(await source.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.locator('.quote').textContent()).toBe(cited.quote);
    expect(await panel.locator('.cite-meta').textContent()).toContain(`第 ${cited.line} 行`);
    await snap(page, 'widget-answer-citation.png');
    await source.click();
    await panel.waitFor({ state: 'hidden' });
  });

  it('answers the follow-up 「那江苏呢？」 about 江苏 and notes how it was understood', async () => {
    await ask(page, '那江苏呢？');
    const body = chatRequests.at(-1)!.postDataJSON();
    expect(body.messages.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user']);
    const answer = await lastAnswer(page);
    expect(answer).toContain('江苏');
    expect(answer, 'the answering core should give 江苏 106 家 (表6-1)').toContain('106');
    expect(await widgetOf(page).answers.last().locator('.note').textContent()).toMatch(/^按“.*江苏.*”理解$/);
  });

  it('draws a bar chart for a ranking with at least three numeric facts', async () => {
    await ask(page, '企业数量最多的五个省份');
    const last = widgetOf(page).answers.last();
    const numeric = (await replayLastRequest()).facts.filter((fact) => typeof fact.value === 'number');
    expect(numeric.length, 'the service returned fewer than 3 numeric facts for a ranking').toBeGreaterThanOrEqual(3);
    const chart = last.getByRole('img', { name: /^柱状图/ });
    await chart.waitFor();
    expect(await chart.locator('rect').count()).toBe(Math.min(numeric.length, 12));
    expect(await last.locator('table tbody tr').count()).toBe(numeric.length);
    await last.scrollIntoViewIfNeeded();
    await snap(page, 'widget-ranking-chart.png');
  });

  it('renders a contract-shaped ranking reply as text, a facts table and a bar chart', async () => {
    // The service's reply is replaced here (and only here) to pin the chart's rendering to the
    // API contract independently of what the answering core returns today.
    const facts = [['广东', 354], ['北京', 342], ['上海', 125], ['江苏', 106], ['浙江', 85]]
      .map(([subject, value]) => ({ source: '表6-1', subject, metric: '数量（家）', value, unit: '家', period: '截至2020年6月' }));
    const citations = [{ id: 1, chunkId: 't6-1#r1', section: '六、（二）企业分布阶梯化明显', source: '表6-1 我国区块链企业各地区分布数量及比例',
      quote: '广东 354 27.06%', line: 1138 }];
    const frames = [
      ['meta', { mode: 'extractive' }], ['delta', { text: '企业数量最多的五个省份：广东354家、北京342家、' }],
      ['delta', { text: '上海125家、江苏106家、浙江85家[1]。<img src=x onerror=alert(1)>' }],
      ['citations', { citations, facts, grounded: true }], ['done', {}],
    ].map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('');
    await page.route('**/api/chat', (route) => route.fulfill({ status: 200, contentType: 'text/event-stream', body: frames,
      headers: { 'Access-Control-Allow-Origin': '*' } }));
    await ask(page, '企业数量最多的五个省份是哪些？');
    await page.unroute('**/api/chat');
    const last = widgetOf(page).answers.last();
    expect(await lastAnswer(page)).toContain('<img src=x onerror=alert(1)>');
    expect(await last.locator('img').count()).toBe(0);
    const chart = last.getByRole('img', { name: '柱状图：数量（家）' });
    expect(await chart.locator('rect').count()).toBe(5);
    const widths = await chart.locator('rect').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('width'))));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    expect(await last.locator('table tbody tr').count()).toBe(5);
    // Metric, period and origin are the same on every row: they move into the heading and caption, so the table fits.
    expect(await last.locator('table thead tr').textContent()).toBe('对象数量（家）');
    expect(await last.locator('table tbody tr').first().textContent()).toBe('广东354家');
    expect(await last.locator('table caption').textContent()).toBe('回答用到的数据 · 截至2020年6月 · 出处：表6-1');
    expect(await last.locator('.chart-title').textContent()).toBe('数量（家）');
    await last.getByRole('button', { name: '来源 1', exact: true }).click();
    expect(await last.locator('.cite-meta').textContent()).toBe('六、（二）企业分布阶梯化明显 · 表6-1 我国区块链企业各地区分布数量及比例 · 第 1138 行');
    await last.scrollIntoViewIfNeeded();
    await snap(page, 'widget-chart-contract.png');
  });

  it('copies the answer with its sources', async () => {
    const last = widgetOf(page).answers.last();
    await last.getByRole('button', { name: '复制回答' }).click();
    await last.getByRole('button', { name: '已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('来源：\n[1] ');
    expect(copied).toMatch(/第 \d+ 行/);
  });

  it('keeps the conversation in sessionStorage across a reload', async () => {
    const bubbles = page.locator('report-qa-widget .bubble');
    const before = await bubbles.allTextContents();
    await page.reload();
    const widget = widgetOf(page);
    await widget.dialog.waitFor();
    expect(await bubbles.allTextContents()).toEqual(before);
    expect(await widget.answers.count()).toBeGreaterThanOrEqual(3);
    // Restored open, but without stealing focus from the host page.
    expect(await hasFocus(widget.input)).toBe(false);
  });

  it('stops a pending answer with the stop button and keeps the widget usable', async () => {
    const widget = widgetOf(page);
    await page.route('**/api/chat', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue().catch(() => undefined);
    });
    await widget.input.click();
    await page.keyboard.insertText('全国有多少家区块链产业园？');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '停止生成' }).click();
    await waitUntilIdle(page);
    await page.unroute('**/api/chat');
    expect(await widget.answers.last().textContent()).toContain('已停止生成。');
    expect(await page.getByRole('button', { name: '发送' }).count()).toBe(1);
  });

  it('shows the offline message with a retry button that works once back online', async () => {
    const widget = widgetOf(page);
    await context.setOffline(true);
    await ask(page, '2020年上半年区块链专利公开了多少？');
    expect(await widget.error.textContent()).toContain('网络连接已断开，请检查网络后重试。');
    await snap(page, 'widget-offline-error.png');
    await context.setOffline(false);
    const answers = await widget.answers.count();
    await widget.error.getByRole('button', { name: '重试' }).click();
    await waitUntilIdle(page);
    expect(await widget.error.count()).toBe(0);
    expect(await widget.answers.count()).toBe(answers + 1);
  });

  it('starts a new conversation with starter questions that ask when clicked', async () => {
    const widget = widgetOf(page);
    await page.getByRole('button', { name: '新对话' }).click();
    expect(await widget.answers.count()).toBe(0);
    const starter = page.getByRole('button', { name: '广东有多少家区块链企业？' });
    await starter.click();
    await waitUntilIdle(page);
    expect(chatRequests.at(-1)!.postDataJSON().messages).toEqual([{ role: 'user', content: '广东有多少家区块链企业？' }]);
    expect(await widget.error.count()).toBe(0);
    expect(await widget.answers.count()).toBe(1);
    expect((await lastAnswer(page)).length).toBeGreaterThan(5);
  });
});
