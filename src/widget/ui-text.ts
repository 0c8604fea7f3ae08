/** Every string of the widget's own interface, per language (answers come from the server in Chinese). */
export interface UiText {
  open: (title: string) => string;
  closeWidget: (title: string) => string;
  close: string;
  newConversation: string;
  inputLabel: string;
  placeholder: string;
  send: string;
  stop: string;
  stopped: string;
  typing: string;
  copy: string;
  copied: string;
  retry: string;
  starterHeading: string;
  hint: string;
  citation: (id: number) => string;
  line: (line: number) => string;
  understood: (text: string) => string;
  factsCaption: string;
  factColumns: [string, string, string, string, string];
  chartLabel: (metric: string) => string;
  sources: string;
  offline: string;
  rateLimited: (seconds: number | undefined) => string;
  forbidden: string;
  unavailable: string;
  failed: string;
  helpful: string;
  notHelpful: string;
  reasonLabel: string;
  reasonPlaceholder: string;
  sendFeedback: string;
  thanks: string;
  feedbackFailed: string;
  suggestionsHeading: string;
  unread: (count: number) => string;
  counter: (count: number, max: number) => string;
  resetDone: string;
  undo: string;
  expand: string;
  shrink: string;
}

const ZH: UiText = {
  open: (title) => `打开${title}`,
  closeWidget: (title) => `关闭${title}`,
  close: '关闭',
  newConversation: '新对话',
  inputLabel: '输入问题',
  placeholder: '输入问题，Enter 发送',
  send: '发送',
  stop: '停止生成',
  stopped: '已停止生成。',
  typing: '正在回答…',
  copy: '复制回答',
  copied: '已复制',
  retry: '重试',
  starterHeading: '可以这样问：',
  hint: '回答摘自《2020 年中国区块链发展现状与展望（上半年）》，点「来源」查看原文与行号。',
  citation: (id) => `来源 ${id}`,
  line: (line) => `第 ${line} 行`,
  understood: (text) => `按“${text}”理解`,
  factsCaption: '回答用到的数据',
  factColumns: ['对象', '指标', '数值', '时间', '出处'],
  chartLabel: (metric) => `柱状图：${metric}`,
  sources: '来源',
  offline: '网络连接已断开，请检查网络后重试。',
  rateLimited: (seconds) => (seconds ? `请求过于频繁，请 ${seconds} 秒后再试。` : '请求过于频繁，请稍后再试。'),
  forbidden: '此网站未被允许使用问答服务（403）。',
  unavailable: '服务暂时不可用，请稍后再试。',
  failed: '请求失败，请稍后再试。',
  helpful: '有帮助',
  notHelpful: '没帮助',
  reasonLabel: '哪里不好？（可选）',
  reasonPlaceholder: '例如：数字不对、没回答我的问题',
  sendFeedback: '提交',
  thanks: '谢谢反馈！',
  feedbackFailed: '反馈未能发送，请稍后再试。',
  suggestionsHeading: '接着问：',
  unread: (count) => `${count} 条新回答`,
  counter: (count, max) => `${count}/${max} 字`,
  resetDone: '已开始新对话。',
  undo: '撤销',
  expand: '放大窗口',
  shrink: '还原窗口',
};

const EN: UiText = {
  open: (title) => `Open ${title}`,
  closeWidget: (title) => `Close ${title}`,
  close: 'Close',
  newConversation: 'New conversation',
  inputLabel: 'Your question',
  placeholder: 'Ask about the report',
  send: 'Send',
  stop: 'Stop',
  stopped: 'Stopped.',
  typing: 'Answering…',
  copy: 'Copy answer',
  copied: 'Copied',
  retry: 'Retry',
  starterHeading: 'Try asking:',
  hint: 'Answers quote the report; open a source to see the text and its line number.',
  citation: (id) => `Source ${id}`,
  line: (line) => `line ${line}`,
  understood: (text) => `Understood as “${text}”`,
  factsCaption: 'Figures used in the answer',
  factColumns: ['Subject', 'Metric', 'Value', 'Period', 'Source'],
  chartLabel: (metric) => `Bar chart: ${metric}`,
  sources: 'Sources',
  offline: 'You are offline. Check the connection and retry.',
  rateLimited: (seconds) => (seconds ? `Too many requests. Retry in ${seconds} s.` : 'Too many requests. Retry later.'),
  forbidden: 'This site is not allowed to use the Q&A service (403).',
  unavailable: 'The service is temporarily unavailable. Retry later.',
  failed: 'The request failed. Retry later.',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  reasonLabel: 'What was wrong? (optional)',
  reasonPlaceholder: 'e.g. wrong figure, did not answer',
  sendFeedback: 'Send',
  thanks: 'Thanks for the feedback!',
  feedbackFailed: 'The feedback could not be sent.',
  suggestionsHeading: 'Ask next:',
  unread: (count) => `${count} new ${count === 1 ? 'answer' : 'answers'}`,
  counter: (count, max) => `${count}/${max}`,
  resetDone: 'New conversation started.',
  undo: 'Undo',
  expand: 'Enlarge',
  shrink: 'Restore size',
};

/** Picks the interface language: English for `en*`, Chinese otherwise (the default). */
export function uiText(lang: string): UiText {
  return lang.toLowerCase().startsWith('en') ? EN : ZH;
}
