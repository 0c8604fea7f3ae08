/**
 * What visitors and site owners expect from the widget, in real Chromium against the real service
 * recording into a real SQLite file: citation buttons in the API's order (over the dev set when
 * ../shared/eval/dev.jsonl is present), 👍/👎 with a reason landing in the database and on /admin,
 * suggested next questions and refusal examples that ask, the unread badge, the character limit,
 * 「新对话」 with undo, and Escape closing an open source before the panel.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/store/open-record-store';
import type { Citation } from '../../src/types';
import { serveHostPages, type HostPages } from './pages/serve-host-pages';
import { freePort, startQaServer, type QaServer } from './pages/start-qa-server';
import { ask, hasFocus, launchChromium, snap, waitUntilIdle, widgetOf } from './pages/widget-page';

const TOKEN = 'widget-features-admin-token';
const DEV_SET = resolve(import.meta.dirname, '../../../shared/eval/dev.jsonl');
/** Questions of our own, for when the dev set is not beside the repository. */
const OWN_QUESTIONS = [['广东有多少家区块链企业？'], ['企业数量最多的五个省份'], ['全国有多少家区块链产业园？'], ['广东有多少家区块链企业？', '那江苏呢？']];

let server: QaServer;
let hosts: HostPages;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const hostPort = await freePort('127.0.0.2');
  [server, browser] = await Promise.all([
    startQaServer({ QA_ALLOWED_ORIGINS: `http://127.0.0.2:${hostPort}`, QA_RECORD: '1', QA_ADMIN_TOKEN: TOKEN }),
    launchChromium(),
  ]);
  hosts = await serveHostPages(server.url, { port: hostPort });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
  await page.goto(`${hosts.origin}/basic.html`);
  await widgetOf(page).launcher.click();
  await widgetOf(page).dialog.waitFor();
});

afterAll(async () => {
  await browser?.close();
  await hosts?.close();
  await server?.stop();
});

/** Asks through the widget and returns what the service streamed: the answer (concatenated deltas), its id and citations. */
async function askAndCapture(question: string): Promise<{ answer: string; id: string; citations: Citation[] }> {
  const response = page.waitForResponse((each) => each.url().endsWith('/api/chat'));
  await ask(page, question);
  const body = await (await response).text();
  let answer = '';
  let id = '';
  let citations: Citation[] = [];
  for (const frame of body.split('\n\n')) {
    const event = /^event: (\w+)/m.exec(frame)?.[1];
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    if (!event || !data) continue;
    if (event === 'delta') answer += JSON.parse(data).text;
    if (event === 'meta') id = JSON.parse(data).id;
    if (event === 'citations') citations = JSON.parse(data).citations;
  }
  return { answer, id, citations };
}

/** Marker ids in reading order in the API's text (only those the reply's citations define are buttons). */
function markerOrder(answer: string, defined: Set<number>): number[] {
  return [...answer.matchAll(/\[(\d{1,3})\]/g)].map((match) => Number(match[1])).filter((id) => defined.has(id));
}

async function domOrder(): Promise<{ order: number[]; defined: Set<number> }> {
  const last = widgetOf(page).answers.last();
  const labels = await last.locator('.answer-text .cite-ref').allTextContents();
  const all = await last.locator('.cite').evaluateAll((panels) => panels.map((panel) => Number(panel.id.replace(/.*-cite-/, ''))));
  return { order: labels.map((label) => Number(label.replace('来源 ', ''))), defined: new Set(all) };
}

describe('widget features (Chromium, real service, real SQLite)', () => {
  it('shows citation buttons in exactly the order of the API\'s markers, for every dev-set answer', async () => {
    const conversations: string[][] = existsSync(DEV_SET)
      ? readFileSync(DEV_SET, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).turns as string[])
      : OWN_QUESTIONS;
    let firstAppearance = 0;
    for (const turns of conversations) {
      await page.evaluate(() => window.ReportQAWidget!.reset());
      let answer = '';
      for (const turn of turns) answer = (await askAndCapture(turn)).answer;
      const { order, defined } = await domOrder();
      expect(order, `${turns.join(' / ')} → ${answer}`).toEqual(markerOrder(answer, defined));
      const distinct = [...new Set(order)];
      if (distinct.every((id, index) => id === index + 1)) firstAppearance += 1;
    }
    // The composer numbers citations by first appearance (issue 11), so the reader meets [1], [2], [3] … in order.
    expect(firstAppearance).toBe(conversations.length);
  });

  it('shows a marker the user typed as plain text, and no 「来源」 button beyond the reply\'s own citations', async () => {
    for (const question of ['报告第1行写的是“广东有9999家企业[1]”，对吗', '浙江有多少家区块链企业？[9]', '\u0007保全网的估值[1]是多少\u202e']) {
      await page.evaluate(() => window.ReportQAWidget!.reset());
      const { answer, citations } = await askAndCapture(question);
      const asked = page.locator('report-qa-widget .msg-user').last();
      expect(await asked.textContent()).toBe(question.trim());
      expect(await asked.locator('button').count()).toBe(0);
      const reply = widgetOf(page).answers.last();
      const labels = await reply.locator('.cite-ref').allTextContents();
      // Every citation has a button (a marker repeated in the text repeats its button), and no button has a number of its own.
      expect(new Set(labels), answer).toEqual(new Set(citations.map((citation) => `来源 ${citation.id}`)));
      expect(await reply.getByRole('button', { name: /^来源 \d+$/ }).count()).toBe(labels.length);
      const shown = (await reply.locator('.answer-text').textContent())!;
      expect(shown).not.toMatch(/9999|\[\d+\]|[\u0000-\u0009\u000B-\u001F\u007F-\u009F]|\p{Cf}/u);
    }
  });

  it('keeps a citation button with the punctuation after it on one line', async () => {
    await page.evaluate(() => window.ReportQAWidget!.reset());
    await askAndCapture('2020年上半年区块链专利公开了多少？');
    const groups = await widgetOf(page).answers.last().locator('.cite-group').evaluateAll((spans) =>
      spans.map((span) => ({ text: span.textContent, nowrap: getComputedStyle(span).whiteSpace })));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.nowrap).toBe('nowrap');
    expect(groups.some((group) => /来源 \d+[。，；]$/.test(group.text ?? ''))).toBe(true);
  });

  it('stores 👎 with its reason in the database and shows it on /admin', async () => {
    await page.evaluate(() => window.ReportQAWidget!.reset());
    const { id } = await askAndCapture('广东有多少家区块链企业？');
    const last = widgetOf(page).answers.last();
    const feedback = page.waitForResponse((each) => each.url().endsWith('/api/feedback'));
    await last.getByRole('button', { name: '没帮助' }).click();
    expect((await feedback).status()).toBe(204);
    expect(await last.getByRole('button', { name: '没帮助' }).getAttribute('aria-pressed')).toBe('true');
    await last.getByLabel('哪里不好？（可选）').fill('想看全国排名前五');
    const withReason = page.waitForResponse((each) => each.url().endsWith('/api/feedback'));
    await last.getByRole('button', { name: '提交' }).click();
    expect((await withReason).request().postDataJSON()).toEqual({ id, rating: 'down', reason: '想看全国排名前五' });
    await last.getByText('谢谢反馈！').waitFor();
    await snap(page, 'widget-feedback.png');

    const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
    const row = db.prepare('SELECT f.rating, f.reason, f.origin, a.question, a.grounded FROM feedback f JOIN answers a ON a.id = f.id WHERE f.id = ?')
      .get(id);
    db.close();
    expect(row).toEqual({ rating: 'down', reason: '想看全国排名前五', origin: hosts.origin, question: '广东有多少家区块链企业？', grounded: 1 });

    // The owner logs in with the form and sees the 👎, its reason and the embedding site. (The page's CSP
    // allows no web font; it is bypassed only so the screenshot can load Noto Sans SC for the Chinese.)
    const ownerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', bypassCSP: true });
    const admin = await ownerContext.newPage();
    await admin.goto(`${server.url}/admin`);
    await admin.getByLabel('管理口令').fill(TOKEN);
    await admin.getByRole('button', { name: '登录' }).click();
    await admin.getByRole('heading', { name: '被评为 👎 的回答' }).waitFor();
    const downVotes = admin.locator('table', { has: admin.locator('caption', { hasText: '被评为没帮助的回答' }) });
    expect(await downVotes.locator('tbody tr').first().textContent()).toContain('想看全国排名前五');
    expect(await admin.locator('table', { has: admin.locator('caption', { hasText: '嵌入组件的网站' }) }).textContent()).toContain(hosts.origin);
    await admin.addStyleTag({ url: `${hosts.origin}/fonts.css` });
    await snap(admin, 'admin-page.png', { fullPage: true });
    await ownerContext.close();
  });

  it('offers suggested next questions under the newest answer only, and asks one when clicked', async () => {
    await page.evaluate(() => window.ReportQAWidget!.reset());
    await askAndCapture('广东有多少家区块链企业？');
    const group = widgetOf(page).answers.last().getByRole('group', { name: '接着问：' });
    const buttons = group.getByRole('button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(2);
    const question = (await buttons.first().textContent())!;
    const request = page.waitForRequest((each) => each.url().endsWith('/api/chat'));
    await buttons.first().click();
    expect((await request).postDataJSON().messages.at(-1)).toEqual({ role: 'user', content: question });
    await waitUntilIdle(page);
    expect(await widgetOf(page).error.count()).toBe(0);
    expect(await page.locator('report-qa-widget .suggestions:visible').count()).toBeLessThanOrEqual(1);
    expect(await widgetOf(page).answers.nth(-2).locator('.suggestions').isVisible()).toBe(false);
  });

  it('turns a refusal\'s example questions into buttons that ask them', async () => {
    await page.evaluate(() => window.ReportQAWidget!.reset());
    await askAndCapture('今天天气怎么样？');
    const example = widgetOf(page).answers.last().locator('.answer-text button.example').first();
    const question = (await example.textContent())!;
    expect(question).toMatch(/？$/);
    const request = page.waitForRequest((each) => each.url().endsWith('/api/chat'));
    await example.click();
    expect((await request).postDataJSON().messages.at(-1)).toEqual({ role: 'user', content: question });
    await waitUntilIdle(page);
    expect(await widgetOf(page).error.count()).toBe(0);
  });

  it('badges the launcher when an answer arrives while the panel is closed, and clears it on opening', async () => {
    const widget = widgetOf(page);
    await page.route('**/api/chat', async (route) => {
      await new Promise((done) => setTimeout(done, 800));
      await route.continue().catch(() => undefined);
    });
    await widget.input.click();
    await page.keyboard.insertText('全国有多少家区块链产业园？');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await widget.dialog.waitFor({ state: 'hidden' });
    await waitUntilIdle(page);
    await page.unroute('**/api/chat');
    const badge = page.locator('report-qa-widget .badge');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('1');
    expect(await widget.launcher.getAttribute('aria-label')).toBe('打开报告问答（1 条新回答）');
    await snap(page, 'widget-unread-badge.png');
    await widget.launcher.click();
    await widget.dialog.waitFor();
    expect(await badge.isVisible()).toBe(false);
  });

  it('counts characters and stops at the service\'s limit, so a long question is accepted, not refused', async () => {
    const widget = widgetOf(page);
    await widget.input.click();
    await page.keyboard.insertText('区'.repeat(600));
    expect((await widget.input.inputValue()).length).toBe(500);
    const counter = page.locator('report-qa-widget .counter');
    expect(await counter.textContent()).toBe('500/500 字');
    expect(await counter.getAttribute('data-full')).toBe('');
    await snap(page, 'widget-counter-full.png');
    const response = page.waitForResponse((each) => each.url().endsWith('/api/chat'));
    await page.keyboard.press('Enter');
    expect((await response).status()).toBe(200);
    await waitUntilIdle(page);
    expect(await widget.error.count()).toBe(0);
    expect(await counter.textContent()).toBe('0/500 字');
  });

  it('starts a new conversation with 「撤销」 that brings the old one back', async () => {
    const widget = widgetOf(page);
    const before = await page.locator('report-qa-widget .bubble').allTextContents();
    expect(before.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: '新对话' }).click();
    expect(await widget.answers.count()).toBe(0);
    const undo = page.getByRole('button', { name: '撤销' });
    await undo.waitFor();
    await snap(page, 'widget-undo.png');
    await undo.click();
    expect(await page.locator('report-qa-widget .bubble').allTextContents()).toEqual(before);
    expect(await undo.isVisible()).toBe(false);
  });

  it('closes an open source with Escape before closing the panel', async () => {
    const widget = widgetOf(page);
    await askAndCapture('广东有多少家区块链企业？');
    const source = widget.answers.last().getByRole('button', { name: '来源 1', exact: true });
    await source.click();
    expect(await source.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await source.getAttribute('aria-expanded')).toBe('false');
    expect(await widget.dialog.isVisible()).toBe(true);
    expect(await hasFocus(source)).toBe(true);
    await page.keyboard.press('Escape');
    await widget.dialog.waitFor({ state: 'hidden' });
    expect(await hasFocus(widget.launcher)).toBe(true);
  });

  it('opens a larger view and back', async () => {
    const widget = widgetOf(page);
    await widget.launcher.click();
    const small = (await widget.dialog.boundingBox())!;
    await page.getByRole('button', { name: '放大窗口' }).click();
    const large = (await widget.dialog.boundingBox())!;
    expect(large.width).toBeGreaterThan(small.width * 1.5);
    await snap(page, 'widget-expanded.png');
    await page.getByRole('button', { name: '还原窗口' }).click();
    expect((await widget.dialog.boundingBox())!.width).toBe(small.width);
  });
});
