/** What kind of answer a question wants, from its wording alone. */
export interface QuestionIntent {
  /** Asks for a figure, date or share. */
  quantity: boolean;
  /** Asks for a list (有哪些, 哪几, 分别). */
  list: boolean;
  /** Asks for an explanation (为什么, 怎么, 意义, 是什么). */
  explain: boolean;
  /** The counted noun of a quantity question ('企业' in 有多少家区块链企业). */
  countedNoun?: string;
  /** Metric qualifiers that change what is counted (新成立 vs all). */
  qualifiers: string[];
  /** Asks for the name of a document, standard or policy (叫什么, 名称, 哪个文件). */
  asksTitle: boolean;
  /** What kind of value the evidence must state: a count with this classifier, a share, money, a date, or any quantity. */
  expects?: { kind: 'count'; classifier: string } | { kind: 'share' | 'money' | 'date' | 'any' };
}

const QUANTITY = /多少|(?<!哪)几(家|个|项|所|条|笔|件|种|年|月|次|位|成|轮|倍|部分|大)?|比例|占比|百分之|规模|金额|数量|多大|增长率|增速|同比|排名|第几|哪年|哪天|何时|什么时候|哪一年|几月|多久|融了|融资额/;
const LIST = /有哪些|哪些|哪几|哪四|哪三|哪两|哪五|分别|包括|包含|列出|列举|都有|都是/;
const EXPLAIN = /为什么|为何|怎么|怎样|如何|意义|作用|影响|原因|是什么|什么是|干嘛|做什么|干什么|指的是|指什么|介绍|说说|讲讲|特点|趋势|方向|目的|体现在/;
const COUNTED = /(?:多少|(?<!哪)几)\s*(?:家|个|项|所|条|笔|件|种|位)?[^，。？?]{0,10}?(企业|公司|专利|政策|标准|项目|平台|产业园|园区|研究机构|机构|高校|基金|措施|部分|基站|城市|省份|省市|事件|案例|应用)/;
const QUALIFIERS = /新成立|新注册|新增|新公开|新设立/g;

/** How evidence says 「newly」: 新成立/新增…, or founded within the period (上半年成立的). */
export const NEWLY = /新(成立|注册|增|公开|设立)|(上半年|今年|年内|以来)(新)?(成立|注册|设立)/;

const CLASSIFIER = /(?:多少|(?<!哪)几)\s*(家|个|项|所|条|笔|件|位|轮|次|倍|种|座|部分|大部分)/;
const SHARE = /比例|占比|百分之|增长率|增速|同比|占多少|占多大|几成/;
const MONEY = /规模|金额|多少钱|融了多少|融资额|融资多少|投资额|资金/;
const DATE = /哪天|何时|哪年|什么时候|哪一年|几月|哪个月|时间是|日期/;

function expected(question: string): QuestionIntent['expects'] {
  // 「排名前五的省份是哪些」 asks for names; only explicit amount words ask for a value.
  if (LIST.test(question) && !/多少|(?<!哪)几(家|个|项|所|条|笔|件|位)|比例|占比|规模|金额|数量(是|为|有)/.test(question)) return undefined;
  if (DATE.test(question)) return { kind: 'date' };
  if (SHARE.test(question)) return { kind: 'share' };
  const classifier = question.match(CLASSIFIER)?.[1];
  if (classifier) return { kind: 'count', classifier: classifier.replace('大部分', '部分') };
  if (MONEY.test(question)) return { kind: 'money' };
  return QUANTITY.test(question) ? { kind: 'any' } : undefined;
}

/** Reads the intent of a question (no retrieval involved). */
export function questionIntent(question: string): QuestionIntent {
  const counted = question.match(COUNTED)?.[1] ?? question.match(/(企业|公司|专利|政策|标准|项目|产业园)(的)?(数量|总数|个数)/)?.[1]
    // 「哪个区块链产业园多」 compares counts of what it names.
    ?? (/哪.{0,10}(多|少)|更多|更少|最多|最少/.test(question) ? question.match(/产业园|专利|研究机构|高校|落地项目|政策|标准|企业/)?.[0] : undefined);
  return {
    quantity: QUANTITY.test(question),
    list: LIST.test(question),
    explain: EXPLAIN.test(question) && !QUANTITY.test(question),
    countedNoun: counted,
    qualifiers: [...new Set(question.match(QUALIFIERS) ?? [])],
    expects: expected(question),
    asksTitle: /(政策|文件|标准|规范|方案|规划|意见|通知|办法|措施|计划|指南)[^，。？?]{0,6}(叫什么|名字|名称)|哪(个|份|项|部)(文件|政策|标准|规范|方案|规划)|什么(文件|政策|标准|规范|方案|规划)/.test(question),
  };
}
