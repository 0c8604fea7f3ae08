import type { EntityLexicon, EntityMention } from './entity-lexicon';
import { findPeriods, type PeriodSpan } from '../text/find-periods';
import type { QuantityKind } from '../text/find-quantities';

/** What a question asks for: a kind of value, or a named column of a table row. */
export type AskKind = QuantityKind | 'name' | 'round' | 'leader' | 'city' | 'province' | 'number' | 'type' | 'platform' | 'company' | 'status' | 'aim' | 'serial';

export interface Ask {
  kind: AskKind;
  /** The counted unit when printed (多少家 → 家). */
  unit?: string;
  /** Read from a bare 多少/几 (no unit, no kind word): any figure may answer. */
  implicit?: boolean;
}

export type Operation = 'lookup' | 'list' | 'max' | 'min' | 'rank' | 'top' | 'position' | 'compare' | 'sum' | 'count';

/** A question read for the fact store. */
export interface ParsedQuestion {
  text: string;
  /** Regions, organisations, domains, titles and standard numbers it names (aliases resolved). */
  entities: EntityMention[];
  periods: PeriodSpan[];
  asks: Ask[];
  operation: Operation;
  /** k of 「第k」 / 「前k」. */
  rank?: number;
  /** 'desc' for 最多/最高/最晚, 'asc' for 最少/最低/最早. */
  order?: 'asc' | 'desc';
  /** The table it names (表6-1), if any. */
  tableId?: string;
  /** A numeric condition on rows: 「超过100家」 → { op: '>', value: 100 }. */
  condition?: { op: '>' | '<' | '=' | '>=' | '<='; value: number };
  /** Asks for an explanation (是干嘛的, 为什么, 如何 …) rather than a figure. */
  explain: boolean;
  /** The question asks for a figure at all (多少, 几, 占比, 规模, 什么时候 …). */
  quantity: boolean;
  /** The words the figure is about, with question words, entities and periods removed. */
  topic: string;
}

const CN_ORDINAL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ENTITY_TYPES = new Set(['region', 'organization', 'domain', 'title', 'standard']);

/** 「三」→3, 「十二」→12, 「5」→5. */
export function ordinal(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 1) return CN_ORDINAL[text] ?? 0;
  if (text[0] === '十') return 10 + (CN_ORDINAL[text[1]] ?? 0);
  return (CN_ORDINAL[text[0]] ?? 0) * 10 + (CN_ORDINAL[text[2]] ?? 0);
}

const ASKS: [RegExp, Ask][] = [
  [/(多少|(?<!哪)几)\s*(家|个|项|所|条|笔|件|次|类|种|位|名|座|款|人|倍)/, { kind: 'count' }],
  [/(企业|公司|专利|项目|政策|标准|机构|产业园)(的)?(数量|总数|个数)|数量/, { kind: 'count' }],
  [/占比|比例|比重|份额|占(了)?(全国|总体|全部|总数|金融领域|[^，。？?]{0,8}的)?(多少|几成|百分之)|百分之|(增长|增速|增幅|下降|降)(了|率)?(多少|几)|同比/, { kind: 'percent' }],
  [/多少钱|融(了|资了|资)?多少|多少(融资|投资|资金)|金额|多少(亿|万)|规模.{0,6}(多少|多大)|多大|支出规模/, { kind: 'money' }],
  [/什么时候|何时|哪(一)?年|哪(一)?天|几月|哪个月|(发布|成立|投资|融资)(的)?(时间|日期)|成立于|哪年/, { kind: 'date' }],
  [/哪(一)?轮|轮次|什么轮|第几轮/, { kind: 'round' }],
  [/谁(主导|牵头)|主导(机构|方)?是谁|牵头(人|单位)?是谁|(谁|哪(个|些)(部门|机构))(主导|牵头|印发|发布)/, { kind: 'leader' }],
  [/哪个省|哪个地区|哪个省份|哪一省|属于哪/, { kind: 'province' }],
  [/哪个城市|哪座城市|哪个市|在哪(里|儿)?(?!个省|一省)|位于(?!哪个省)/, { kind: 'city' }],
  [/编号|标准号/, { kind: 'number' }],
  [/序号|第几号/, { kind: 'serial' }],
  [/定位|发展方向|主要内容|相关内容|标准内容/, { kind: 'aim' }],
  [/应用类型|什么类型|哪(类|种)应用/, { kind: 'type' }],
  [/(项目)?平台(是|叫)(什么|哪个)|哪个平台/, { kind: 'platform' }],
  [/哪家(企业|公司)|哪个(企业|公司)|谁的|什么(企业|公司)/, { kind: 'company' }],
  [/状态|进展到|什么阶段/, { kind: 'status' }],
  [/叫什么|名称|名字|是什么(标准|政策|文件|机构|平台)|什么(标准|政策|文件)|是哪(个|家)/, { kind: 'name' }],
];

const QUANTITY = /多少|(?<!哪)几(家|个|项|所|条|笔|件|种|年|月|次|位|成|轮|倍|大)?|比例|占比|比重|规模|金额|数量|多大|增长|增速|同比|排名|第几|哪年|哪天|何时|什么时候|哪一年|几月|融了|融资额|最多|最少|最高|最低|最早|最晚|排第|第[一二三四五六七八九十\d]+(名|位|多|大|高|少)|前[一二三四五六七八九十\d]+(名|位|个|家|大|强)/;
const EXPLAIN = /为什么|为何|怎么样|怎样|如何|意义|作用|影响|原因|干嘛|干什么|做什么|是做什么|用来|目的|内容是|讲了什么|讲的是什么|有什么用|指的是|什么是|什么意思|什么机制|介绍一下|特点|哪些方面/;
const QUESTION_WORDS = /请问|请|一下|谁|统计(的)?|怎么样|怎样|如何|(超过|多于|大于|高于|不少于|至少|少于|低于|小于|不到|不足)\s*\d+(\.\d+)?\s*(家|个|项)?|\d+(\.\d+)?\s*(家|个|项)?\s*(以上|以下)|(数量)?(是|为|等于)\s*(0|零)(?![.\d])|报告(中|里|里面)?|里面|表\s*\d+\s*[-－]\s*\d+(里|中)?|(排名|排|位列|位居)?第\s*[一二三四五六七八九十\d几]+\s*(名|位|多|大|高|少)?|前\s*[一二三四五六七八九十\d]+\s*(名|位|个|家|大|强)?|最(多|少|高|低|大|小|早|晚|先|新)|(多少|几)\s*(家|个|项|所|条|笔|件|种|位|名|次|类)?|哪些|哪个|哪家|哪一|哪|什么|是否|大概|大约|目前|现在|一共|总共|总计|共计|分别|呢|吗|吧|啊|呀|么|[？?。！!，,、：:；;“”"'‘’（）()\s]/g;

function asksOf(text: string): Ask[] {
  const asks: Ask[] = [];
  for (const [pattern, ask] of ASKS) {
    const match = text.match(pattern);
    if (!match || asks.some((a) => a.kind === ask.kind)) continue;
    const unit = ask.kind === 'count' ? match[2] : undefined;
    asks.push(unit ? { ...ask, unit } : ask);
  }
  // 「有多少区块链专利」: a count without a printed unit.
  // 「有多少区块链专利」: a count without a printed unit — implicit, so a missing count says little.
  if (!asks.some((a) => ['count', 'percent', 'money', 'date'].includes(a.kind)) && /多少|(?<![第哪])几(?!轮)/.test(text)) asks.unshift({ kind: 'count', implicit: true });
  // A name column answers 「哪家企业」 only when no figure is asked.
  return asks;
}

function operationOf(text: string, entities: EntityMention[]): Pick<ParsedQuestion, 'operation' | 'rank' | 'order'> {
  // The last ordinal is the newest (「…第二名 第三呢？」 after a follow-up is folded into one question).
  const rankMatch = [...text.matchAll(/(?:排名|排|位列|位居)?第\s*([一二三四五六七八九十\d]{1,3})\s*(名|位|多|大|高|少)?/g)].at(-1);
  // 「前五」, and 「最多的五个省份」「最少的3家」 (an extreme with a count is a top-k list).
  const topMatch = text.match(/前\s*([一二三四五六七八九十\d]{1,3})\s*(名|位|个|家|大|强)?/)
    ?? text.match(/最(?:多|少|高|低|大|小)的\s*([两二三四五六七八九十\d]{1,3})\s*(个|家|名|位|项)/);
  const asc = /最少|最低|最小|倒数第一|最后一名|最早|最先/.test(text);
  // 「第一阶梯」「第二梯队」「第2部分」 name a group or a part, not a place in a ranking.
  const grouping = /第\s*[一二三四五六七八九十\d]+\s*(部分|批|次|条|季度|阶段|阶梯|梯队|章|节|届|期|号)/.test(text);
  const desc = /最多|最高|最大|第一多|之首|最晚|最近成立|最新/.test(text);
  const distinct = new Set(entities.filter((e) => e.type !== 'title').map((e) => e.name));
  // 「前100的企业里中国占多少」 is a share, not a top-k list.
  const share = /占(比)?(了)?(多少|几)/.test(text);
  if (distinct.size >= 2 && /(哪个|哪家|谁).{0,8}(多|少|高|低|大|早|晚)|(?<!占)比(?!例|重).{0,12}(多|少|高|低|大)|差(多少|几)|相差|差距|多多少|少多少|多几|少几|对比|比较|比起来|更多|更少/.test(text)) {
    return { operation: 'compare' };
  }
  if (distinct.size >= 2 && /加起来|合计|总和|一共|总共|共计|之和|加在一起|合起来/.test(text)) return { operation: 'sum' };
  if (/排(名)?第几|第几(名|位)|位列第几|排在第几/.test(text)) return { operation: 'position' };
  if (topMatch && !share) return { operation: 'top', rank: ordinal(topMatch[1]), order: asc ? 'asc' : 'desc' };
  if (rankMatch && ordinal(rankMatch[1]) > 0 && !grouping) {
    const order = rankMatch[2] === '少' || /倒数/.test(text) ? 'asc' : 'desc';
    return { operation: 'rank', rank: ordinal(rankMatch[1]), order };
  }
  if (asc || desc) return { operation: asc ? 'min' : 'max', order: asc ? 'asc' : 'desc' };
  if (/有几(个|家|项|所|条)|有多少(个|家|项)|几(个|家)是|多少(个|家)是/.test(text) && !distinct.size) return { operation: 'count' };
  if (/有哪些|哪些|哪几|列出|列举|都有什么|都是什么/.test(text)) return { operation: 'list' };
  return { operation: 'lookup' };
}

function conditionOf(text: string): ParsedQuestion['condition'] {
  const above = text.match(/(超过|多于|大于|高于|不少于|至少|达到)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(家|个|项)?\s*(以上|及以上)/);
  if (above) return { op: /不少于|至少|达到|及以上/.test(above[0]) ? '>=' : '>', value: Number(above[2] ?? above[3]) };
  const below = text.match(/(少于|低于|小于|不到|不足)\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(家|个|项)?\s*(以下|及以下)/);
  if (below) return { op: /及以下/.test(below[0]) ? '<=' : '<', value: Number(below[2] ?? below[3]) };
  const equal = text.match(/(是|为|等于|只有)\s*(0|零)(?![.\d])|(0|零)\s*家/);
  if (equal) return { op: '=', value: 0 };
  return undefined;
}

/** Canonical wording for matching: colloquial and short forms of the report's words. */
export function canonicalWording(text: string): string {
  return text
    .replace(/搞区块链的?/g, '区块链')
    .replace(/公司/g, '企业')
    .replace(/比重|比例/g, '占比')
    .replace(/融了|融资了|拿到(了)?(的)?(投资|融资)|获得(了)?(的)?(投资|融资)|融到/g, '融资')
    .replace(/申请(了)?(的)?/g, '')
    .replace(/发明专利/g, '专利')
    .replace(/我国|国内/g, '中国');
}

/**
 * Reads a question for the fact store: the entities (aliases resolved by the lexicon: 阿里 →
 * 阿里巴巴, 央行 → 中国人民银行), periods (2019年, 上半年 = 2020年上半年, 截至6月底), what is asked
 * (a count, share, amount, date, or a table column such as 轮次/主导机构), the operation (look up,
 * list, max/min, k-th, top-k, compare, sum, count rows), a numeric row condition, and the topic words.
 * `context` (the earlier turn of a follow-up) fills in entities and topic the question leaves out.
 */
export function parseQuestion(question: string, lexicon: EntityLexicon, context = ''): ParsedQuestion {
  const text = question.trim();
  const canonical = canonicalWording(text);
  let entities = lexicon.find(text).filter((m) => ENTITY_TYPES.has(m.type));
  // 「比2019年增长了多少」: a period of comparison is not the period asked about.
  const stated = findPeriods(text, { relative: true });
  const periods = stated.filter((p) => !/(比|与|较|相比|同比|相较于?)\s*$/.test(text.slice(Math.max(0, p.start - 3), p.start)));
  const tableId = lexicon.find(text).find((m) => m.type === 'table')?.name;
  const asks = asksOf(canonical);
  // A bare 「省」 (哪个省) means the provinces a table lists.
  let topic = topicOf(canonical, entities, stated).replace(/(^|\s)省(?=\s|$)/g, '$1省份');
  const contextual = Boolean(context) && isFragment(text, entities, topic);
  let asked = asks;
  if (contextual) {
    const previous = parseQuestion(context, lexicon);
    if (!entities.length) entities = previous.entities;
    topic = `${topic} ${previous.topic}`.trim();
    // 「占比呢？」 asks what the turn before asked; 「山东排第几？」 asks for a place, not that figure.
    if (!asks.length && !/第几|排名|排第|哪个|哪家|谁/.test(text)) asked = previous.asks;
  }
  const operationText = contextual ? `${text}${/最|第|前/.test(text) ? context.replace(/最(多|少|高|低|大|小|早|晚)/g, '') : ''}` : text;
  const operation = operationOf(operationText, entities);
  return {
    text, entities, periods: periods.length || !contextual ? periods : findPeriods(context, { relative: true }), asks: asked, ...operation,
    tableId: tableId ?? (contextual ? lexicon.find(context).find((m) => m.type === 'table')?.name : undefined),
    // 「比起来怎么样」 about figures is a comparison, not an explanation.
    condition: conditionOf(text), explain: EXPLAIN.test(text) && !/多少|几|数量|规模|占比|比例|增长|排名|第几/.test(text), quantity: QUANTITY.test(text), topic,
  };
}

/** A follow-up fragment: 「占比呢？」「第二名是谁？」「是哪一轮？」 — little of its own topic. */
function isFragment(text: string, entities: EntityMention[], topic: string): boolean {
  const length = topic.replace(/\s/g, '').length;
  return length <= 4 || (!entities.length && length <= 6);
}

function topicOf(text: string, entities: EntityMention[], periods: PeriodSpan[]): string {
  let rest = text;
  for (const mention of [...entities].sort((a, b) => b.text.length - a.text.length)) {
    rest = rest.split(mention.text).join(' ').split(canonicalWording(mention.text)).join(' ');
  }
  for (const period of periods) rest = rest.split(period.text).join(' ');
  // Spaces stay where words were removed, so no matching bigram spans a removed word.
  return rest.replace(/(比|与|较|相比|相较于?)\s*(?=\s|$)/g, ' ').replace(QUESTION_WORDS, ' ').replace(/[的了呢吗吧是有为在和与及把被对给让]/g, ' ').replace(/\s+/g, ' ').trim();
}
