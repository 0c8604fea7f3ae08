/**
 * Puts the widget's CSS inside its shadow root. Constructable stylesheets are not subject to the
 * host page's CSP style-src, so this works without 'unsafe-inline'; the <style> fallback is only
 * for browsers without adoptedStyleSheets (Safari < 16.4), where a strict CSP would block it.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
