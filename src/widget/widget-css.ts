const LIGHT = `
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #f6f8fa;
  --accent: #1a56db; --accent-fg: #ffffff; --accent-soft: #e8effd; --quote: #f3f6fb; --link: #1a56db; --badge: #b42318;
  --danger: #b42318; --danger-soft: #fef3f2; --focus: #1a56db; --shadow: 0 12px 40px rgba(15, 23, 42, .18);`;
const DARK = `
  --bg: #161b22; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #21262d;
  --accent: #1f6feb; --accent-fg: #ffffff; --accent-soft: #1b2f52; --quote: #1c2430; --link: #79b8ff; --badge: #da3633;
  --danger: #ff7b72; --danger-soft: #2d1618; --focus: #79b8ff; --shadow: 0 12px 40px rgba(0, 0, 0, .5);`;

/**
 * The widget's whole stylesheet, scoped to its shadow root. `:host` rules are !important because
 * important declarations inside a shadow tree beat the host page's, even its `!important` ones;
 * lengths are px, never rem, so the host's root font size cannot resize the widget.
 */
export const widgetCss = `
:host {
  all: initial !important; display: block !important; position: fixed !important; right: 0 !important;
  bottom: 0 !important; width: 0 !important; height: 0 !important; overflow: visible !important;
  z-index: 2147483000 !important; visibility: visible !important; opacity: 1 !important;
  transform: none !important; filter: none !important; contain: none !important;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { ${LIGHT}
  font: 14px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif;
  color: var(--fg); text-align: left; direction: ltr; letter-spacing: normal; -webkit-text-size-adjust: 100%;
}
.root[data-theme="dark"] { ${DARK} color-scheme: dark; }
@media (prefers-color-scheme: dark) { .root[data-theme="auto"] { ${DARK} color-scheme: dark; } }
button, textarea { font: inherit; color: inherit; margin: 0; }
button { background: none; border: 0; padding: 0; cursor: pointer; -webkit-tap-highlight-color: transparent; }
button:disabled { cursor: default; opacity: .5; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.icon { width: 18px; height: 18px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round;
  stroke-linejoin: round; flex: none; }
.icon-stop { fill: currentColor; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.launcher { position: fixed; bottom: 20px; right: 20px; display: inline-flex; align-items: center; gap: 8px;
  height: 48px; padding: 0 18px; border-radius: 24px; background: var(--accent); color: var(--accent-fg);
  font-size: 15px; font-weight: 600; box-shadow: var(--shadow); transition: transform .15s ease; }
.badge { position: absolute; top: -6px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px;
  background: var(--badge); color: #ffffff; font-size: 12px; line-height: 22px; text-align: center; box-shadow: 0 0 0 2px var(--bg); }
.launcher:hover { transform: translateY(-1px); }
.root[data-position="left"] .launcher { right: auto; left: 20px; }

.panel { position: fixed; bottom: 80px; right: 20px; width: 384px; max-width: calc(100vw - 40px); height: 620px;
  max-height: calc(100vh - 104px); display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  border: 1px solid var(--border); border-radius: 14px; box-shadow: var(--shadow); overflow: hidden;
  animation: rqw-in .16s ease-out; }
.root[data-position="left"] .panel { right: auto; left: 20px; }
/* The larger view: most of the window, for reading tables and long answers. */
.root[data-expanded] .panel { width: 760px; height: calc(100vh - 104px); max-height: none; }
.root[data-expanded] .bubble { max-width: 100%; }
@keyframes rqw-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }

.header { display: flex; align-items: center; gap: 4px; padding: 8px 8px 8px 16px; border-bottom: 1px solid var(--border); }
.title { flex: 1; margin: 0; font-size: 15px; font-weight: 600; line-height: 1.4; overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; }
.icon-button { display: inline-flex; align-items: center; justify-content: center; width: 34px; height: 34px;
  border-radius: 8px; color: var(--muted); }
.icon-button:hover { background: var(--surface); color: var(--fg); }

.body { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 12px 14px; }
.log { display: flex; flex-direction: column; gap: 12px; }
.empty { color: var(--muted); font-size: 13px; }
.empty p { margin: 0 0 8px; }
.starters { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; margin-top: 4px; }
.starter { padding: 6px 12px; border: 1px solid var(--border); border-radius: 16px; color: var(--fg); text-align: left;
  line-height: 1.5; }
.starter:hover { background: var(--surface); border-color: var(--accent); }
.suggestions { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; margin-top: 4px; }
.suggestions-heading { margin: 0; font-size: 12px; color: var(--muted); }
/* Only the newest answer offers next questions. */
.msg-assistant:not(:last-child) .suggestions { display: none; }
.example { display: inline; color: var(--link); text-decoration: underline; text-underline-offset: 2px; border-radius: 4px; }
.notice { display: flex; align-items: center; gap: 8px; padding: 6px 14px; border-top: 1px solid var(--border);
  background: var(--surface); font-size: 13px; }
.notice .text-button { color: var(--link); font-weight: 600; }

.msg { display: flex; flex-direction: column; gap: 4px; max-width: 100%; }
.msg-user { align-items: flex-end; }
.bubble { padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; max-width: 92%; }
.msg-user .bubble { background: var(--accent-soft); white-space: pre-wrap; border-bottom-right-radius: 4px; }
.msg-assistant .bubble { background: var(--surface); border-bottom-left-radius: 4px; }
.answer-text { white-space: pre-wrap; }
.note, .stopped { font-size: 12px; color: var(--muted); }
.typing { display: inline-flex; gap: 4px; padding: 4px 0; }
.typing span { width: 6px; height: 6px; border-radius: 50%; background: var(--muted); animation: rqw-blink 1.2s infinite ease-in-out; }
.typing span:nth-child(2) { animation-delay: .2s; }
.typing span:nth-child(3) { animation-delay: .4s; }
@keyframes rqw-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }

.cite-group { white-space: nowrap; }
.cite-ref { display: inline-block; margin: 0 2px; padding: 0; color: var(--link); font-size: 12px; line-height: 18px;
  vertical-align: 1px; white-space: nowrap; }
.cite-label { display: inline-block; padding: 0 6px; border: 1px solid var(--link); border-radius: 10px; }
.cite-ref[aria-expanded="true"] .cite-label { background: var(--link); color: var(--bg); }
.cite-row { margin-top: 6px; font-size: 12px; color: var(--muted); }
.cite { margin: 8px 0 0; padding: 8px 10px; border-left: 3px solid var(--accent); border-radius: 6px; background: var(--quote); }
.quote { margin: 0; white-space: pre-wrap; font-size: 13px; }
.cite-meta { margin: 4px 0 0; font-size: 12px; color: var(--muted); }

.facts { margin-top: 8px; }
.facts-table { border-collapse: collapse; font-size: 12px; width: 100%; }
.facts-table caption { text-align: left; color: var(--muted); padding-bottom: 2px; }
.facts-table th, .facts-table td { padding: 3px 6px; border-bottom: 1px solid var(--border); text-align: left;
  overflow-wrap: anywhere; vertical-align: top; }
.facts-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.facts-table th { white-space: nowrap; }
.fact-meta { display: block; font-size: 11px; font-weight: 400; color: var(--muted); }
.chart-figure { margin: 4px 0 8px; }
.chart-title { margin: 0 0 2px; font-size: 12px; font-weight: 600; }
.chart { display: block; width: 100%; height: auto; font-size: 11px; }
.chart-bar { fill: var(--accent); }
.chart-label, .chart-value { fill: var(--fg); }

.actions { display: flex; flex-wrap: wrap; gap: 8px; }
.vote[aria-pressed="true"] { color: var(--link); background: var(--accent-soft); }
.feedback-form { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; font-size: 12px; max-width: 92%; width: 100%; }
.reason { width: 100%; padding: 6px 8px; border: 1px solid var(--muted); border-radius: 8px; background: var(--bg); resize: vertical;
  font-size: 13px; }
.feedback-form .submit { color: var(--link); border: 1px solid var(--link); }
.feedback-status { margin: 0; font-size: 12px; color: var(--muted); }
.feedback-status:empty { display: none; }
.text-button { display: inline-flex; align-items: center; gap: 4px; padding: 2px 6px; border-radius: 6px; font-size: 12px;
  color: var(--muted); }
.text-button .icon { width: 14px; height: 14px; }
.text-button:hover { background: var(--surface); color: var(--fg); }
.error { align-self: stretch; display: flex; align-items: center; gap: 8px; padding: 8px 12px; border: 1px solid var(--danger);
  border-radius: 10px; background: var(--danger-soft); color: var(--danger); }
.error p { flex: 1; margin: 0; }
.error .text-button { color: var(--danger); border: 1px solid var(--danger); }

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid var(--border); }
.field { flex: 1; display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.counter { align-self: flex-end; font-size: 11px; color: var(--muted); }
.counter[data-full] { color: var(--danger); font-weight: 600; }
.input { min-height: 40px; max-height: 140px; padding: 8px 10px; resize: none; border: 1px solid var(--border);
  border-radius: 10px; background: var(--bg); line-height: 1.5; font-size: 15px; overflow-y: auto; }
.input::placeholder { color: var(--muted); opacity: 1; }
.send { display: inline-flex; align-items: center; justify-content: center; width: 40px; height: 40px; border-radius: 10px;
  background: var(--accent); color: var(--accent-fg); }

@media (max-width: 479.98px) {
  .panel { top: 0; left: 0; right: 0; bottom: auto; width: 100%; max-width: none; height: 100vh; height: 100dvh;
    max-height: none; border: 0; border-radius: 0; }
  .root[data-position="left"] .panel { left: 0; }
  .root[data-open] .launcher { display: none; }
  .expand { display: none; }
  /* Touch targets of at least 44 px, without overlapping: a line holding a source button grows to fit it. */
  .icon-button, .send, .vote { min-width: 44px; min-height: 44px; }
  .text-button, .starter { min-height: 44px; }
  .cite-ref, .example { display: inline-flex; align-items: center; justify-content: center; min-width: 44px; min-height: 44px;
    margin: 0 1px; padding: 0 2px; vertical-align: middle; }
  /* 16px keeps iOS Safari from zooming the page when the input gets focus. */
  .input { font-size: 16px; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`;
