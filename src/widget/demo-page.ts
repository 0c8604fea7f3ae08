import { createHash } from 'node:crypto';

const STYLE = `
body { margin: 0; font: 16px/1.75 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
  color: #1f2328; background: #f6f8fa; }
main { max-width: 760px; margin: 0 auto; padding: 40px 20px 120px; }
h1 { font-size: 30px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 36px 0 8px; }
.lead { font-size: 18px; color: #3d444d; }
pre { background: #0d1117; color: #e6edf3; padding: 14px 16px; border-radius: 8px; white-space: pre-wrap; word-break: break-all;
  font-size: 13px; line-height: 1.6; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
li code, p code { background: #eaeef2; padding: 1px 5px; border-radius: 4px; font-size: 14px; }
a { color: #1a56db; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; } .lead { color: #9198a1; } li code, p code { background: #21262d; } a { color: #79b8ff; }
}`;

/** The demo page's own CSP: as strict as the widget allows, to show a strict host works. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/**
 * GET /: a Chinese page explaining the service, embedding the widget exactly as another site
 * would, with the snippet to copy. `origin` is the service's public origin (QA_PUBLIC_URL, HTML-escaped
 * here); '' makes the page load the widget from its own origin (relative URL, CSP 'self').
 */
export function demoPage(origin: string): { html: string; contentSecurityPolicy: string } {
  const shown = origin || 'https://HOST';
  const source = origin || "'self'";
  const snippet = `<script src="${shown}/widget.js" data-endpoint="${shown}" data-title="报告问答" async></script>`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>报告问答 · 2020 年中国区块链发展现状与展望（上半年）</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>报告问答</h1>
<p class="lead">就《2020 年中国区块链发展现状与展望（上半年）》提问，回答逐句注明出自报告的哪一章、哪张表、第几行。</p>

<h2>能回答什么</h2>
<ul>
<li>数字：各省区块链企业数量与占比、专利公开量、产业园数量、投融资金额与排名；</li>
<li>政策：国家各部委与各地方政府出台的区块链政策、专项政策；</li>
<li>应用与标准：金融、政务、司法、医疗、溯源等领域的典型案例，已发布和研制中的标准；</li>
<li>追问：例如先问「广东有多少家区块链企业？」，再问「那江苏呢？」。</li>
</ul>

<h2>回答从哪里来</h2>
<p>回答只依据这一份报告。每个回答后面的「来源 n」按钮会展开被引用的原文、所在章节、表格名称和「第 N 行」（报告文本的行号），
数字直接取自报告的表格和正文。报告中没有的内容，助手会直说“报告中没有提及”，不会编造。</p>
<p>点击页面右下角的「报告问答」按钮试一试。</p>

<h2>嵌入到你的网站</h2>
<p>把下面一行放到网页的 <code>&lt;body&gt;</code> 中即可（组件在 Shadow DOM 中渲染，不受页面样式影响，也不改动页面样式）：</p>
<pre><code>${escapeHtml(snippet)}</code></pre>
<p>可选属性：<code>data-theme</code>（<code>light</code> / <code>dark</code> / <code>auto</code>）、<code>data-position</code>（<code>right</code> / <code>left</code>）、
<code>data-open="true"</code>（加载后直接打开）、<code>data-lang</code>。
若网站设置了内容安全策略（CSP），需允许：<code>script-src ${escapeHtml(shown)}</code> 与 <code>connect-src ${escapeHtml(shown)}</code>，
无需 <code>'unsafe-inline'</code>。服务端须在 <code>QA_ALLOWED_ORIGINS</code> 中列出你的网站。</p>

<h2>接口</h2>
<p><a href="/healthz">/healthz</a> · <a href="/api/tables">/api/tables</a> · <code>POST /api/chat</code> · <code>POST /v1/chat/completions</code></p>
</main>
<script src="${escapeHtml(origin)}/widget.js" data-endpoint="${escapeHtml(origin)}" data-title="报告问答" async></script>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'", `script-src ${source}`, `connect-src ${source}`, `style-src ${STYLE_HASH}`, "img-src 'self' data:",
    "base-uri 'none'", "form-action 'none'", "frame-ancestors 'self'", "require-trusted-types-for 'script'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
