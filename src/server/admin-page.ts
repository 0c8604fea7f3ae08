import { createHash } from 'node:crypto';
import type { DayCount, QuestionCount, RecordSummary } from '../store/record-store';

const STYLE = `
body { margin: 0; font: 15px/1.6 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC", sans-serif;
  color: #1f2328; background: #f6f8fa; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 20px 60px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; }
p.note { color: #4b535d; margin: 4px 0; }
nav a, a { color: #1a56db; }
nav { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; margin: 8px 0 16px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.card { background: #fff; border: 1px solid #d1d9e0; border-radius: 10px; padding: 12px 16px; }
.card b { display: block; font-size: 26px; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #d1d9e0; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #d1d9e0; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eef1f4; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart { display: block; width: 100%; height: auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 10px; }
.empty { color: #4b535d; }
form.inline { display: inline; }
button, input { font: inherit; }
button { padding: 6px 14px; border: 1px solid #1a56db; border-radius: 8px; background: #1a56db; color: #fff; cursor: pointer; }
input { padding: 6px 10px; border: 1px solid #59636e; border-radius: 8px; min-width: 280px; }
.error { color: #b42318; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The owner's pages' CSP: no script at all, our one stylesheet by hash, forms only to ourselves. */
export const ADMIN_CSP = ["default-src 'none'", `style-src ${STYLE_HASH}`, "form-action 'self'", "base-uri 'none'",
  "frame-ancestors 'none'"].join('; ');

/** Headers of every /admin response. */
export const ADMIN_HEADERS = {
  'Content-Security-Policy': ADMIN_CSP, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY',
};

/** The login form shown without a valid token (401); `failed` after a wrong one. */
export function adminLoginPage(failed: boolean): string {
  return layout('登录 · 报告问答管理', `
<h1>报告问答 · 管理</h1>
<p class="note">请输入管理口令（服务端的 <code>QA_ADMIN_TOKEN</code>）。</p>
${failed ? '<p class="error" role="alert">口令不正确。</p>' : ''}
<form method="post" action="/admin/login">
<label for="token">管理口令</label><br>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">登录</button>
</form>`);
}

/** The owner's page: questions per day, most asked, content gaps, 👎 with reasons, embedding sites. */
export function adminPage(summary: RecordSummary): string {
  const { totals } = summary;
  const recordingNote = summary.recording
    ? `<p class="note">正在记录问题（保留期见 <code>QA_RECORD_DAYS</code>），不记录 IP 地址。</p>`
    : `<p class="note">未开启问题记录（设置 <code>QA_RECORD=1</code> 开启），下面只有访客反馈。</p>`;
  const periods = [7, 30, 90].map((days) => days === summary.days ? `<strong>近 ${days} 天</strong>`
    : `<a href="/admin?days=${days}">近 ${days} 天</a>`).join(' ');
  return layout('报告问答 · 管理', `
<h1>报告问答 · 管理</h1>
${recordingNote}
<nav aria-label="时间范围">${periods}
<a href="/api/admin/records.csv" download>导出 CSV（含反馈原因）</a>
<form class="inline" method="post" action="/admin/logout"><button type="submit">退出</button></form></nav>
<section class="cards" aria-label="概览">
<div class="card">问题数<b>${totals.questions}</b></div>
<div class="card">报告未能回答<b>${totals.ungrounded}</b></div>
<div class="card">👍 有帮助<b>${totals.up}</b></div>
<div class="card">👎 没帮助<b>${totals.down}</b></div>
</section>

<h2 id="per-day">每日问题数</h2>
${dayChart(summary.perDay)}
${table('每日问题数', ['日期', '问题数', '未能回答'], summary.perDay.filter((day) => day.questions > 0)
    .map((day) => [escapeHtml(day.day), num(day.questions), num(day.ungrounded)]))}

<h2 id="most-asked">最常问的问题</h2>
${questionTable('最常问的问题', summary.mostAsked)}

<h2 id="gaps">报告未能回答的问题（内容缺口）</h2>
${questionTable('报告未能回答的问题', summary.gaps)}

<h2 id="down-votes">被评为 👎 的回答</h2>
${table('被评为没帮助的回答', ['时间', '问题', '回答', '原因'], summary.downVotes.map((vote) => [
    escapeHtml(formatTime(vote.at)), escapeHtml(vote.question ?? '（未记录）'), escapeHtml(shorten(vote.answer ?? '（未记录）', 160)),
    escapeHtml(vote.reason || '—')]))}

<h2 id="sites">嵌入组件的网站</h2>
${table('嵌入组件的网站', ['网站', '问题数', '反馈数', '最近'], summary.sites.map((site) => [
    escapeHtml(site.origin), num(site.questions), num(site.feedback), escapeHtml(formatTime(site.last))]))}`);
}

function questionTable(caption: string, rows: QuestionCount[]): string {
  return table(caption, ['问题', '次数', '最近'], rows.map((row) => [escapeHtml(row.question), num(row.count),
    escapeHtml(formatTime(row.last))]));
}

/** A bar per day, drawn with SVG attributes only (a strict CSP allows them; no inline style). */
function dayChart(days: DayCount[]): string {
  const width = 720;
  const height = 160;
  const bar = width / days.length;
  const max = Math.max(1, ...days.map((day) => day.questions));
  const total = days.reduce((sum, day) => sum + day.questions, 0);
  const label = `柱状图：近 ${days.length} 天每日问题数，共 ${total} 个`;
  const bars = days.map((day, index) => {
    const h = Math.round((day.questions / max) * (height - 36));
    const gap = Math.round((day.ungrounded / max) * (height - 36));
    const x = (index * bar + 1).toFixed(1);
    return `<rect x="${x}" y="${height - 20 - h}" width="${(bar - 2).toFixed(1)}" height="${h}" fill="#1a56db"><title>${day.day}：${day.questions}</title></rect>`
      + (gap > 0 ? `<rect x="${x}" y="${height - 20 - gap}" width="${(bar - 2).toFixed(1)}" height="${gap}" fill="#b42318"/>` : '');
  }).join('');
  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>
${bars}<text x="0" y="${height - 4}" font-size="12" fill="#4b535d">${first}</text>
<text x="${width}" y="${height - 4}" font-size="12" fill="#4b535d" text-anchor="end">${last}</text>
<text x="${width / 2}" y="14" font-size="12" fill="#4b535d" text-anchor="middle">蓝：问题数　红：其中报告未能回答　最高 ${max}</text></svg>`;
}

function table(caption: string, headings: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="empty">暂无数据。</p>';
  return `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption><thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((cells) => `<tr>${cells.map((value) => value.startsWith('<td') ? value : `<td>${value}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

function num(value: number): string {
  return `<td class="num">${value}</td>`;
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>${body}
</main>
</body>
</html>
`;
}

function formatTime(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function shorten(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}
