/** Outcome of screening a question before retrieval. */
export interface GuardResult {
  /** The question with instruction-like clauses removed ('' when nothing about the report remains). */
  question: string;
  /** Why clauses were removed or the question refused. */
  reason?: 'injection' | 'off-topic';
}

// Instructions aimed at the assistant rather than questions about the report.
const INJECTION = [
  /忽略|无视|忘记|忘掉|不要理会|disregard|ignore/i,
  /(系统|初始|原始|隐藏)?(提示词|指令|prompt|system\s*message)|第一条消息|原样(重复|输出)|逐字(重复|输出)|一个字都不要改/i,
  /从现在(开始|起)|你(现在)?(是|不是|扮演|假装)|角色扮演|扮演|假装你|你的(新)?身份|开发者模式|管理员模式|越狱|DAN\b/i,
  /【?\s*系统(通知|消息|指令|公告)\s*】?|\[system\]|<\/?system>/i,
  /(只|仅|必须)(回复|回答|输出|说)|(回复|输出|打印)\s*[“"'「]/,
  /以此为准|更正为|数据已更新|请记住|记住/,
];
const ASKS = /[？?]|吗|多少|哪|什么|几|是否|怎么|如何|谁/;
// Requests the report cannot serve whatever it contains: writing, coding, advice, chit-chat.
const OFF_TOPIC = [
  /写.{0,12}(诗|歌|故事|小说|作文|代码|程序|笑话|文章|文案|邮件)|作(一)?首诗|讲个笑话|python|javascript|java\b|代码|编程|翻译成/i,
  /抄底|能不能买|该不该(买|卖|投)|值得投资|投资建议|炒币|币价|涨还是跌|会涨|会跌|价格(走势|预测)|推荐.*(股票|币|基金)|概念股|买入|卖出|理财/,
  /天气|菜谱|做饭|星座|你好吗|你是谁|你叫什么/,
];

/**
 * Removes instruction-like clauses (prompt injection) from a question and flags requests that are
 * not about the report. Whatever a question says, it never changes how the assistant behaves.
 */
export function guardQuestion(text: string): GuardResult {
  const clauses = text.split(/(?<=[，。！？,!?；;\n])/);
  const kept = clauses.filter((clause) => !INJECTION.some((pattern) => pattern.test(clause)));
  const injected = kept.length < clauses.length;
  const rest = kept.join('').replace(/^[，。！？,!?；;\s]+/, '').trim();
  if (OFF_TOPIC.some((pattern) => pattern.test(text))) return { question: '', reason: 'off-topic' };
  // Instructions are dropped, never followed; a genuine question beside them is still answered.
  if (injected) return { question: ASKS.test(rest) && /[\p{Script=Han}A-Za-z0-9]{2,}/u.test(rest) ? rest : '', reason: 'injection' };
  return { question: text.trim() };
}
