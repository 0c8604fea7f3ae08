/** What a host page configures through the script tag's data-* attributes. */
export interface WidgetOptions {
  /** Origin (and optional path prefix) of the QA service, without a trailing slash. */
  endpoint: string;
  title: string;
  theme: 'light' | 'dark' | 'auto';
  position: 'right' | 'left';
  open: boolean;
  lang: string;
  /** Longest question the input accepts: the service's QA_MAX_QUESTION_CHARS (default 500). */
  maxChars: number;
}

/**
 * Reads the widget options from its <script> element.
 * Defaults: endpoint = the script's own origin, title 「报告问答」, theme auto, position right, closed,
 * lang zh-CN (not the host page's language: the report and its answers are Chinese), max-chars 500
 * (the service's default QA_MAX_QUESTION_CHARS; set data-max-chars when the service uses another).
 */
export function readOptions(script: HTMLScriptElement | null, pageUrl: string): WidgetOptions {
  const data = script?.dataset ?? {};
  const scriptOrigin = script?.src ? new URL(script.src, pageUrl).origin : new URL(pageUrl).origin;
  const endpoint = data.endpoint?.trim() ? new URL(data.endpoint.trim(), pageUrl).href : scriptOrigin;
  const theme = data.theme === 'light' || data.theme === 'dark' ? data.theme : 'auto';
  return {
    endpoint: endpoint.replace(/\/+$/, ''),
    title: data.title?.trim() || '报告问答',
    theme,
    position: data.position === 'left' ? 'left' : 'right',
    open: data.open === 'true' || data.open === '',
    lang: data.lang?.trim() || 'zh-CN',
    maxChars: /^\d+$/.test(data.maxChars ?? '') && Number(data.maxChars) > 0 ? Number(data.maxChars) : 500,
  };
}
