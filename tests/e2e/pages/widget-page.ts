import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findBrowser } from '../../support/find-browser';

export const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts');

/** Headless Chromium: `CHROMIUM_PATH`, Debian's, or the one shipped in the `@sparticuz/chromium` npm package. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { executablePath, args } = await findBrowser();
  return chromium.launch({ executablePath, args, headless: true });
}

/** The widget's parts, found the way assistive technology finds them (Playwright pierces open shadow roots). */
export function widgetOf(page: Page) {
  return {
    host: page.locator('report-qa-widget'),
    launcher: page.getByRole('button', { name: /问答/ }),
    dialog: page.getByRole('dialog', { name: '报告问答' }),
    log: page.getByRole('log'),
    input: page.getByRole('textbox', { name: '输入问题' }),
    answers: page.locator('report-qa-widget .msg-assistant'),
    error: page.locator('report-qa-widget .error'),
  };
}

/** Whether `locator` has focus inside its (shadow) root and that root's host has the page's focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const root = element.getRootNode() as Document | ShadowRoot;
    return root.activeElement === element && (root instanceof ShadowRoot ? document.activeElement === root.host : true);
  });
}

/** Resolves once the widget is idle again (not streaming); returns the last error sentence or answer text. */
export async function waitUntilIdle(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector('report-qa-widget')?.shadowRoot;
    return root?.querySelector('[role="log"]')?.getAttribute('aria-busy') === 'false';
  }, undefined, { timeout });
}

/** Types a question like a person (focus, insertText, Enter) and waits for the answer or the error. */
export async function ask(page: Page, question: string): Promise<void> {
  const { input } = widgetOf(page);
  await input.click();
  await page.keyboard.insertText(question);
  await page.keyboard.press('Enter');
  await waitUntilIdle(page);
}

/** The text of the newest answer (citation buttons included as their labels). */
export async function lastAnswer(page: Page): Promise<string> {
  return (await widgetOf(page).answers.last().locator('.answer-text').textContent()) ?? '';
}

export function artifact(name: string): string {
  return resolve(ARTIFACTS, name);
}

/** A screenshot in tests/artifacts/ once the page's web fonts (Noto Sans SC for the Chinese) have loaded. */
export async function snap(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  // Noto Sans SC comes in ~100 unicode-range subsets loaded on demand; ask for every one the page's text
  // (shadow root and placeholders included) needs, so no glyph is still a box when the picture is taken.
  await page.evaluate(async () => {
    const root = document.querySelector('report-qa-widget')?.shadowRoot;
    const placeholders = [...document.querySelectorAll('[placeholder]'), ...(root?.querySelectorAll('[placeholder]') ?? [])]
      .map((element) => element.getAttribute('placeholder') ?? '');
    const text = [document.body.innerText, root?.textContent ?? '', ...placeholders].join('');
    if (document.fonts.check('16px "Noto Sans SC"', '字') || [...document.fonts].some((face) => face.family.includes('Noto Sans SC'))) {
      await Promise.all(['400', '600'].map((weight) => document.fonts.load(`${weight} 16px "Noto Sans SC"`, text).catch(() => [])));
    }
    await document.fonts.ready;
    // Text laid out before the faces arrived can keep its missing-glyph fallback (seen in shadow trees):
    // switch the font away and back so every element resolves its font again. The final styles are unchanged.
    for (const element of [document.body, root?.querySelector<HTMLElement>('.root')]) {
      if (!element) continue;
      const previous = element.style.fontFamily;
      element.style.fontFamily = 'monospace';
      void element.offsetWidth;
      element.style.fontFamily = previous;
      void element.offsetWidth;
    }
  });
  await page.waitForTimeout(100);
  const path = artifact(name);
  await page.screenshot({ path, ...options });
  return path;
}
