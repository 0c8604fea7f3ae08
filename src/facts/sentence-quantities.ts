import type { EntityLexicon } from './entity-lexicon';
import { findPeriods, type PeriodSpan } from '../text/find-periods';
import { findQuantities, type Quantity } from '../text/find-quantities';

/** A quantity of a sentence with what it is about. */
export interface SentenceQuantity extends Quantity {
  /** Period label as stated (carried from an earlier sentence of the paragraph when this one states none). */
  period: string;
  /** Who or what the figure is about: '广东省', '金融', '全国'; several joined with 、 for a collective figure. */
  subject: string;
  metric: string;
}

const SUBJECT_TYPES = new Set(['region', 'organization', 'domain']);
const CLAUSE_END = /[，,；;：:。！？]/;
const ATTRIBUTION = /(据|根据|按照|依据).{0,40}(统计|显示|数据|整理|查询|预测)|(统计|显示|预测)(结果)?$/;
const SCOPE = [[/我国|全国|中国|国内|国家/, '全国'], [/全球|世界/, '全球']] as const;
const LEADING = /^(其中|其次是|其次|而且|而|且|并且|并|此外|另外|同时|目前|当前|现阶段|主要|已经|已|共|另有|仅|也)+/;
const TRAILING = /(共有|共计|一共|总共|共|分别为|分别有|分别是|分别|占比达到|占比达|占比为|占比|约有|约为|约|超过|仅有|已有|已达|达到了|达到|达|为|有|是|的|了|已经|将|均|各|都)+$/;

interface Clause {
  start: number;
  end: number;
}

function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (CLAUSE_END.test(text[i])) {
      clauses.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) clauses.push({ start, end: text.length });
  return clauses;
}

/** Bare numbers listed before a quantity share its unit: '46、42 和 18 个' → 46 个, 42 个, 18 个. */
function expandLists(text: string, quantities: Quantity[]): Quantity[] {
  const expanded: Quantity[] = [];
  for (const quantity of quantities) {
    const listed: Quantity[] = [];
    let cursor = quantity.start;
    for (;;) {
      const before = text.slice(Math.max(0, cursor - 16), cursor);
      const match = before.match(/(\d+(?:\.\d+)?)\s*(、|和|及|与)\s*$/);
      if (!match || quantity.kind === 'date') break;
      const start = cursor - match[0].length;
      if (expanded.some((q) => q.end > start)) break;
      const value = Number(match[1]);
      const scaled = quantity.kind === 'count' && quantity.value !== null && /万/.test(quantity.text) ? value * 10_000 : value;
      listed.unshift({ ...quantity, start, end: start + match[1].length, text: match[1], value: scaled, qualifier: undefined });
      cursor = start;
    }
    expanded.push(...listed, quantity);
  }
  return expanded;
}

/** Runs of ≥2 quantities of one unit kind separated only by 、/和/及/与 (a 分别 list). */
function listGroups(text: string, quantities: Quantity[]): Quantity[][] {
  const groups: Quantity[][] = [];
  let group: Quantity[] = [];
  for (const quantity of quantities) {
    const previous = group[group.length - 1];
    if (previous && previous.kind === quantity.kind && previous.kind !== 'date' && /^\s*(、|和|及|与)\s*$/.test(text.slice(previous.end, quantity.start))) {
      group.push(quantity);
    } else {
      if (group.length > 1) groups.push(group);
      group = [quantity];
    }
  }
  if (group.length > 1) groups.push(group);
  return groups;
}

/** Items of a plain enumeration 'A、B和C' in a piece of text, cleaned of leading/trailing function words. */
function enumeration(text: string, count: number): string[] | null {
  const segments = text.replace(/分别.*$/, '').split(/[，,；;：:]/).filter((segment) => /、|和|与|及/.test(segment));
  for (const segment of segments.reverse()) {
    const items = segment.split(/、|和|与|及/).map((item) => item.replace(LEADING, '').replace(/^(以|在|对|从|是)/, '')
      .replace(/(居多|为主|领域|方面|等|的).*$/, '').trim());
    if (items.length === count && items.every((item) => item && item.length <= 12)) return items;
  }
  return null;
}

/**
 * The quantities of one sentence with their period, subject and metric. Periods: a period directly
 * followed by a figure belongs to that figure only (「与 2019 年的 81 家」); any other period holds
 * for the figures after it, and the last one is carried to the next sentence. Subjects: a 分别 list
 * is matched item by item to its enumeration, 「均」 gives each named entity the figure, otherwise
 * the entities of the figure's clause (or the clause before it, skipping 「据…统计」).
 */
export function sentenceQuantities(text: string, carried: string, lexicon: EntityLexicon, defaultSubject = ''): { quantities: SentenceQuantity[]; carried: string } {
  const periods = findPeriods(text);
  const quantities = findQuantities(text);
  const month = openingMonth(text, carried);
  if (month) {
    periods.unshift(month.period);
    quantities.unshift(month.date);
  }
  const found = expandLists(text, quantities).filter((q) =>
    q.kind !== 'date' || !periods.some((p) => p.start <= q.start && p.end >= q.end && p.text.trim().length > q.text.trim().length));
  const clauses = clausesOf(text);
  const clauseOf = (position: number) => Math.max(0, clauses.findIndex((c) => position >= c.start && position < c.end));
  // An organisation that only reports the figure (「赛迪区块链研究院统计了…」) is not what it is about.
  // 「占金融领域 44%」: what a share is taken of is not what it is about either.
  const mentions = lexicon.find(text).filter((m) => SUBJECT_TYPES.has(m.type)
    && !/^\s*(统计|整理|根据|进一步|调研|发布的|联合|数据|显示|预测)/.test(text.slice(m.index + m.text.length))
    && !/占(了)?\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index)));
  const entitiesIn = (from: number, to: number) => mentions.filter((m) => m.index >= from && m.index + m.text.length <= to);

  // Periods.
  const bound = new Map<Quantity, PeriodSpan>();
  const governing = new Map<Quantity, string>();
  let current = carried;
  const events = [...periods.map((p) => ({ at: p.start, period: p })), ...found.map((q) => ({ at: q.start, quantity: q }))]
    .sort((a, b) => a.at - b.at || ('period' in a ? -1 : 1));
  for (const event of events) {
    if ('period' in event && event.period) {
      const next = found.find((q) => q.start >= event.period.end);
      // 「与 2019 年的 81 家」「较 2019 年同比增长」: a period of comparison does not change the period in force.
      const comparison = /(与|较|比|相比|同比|比较|对比)\s*$/.test(text.slice(Math.max(0, event.period.start - 3), event.period.start));
      // 「107 家，其中 2020 年新增加了 9 家」: a period after 其中 narrows one figure, not the ones after it.
      const narrowing = /其中\s*$/.test(text.slice(Math.max(0, event.period.start - 3), event.period.start));
      if (narrowing && next && next.kind !== 'date' && /^[^，,；;。]*$/.test(text.slice(event.period.end, next.start))) {
        bound.set(next, event.period);
        continue;
      }
      if (next && /^\s*(的)?\s*$/.test(text.slice(event.period.end, next.start)) && next.kind !== 'date') bound.set(next, event.period);
      else if (!comparison) current = withYear(event.period.label, current);
    } else if ('quantity' in event && event.quantity) {
      governing.set(event.quantity, bound.get(event.quantity)?.label ?? current);
    }
  }

  // Subjects.
  const subjects = new Map<Quantity, string>();
  let previousList: string[] | null = null;
  for (const group of listGroups(text, found)) {
    const clause = clauseOf(group[0].start);
    let items: string[] | null = null;
    for (let c = clause; c >= Math.max(0, clause - 2) && !items; c--) {
      const names = entitiesIn(clauses[c].start, c === clause ? group[0].start : clauses[c].end).map((m) => m.name);
      if (names.length === group.length) items = names;
    }
    items ??= enumeration(text.slice(clauses[Math.max(0, clause - 1)].start, group[0].start), group.length);
    if (!items && previousList?.length === group.length) items = previousList;
    // A list whose items cannot be told apart gets no subject rather than a wrong one.
    group.forEach((quantity, i) => subjects.set(quantity, items?.[i] ?? ''));
    previousList = items;
  }
  const expandedFound: SentenceQuantity[] = [];
  for (const quantity of found) {
    const clause = clauseOf(quantity.start);
    let subject = subjects.get(quantity);
    let distributive: string[] = [];
    if (subject === undefined) {
      for (let c = clause; c >= Math.max(0, clause - 2); c--) {
        const slice = text.slice(clauses[c].start, c === clause ? quantity.start : clauses[c].end);
        if (c !== clause && ATTRIBUTION.test(slice)) continue;
        const found = entitiesIn(clauses[c].start, c === clause ? quantity.start : clauses[c].end);
        // A place with a domain word (「北京金融科技创新监管试点」) is about the place.
        const places = found.filter((m) => m.type === 'region');
        const names = [...new Set((places.length === 1 ? places : found).map((m) => m.name))];
        if (!names.length) continue;
        if (names.length > 1 && /(均|各|都)\s*(有|为|是|达|占比为|占比|占)?\s*$/.test(text.slice(clauses[clause].start, quantity.start))) distributive = names;
        subject = names.join('、');
        break;
      }
    }
    if (!subject) {
      const before = text.slice(0, quantity.start);
      subject = defaultSubject || SCOPE.find(([pattern]) => pattern.test(before))?.[1] || '';
    }
    let metric = metricOf(text, clauses[clause], quantity, periods, entitiesIn(clauses[clause].start, quantity.start).map((m) => m.text));
    // 「与 2019 年上半年的 4.95 亿元相比」 measures what the figure it is compared with measures.
    if (!metric || bound.has(quantity)) {
      const before = [...expandedFound].reverse().find((q) => q.unit === quantity.unit && q.metric && !/^(与|较|比|相比)$/.test(q.metric));
      if (before) metric = before.metric;
    } else if (quantity.kind === 'count' && !lexicon.namesCountedNoun(metric)) {
      // 「其中 2020 年新增 3 家」 counts what the figure before it counts (区块链产业园区).
      const before = [...expandedFound].reverse().find((q) => q.unit === quantity.unit && lexicon.namesCountedNoun(q.metric));
      if (before) metric = `${metric}${before.metric}`;
    }
    if (quantity.kind === 'count' && !lexicon.namesCountedNoun(metric)) {
      // 「相关密码应用标准稳步增长，截止到 2019 年 12 月底，共有 19 项」: the noun is a clause or two back.
      for (let c = clause - 1; c >= Math.max(0, clause - 2); c--) {
        let words = text.slice(clauses[c].start, clauses[c].end);
        for (const period of periods) words = words.replace(period.text, '');
        const noun = [...words.matchAll(/[\p{Script=Han}A-Za-z]+/gu)].map((m) => m[0]).find((w) => lexicon.namesCountedNoun(w));
        if (noun) {
          metric = `${metric}${noun.replace(/(稳步增长|增长|发展|落地).*$/, '').slice(-16)}`;
          break;
        }
      }
    }
    const period = governing.get(quantity) ?? carried;
    if (distributive.length) for (const name of distributive) expandedFound.push({ ...quantity, period, subject: name, metric });
    else expandedFound.push({ ...quantity, period, subject, metric });
  }
  return { quantities: expandedFound, carried: current };
}

/** Restores the year of a bare 「上半年」 from the period in force ('上半年' after 2020 → '2020年上半年'). */
/** A sentence opening on a month alone: 「5 月，“新基建”正式写入《政府工作报告》」. */
const OPENING_MONTH = /^(\s*)(\d{1,2})\s*月(?!份?\s*[-—至到])(?=\s*[，,])/;

/**
 * 「2020 年 2 月，…。3 月，…。5 月，…」: a sentence that opens on a month without its year continues the chronicle of the
 * sentence before, whose year it takes — both as the period of its figures and as a date it states.
 */
function openingMonth(text: string, carried: string): { period: PeriodSpan; date: Quantity } | null {
  const match = text.match(OPENING_MONTH);
  const year = Number(carried.match(/^((?:19|20)\d{2})年\d{1,2}月/)?.[1] ?? NaN);
  if (!match || !Number.isFinite(year)) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const start = match[1].length;
  const end = match[0].length;
  const printed = text.slice(start, end);
  const period: PeriodSpan = { start, end, text: printed, label: `${year}年${month}月`, from: year * 100 + month, to: year * 100 + month };
  return { period, date: { start, end, text: printed, value: Number((year + month / 100).toFixed(4)), unit: '年月', kind: 'date' } };
}

function withYear(label: string, current: string): string {
  if (/\d{4}/.test(label) || !/^[上下]半年$/.test(label)) return label;
  const year = current.match(/(?:19|20)\d{2}/)?.[0];
  return year ? `${year}年${label}` : label;
}

/** What the figure measures, from the words of its clause before it (or after it when those are empty). */
function metricOf(text: string, clause: Clause, quantity: Quantity, periods: PeriodSpan[], names: string[]): string {
  let before = text.slice(clause.start, quantity.start);
  for (const period of periods) before = before.replace(period.text, '');
  for (const name of names) before = before.replace(new RegExp(`${escape(name)}(省|市)?`), '');
  before = before.replace(/分别.*$/, '').replace(/(\d+(\.\d+)?%?\s*[、和及与]\s*)+$/, '').replace(/[\s，,；;：:“”《》（）()]/g, '')
    .replace(ATTRIBUTION, '').replace(/^.*?(统计|整理|显示)了?/, '').replace(LEADING, '').replace(/^[、和与及]+/, '').replace(/^(领域|方面)?的/, '').replace(TRAILING, '');
  // 「成立 44 家区块链产业园区」「共落地 12 个项目」: the counted noun follows the figure.
  const after = quantity.kind === 'count' || quantity.kind === 'money' ? text.slice(quantity.end, clause.end).replace(/[\s，,；;：:。！？“”]/g, '')
    .replace(/^([\d.%、和及与]|以上|左右)+/, '').split(/使用|进行|推动|为|对|，/)[0].slice(0, 14) : '';
  const noun = /^\p{Script=Han}{2,}/u.test(after) && !/\d/.test(after) && !/^(的|以上|左右|之多|增加|增长|相比|达到|用于|占|较|同比)/.test(after);
  let metric = noun ? after : before.slice(-20);
  if (!metric) metric = text.slice(quantity.end, clause.end).replace(/[\s，,；;：:。！？]/g, '').replace(/^([\d.%、和及与]|的|以上|左右)+/, '').slice(0, 12);
  // A lone function word says nothing about what is counted.
  if (/^(与|较|比|相比|和|同|计|以|就|这|在|由|将|共计|又|仅|已)$/.test(metric)) metric = '';
  if (quantity.kind === 'percent') {
    const words = text.slice(clause.start, clause.end);
    const kind = /增长|增速|增幅/.test(words) ? '增长率' : /下降|降低|减少/.test(words) ? '降幅' : '占比';
    if (!metric.endsWith(kind)) metric = `${metric}${kind}`;
  }
  return metric;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
