import { compactForm } from '../text/compact-form';
import { chineseNumber } from '../text/chinese-number';
import { findPeriods, REPORT_YEAR, type PeriodSpan } from '../text/find-periods';
import type { Cue } from './lexicon';
import type { Lexicon } from './build-lexicon';
import type { Condition } from './reading';

interface Span {
  start: number;
  end: number;
  text: string;
}

/** A piece of a question: a lexicon match, a structure read by pattern, punctuation, or a leftover word. */
export type Token = Span & (
  | { type: 'cue'; cues: Cue[] }
  | { type: 'period'; period: PeriodSpan; comparison: boolean }
  | { type: 'table'; table: string }
  | { type: 'section'; section: string }
  | { type: 'ordinal'; rank: number; reverse: boolean; /** 第二个 / 第二家 / 第二: a position in a list, said without a ranking word (名, 多, 强 …). */ plain: boolean;
      /** 第二早 / 第三晚: a place by date. */ dated?: boolean;
      /** 其次 / 下一个: the place after the one the conversation stood on (the second after a first). */ following?: boolean;
      /** 前一名 / 上一个: the place before the one the conversation stood on. */ preceding?: boolean }
  /** `dated`: 「最早的三家」 ranks by a date, not by a figure. */
  | { type: 'top'; k: number; order?: 'asc' | 'desc'; which?: boolean; dated?: boolean; kinds?: boolean }
  | { type: 'condition'; condition: Condition }
  | { type: 'title'; title: string }
  | { type: 'standard'; code: string }
  | { type: 'figure'; figure: string }
  | { type: 'punctuation' }
  | { type: 'word' }
);

const NUMERAL = '(?:\\d{1,3}|[一二两三四五六七八九十]{1,3})';
const CN_NUMBER = (text: string) => (/^\d+$/.test(text) ? Number(text) : chineseNumber(text) ?? 0);

// Places in a ranking; 「第一阶梯」「第二批」「第1部分」「第十八次」 name a group or an item, not a place.
const ORDINAL = new RegExp(`(倒数)?第(${NUMERAL})(?!(阶梯|梯队|部分|大部分|批|次|季度|阶段|章|节|届|期|号|轮|条|项|层|代|步|点|类|方面|篇|页|段|集|天|年|月))(名|位|多|大|高|少|个|家|强|早|晚)?`, 'g');
// 「其次呢」「再往下呢」「下一名是谁」: the next place of a ranking, counted from the one asked before.
const FOLLOWING = /再?往下一(?:名|位|个|家|档)|下一(?:名|位|个|家|档)|其次|次之|再往下|再往后/g;
const PRECEDING = /再?往上一(?:名|位|个|家|档)|上一(?:名|位|个|家|档)|前一(?:名|位|个|家)|再往前/g;
/** A cue's closing ordinal (数量第一), and the words that make an ordinal the number of a topic (第一梯队, 第二批). */
const NUMBERED_END = new RegExp(`第(${NUMERAL})$`);
const NUMBERED_TOPIC = /^(阶梯|梯队|部分|大部分|批|阶段|届|期|季度)/;
// 「目前一共」「之前」: 前 inside a word is no top-k.
const TOP = new RegExp(`(?:(?<![目之此提以当先空眼从])前|top|头)(${NUMERAL})(?:名|位|个|家|大|强|的|项|所|块)?|最(多|少|高|低|大|小|早|晚|新|近|先)(?:成立|发布|出台|印发|融资|投资|获投|(?:获得|拿到|拿了|得到)(?:投资|融资|钱))?的(${NUMERAL})(?:个|家|名|位|项|所|座|条|笔|块|类|种)|哪([两二三四五六七八九十\\d]{1,2})(?:个|家|名|位|项|所|座|类|种|块)|(?<![之以然最随其背落前])(?:后|末|倒数)(${NUMERAL})(?:名|位|个|家|项|所|座)|(?:排在?前面|排名靠前|排得靠前|靠前|排在?前头)的?(${NUMERAL})(?:名|位|个|家|项|所|座|条|块)`, 'g');
// A count in a condition: digits, or a Chinese numeral with its classifier (「只有一家」「超过三家」「十家以上」).
const COUNT = String.raw`百分之(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,3})|\d+(?:\.\d+)?|[一二两三四五六七八九十百千]{1,4}(?=[家个项所]|千万|百万|万|亿)`;
// The magnitude an amount is said in (「一千万」「5000万」「1.5亿」), and what may follow it.
const SCALE = '千万|百万|万|亿';
const MONEY = '(?:元|块钱|块)?';
const CONDITION = new RegExp([
  // 「不是0家的」「除了零的」「非零」: any count but none — more than zero.
  String.raw`(?<notZero>(?:不是|不为|除了|除去|去掉|排除|刨去|刨除)(?:0|零)(?:家|个)?|非零)`,
  String.raw`(?:只有|仅有|(?:正好|恰好|刚好|就)有?)(?<eq>${COUNT})(?:家|个|项|所)(?![\d%])`,
  String.raw`(?:为|是|等于)(?<eqDigits>\d+)(?:家|个|项|所)(?![\d%])`,
  // 「有2家企业的省」「有三个产业园的城市」: a count that qualifies the thing asked (before its 的) selects rows by it.
  String.raw`(?<![没只仅还])有(?<eqHas>${COUNT})(?:家|个|项|所)(?=[^，。？！,?!的]{0,6}的)`,
  String.raw`(?:在)?(?<lo>\d+)(?:家|个)?(?:到|至|~)(?<hi>\d+)(?:家|个)?(?:之间|以内)?`,
  String.raw`(?<digits>一位数|两位数|三位数)`,
  String.raw`(?<moreWord>超过|多于|大于|高于|不少于|至少|达到|不低于|多过|超出)(?<more>${COUNT})(?<moreScale>${SCALE})?(?:家|个|项|所|%)?${MONEY}`,
  String.raw`(?<bound>${COUNT})(?<boundScale>${SCALE})?(?:家|个|项|所|%)?${MONEY}(?<boundCurrency>美元|美金|人民币)?(?<boundWord>及以上|以上|及以下|以下|或以上|或以下)`,
  String.raw`(?<lessWord>少于|低于|小于|不到|不足|不超过|不满)(?<less>${COUNT})(?<lessScale>${SCALE})?(?:家|个|项|所|%)?${MONEY}`,
  // 「过亿」「上亿」「破千万」: an amount of that magnitude or more.
  String.raw`(?<overWord>过|破|上|超)(?<overScale>千万|百万|亿)${MONEY}`,
  // 「过百」「上百家」「破千」: a count of a hundred (a thousand) or more — not an amount (上百万 is one above).
  String.raw`(?<roundWord>过|破|上|超)(?<round>百|千)(?![万亿])(?:家|个|项|所)?`,
  // 「千万级以上」「百万以上」: a magnitude said with no count before it is one of it, or more.
  String.raw`(?<![\d一二两三四五六七八九十百千数])(?<levelScale>千万|百万|亿)(?:元|美元|人民币)?(?:级别?)?(?:及以上|或以上|以上)`,
  // 「一家企业都没有」「一个也没有」: none at all (the noun between stays a token of its own).
  String.raw`(?<zero>(?:为|是|等于|只有)?(?<![\d.])(?:0|零)(?:家|个)(?![.\d])|(?:为|是|等于)(?:0|零)(?=的)|一(?:家|个|项|所)(?=[^，。？！,?!]{0,8}?(?:都|也)没有)|没有一家|没有企业)`,
].join('|'), 'g');
const TABLE = /表(\d{1,2})-(\d{1,2})/g;
// 「5月份」「三月」 without a year: a month of the report's year.
const MONTH = /(?<![\d年.\-])(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![\d日底末])/g;
/** One-character words that join or set two names against each other (粤比京, 沪和苏). */
const LINKS = new Set(['比', '和', '跟', '与', '同', '及', '对']);
const SECTION = new RegExp(`第(${NUMERAL})(章|部分|大部分|篇)(?:第(${NUMERAL})节)?`, 'g');
const TITLE = /《([^》]{2,80})》|“([^”]{2,40})”|"([^"]{2,40})"/g;
const STANDARD = /(gb\/t|gm\/t|t\/[a-z]+|db\d+\/t) ?\d+(?:\.\d+)?(?:-\d{4})?/g;
// A figure the question itself states (「那个10亿的基金」「1457件专利」), not a year or a rank.
const FIGURE = /(?<![\d.第前])(\d+(?:\.\d+)?)(万|亿)?(亿元|万元|元|美元|人民币|家|个|项|件|笔|所|条|%)?(?![\d.年月日号])/g;
const PUNCTUATION = /[?？!！;；。,，、:：\n ]/;

const SCALES: Record<string, number> = { 万: 1e4, 百万: 1e6, 千万: 1e7, 亿: 1e8 };

function conditionOf(match: RegExpMatchArray): Condition {
  const condition = conditionRead(match);
  // 「超过一百家」: a bound said in words, not digits, is restated as said — its figure (100) is nowhere in the question's text.
  return condition.said || /\d/.test(match[0]) ? condition : { ...condition, said: match[0] };
}

function conditionRead(match: RegExpMatchArray): Condition {
  const g = match.groups ?? {};
  // 「百分之五」: a percent said in words is its number (compared with a percent column).
  const number = (said: string) => {
    const text = said.replace(/^百分之/, '');
    return /^[\d.]+$/.test(text) ? Number(text) : chineseNumber(text) ?? 0;
  };
  if (g.notZero) return { op: '>', value: 0, said: match[0] };
  if (g.levelScale) return { op: '>=', value: 1, scale: SCALES[g.levelScale], said: match[0] };
  if (g.roundWord) return { op: g.roundWord === '上' || g.roundWord === '破' ? '>=' : '>', value: g.round === '千' ? 1000 : 100, said: match[0] };
  if (g.overWord) return { op: g.overWord === '上' ? '>=' : '>', value: 1, scale: SCALES[g.overScale], said: match[0] };
  const scaleWord = g.moreScale ?? g.boundScale ?? g.lessScale;
  const scale = scaleWord ? { scale: SCALES[scaleWord], said: match[0], ...(g.boundCurrency ? { currency: g.boundCurrency === '人民币' ? '人民币' as const : '美元' as const } : {}) } : {};
  if (g.eq || g.eqDigits || g.eqHas) return { op: '=', value: number(g.eq ?? g.eqDigits ?? g.eqHas) };
  if (g.lo && g.hi) return { op: '>=', value: Number(g.lo), max: Number(g.hi) };
  const digits = g.digits ? { 一位数: [0, 9], 两位数: [10, 99], 三位数: [100, 999] }[g.digits] : undefined;
  if (digits) return { op: '>=', value: digits[0], max: digits[1] };
  if (g.more) return { op: /不少于|至少|达到|不低于/.test(g.moreWord) ? '>=' : '>', value: number(g.more), ...scale };
  if (g.bound) return { op: /及以上|或以上/.test(g.boundWord) ? '>=' : /及以下|或以下/.test(g.boundWord) ? '<=' : /以上/.test(g.boundWord) ? '>' : '<', value: number(g.bound), ...scale };
  if (g.less) return { op: /不超过/.test(g.lessWord) ? '<=' : '<', value: number(g.less), ...scale };
  return { op: '=', value: 0 };
}

/**
 * 「有多少所高校参与了…」: right after 多少/几 and a classifier, the noun that classifier counts is what is counted, even
 * where a longer lexicon phrase starts with it (高校参与, a table's category value).
 */
function countedAt(text: string, at: number, lexicon: Lexicon, standalone: (at: number) => boolean): ReturnType<Lexicon['longestAt']> {
  const before = /(多少|几)(.)$/.exec(text.slice(Math.max(0, at - 3), at));
  if (!before) return null;
  const longest = lexicon.longestAt(text, at, standalone);
  if (!longest || longest.cues.some((c) => c.type === 'noun')) return null;
  for (let end = at + longest.surface.length - 1; end > at + 1; end--) {
    const shorter = lexicon.longestAt(text.slice(0, end), at, standalone);
    const noun = shorter?.cues.find((c) => c.type === 'noun');
    if (shorter && noun && noun.type === 'noun' && (lexicon.classifiers.get(noun.noun) ?? []).includes(before[2])) return shorter;
  }
  return null;
}

/**
 * Words of each leftover run, in one call of the segmenter: a pasted text leaves dozens of runs, and each call crosses
 * into jieba's wasm at a fixed cost. jieba cuts the text between line breaks independently, so the runs joined by
 * line breaks cut exactly as each alone; a run holding a line break itself (normalised messages have none) is cut alone.
 */
function cutRuns(text: string, runs: [number, number][], segment: (text: string) => string[]): [number, string[]][] {
  const parts = runs.map(([start, end]) => text.slice(start, end));
  if (parts.some((p) => p.includes('\n'))) return runs.map(([start], i) => [start, segment(parts[i])]);
  const cut: string[][] = [[]];
  if (parts.length) for (const piece of segment(parts.join('\n'))) piece === '\n' ? cut.push([]) : cut[cut.length - 1].push(piece);
  return runs.map(([start], i) => [start, cut[i] ?? []]);
}

/**
 * Splits a compact question into tokens: structures read by pattern first (periods, table and
 * chapter numbers, ranks 第二/倒数第一, top-k 前五, numeric conditions 超过100家, 《titles》, standard
 * numbers, figures the question states), then the longest lexicon match at each remaining
 * position, punctuation, and leftover words cut by `segment`.
 */
const CLASSIFIER_AMONG = /^[家个项所条座笔只位](里面?|里头|中|当中|之中)$/;

export function tokenize(text: string, lexicon: Lexicon, segment: (text: string) => string[], segmentKnown = segment): Token[] {
  const taken = new Array<boolean>(text.length).fill(false);
  const tokens: Token[] = [];
  const claim = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    for (let i = start; i < end; i++) taken[i] = true;
    return true;
  };
  const each = (pattern: RegExp, make: (match: RegExpExecArray) => Token | null) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const token = make(match);
      if (token && claim(token.start, token.end)) tokens.push(token);
      if (match[0].length === 0) pattern.lastIndex++;
    }
  };
  const span = (match: RegExpExecArray): Span => ({ start: match.index, end: match.index + match[0].length, text: match[0] });

  // 「“1024”讲话」: quotes around words no title holds only mark them; the lexicon reads them with what follows.
  each(TITLE, (m) => (m[1] || lexicon.titled(compactForm(m[2] ?? m[3])) ? { ...span(m), type: 'title', title: m[1] ?? m[2] ?? m[3] } : null));
  // 「海南自贸港总体方案」: a document named shortened, without its 《》.
  for (const { start, end, entity } of lexicon.shortenedTitles(text)) {
    if (claim(start, end)) tokens.push({ start, end, text: text.slice(start, end), type: 'title', title: entity.name });
  }
  each(STANDARD, (m) => ({ ...span(m), type: 'standard', code: m[0] }));
  each(TABLE, (m) => ({ ...span(m), type: 'table', table: `表${Number(m[1])}-${Number(m[2])}` }));
  each(SECTION, (m) => ({ ...span(m), type: 'section', section: m[3] ? `${CN_NUMBER(m[1])}.${CN_NUMBER(m[3])}` : String(CN_NUMBER(m[1])) }));
  // 「比2019年增长了多少」「与2019年相比」「比19年多了多少」: a period compared with, not the period asked about.
  const compared = (start: number, end: number) => {
    const before = text.slice(Math.max(0, start - 3), start);
    const after = text.slice(end, end + 7);
    return /(比|较|相较于?)$/.test(before) || (/(与|和|跟|同)$/.test(before) && /^(的)?(全年|一整年|整年|整一年|一年)?(相比|比|对比|同期相比|比较)/.test(after))
      // 「是去年同期的几倍」
      || (/是$/.test(before) && /^(的)?(全年)?的?(几|多少)倍/.test(after));
  };
  // 「20年4月份」「19年十月」: a month of a two-digit year.
  each(/(?<![\d.])([12]\d)年(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![\d日底末])/g, (m) => {
    const year = 2000 + Number(m[1]);
    const month = CN_NUMBER(m[2]);
    const at = year * 100 + month;
    return month >= 1 && month <= 12 ? { ...span(m), type: 'period', comparison: false, period: { start: m.index, end: m.index + m[0].length, text: m[0], label: `${year}年${month}月`, from: at, to: at } } : null;
  });
  // 「20年上半年」「19年全年」「19年底」: a half (the whole, the end) of a two-digit year is one period.
  each(/(?<![\d.])([12]\d)年(上半年|下半年|全年|底|末)/g, (m) => {
    const year = 2000 + Number(m[1]);
    const [from, to] = m[2] === '上半年' ? [1, 6] : m[2] === '下半年' ? [7, 12] : m[2] === '全年' ? [1, 12] : [12, 12];
    return { ...span(m), type: 'period', comparison: compared(m.index, m.index + m[0].length),
      period: { start: m.index, end: m.index + m[0].length, text: m[0], label: `${year}年${m[2]}`, from: year * 100 + from, to: year * 100 + to,
        ...(m[2] === '全年' ? { exact: true } : {}) } };
  });
  // 「17年」「19年的」: a two-digit year of this century.
  each(/(?<![\d.])([12]\d)年(?!\d|代)/g, (m) => {
    const year = 2000 + Number(m[1]);
    return { ...span(m), type: 'period', comparison: compared(m.index, m.index + m[0].length),
      period: { start: m.index, end: m.index + m[0].length, text: m[0], label: `${year}年`, from: year * 100 + 1, to: year * 100 + 12 } };
  });
  // 「二〇一九年」「二零一七年的」: a year in Chinese digits (with a month, findPeriods reads it).
  each(/([一二][零〇一二三四五六七八九]{3})年(?![零〇一二三四五六七八九十]+月)/g, (m) => {
    const year = Number([...m[1]].map((c) => '零一二三四五六七八九'.indexOf(c === '〇' ? '零' : c)).join(''));
    if (year < 1990 || year > 2039) return null;
    return { ...span(m), type: 'period', comparison: compared(m.index, m.index + m[0].length),
      period: { start: m.index, end: m.index + m[0].length, text: m[0], label: `${year}年`, from: year * 100 + 1, to: year * 100 + 12 } };
  });
  for (const period of findPeriods(text, { relative: true })) {
    const before = text.slice(Math.max(0, period.start - 3), period.start);
    const comparison = compared(period.start, period.end);
    // 「到2020年6月底」「截至6月」: a stock as of then.
    const asOf = /(到|截至|截止|截止到|至)$/.test(before) || /^截[至止]/.test(period.text);
    if (claim(period.start, period.end)) tokens.push({ start: period.start, end: period.end, text: period.text, type: 'period', period: asOf ? { ...period, asOf } : period, comparison });
  }
  // 「2020.02.25」「2020-2」 as tables print dates.
  each(/(?<![\d.])(20\d{2})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?(?![\d.])/g, (m) => {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const from = Number(m[1]) * 100 + month;
    const label = `${m[1]}年${month}月${m[3] ? `${Number(m[3])}日` : ''}`;
    return { ...span(m), type: 'period', comparison: false, period: { start: m.index, end: m.index + m[0].length, text: m[0], label, from, to: from,
      ...(m[3] ? { day: Number(m[3]) } : {}) } };
  });
  each(MONTH, (m) => {
    const month = CN_NUMBER(m[1]);
    const from = REPORT_YEAR * 100 + month;
    return month >= 1 && month <= 12 ? { ...span(m), type: 'period', comparison: false, period: { start: m.index, end: m.index + m[0].length, text: m[0], label: `${REPORT_YEAR}年${month}月`, from, to: from } } : null;
  });
  // 「哪两个省最多」: 哪 + a number is a top-k only beside 最多/最少 (the question stage checks); alone it is a which.
  // 「哪两类最多」: the kinds of a thing ranked (kinds).
  // 「后三位」「倒数五个」: the last k, counted from the bottom.
  // 「前一名」 after a place stood on is the one before it, not the top one (前k).
  each(PRECEDING, (m) => ({ ...span(m), type: 'ordinal', rank: 1, reverse: false, plain: false, preceding: true }));
  each(TOP, (m) => ({ ...span(m), type: 'top', k: CN_NUMBER(m[1] ?? m[3] ?? m[4] ?? m[5] ?? m[6]), order: m[5] ? 'asc' : m[2] ? (/[少低小早先]/.test(m[2]) ? 'asc' : 'desc') : undefined, ...(m[4] ? { which: true } : {}), ...(m[4] && /[类种]$/.test(m[0]) ? { kinds: true } : {}),
    ...(m[2] && /[早晚新近先]/.test(m[2]) ? { dated: true } : {}) }));
  each(ORDINAL, (m) => {
    const rank = CN_NUMBER(m[2]);
    // 「第二早」「倒数第二晚」: the k-th by date, from the earliest (or latest).
    return rank > 0 ? { ...span(m), type: 'ordinal', rank, reverse: m[4] === '早' ? !m[1] : Boolean(m[1]) || m[4] === '少', plain: !m[1] && (!m[4] || /[个家]/.test(m[4])),
      ...(m[4] === '早' || m[4] === '晚' ? { dated: true } : {}) } : null;
  });
  each(FOLLOWING, (m) => ({ ...span(m), type: 'ordinal', rank: 2, reverse: false, plain: false, following: true }));
  each(CONDITION, (m) => ({ ...span(m), type: 'condition', condition: conditionOf(m) }));
  each(FIGURE, (m) => (m[2] || m[3] ? { ...span(m), type: 'figure', figure: m[0] } : null));

  // Word boundaries for one-character short forms (粤, 苏): jieba cuts them out as words of their own.
  // Cut only when a one-character form is met: most questions have none.
  let cut: Set<number> | null = null;
  const boundary = (at: number) => {
    if (!cut) {
      cut = new Set<number>([0, text.length]);
      let offset = 0;
      for (const piece of segmentKnown(text)) {
        offset += piece.length;
        cut.add(offset);
      }
    }
    return cut.has(at);
  };
  // 「粤苏浙鲁」「京沪」: a run of one-character short forms reads as a list of them.
  const short = (at: number) => at >= 0 && at < text.length && Boolean(lexicon.longestAt(text[at], 0, () => true)?.cues.some((c) => c.type === 'entity'));
  // 「粤比京」「沪和苏」: two one-character short forms joined by a one-character comparing or joining word read as two names.
  const linked = (at: number) => short(at) && ((LINKS.has(text[at - 1] ?? '') && short(at - 2)) || (LINKS.has(text[at + 1] ?? '') && short(at + 2)));
  const standalone = (at: number) => (boundary(at) && boundary(at + 1)) || (short(at) && (short(at - 1) || short(at + 1))) || linked(at);

  // currency: 「多少人民币」 — a cue (多少人) whose end cuts into a qualifier or a counted noun that starts inside it and reaches
  // further (人民币, 项目) gives way to its shorter form ending where that one starts, where the segmenter cuts there too.
  const crossing = (match: ReturnType<Lexicon['longestAt']>, at: number): ReturnType<Lexicon['longestAt']> => {
    if (!match) return match;
    const end = at + match.surface.length;
    // 「分布在哪几个省」「用在哪些领域」: an attribute cue closing on 哪 (在哪, 用在哪) that 几/些 continues gives its 哪 to the
    // which-word after it (哪几个, 哪些): the members of what follows are asked, not a place or a use.
    if (match.surface.endsWith('哪') && /^[几些]/.test(text.slice(end)) && match.cues.every((c) => c.type === 'attribute')) {
      return lexicon.longestAt(text.slice(0, end - 1), at, standalone);
    }
    if (match.surface.length < 3) return match;
    // 「数量第一梯队」: a cue ending in an ordinal (数量第一) that a numbered topic continues (第一梯队) is no cue: the number
    // belongs to the topic, and what stands before it (数量) only says what the topic is numbered by.
    if (NUMBERED_END.test(match.surface) && NUMBERED_TOPIC.test(text.slice(end))) return null;
    for (let cut = end - 1; cut > at + 1; cut--) {
      const next = lexicon.longestAt(text, cut, standalone);
      // 「多少项目」: a counted noun (项目) that starts inside the cue (多少项) does too.
      if (!next || !next.cues.some((c) => c.type === 'qualifier' || c.type === 'noun') || cut + next.surface.length <= end || !boundary(cut) || boundary(end)) continue;
      const shorter = lexicon.longestAt(text.slice(0, cut), at, standalone);
      if (shorter) return shorter;
    }
    return match;
  };
  let word = -1;
  const leftover: [number, number][] = [];
  const flushWord = (end: number) => {
    if (word >= 0) leftover.push([word, end]);
    word = -1;
  };
  for (let i = 0; i < text.length;) {
    if (taken[i]) {
      flushWord(i);
      i++;
      continue;
    }
    if (PUNCTUATION.test(text[i])) {
      flushWord(i);
      tokens.push({ start: i, end: i + 1, text: text[i], type: 'punctuation' });
      i++;
      continue;
    }
    const match = crossing(countedAt(text, i, lexicon, standalone) ?? lexicon.longestAt(text, i, standalone), i);
    if (match && !taken.slice(i, i + match.surface.length).some(Boolean)) {
      flushWord(i);
      tokens.push({ start: i, end: i + match.surface.length, text: match.surface, type: 'cue', cues: match.cues });
      i += match.surface.length;
      continue;
    }
    if (word < 0) word = i;
    i++;
  }
  flushWord(text.length);
  // Leftover text is cut into words; each becomes a token of its own.
  for (const [start, pieces] of cutRuns(text, leftover, segment)) {
    let at = start;
    for (const [i, piece] of pieces.entries()) {
      // 「那十家里」「这五个当中」: jieba joins a classifier after a number to the 里 after it (家里, home); the classifier ends the
      // number's phrase and 里 means among them.
      const among = i > 0 && /[一二两三四五六七八九十几\d]$/.test(pieces[i - 1]) ? piece.match(CLASSIFIER_AMONG) : null;
      if (among) {
        tokens.push({ start: at, end: at + 1, text: piece[0], type: 'word' }, { start: at + 1, end: at + piece.length, text: piece.slice(1), type: 'word' });
      } else if (piece.trim()) tokens.push({ start: at, end: at + piece.length, text: piece, type: 'word' });
      at += piece.length;
    }
  }
  tokens.sort((a, b) => a.start - b.start);
  // 「多少省市印发了」「几省有专项政策」: 多少/几 right before a counted noun counts it, as 多少个 does.
  // (A token's cues are the lexicon's own list: the token gets a new one.)
  return tokens.map((token, i) => {
    const next = tokens[i + 1];
    return token.type === 'cue' && /^(多少|几)$/.test(token.text) && next?.type === 'cue' && next.start === token.end
      && next.cues.some((c) => c.type === 'noun') && !token.cues.some((c) => c.type === 'operation')
      ? { ...token, cues: [...token.cues, { type: 'operation', operation: 'count' }] } : token;
  });
}
