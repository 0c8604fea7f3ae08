import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One axe-core violation, trimmed to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  summary: string;
}

/**
 * Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules plus best practices) in the page, on the widget's
 * host element — axe walks into its open shadow root — or on the whole document. Injected through
 * the DevTools protocol, so a page's CSP does not stop it.
 */
export async function runAxe(page: Page, scope: 'widget' | 'document' = 'widget'): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  // Let animations (panel entrance) settle so colours are measured at rest.
  await page.waitForTimeout(250);
  return page.evaluate(async (scopeName) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: {
      id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const context = scopeName === 'widget' ? document.querySelector('report-qa-widget') : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id, impact: violation.impact, help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      summary: violation.nodes.map((node) => node.failureSummary ?? '').join(' | ').slice(0, 600),
    }));
  }, scope);
}
