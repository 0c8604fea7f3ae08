/**
 * Browser entry of the embeddable chat widget, bundled by buildWidget() into /widget.js:
 * <script src="https://HOST/widget.js" data-endpoint="https://HOST" data-title="报告问答" async></script>
 * Defines exactly one global, `window.ReportQAWidget`; a second copy of the script does nothing.
 */
import type { WidgetApi } from './create-widget';
import { createWidget } from './create-widget';
import { readOptions } from './read-options';

declare global {
  interface Window {
    ReportQAWidget?: WidgetApi;
  }
}

/** Starts the widget unless another copy of this script already did. */
export function startWidget(): void {
  if (window.ReportQAWidget || document.querySelector('report-qa-widget')) return;
  const script = (document.currentScript as HTMLScriptElement | null) ?? findOwnScript();
  const options = readOptions(script, location.href);
  window.ReportQAWidget = createWidget(options);
}

/** document.currentScript is null only in unusual loaders; fall back to the tag that loads us. */
function findOwnScript(): HTMLScriptElement | null {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  return scripts.find((script) => /\/widget\.js(\?|#|$)/.test(script.src)) ?? null;
}

startWidget();
