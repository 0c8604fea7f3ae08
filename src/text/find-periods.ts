/** A period stated in text: 2019年, 2020年上半年, 截至2020年6月底, 2017年至2020上半年. */
export interface PeriodSpan {
  start: number;
  end: number;
  /** As printed. */
  text: string;
  /** Display form: spaces removed, 截止到 → 截至, a missing 年 restored ('2020 上半年' → '2020年上半年'). */
  label: string;
  /** First and last month covered, as yyyymm (a stock figure 截至… covers only its end month). */
  from: number;
  to: number;
  /** A single day of the month `from` (2020.02.25), when one is named. */
  day?: number;
  /** Said as a point a stock is counted up to (「到2020年6月底」「截至6月」), not a span things happened in. */
  asOf?: boolean;
  /**
   * A question named this span precisely (「2020年全年」「一季度」「今年7月」): a figure of a wider or narrower span (the first
   * half) does not answer it. A bare 「2020年」 is not exact: asked of this report it means the report's half-year.
   */
  exact?: boolean;
  /** Said with words that bound it (「2018年以后」「2017年及以前」, set by the question stage): the span before, after, since or up to it. */
  bound?: 'before' | 'after' | 'since' | 'until';
  /** Said relative to now (「今年7月」): the span as the report prints it, its year in figures (「2020年7月」). */
  dated?: string;
}

/** The report covers 2020 H1: 「上半年」「今年」「目前」 without a year mean 2020. */
export const REPORT_YEAR = 2020;
const REPORT_MONTH = 6;
/** The last month the report's figures cover (yyyymm): a period after it is answered only by a forecast. */
export const REPORT_END = REPORT_YEAR * 100 + REPORT_MONTH;

const Y = String.raw`(?:19|20)\d{2}`;
const CN_YEAR = '[零〇一二三四五六七八九]{4}';
const CN_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const HALF = '上半年|下半年|全年|年底|年末|底';
const MONTH = String.raw`(?:\d{1,2}|[一二三四五六七八九十]{1,3})`;

const PERIOD = new RegExp(
  [
    // 2017 年至 2020 上半年, 2015-2020, 2016-2020 年上半年, 2019 年 10 月 24 日到 2019 年 11 月 15 日
    String.raw`(?<rangeFrom>${Y})\s*年?(?:\s*(?<rangeFromMonth>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?:至|到|-|–|—|~)\s*(?<rangeTo>${Y})\s*年?(?:\s*(?<rangeToMonth>\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?)?\s*(?<rangeHalf>上半年|下半年)?`,
    // 截至 2020 年 6 月底, 截止到 2019 年 12 月底, 截至 2020 年上半年, 截至目前, 截止6月底
    String.raw`(?<until>截至|截止到|截止至|截止)\s*(?:(?<untilNow>目前|现在)|(?:(?<untilYear>${Y})\s*年?)?\s*(?:(?<untilMonth>\d{1,2})\s*月份?(?:底|末)?|(?<untilHalf>上半年|年底|年末|底)))`,
    // 2020 年 1-6 月份, 2020 年 1 月至 6 月
    String.raw`(?<spanYear>${Y})\s*年\s*(?<spanFrom>\d{1,2})\s*(?:月\s*)?(?:-|—|至|到)\s*(?<spanTo>\d{1,2})\s*月份?`,
    // 2020 年 6 月 (6 日)(底)
    String.raw`(?<monthYear>${Y}|${CN_YEAR})\s*年\s*(?<month>${MONTH})\s*月(?:\s*\d{1,2}\s*日)?(?:底|末)?`,
    // 2020年一季度, 今年第二季度, Q3 (questions only: the report's 「今年四季度」 is a forecast's date, not a figure's period)
    String.raw`(?:(?<quarterYear>${Y})\s*年?|(?<quarterRelative>今年|去年|明年))?\s*(?:第?(?<quarter>[一二三四1-4])季度|[Qq](?<quarterQ>[1-4])(?![0-9]))`,
    // 今年1到6月, 去年1-6月份 (questions only)
    String.raw`(?<spanRelative>今年|去年)\s*(?<relativeFrom>${MONTH})\s*(?:月\s*)?(?:-|—|至|到)\s*(?<relativeTo>${MONTH})\s*月份?`,
    // 今年7月, 去年12月 (questions only)
    String.raw`(?<monthRelative>今年|去年|明年|来年|下一年)\s*(?<relativeMonth>${MONTH})\s*月份?(?:底|末)?`,
    // 到6月底, 六月末 (questions only): a month's end without a year is the report's year's (a stock counted up to it)
    String.raw`(?<!\d|年|[-—~])(?<monthEnd>${MONTH})\s*月(?:底|末)`,
    // 2020 上半年, 2019 年全年, 2020年底
    String.raw`(?<halfYear>${Y})\s*年?\s*(?<half>${HALF})`,
    // 2019 年
    String.raw`(?<year>${Y})\s*年(?!\s*\d)`,
    // 上半年, 今年上半年, 今年全年, 去年, 去年同期 (今年/去年 only when reading questions)
    String.raw`(?<relative>今年|去年|明年)?(?<relativeHalf>上半年|下半年|年底|年末|全年)|(?<relativeYear>今年|去年|明年|来年|下一年)(?<sameSpan>同期)?`,
  ].join('|'),
  'gu',
);

function ym(year: number, month: number): number {
  return year * 100 + month;
}

function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + (digits[text[1]] ?? 0);
  return digits[text] ?? 0;
}

function halfRange(year: number, half: string | undefined): [number, number] {
  if (half === '上半年') return [ym(year, 1), ym(year, 6)];
  if (half === '下半年') return [ym(year, 7), ym(year, 12)];
  if (half === '年底' || half === '年末' || half === '底') return [ym(year, 12), ym(year, 12)];
  return [ym(year, 1), ym(year, 12)];
}

function relativeYear(word: string | undefined): number {
  return word === '去年' ? REPORT_YEAR - 1 : word === '明年' || word === '来年' || word === '下一年' ? REPORT_YEAR + 1 : REPORT_YEAR;
}

/** Spans of 《…》 titles: a year inside a policy title is not the period of the text around it. */
function titleSpans(text: string): [number, number][] {
  return [...text.matchAll(/《[^》]*》/g)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** Display label: whitespace removed, 截止(到) → 截至, 年 restored after a bare year. */
export function periodLabel(text: string): string {
  return text.replace(/\s+/g, '').replace(/^截止(到|至)?/, '截至').replace(/((?:19|20)\d{2})(?=[上下]半年)/g, '$1年');
}

/**
 * Every period expression in a text, in order (years inside 《titles》 are skipped). `relative`
 * also reads 今年/去年 (for questions; in the report 「去年同期」 is a comparison, not a period).
 */
export function findPeriods(text: string, options: { relative?: boolean } = {}): PeriodSpan[] {
  const titles = titleSpans(text);
  const spans: PeriodSpan[] = [];
  for (const match of text.matchAll(PERIOD)) {
    const start = match.index!;
    const end = start + match[0].length;
    if (titles.some(([a, b]) => start >= a && start < b)) continue;
    const g = match.groups!;
    if (!options.relative && (g.relative || g.relativeYear || g.quarter || g.quarterQ || g.monthRelative || g.spanRelative || g.monthEnd || /^(年|全年)/.test(g.relativeHalf ?? ''))) continue;
    let range: [number, number] | null = null;
    let exact = false;
    if (g.rangeFrom) {
      const from = Number(g.rangeFrom);
      const to = Number(g.rangeTo);
      if (to < from) continue;
      const [, endMonth] = g.rangeToMonth ? [0, ym(to, Number(g.rangeToMonth))] : halfRange(to, g.rangeHalf);
      range = [g.rangeFromMonth ? ym(from, Number(g.rangeFromMonth)) : ym(from, 1), endMonth];
    } else if (g.until) {
      const year = g.untilYear ? Number(g.untilYear) : REPORT_YEAR;
      const month = g.untilNow ? REPORT_MONTH : g.untilMonth ? Number(g.untilMonth) : halfRange(year, g.untilHalf)[1] % 100;
      range = [ym(year, month), ym(year, month)];
    } else if (g.spanYear) {
      range = [ym(Number(g.spanYear), Number(g.spanFrom)), ym(Number(g.spanYear), Number(g.spanTo))];
    } else if (g.spanRelative) {
      const [from, to] = [monthNumber(g.relativeFrom), monthNumber(g.relativeTo)];
      if (from < 1 || to > 12 || to < from) continue;
      range = [ym(relativeYear(g.spanRelative), from), ym(relativeYear(g.spanRelative), to)];
    } else if (g.monthYear) {
      const year = /^\d+$/.test(g.monthYear) ? Number(g.monthYear) : Number([...g.monthYear].map((c) => CN_DIGIT[c]).join(''));
      const month = monthNumber(g.month);
      if (month < 1 || month > 12) continue;
      range = [ym(year, month), ym(year, month)];
    } else if (g.quarter || g.quarterQ) {
      const quarter = g.quarterQ ? Number(g.quarterQ) : monthNumber(g.quarter);
      const year = g.quarterYear ? Number(g.quarterYear) : relativeYear(g.quarterRelative);
      range = [ym(year, quarter * 3 - 2), ym(year, quarter * 3)];
      exact = true;
    } else if (g.monthRelative) {
      const month = monthNumber(g.relativeMonth);
      if (month < 1 || month > 12) continue;
      range = [ym(relativeYear(g.monthRelative), month), ym(relativeYear(g.monthRelative), month)];
      exact = true;
    } else if (g.monthEnd) {
      const month = monthNumber(g.monthEnd);
      if (month < 1 || month > 12) continue;
      range = [ym(REPORT_YEAR, month), ym(REPORT_YEAR, month)];
    } else if (g.halfYear) {
      range = halfRange(Number(g.halfYear), g.half);
      exact = g.half === '全年';
    } else if (g.year) {
      range = halfRange(Number(g.year), undefined);
    } else if (g.relativeHalf) {
      range = halfRange(relativeYear(g.relative), g.relativeHalf);
      exact = g.relativeHalf === '全年';
    } else if (g.relativeYear && g.sameSpan) {
      // prose-figure (periods in questions): the report covers January to REPORT_MONTH of its year, so 「去年同期」 asked
      // of it is that same span a year earlier (2019年上半年), not the whole of last year.
      const year = relativeYear(g.relativeYear);
      range = [ym(year, 1), ym(year, REPORT_MONTH)];
    } else if (g.relativeYear) {
      range = halfRange(relativeYear(g.relativeYear), undefined);
    }
    if (!range) continue;
    const relative = g.relative ?? g.relativeYear ?? g.quarterRelative ?? g.monthRelative ?? g.spanRelative;
    const dated = relative ? { dated: match[0].replace(relative, `${relativeYear(relative)}年`) } : {};
    spans.push({ start, end, text: match[0], label: periodLabel(match[0]), from: range[0], to: range[1], ...(exact && options.relative ? { exact } : {}), ...dated });
  }
  return spans;
}

/** The range of a period label (the first period it contains), or null. */
export function parsePeriod(label: string): { from: number; to: number } | null {
  const span = findPeriods(label)[0];
  return span ? { from: span.from, to: span.to } : null;
}

/** True when two periods share at least one month. */
export function periodsOverlap(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  return a.from <= b.to && b.from <= a.to;
}
