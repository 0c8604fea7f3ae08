import { absoluteValue, filterRows, queryTable, scaledHolds, unplacedDates, type RowFilter } from '../facts/query-table';
import type { TypedRow, TypedTable } from '../facts/typed-tables';
import { PLACE_KINDS, type AttributeId } from '../question/lexicon';
import { formsOfNoun } from '../question/read-message';
import type { DateRelation, Part, Subject } from '../question/reading';
import type { StoredFact } from '../facts/fact-store';
import type { AnswerFact } from '../types';
import { compactForm } from '../text/compact-form';
import { answered, missing, type Claim, type PartAnswer, type Source } from './claims';
import { captionForm, columnFor, numericColumn, outsideSpan, rowsOf, type TableChoice } from './choose-table';
import { CHINESE_ORDINAL, cellFact, cellText, columnLabel, formatNumber } from './format-value';
import { rowSource, sentenceSource, type Knowledge } from './knowledge';
import { LISTING } from './thresholds';

/** What an answer drawn from one table needs at hand. */
interface TableContext {
  knowledge: Knowledge;
  table: TypedTable;
  part: Part;
  labels: ReadonlyMap<string, string>;
  facts: AnswerFact[];
}

const AGGREGATES = new Set(['max', 'min', 'earliest', 'latest']);
/** Currencies a question can name (qualifiers.tsv); amounts in different ones are never added or ranked together. */
const CURRENCIES = ['人民币', '美元'];

/** A row's name; a long case text is cut at a clause boundary (never inside a figure). */
function label(row: TypedRow, table: TypedTable, short = false): string {
  const text = row.cells[table.label]?.bare ?? '';
  // Short (one of many listed): its first clause, as far as it stays short.
  const first = short ? text.search(/[，。；,;]/) : -1;
  if (first > 8 && first <= 32) return `${text.slice(0, first).replace(/[\d.]+$/, '')}…`;
  if (text.length <= 40) return text;
  const cut = text.slice(0, 40).search(/[，。；,;](?=[^，。；,;]*$)/);
  return `${text.slice(0, cut > 12 ? cut : 40).replace(/[\d.]+$/, '')}…`;
}

/** What one row is, in words: 产业园, 政策 … (a table of places counts places). */
function noun(table: TypedTable): string {
  const place = table.columns[table.label]?.kind === 'place';
  return place ? '地区' : table.rowNouns[0] ?? '行';
}

/** The table's caption line as a citation (what a statement about the whole table stands on). */
function captionSource(context: TableContext): Source {
  const { table, knowledge } = context;
  return { chunkId: table.rows[0].chunkId, quote: knowledge.lineText(table.line).trim(), line: table.line, section: knowledge.sectionLabel(table.sectionId), source: `${table.id} ${table.caption}` };
}

/** 「据表6-1（我国区块链企业各地区分布数量及比例），截至2020年6月」, the period's sentence cited when the caption lacks it. */
function framing(context: TableContext, withPeriod = true): Claim {
  const { table, knowledge } = context;
  const sources: Source[] = [];
  let period = '';
  const caption = table.caption.replace(/\s+/g, '');
  if (withPeriod && table.period && !caption.includes(table.period.replace(/^截至/, '').slice(0, 4))) {
    period = `，${table.period}`;
    if (table.periodSource) sources.push(sentenceSource(knowledge, table.periodSource.chunkId, table.periodSource.quote, table.periodSource.line));
  }
  return { text: `据${table.id}（${caption}）${period}`, sources, end: '，' };
}

/** The columns a lookup reports: those asked, else the figures of the row (or its short fields). */
function shownColumns(context: TableContext, attributes: AttributeId[]): number[] {
  const { table } = context;
  const asked = attributes.map((a) => columnFor(table, a)).filter((i) => i >= 0 && i !== table.label);
  if (asked.length) {
    // A count travels with its row's share (湖南 22 家，比例 1.68%).
    const share = table.columns.findIndex((c) => c.kind === 'percent');
    if (asked.some((i) => table.columns[i].kind === 'count') && share >= 0 && !asked.includes(share)) asked.push(share);
    return [...new Set(asked)];
  }
  const numeric = table.columns.map((c, i) => (['count', 'percent', 'money'].includes(c.kind ?? '') ? i : -1)).filter((i) => i >= 0);
  if (numeric.length) return numeric;
  return table.columns.map((c, i) => (i !== table.label && c.attribute && c.attribute !== 'serial' && c.kind !== 'text' ? i : -1)).filter((i) => i >= 0);
}

/** 「有354家，占27.06%」「成立时间为2018.04，主导机构为政府、企业」. */
function describeCells(context: TableContext, row: TypedRow, columns: number[]): string {
  const { table, labels } = context;
  const parts: string[] = [];
  for (const index of columns) {
    const column = table.columns[index];
    const cell = row.cells[index];
    if (!cell?.bare) continue;
    const value = cellText(cell, column);
    context.facts.push(cellFact(table.id, label(row, table), column, cell, table.period));
    if (column.kind === 'count') parts.push(`有${value}`);
    else if (column.kind === 'percent') parts.push(`占${value}`);
    else parts.push(`${columnLabel(column, labels)}为${value}`);
  }
  return parts.join('，');
}

/** 「杭州区块链产业园（2018.11，政府、企业）」: a row in a list, with the asked values in brackets. */
function listed(context: TableContext, row: TypedRow, columns: number[], placeFirst = true, short = false): string {
  const { table } = context;
  // 「哪几个地方」 of a table of policies: the place names the row, the policy goes in brackets.
  const place = placeFirst ? columns.find((i) => table.columns[i].kind === 'place' && i !== table.label) : undefined;
  const name = place !== undefined ? cellText(row.cells[place], table.columns[place]) : label(row, table, short);
  const shown = place !== undefined ? [table.label, ...columns.filter((i) => i !== place)] : columns.filter((i) => i !== table.label);
  const values = shown.filter((i) => row.cells[i]?.bare).map((i) => {
    context.facts.push(cellFact(table.id, label(row, table), table.columns[i], row.cells[i], table.period));
    return i === table.label ? label(row, table, short) : cellText(row.cells[i], table.columns[i]);
  });
  return `${name}${values.length ? `（${values.join('，')}）` : ''}`;
}

function rowClaim(context: TableContext, row: TypedRow, columns: number[], prefix = ''): Claim {
  return { text: `${prefix}${label(row, context.table)}${describeCells(context, row, columns)}`, sources: [rowSource(context.knowledge, row.chunkId)] };
}

/** 「共6个：A（…）、B（…）…」: every row cited, so the count equals the rows that state it. */
function listClaim(context: TableContext, rows: TypedRow[], columns: number[], lead: string, maxChars = Infinity): Claim[] {
  // Every counted row is cited (the count is the rows that state it); only the first few are named when there are many or long.
  const long = rows.some((row) => (row.cells[context.table.label]?.bare.length ?? 0) > 30);
  // table-filter-list: rows asked for (「有哪些」) are all named, long names by their first clause; a count names a few.
  // 「哪些省…」 (lookup of the rows' own names) asks for them as 「有哪些」 does.
  const asked = context.part.operation === 'list' || (context.part.operation === 'lookup' && context.part.attributes.some((a) => columnFor(context.table, a) === context.table.label));
  const short = asked && rows.reduce((n, row) => n + nameLength(context, row), 0) <= LISTING.maxListedChars;
  // `maxChars`: only the first names that fit (at least one), the rest cited and counted.
  let fit = 0;
  for (let chars = 0; fit < rows.length && (fit === 0 || chars + nameLength(context, rows[fit]) <= maxChars); fit++) chars += nameLength(context, rows[fit]);
  const named = rows.length > LISTING.maxListedRows && !short ? rows.slice(0, 3) : long && rows.length > 4 && !asked ? rows.slice(0, 3) : rows.slice(0, fit);
  const more = rows.length > named.length ? '等' : '';
  const sources = rows.map((r) => rowSource(context.knowledge, r.chunkId));
  // The lead restates what the question selected (成立时间在2017年以前): its numbers are the question's, read by the question stage.
  return [{ text: `${lead}共${rows.length}个`, sources: [], derived: [String(rows.length), ...(lead.match(/\d+(?:\.\d+)?/g) ?? [])], end: '：' },
    { text: `${named.map((row) => listed(context, row, columns, true, asked && long && rows.length > 4)).join('、')}${more}`, sources }];
}

const nameLength = (context: TableContext, row: TypedRow) => row.cells[context.table.label]?.bare.length ?? 0;

/** Filters from the part's category values, date conditions and numeric condition. */
function filtersOf(context: TableContext, rankColumn: number): RowFilter[] {
  const { table, part } = context;
  const filters: RowFilter[] = [];
  for (const filter of part.filters) {
    if (filter.kind === 'value' && filter.entity.table === table.id && filter.entity.column !== undefined) {
      // table-filter-list: several values of one column (「天使轮和A轮的」, 「A轮以前」 = 天使轮 or Pre-A 轮) are alternatives — a
      // cell holds one of them — so they join one condition instead of each narrowing the rows.
      const column = filter.entity.column;
      const same = filters.find((f): f is Extract<RowFilter, { kind: 'entity' }> => f.kind === 'entity' && f.column === column);
      if (!filter.entity.partial && same) same.entities.push(filter.entity.id);
      else filters.push(filter.entity.partial ? { column, kind: 'part', value: filter.entity.name } : { column, kind: 'entity', entities: [filter.entity.id] });
    } else if (filter.kind === 'prefix') {
      // A code's beginning is looked for in the table's number column, else in the rows' names.
      const code = table.columns.findIndex((c) => c.kind === 'code');
      filters.push({ column: code >= 0 ? code : table.label, kind: 'prefix', value: compactForm(filter.text) });
    } else if (filter.kind === 'period') {
      const column = columnFor(table, filter.attribute);
      // Periods of one date are alternatives (「2018年和2019年成立的」), as values of one column are.
      const same = filters.find((f): f is Extract<RowFilter, { kind: 'date' }> => f.kind === 'date' && f.column === column);
      if (same) same.or = [...(same.or ?? []), dateRange(filter.period, filter.relation)];
      else if (column >= 0) filters.push({ column, kind: 'date', ...dateRange(filter.period, filter.relation) });
    }
  }
  if (part.condition && rankColumn >= 0) {
    // 「融资过千万的」: a figure said with its magnitude is compared with amounts in absolute terms.
    const scale = part.condition.scale;
    filters.push({ column: rankColumn, kind: 'compare', op: part.condition.op, value: part.condition.value * (scale ?? 1), ...(scale ? { scaled: true } : {}) });
    if (part.condition.max !== undefined) filters.push({ column: rankColumn, kind: 'compare', op: part.condition.maxOp ?? '<=', value: part.condition.max });
  }
  // 「带聚龙链的」「跟电子合同有关的」「GM/T开头的」: a word some rows print and others do not selects those rows.
  if (['count', 'list'].includes(part.operation)) {
    // The counted noun itself (项目, 标准) names what the rows are, not which of them.
    const nounForms = new Set([...(part.noun ? formsOfNoun(part.noun, context.knowledge.lexicon) : []), ...rowNounForms(table, context.knowledge.lexicon)]);
    for (const word of part.words.map(compactForm).filter((w) => w.length >= 2 && !nounForms.has(w))) {
      const holding = table.rows.filter((row) => !row.total && row.cells.some((c) => compactForm(c.text).includes(word)));
      const all = table.rows.filter((row) => !row.total).length;
      // A word of the caption (「性能测试的标准」 of 表5-8 区块链性能测试标准规范) says which table, not which of its rows.
      if (holding.length && holding.length < all && !table.topics.some((t) => compactForm(t) === word) && !captionForm(table).includes(word)) {
        filters.push({ column: -1, kind: 'text', value: word });
      }
    }
  }
  // 「美元融资的」: one currency named selects the rows whose amount is in it.
  const currencies = part.qualifiers.filter((q) => CURRENCIES.includes(q));
  const moneyColumn = table.columns.findIndex((c) => c.kind === 'money');
  if (currencies.length === 1 && moneyColumn >= 0) filters.push({ column: moneyColumn, kind: 'currency', value: currencies[0] });
  // 「5月份出专项政策的」「2018年的园区」: a period the part asks about selects rows by the table's date.
  const dateColumn = table.columns.findIndex((c) => c.kind === 'date');
  const asksDate = part.attributes.some((a) => ['founded', 'published', 'date'].includes(a));
  if (!filters.some((f) => f.kind === 'date') && part.periods.length && dateColumn >= 0 && !asksDate) {
    const period = part.periods[0];
    // The table's own period (表1-1 is 2020年上半年) selects every row; only a narrower one filters.
    // 「到2020年6月底」 is a stock as of then: every row dated up to it.
    filters.push({ column: dateColumn, kind: 'date', ...dateRange(period, period.asOf ? 'asOf' : period.bound) });
  }
  return filters;
}

/** yyyymmdd bounds of a period; a cell printing only its year (2019-0) counts in January's year too. */
function dateRange(period: { from: number; to: number; day?: number }, relation?: DateRelation | 'asOf'): { from: number; to: number } {
  const from = period.day ? period.from * 100 + period.day : period.from % 100 === 1 ? Math.floor(period.from / 100) * 10_000 : period.from * 100;
  const to = period.day ? from : period.to * 100 + 99;
  if (relation === 'before') return { from: 0, to: from - 1 };
  if (relation === 'asOf' || relation === 'until') return { from: 0, to };
  if (relation === 'since') return { from, to: 99_999_999 };
  if (relation === 'after') return { from: to + 1, to: 99_999_999 };
  return { from, to };
}

/** Subject filters for counting and listing (「上海的产业园」: the rows naming 上海). */
function subjectFilters(context: TableContext, choice: TableChoice): RowFilter[] {
  const filters: RowFilter[] = [];
  context.part.subjects.forEach((subject, i) => {
    const rows = choice.subjectRows[i] ?? [];
    const column = rows[0] ? rows[0].cells.findIndex((c) => c.entities.includes(subject.entity.id)) : -1;
    if (column < 0) return;
    // Subjects named in one column are alternatives (「湖南、贵州、海南的政策」: the rows of any of them), as values are.
    const same = filters.find((f) => f.kind === 'entity' && f.column === column && !f.not);
    if (same?.kind === 'entity') same.entities = [...same.entities, subject.entity.id];
    else filters.push({ column, kind: 'entity', entities: [subject.entity.id] });
  });
  // follow-up 「其他部委呢」: the rows of the things asked before are left out.
  for (const subject of context.part.excluded ?? []) {
    const ids = [subject.entity.id, ...(subject.alternatives ?? []).map((a) => a.id)];
    const row = context.table.rows.find((r) => r.cells.some((c) => ids.some((id) => c.entities.includes(id))));
    const column = row ? row.cells.findIndex((c) => ids.some((id) => c.entities.includes(id))) : -1;
    if (column >= 0) filters.push({ column, kind: 'entity', entities: ids, not: true });
  }
  return filters;
}

/** A date condition restated: 「2018年以后」 (after it), 「2018年以来」 (it included) … */
const RELATION_WORDS: Record<DateRelation | 'within', string> = { before: '以前', after: '以后', since: '及以后', until: '及以前', within: '' };

const COMPARISON_WORDS: Record<string, string> = { '>': '超过', '>=': '不少于', '<': '少于', '<=': '不超过', '=': '为' };

/**
 * The rows a count or list selects, in words: 「牵头人为政府的研究机构」「成立时间在2018年以前的产业园」「含“聚龙链”的标准」,
 * from the filters applied (subjects by name). 「符合条件的」 only when a filter cannot be put in words.
 */
function describeRows(context: TableContext, filters: RowFilter[]): string {
  const { table, part, labels } = context;
  const column = (i: number) => columnLabel(table.columns[i], labels);
  const said: string[] = [];
  let unsaid = false;
  const stated = (n: string) => compactForm(part.text).includes(n);
  for (const filter of filters) {
    if (filter.kind === 'entity' && filter.not) {
      const excluded = (part.excluded ?? []).filter((s) => filter.entities.includes(s.entity.id));
      if (excluded.length) said.push(`${excluded.map((s) => s.entity.name).join('、')}以外`);
      else unsaid = true;
    } else if (filter.kind === 'entity') {
      const subjects = part.subjects.filter((s) => filter.entities.includes(s.entity.id));
      const values = [...new Set(part.filters.flatMap((f) => (f.kind === 'value' && filter.entities.includes(f.entity.id) ? [f.entity.name] : [])))];
      if (subjects.length) said.push(subjects.map((s) => s.entity.name).join('或'));
      else if (values.length) said.push(`${column(filter.column)}为${values.join('或')}`);
      else unsaid = true;
    } else if (filter.kind === 'part') said.push(`${column(filter.column)}含${filter.value}`);
    else if (filter.kind === 'text') said.push(`含“${filter.value}”`);
    else if (filter.kind === 'prefix') said.push(`${column(filter.column)}以${(part.filters.find((f) => f.kind === 'prefix')?.text ?? filter.value).toUpperCase()}开头`);
    else if (filter.kind === 'currency') said.push(`以${filter.value}计`);
    // Restated in the question's own figures (「17年之前」 stays 17年; 「两位数」 is not spelled out as 10–99).
    else if (filter.kind === 'compare' && filter.scaled && part.condition?.said) {
      // Amounts of two currencies are each compared in their own (no exchange rate is given): said so unless one is named.
      const currencies = new Set(table.rows.map((r) => r.cells[filter.column]?.currency).filter(Boolean));
      const mixed = currencies.size > 1 && !filters.some((f) => f.kind === 'currency');
      said.push(`${column(filter.column)}${part.condition.said.replace(/\s+/g, '')}${mixed ? '（各按其币种计，未换算汇率）' : ''}`);
    }
    // 「过百」「上百家」 said without digits is restated as said: the bound's figure is the question's, not the report's.
    else if (filter.kind === 'compare' && part.condition?.value === filter.value && part.condition.said && !/\d/.test(part.condition.said)) said.push(`${column(filter.column)}${part.condition.said.replace(/\s+/g, '')}`);
    else if (filter.kind === 'compare' && (stated(formatNumber(filter.value)) || (part.condition?.value === filter.value && part.condition.max === undefined && filter.op === part.condition.op))) said.push(`${column(filter.column)}${COMPARISON_WORDS[filter.op]}${formatNumber(filter.value)}${table.columns[filter.column].kind === 'percent' ? '%' : ''}`);
    else if (filter.kind === 'date') {
      const dated = part.filters.filter((f): f is Extract<typeof f, { kind: 'period' }> => f.kind === 'period' && columnFor(table, f.attribute) === filter.column)
        .sort((a, b) => a.period.from - b.period.from);
      const period = dated.length ? dated.map((d) => d.period.text + RELATION_WORDS[d.relation ?? 'within']).join('或') : part.periods[0] && part.periods[0].text + RELATION_WORDS[part.periods[0].bound ?? 'within'];
      if (period) said.push(`${column(filter.column)}在${period.replace(/\s+/g, '')}`);
      else unsaid = true;
    } else unsaid = true;
  }
  if (unsaid || !said.length) return `${said.length ? `${said.join('、')}中` : ''}符合条件的${noun(table)}`;
  return `${said.join('、')}的${noun(table)}`;
}

/**
 * A city named by a one-character short form of a region group (北上广's 广) in a table of provinces: the character names
 * its province as well (广东), and the table's level decides which is meant. Not when the character names the city only
 * (沪杭's 杭) or the group names another city of the same province (北上广深, 广深: cities, each of them).
 */
function provinceStandIn(context: TableContext, subject: Subject): Subject | undefined {
  const { table, knowledge, part } = context;
  if (table.columns[table.label]?.kind !== 'place' || subject.entity.kind !== 'city' || !subject.entity.province) return undefined;
  const province = knowledge.lexicon.entities.get(subject.entity.province);
  const initial = subject.entity.name[0];
  if (!province || !province.name.startsWith(initial)) return undefined;
  const group = part.groups.find((g) => g.entity.members?.includes(subject.entity.id) && g.entity.name.includes(initial));
  const sameProvince = (id: string) => id !== subject.entity.id && knowledge.lexicon.entities.get(id)?.province === province.id;
  if (!group || group.entity.members!.some(sameProvince)) return undefined;
  return rowsOf(table, { entity: province, text: province.name }).length ? { entity: province, text: province.name } : undefined;
}

/** A subject the table does not list, with the nearest row it does (a city's province). */

function notListed(context: TableContext, subject: Subject): Claim {
  const { table, knowledge } = context;
  const province = subject.entity.province ? knowledge.lexicon.entities.get(subject.entity.province) : undefined;
  const rows = province ? rowsOf(table, { entity: province, text: province.name }) : [];
  if (rows.length && table.columns[table.label]?.kind !== 'place') {
    // A table of named things (parks) listing none in the city: the province's own, each with its city, are the nearest.
    const city = table.columns.findIndex((c) => c.attribute === 'city');
    const asked = context.part.attributes.map((a) => columnFor(table, a)).filter((i) => i >= 0 && i !== table.label && table.columns[i].kind !== 'place');
    const shown = [...new Set([...(city >= 0 ? [city] : []), ...asked])];
    // 「曹妃甸大数据区块链产业园（唐山，政府、企业）」: the row's name first, its city among the values.
    const named = (row: TypedRow) => listed(context, row, shown, false);
    // A table of every such thing (表3-3) says there is none in the city; a selection only that it lists none.
    return { text: `${table.complete ? `报告中没有${subject.entity.name}的${noun(table)}（${table.id}逐一列出）` : `${table.id}中没有${subject.entity.name}的${noun(table)}`}；其所在的${province!.name}共${rows.length}个：${rows.slice(0, rows.length > LISTING.maxListedRows ? 3 : rows.length).map(named).join('、')}${rows.length > LISTING.maxListedRows ? '等' : ''}`,
      sources: rows.map((row) => rowSource(knowledge, row.chunkId)), derived: [String(rows.length)] };
  }
  if (rows.length) {
    const columns = shownColumns(context, context.part.attributes);
    return { text: `报告没有单列${subject.entity.name}的数据（${table.id}按${columnLabel(table.columns[table.label], context.labels)}统计），其所在的${province!.name}${describeCells(context, rows[0], columns)}`,
      sources: [rowSource(knowledge, rows[0].chunkId)] };
  }
  // A table of every thing of its kind lists none there: that is what the report says, not a figure it lacks.
  return { text: `报告中没有${subject.entity.name}的${noun(table) === '地区' ? '' : noun(table)}${table.complete && noun(table) !== '地区' ? '' : '数据'}`, sources: [] };
}

function finish(claims: Claim[], context: TableContext): PartAnswer {
  const last = claims.at(-1);
  if (last) last.end = '。';
  return answered(withProseCount(claims, context), context.facts);
}

/**
 * 「2020 上半年新增密码模块测评标准 7 项…见表 5-7」: a count of a table's rows that the prose introducing the table states too is
 * cited there as well, after the rows (the count is the report's own, not only the answer's). So is a count of one place's rows
 * the prose states of that place (表3-3's 6 rows of 杭州 and 「杭州市…共计 6 家」): a figure about the place by name (a city or
 * the region of the same name) that counts what the table's rows are — its own noun, or, naming none, its sentence names one of
 * that noun's forms — and states no qualifier the question does not ask (新增).
 */
function withProseCount(claims: Claim[], context: TableContext): Claim[] {
  const { table, knowledge, part } = context;
  const id = compactForm(table.id);
  const bare = (name: string) => name.replace(/[省市]$/, '');
  const places = new Set(part.subjects.filter((s) => PLACE_KINDS.has(s.entity.kind)).map((s) => bare(s.entity.name)));
  const forms = places.size ? rowNounForms(table, knowledge.lexicon) : [];
  const aboutPlace = (f: StoredFact) => f.entities.length > 0 && places.has(bare(knowledge.lexicon.entities.get(f.entities[0])?.name ?? ''))
    && f.qualifiers.every((q) => part.qualifiers.includes(q))
    && (f.nouns.length ? f.nouns.some((n) => table.rowNouns.includes(n)) : forms.some((form) => sentenceAround(f, knowledge).includes(form)));
  const rowsOf = (claim: Claim | undefined) => claim?.sources.filter((s) => s.chunkId.startsWith(`t${table.id.slice(1)}#`)).length ?? 0;
  return claims.map((claim, i) => {
    // The count is said by this claim, or by the one before that only says 「共7个」 ahead of the rows listed.
    const rows = rowsOf(claim);
    const counted = claim.derived?.includes(String(rows)) || (!claims[i - 1]?.sources.length && claims[i - 1]?.derived?.includes(String(rows)));
    if (rows < 2 || !counted) return claim;
    const stated = knowledge.facts.countsOf(rows).find((f) => !claim.sources.some((s) => s.line === f.line)
      && (((!f.nouns.length || f.nouns.some((n) => table.rowNouns.includes(n))) && compactForm(knowledge.chunk(f.chunkId)?.text ?? '').includes(id))
        || aboutPlace(f)));
    return stated ? { ...claim, sources: [...claim.sources, sentenceSource(knowledge, stated.chunkId, stated.quote, stated.line)] } : claim;
  });
}

/** The whole sentence a prose figure stands in, compact (「其次是广州，共计 5 家」 in 「…共计 6 家，占全国区块链产业园的 14%；其次是广州…」). */
function sentenceAround(fact: StoredFact, knowledge: Knowledge): string {
  const text = knowledge.chunk(fact.chunkId)?.text ?? fact.quote;
  const at = Math.max(0, text.indexOf(fact.quote));
  const end = text.indexOf('。', at);
  return compactForm(text.slice(text.lastIndexOf('。', at) + 1, end < 0 ? text.length : end));
}

/** 「没有数量为10的地区」 with the closest rows below and above the bound (each cited), for a numeric condition no row meets. */
function nearestRows(context: TableContext, compare: Extract<RowFilter, { kind: 'compare' }>, filters: RowFilter[], lead?: Claim): Claim[] {
  const { table } = context;
  const others = filters.filter((f) => f !== compare);
  const rows = (others.length ? filterRows(table, others) : table.rows).filter((row) => !row.total && typeof row.cells[compare.column]?.value === 'number');
  const value = (row: TypedRow) => (compare.scaled ? absoluteValue(row.cells[compare.column]) : row.cells[compare.column].value as number);
  const below = rows.filter((r) => value(r) < compare.value).sort((a, b) => value(b) - value(a));
  const above = rows.filter((r) => value(r) > compare.value).sort((a, b) => value(a) - value(b));
  const near = [below.filter((r) => value(r) === value(below[0] ?? r)), above.filter((r) => value(r) === value(above[0] ?? r))].flat();
  const claims: Claim[] = [{ ...(lead ?? { text: `${table.id}中没有${describeRows(context, filters)}`, sources: [] }), end: near.length ? '；' : '。' }];
  if (near.length) {
    const cell = (r: TypedRow) => `${label(r, table)}${cellText(r.cells[compare.column], table.columns[compare.column])}`;
    for (const r of near) context.facts.push(cellFact(table.id, label(r, table), table.columns[compare.column], r.cells[compare.column], table.period));
    claims.push({ text: `最接近的是${near.map(cell).join('、')}`, sources: near.map((r) => rowSource(context.knowledge, r.chunkId)) });
  }
  return claims;
}

/** Only the rows' names are asked (叫啥, 名称: the column that names the rows). */
function asksOnlyNames(part: Part, table: TypedTable): boolean {
  return part.attributes.length > 0 && part.attributes.every((a) => columnFor(table, a) === table.label);
}

/** Lookup: each subject's row(s) with the asked columns; subjects the table does not list are said to be missing. */
function lookup(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  // 「都叫啥」 of several rows named before: the names are what is asked, not every cell of each row.
  if (part.subjects.length >= 2 && asksOnlyNames(part, table) && choice.subjectRows.every((rows) => rows.length)) {
    const rows = [...new Set(choice.subjectRows.flat())];
    return finish([framing(context, false), { text: `这${rows.length}个${noun(table)}分别是${rows.map((r) => label(r, table)).join('、')}`,
      sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(rows.length)] }], context);
  }
  // 「天津的产业园叫什么」: a place a table of every such thing has no row of has none of them.
  if (table.complete && part.subjects.length && part.subjects.every((s, i) => !choice.subjectRows[i]?.length)) {
    const none = unlistedPlaces(context, choice);
    if (none) return none;
  }
  const asked = part.attributes.filter((a) => columnFor(table, a) >= 0 || context.knowledge.lexicon.attributes.get(a)?.kind === 'absent');
  const absent = part.attributes.filter((a) => columnFor(table, a) < 0 && a !== 'count');
  const columns = shownColumns(context, part.attributes);
  const claims: Claim[] = [framing(context)];
  let found = 0;
  // The printed total's check against its rows stands beside the total, which keeps its period sentence.
  let checked: Claim | null = null;
  // Conditions of the part (a date, a category) narrow each subject's rows (「工信部21年发的」).
  const conditions = filtersOf(context, numericColumn(table, part.attributes));
  part.subjects.forEach((subject, i) => {
    const all = choice.subjectRows[i] ?? [];
    if (!all.length) {
      claims.push({ ...notListed(context, subject), end: '；' });
      return;
    }
    const rows = conditions.length ? filterRows(table, conditions).filter((row) => all.includes(row)) : all;
    // 「CoolBitX折合人民币多少」 (currency): a row whose amount is in the other currency is given as printed — the report gives
    // no exchange rate to convert it.
    const currency = conditions.find((f) => f.kind === 'currency');
    const other = !rows.length && currency?.kind === 'currency' ? filterRows(table, conditions.filter((f) => f !== currency)).filter((row) => all.includes(row)) : [];
    if (other.length === 1 && currency?.kind === 'currency') {
      found++;
      claims.push({ ...rowClaim(context, other[0], [currency.column]), end: '；' });
      claims.push({ text: `报告没有给出汇率，无法换算成${currency.value}`, sources: [], end: '；' });
      return;
    }
    if (!rows.length) {
      claims.push({ text: `${table.id}中${subject.entity.name}没有符合条件的${noun(table)}`, sources: [], end: '；' });
      return;
    }
    found++;
    if (rows.length === 1) {
      // 「广州的专项政策叫啥」: the row's name is what is asked — said of the subject, with its date.
      // A row labelled by the subject itself (表6-1's 广东 asked by 分省的…表) has no other name to give: its figures are asked.
      const named = label(rows[0], table).replace(/[省市]$/, '') === subject.entity.name.replace(/[省市]$/, '');
      const asksName = part.attributes.some((a) => columnFor(table, a) === table.label) && subject.entity.kind !== 'row' && !named;
      if (asksName) {
        const details = describeCells(context, rows[0], columns.filter((c) => table.columns[c].kind === 'date'));
        claims.push({ text: `${subject.entity.name}的${noun(table)}是${label(rows[0], table)}${details ? `，${details}` : ''}`, sources: [rowSource(context.knowledge, rows[0].chunkId)], end: '；' });
        return;
      }
      claims.push({ ...rowClaim(context, rows[0], columns), end: '；' });
      return;
    }
    // 「杭州的产业园」: every row the subject names, each with the asked columns.
    const askedColumns = part.attributes.map((a) => columnFor(table, a)).filter((c) => c >= 0 && c !== table.label);
    const lead = `${subject.entity.name}${noun(table) !== '行' ? `的${noun(table)}` : ''}`;
    claims.push(...(soleAndJoint(context, rows, subject, askedColumns, lead) ?? listClaim(context, rows, askedColumns, lead)));
  });
  if (!part.subjects.length) {
    const filters = filtersOf(context, numericColumn(table, part.attributes));
    if (!filters.length) {
      const total = table.rows.find((row) => row.total);
      // 「哪些城市出了专项政策」: places asked of the whole table are the places its rows name.
      const places = part.attributes.some((a) => ['city', 'province', 'region'].includes(a) && columnFor(table, a) >= 0 && columnFor(table, a) !== table.label);
      if (!total && places) return count(context, choice);
      // 「表5-2里的标准都是哪个月发布的」 (table-attribute): a column asked of a named table's rows, none named, is every row's value.
      if (!total && (part.table === table.id || part.condition) && part.attributes.some((a) => columnFor(table, a) >= 0 && columnFor(table, a) !== table.label)) return count(context, choice);
      if (!total) return null;
      found++;
      claims.push(rowClaim(context, total, columns));
      // Only a count or total asked of the whole table (「加起来一共多少家」) is checked; a lookup that merely lands on the total row is not.
      // and only where the question is about the table itself (it names the table, or adds its rows up): a national count
      // answered from prose with the table beside it (「全国有多少家企业」) keeps its two scopes short.
      const sum = ['count', 'sum'].includes(part.operation) && part.attributes.every((a) => a === 'count' || columnFor(table, a) === table.label) && (part.table || part.operation === 'sum')
        ? rowsAgainstTotal(context, total) : null;
      if (sum) {
        claims.push(sum);
        checked = sum;
      }
    } else {
      const rows = filterRows(table, filters);
      if (!rows.length) {
        // 「有没有哪个省刚好10家」 (zero rows): a numeric condition over the table's own figures that no row meets is answered
        // by the table — none — with the rows nearest the bound cited, so the reader sees what there is on either side.
        const compare = filters.find((f) => f.kind === 'compare');
        if (compare?.kind === 'compare') return finish([framing(context, false), ...nearestRows(context, compare, filters)], context);
        return missing([{ text: `${table.id}中没有${describeRows(context, filters)}`, sources: [] }]);
      }
      found++;
      claims[0] = framing(context, false);
      claims.push(...listClaim(context, rows, part.attributes.map((a) => columnFor(table, a)).filter((c) => c >= 0), describeRows(context, filters)));
    }
  }
  if (!found) return missing(claims.slice(1));
  // A count stands on the rows it counts: no period sentence is cited beside them.
  if (claims.some((c) => c.derived?.length && c !== checked)) claims[0] = framing(context, false);
  // Something asked that the table does not give (保全网的投资方, 海尔项目投了多少钱): said for that attribute, the row kept as the nearest.
  const wanted = part.attributes.filter((a) => a !== 'count');
  if (absent.length && (asked.length === absent.length || absent.length === wanted.length) && part.subjects.length) {
    const names = absent.map((a) => context.knowledge.lexicon.attributes.get(a)?.label ?? a).join('、');
    const subject = part.subjects.map((s) => s.entity.name).join('、');
    return missing([{ text: `报告中没有提到${subject}的${names}`, sources: [], end: '。' }, { ...claims[0], text: `${claims[0].text.replace(/^据/, '')}只给出` },
      ...claims.slice(1)]);
  }
  return finish(claims, context);
}

/** 「工信部的政策占了多大比例」: the rows a subject or condition selects as a share of all rows, with the division shown. */
function shareOfRows(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const filters = [...subjectFilters(context, choice), ...filtersOf(context, numericColumn(table, part.attributes))];
  if (!filters.length) return null;
  const rows = filterRows(table, filters);
  if (!rows.length) return null;
  const all = table.rows.filter((row) => !row.total);
  const share = formatNumber((100 * rows.length) / all.length);
  const what = describeRows(context, filters);
  // Every row is cited: those counted first, then the rest, so both counts of the division can be checked.
  const others = all.filter((row) => !rows.includes(row));
  // 「工信部的政策占多大比例」: its own rows first, then with those it shares with others (商务部、工信部…等8部门).
  const subject = part.subjects.length === 1 ? part.subjects[0] : undefined;
  const column = subject ? rows[0].cells.findIndex((c) => c.entities.includes(subject.entity.id)) : -1;
  const joint = column >= 0 && table.columns[column].kind === 'name' ? rows.filter((r) => /[、，,]|等/.test(r.cells[column]?.bare ?? '')) : [];
  if (subject && joint.length && joint.length < rows.length) {
    const sole = rows.filter((r) => !joint.includes(r));
    const soleShare = formatNumber((100 * sole.length) / all.length);
    return finish([framing(context, false),
      { text: `${subject.entity.name}单独的${noun(table)}有${sole.length}个`, sources: sole.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(sole.length)], end: '，' },
      { text: `占表中全部${all.length}个的${soleShare}%（${sole.length}÷${all.length}=${soleShare}%）`, sources: others.map((r) => rowSource(context.knowledge, r.chunkId)),
        derived: [String(all.length), soleShare], end: '；' },
      { text: `连同与其他单位联合的${joint.length}个共${rows.length}个，占${share}%（${rows.length}÷${all.length}=${share}%）`, sources: joint.map((r) => rowSource(context.knowledge, r.chunkId)),
        derived: [String(joint.length), String(rows.length), share] }], context);
  }
  // share: where the prose states the same total of these things (「成立 44 家区块链产业园区」), that sentence supports the
  // denominator instead of every other row (a short answer, the report's own total cited).
  const total = many(others) ? statedTotal(context, all.length) : null;
  return finish([framing(context, false), { text: `${what}有${rows.length}个`, sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(rows.length)], end: '，' },
    { text: `占${total ? '全部' : '表中全部'}${all.length}个的${share}%（${rows.length}÷${all.length}=${share}%）`,
      sources: total ? [sentenceSource(context.knowledge, total.chunkId, total.quote, total.line)] : others.map((r) => rowSource(context.knowledge, r.chunkId)),
      derived: [String(all.length), share] }], context);
}

function many(rows: TypedRow[]): boolean {
  return rows.length > LISTING.maxListedRows;
}

/** The forms of the nouns a table's rows are (产业园: 园区, 孵化器 …), compact. */
function rowNounForms(table: TypedTable, lexicon: Knowledge['lexicon']): string[] {
  return [...new Set(table.rowNouns.flatMap((noun) => [...formsOfNoun(noun, lexicon)]))];
}

/** A prose count of the table's own things, of no place or qualifier, equal to the number of its rows. */
function statedTotal(context: TableContext, value: number): StoredFact | null {
  const { table, knowledge } = context;
  const forms = rowNounForms(table, knowledge.lexicon).filter((f) => f.length >= 2);
  return knowledge.facts.facts.find((f) => f.kind === 'count' && f.value === value && !f.entities.length && !f.qualifiers.length
    && f.nouns.some((n) => table.rowNouns.includes(n)) && forms.some((form) => knowledge.facts.forms(f).window.includes(form))) ?? null;
}

/** How the prose counts places of a column: 28 个城市, 15 个省. */
const PLACE_WORDS: Record<string, string> = { city: '城市', province: '省' };

/** A prose figure about the table's own things that also says in how many places (城市/省) they are. */
function statedPlaces(context: TableContext, place: string): StoredFact | null {
  if (!place) return null;
  const { table, knowledge } = context;
  const forms = rowNounForms(table, knowledge.lexicon).filter((f) => f.length >= 2);
  const said = new RegExp(`\\d+个${place}`);
  return knowledge.facts.facts.find((f) => f.kind === 'count' && f.nouns.some((n) => table.rowNouns.includes(n)) && said.test(knowledge.facts.forms(f).window)
    && forms.some((form) => knowledge.facts.forms(f).window.includes(form))) ?? null;
}

/**
 * 「天津有几家产业园」「河南有没有产业园」: places asked that the table has no row of. A table of every thing of its kind
 * (表3-3: every park) answers — none there — with the places it does list cited; a selection (典型案例) is no evidence of
 * none, so the part is declined with those places as the nearest thing stated. Null unless every subject is such a place
 * and nothing else narrows the rows (a place may be said of another column).
 */
function unlistedPlaces(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const unlisted = part.subjects.filter((s, i) => !choice.subjectRows[i]?.length && PLACE_KINDS.has(s.entity.kind));
  if (!unlisted.length || unlisted.length !== part.subjects.length || part.filters.length || part.condition) return null;
  // The places listed as the table prints them, in the column of the kind asked (provinces for a province), else in the
  // one it has (表2-1 lists cities).
  const levels = unlisted[0].entity.kind === 'city' ? ['city', 'region', 'province'] : ['province', 'region', 'city'];
  const column = levels.map((a) => table.columns.findIndex((c) => c.attribute === a)).find((i) => i >= 0) ?? -1;
  const places = new Map<string, TypedRow>();
  for (const row of column >= 0 ? table.rows : []) {
    const place = row.total ? '' : row.cells[column]?.bare.replace(/\s+/g, '') ?? '';
    if (place && !places.has(place)) places.set(place, row);
  }
  if (!places.size) return null;
  // A table with a row per place (表6-1) covers only the places it lists: one it lacks is outside it, not a place with none.
  const none = table.complete && table.columns[table.label]?.kind !== 'place';
  const claims: Claim[] = unlisted.map((s) => ({ ...notListed(context, s), end: '；' }));
  if (!claims.some((c) => c.sources.length)) {
    claims.push({ text: `${table.id}列出的${noun(table)}在${[...places.keys()].join('、')}${none ? `，其中没有${unlisted.map((s) => s.entity.name).join('、')}` : ''}`,
      sources: [...places.values()].map((r) => rowSource(context.knowledge, r.chunkId)) });
  }
  return none ? finish(claims, context) : missing(claims);
}

/** Count (and list) the rows that pass the part's filters. */
function count(context: TableContext, choice: TableChoice): PartAnswer {
  const { part, table } = context;
  const none = unlistedPlaces(context, choice);
  if (none) return none;
  // 「人民币和美元各有几家」: a count for each currency named.
  const currencies = part.qualifiers.filter((q) => CURRENCIES.includes(q));
  if (currencies.length > 1 && table.columns.some((c) => c.kind === 'money')) {
    const answers = currencies.map((currency) => count({ ...context, part: { ...part, qualifiers: [currency] } }, choice));
    return { status: 'answered', facts: answers.flatMap((a) => a.facts),
      claims: answers.flatMap((a, i) => a.claims.filter((c, j) => i === 0 || j > 0).map((c) => ({ ...c, end: c.end === '。' ? '；' : c.end }))) };
  }
  // 「京沪的产业园各有几个」: several places of one column are counted each on its own (their rows never overlap).
  const listed = part.subjects.filter((_, i) => choice.subjectRows[i]?.length);
  if (listed.length > 1 && ['lookup', 'count'].includes(part.operation)) {
    const answers = listed.map((subject) => count({ ...context, part: { ...part, subjects: [subject] } }, { ...choice, subjectRows: [choice.subjectRows[part.subjects.indexOf(subject)]] }));
    return { status: 'answered', facts: answers.flatMap((a) => a.facts),
      claims: answers.flatMap((a, i) => a.claims.filter((c, j) => i === 0 || j > 0).map((c) => ({ ...c, end: c.end === '。' ? '；' : c.end }))).map((c, i, all) => (i === all.length - 1 ? { ...c, end: '。' } : c)) };
  }
  const filters = [...subjectFilters(context, choice), ...filtersOf(context, numericColumn(table, part.attributes))];
  const rows = filterRows(table, filters);
  const claims: Claim[] = [framing(context, false)];
  // 「产业园分布在多少个城市」: how many different values a column takes over the rows, each cited by its first row.
  const spread = part.eachRow ? undefined : part.attributes.map((a) => columnFor(table, a)).find((c) => c >= 0 && c !== table.label && ['city', 'province', 'region'].includes(table.columns[c].attribute ?? ''));
  // 「发的政策超过3个的部委」: a count condition no column holds, asked with a column of names or categories, is on each
  // value's number of rows (as for places below).
  const grouped = spread === undefined && part.condition && !filters.some((f) => f.kind === 'compare')
    ? part.attributes.map((a) => columnFor(table, a)).find((c) => c >= 0 && c !== table.label && ['category', 'name'].includes(table.columns[c].kind ?? '')) : undefined;
  const spreadOrGrouped = spread ?? grouped;
  if (spreadOrGrouped !== undefined && rows.length) {
    const spread = spreadOrGrouped;
    const first = new Map<string, TypedRow>();
    for (const row of rows) for (const key of row.cells[spread]?.parts.length ? row.cells[spread].parts : [row.cells[spread]?.bare ?? '']) if (key && !first.has(key)) first.set(key, row);
    // The places counted are called by what they are: provinces, cities, or 地方 where a column holds both (表1-2).
    const kinds = new Set(rows.flatMap((r) => r.cells[spread]?.entities ?? []).map((e) => e.split(':')[0]).filter((k) => k === 'region' || k === 'city'));
    const name = kinds.size > 1 ? '地方' : kinds.has('city') ? '城市' : kinds.has('region') ? '省级地区' : columnLabel(table.columns[spread], context.labels);
    // 「有两个产业园的城市」「哪些省只有一个产业园」 (table-groupby): a count condition no column holds is on each place's
    // rows — the places whose number of rows meets it.
    const condition = part.condition;
    if (condition && !filters.some((f) => f.kind === 'compare')) {
      const groups = new Map<string, TypedRow[]>();
      for (const row of rows) for (const key of row.cells[spread]?.parts.length ? row.cells[spread].parts : [row.cells[spread]?.bare ?? '']) if (key) groups.set(key, [...(groups.get(key) ?? []), row]);
      const holds = (n: number) => ({ '>': n > condition.value, '>=': n >= condition.value, '<': n < condition.value, '<=': n <= condition.value, '=': n === condition.value })[condition.op]
        && (condition.max === undefined || (condition.maxOp === '<' ? n < condition.max : n <= condition.max));
      const kept = [...groups].filter(([, members]) => holds(members.length));
      const place = name === '省份' || name === '地区' ? '省级地区' : name;
      const said = condition.said ?? `${COMPARISON_WORDS[condition.op]}${condition.value}个`;
      claims.push({ text: `${filters.length ? describeRows(context, filters) : noun(table)}数量${said.replace(/\s+/g, '')}的${place}共${kept.length}个`, sources: [],
        derived: [String(kept.length), String(condition.value), ...(condition.max !== undefined ? [String(condition.max)] : [])], end: kept.length ? '：' : '。' });
      if (kept.length) {
        claims.push({ text: kept.map(([key, members]) => `${key}（${members.length}个）`).join('、'), sources: kept.flatMap(([, members]) => members.map((r) => rowSource(context.knowledge, r.chunkId))),
          derived: kept.map(([, members]) => String(members.length)) });
      } else if (groups.size) {
        // None meets it: the place with the most rows is the nearest thing the table states.
        const most = Math.max(...[...groups.values()].map((m) => m.length));
        const top = [...groups].filter(([, m]) => m.length === most);
        claims[claims.length - 1].end = '；';
        claims.push({ text: `最多的是${top.map(([key]) => key).join('、')}（${top.length > 1 ? '各' : ''}${most}个）`, sources: top.flatMap(([, m]) => m.map((r) => rowSource(context.knowledge, r.chunkId))), derived: [String(most)] });
      }
      return finish(claims, context);
    }
    claims.push({ text: `${filters.length ? describeRows(context, filters) : noun(table)}分布在${first.size}个${name === '省份' || name === '地区' ? '省级地区' : name}`, sources: [], derived: [String(first.size)], end: '：' },
      // A count asked of many places names the first few (each place still cited by its first row), so the answer stays short.
      { text: part.quantity && first.size > LISTING.maxListedRows ? `${[...first.keys()].slice(0, 3).join('、')}等` : [...first.keys()].join('、'),
        sources: [...first.values()].map((r) => rowSource(context.knowledge, r.chunkId)) });
    // 「产业园分布在多少个城市」 (table-count): the prose's own count of such places for the same things (「28 个城市成立 44 家
    // 区块链产业园区」) is quoted beside the rows' distinct count — the two may differ.
    const stated = !filters.length && part.quantity ? statedPlaces(context, PLACE_WORDS[table.columns[spread].attribute ?? ''] ?? '') : null;
    if (stated) {
      claims[claims.length - 1].end = '。';
      claims.push({ text: `正文写道：${stated.window}`, sources: [sentenceSource(context.knowledge, stated.chunkId, stated.quote, stated.line)] });
    }
    return finish(claims, context);
  }
  const what = filters.length ? describeRows(context, filters) : `${noun(table)}`;
  if (!rows.length) {
    const compare = filters.find((f) => f.kind === 'compare');
    // A table of every such thing, asked within its own span, states that there are none: its caption is cited for it.
    if (!compare && table.complete && !outsideSpan(table, part)) return finish([{ text: `${table.id}（${table.caption.replace(/\s+/g, '')}）中没有${what}`, sources: [captionSource(context)] }], context);
    const none: Claim = { text: `${what}为0个`, sources: [], derived: ['0'] };
    claims.push(...(compare?.kind === 'compare' ? nearestRows(context, compare, filters, none) : [none]));
    return finish(claims, context);
  }
  const asked = part.attributes.map((a) => columnFor(table, a)).filter((i) => i >= 0 && i !== table.label);
  const unsure = undecided(context, filters);
  // One row found with nothing particular asked (「2020年那个项目」): its short fields are what there is to say of it.
  // 「应用类型包含设备管理的有几个」: a column the rows were selected by holds what the question said; a count does not repeat it per row.
  const selecting = new Set(filters.filter((f) => f.kind === 'entity' || f.kind === 'part').map((f) => f.column));
  // (「分别由谁牵头」: a column asked of each row is what there is to say of them, not a count.)
  const counting = part.operation !== 'list' && !asksOnlyNames(part, table) && asked.every((c) => selecting.has(c));
  const columns = asked.length || rows.length > 1 || part.operation !== 'list' ? asked.filter((c) => !(counting && selecting.has(c))) : shownColumns(context, []).filter((i) => i !== table.label);
  const shared = part.subjects.length === 1 ? soleAndJoint(context, rows, part.subjects[0], columns, what) : null;
  // A count names its rows only while the answer stays short (company and park names run long): past it, the first names that
  // fit `maxNamedChars`, the rest cited and counted.
  const whole = shared ?? listClaim(context, rows, columns, what);
  // (A count asked, 「GM/T编号的有几项」, is kept short whatever columns its rows show.)
  claims.push(...((counting || part.operation === 'count') && !shared && claimsLength([...claims, ...whole]) > LISTING.maxCountChars ? listClaim(context, rows, columns, what, LISTING.maxNamedChars) : whole));
  if (unsure) claims.push(unsure);
  return finish(claims, context);
}

/**
 * 「工信部发了几个文件」: of the rows a subject names in a name cell, those it shares with others (商务部、工信部、农业部等8部门)
 * are told apart from its own — both counts given, each row cited. Null when no row is shared or all are.
 */
function soleAndJoint(context: TableContext, rows: TypedRow[], subject: Subject, columns: number[], lead: string): Claim[] | null {
  const { table } = context;
  const column = rows[0]?.cells.findIndex((c) => c.entities.includes(subject.entity.id)) ?? -1;
  if (column < 0 || table.columns[column].kind !== 'name') return null;
  const joint = rows.filter((r) => /[、，,]|等/.test(r.cells[column]?.bare ?? ''));
  if (!joint.length || joint.length === rows.length) return null;
  const sole = rows.filter((r) => !joint.includes(r));
  for (const r of joint) context.facts.push(cellFact(table.id, label(r, table), table.columns[column], r.cells[column], table.period));
  // A count told in two parts names its own rows only while short: the joint rows and both counts follow.
  const own = listClaim(context, sole, columns, `${lead}共${rows.length}个，其中${subject.entity.name}单独的`, context.part.operation === 'list' ? Infinity : LISTING.maxNamedChars);
  return [...own.map((c, i) => (i === own.length - 1 ? { ...c, end: '；' } : c)),
    { text: `与其他单位联合的${joint.length}个：${joint.map((r) => `${label(r, table)}（${cellText(r.cells[column], table.columns[column])}）`).join('、')}`,
      sources: joint.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(joint.length)] }];
}

/** 「另有玳鸽（数千万人民币）…只给出量级」: rows an amount's condition cannot decide (the bound falls inside their magnitude). */
function undecided(context: TableContext, filters: RowFilter[]): Claim | null {
  const { table } = context;
  const compare = filters.find((f): f is Extract<RowFilter, { kind: 'compare' }> => f.kind === 'compare' && Boolean(f.scaled));
  if (!compare) return null;
  const rows = filterRows(table, filters.filter((f) => f !== compare)).filter((r) => r.cells[compare.column] && scaledHolds(r.cells[compare.column], compare) === null);
  if (!rows.length) return null;
  for (const r of rows) context.facts.push(cellFact(table.id, label(r, table), table.columns[compare.column], r.cells[compare.column], table.period));
  return { text: `另有${rows.map((r) => `${label(r, table)}（${cellText(r.cells[compare.column], table.columns[compare.column])}）`).join('、')}只给出量级，无法判断是否符合`,
    sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)), end: '。' };
}

/**
 * 「融资最多的是谁」 (currency, table-extreme): amounts in 人民币 and 美元 are ranked within each currency, never as one
 * unit; amounts given only as a magnitude (数千万人民币) are named apart, since they cannot be placed among exact ones.
 */
function rankedPerCurrency(context: TableContext, rows: TypedRow[], column: number, order: 'asc' | 'desc', shown: number[]): PartAnswer {
  const { part, table } = context;
  const k = part.operation === 'topk' ? part.rank ?? 3 : 1;
  const claims: Claim[] = [framing(context, false), { text: '金额分别以人民币和美元计，报告没有给出汇率，只能在同一币种内比较', sources: [], end: '：' }];
  const cell = (r: TypedRow) => `${label(r, table)}（${cellText(r.cells[column], table.columns[column])}）`;
  const word = order === 'asc' ? '最少' : '最多';
  for (const currency of CURRENCIES) {
    const exact = rows.filter((r) => r.cells[column]?.currency === currency && typeof r.cells[column].value === 'number' && !r.cells[column].approximate)
      .sort((a, b) => (order === 'asc' ? 1 : -1) * ((a.cells[column].value as number) - (b.cells[column].value as number)));
    if (!exact.length) continue;
    const bound = exact[Math.min(k, exact.length) - 1].cells[column].value;
    const chosen = exact.filter((r, i) => i < k || r.cells[column].value === bound);
    for (const r of chosen) context.facts.push(cellFact(table.id, label(r, table), table.columns[column], r.cells[column], table.period));
    claims.push({ text: `以${currency}计${k > 1 ? `${word}的${chosen.length}个依次是` : `${word}的是`}${chosen.map(cell).join('、')}`,
      sources: chosen.map((r) => rowSource(context.knowledge, r.chunkId)), end: '；' });
  }
  const vague = rows.filter((r) => r.cells[column]?.approximate);
  if (vague.length) {
    for (const r of vague) context.facts.push(cellFact(table.id, label(r, table), table.columns[column], r.cells[column], table.period));
    // Many of them are counted with their magnitudes (each still cited), so a ranking stays a short answer.
    const magnitudes = [...new Set(vague.map((r) => cellText(r.cells[column], table.columns[column])))];
    // Many of them are cited by the table's group chunk that holds them all, where there is one.
    const group = vague.length > 3 ? groupChunkOf(context, vague) : undefined;
    const many = vague.length > 3;
    claims.push({ text: many && group ? `其余的只给出量级（${magnitudes.join('、')}），无法与上述金额排序`
      : many ? `另有${vague.length}家只给出量级（${magnitudes.join('、')}），无法与上述金额排序` : `另有${vague.map(cell).join('、')}只给出量级，无法与上述金额排序`,
      sources: group ? [rowSource(context.knowledge, group)] : vague.map((r) => rowSource(context.knowledge, r.chunkId)), ...(many && !group ? { derived: [String(vague.length)] } : {}) });
  }
  return finish(claims, context);
}

/** Rankings over a numeric or date column: max/min/earliest/latest, top-k, k-th place, a subject's place. */
function ranking(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const dates = ['earliest', 'latest'].includes(part.operation) || part.attributes.some((a) => ['founded', 'published', 'date'].includes(a))
    && !part.attributes.some((a) => ['count', 'share', 'money'].includes(a));
  const column = dates ? table.columns.findIndex((c, i) => c.kind === 'date' && (part.attributes.length === 0 || part.attributes.some((a) => columnFor(table, a) === i)
    || !part.attributes.some((a) => columnFor(table, a) >= 0 && table.columns[columnFor(table, a)].kind === 'date')))
    : numericColumn(table, part.attributes);
  if (column < 0 || (dates && table.columns[column].kind !== 'date')) return null;
  const order = part.order ?? (part.operation === 'min' || part.operation === 'earliest' ? 'asc' : 'desc');
  const filters = [...subjectFilters(context, choice), ...filtersOf(context, column)];
  const shown = [...new Set([column, ...shownColumns(context, part.attributes)])].filter((i) => i !== table.label);
  if (table.columns[column].kind === 'money') {
    // Amounts in different currencies are not ranked as one unit.
    const rows = filterRows(table, filters);
    const currencies = new Set(rows.map((r) => r.cells[column]?.currency).filter(Boolean));
    if (currencies.size > 1 && ['max', 'min', 'topk'].includes(part.operation)) return rankedPerCurrency(context, rows, column, order, shown);
    if (currencies.size > 1) {
      return finish([framing(context, false), { text: `${table.id}的金额分别以人民币和美元计（部分只给出量级），报告没有给出汇率，无法统一排序`, sources: [], end: '：' },
        ...listClaim(context, rows, shown, noun(table))], context);
    }
  }
  // 「企业数量排名」 with no subject asks for the ranking itself.
  if (part.operation === 'position' && !part.subjects.length) return ranking({ ...context, part: { ...part, operation: 'topk', rank: LISTING.defaultTop } }, choice);
  if (part.operation === 'position') {
    const subject = part.subjects[0];
    const row = subject ? choice.subjectRows[0]?.[0] : undefined;
    if (!row) return subject ? missing([notListed(context, subject)]) : null;
    const result = queryTable(table, { operation: 'position', filters: filtersOf(context, column), column, order: 'desc', row: row.index });
    if (result.operation !== 'position' || !result.ranked) return null;
    // The place is shown with the rows ahead of it, each cited: the count of what is cited is the place.
    const ranked = queryTable(table, { operation: 'order', filters: filtersOf(context, column), column, order: 'desc', k: result.ranked.place - 1 });
    const ahead = ranked.operation === 'order' ? ranked.ranked.filter((r) => r.place < result.ranked!.place).map((r) => r.row) : [];
    const tie = result.tied.length ? `，与${result.tied.map((r) => label(r, table)).join('、')}并列` : '';
    const cell = (r: TypedRow) => `${label(r, table)}${cellText(r.cells[column], table.columns[column])}`;
    return finish([framing(context, false),
      { text: `${cell(row)}，排第${result.ranked.place}${tie}`, sources: [rowSource(context.knowledge, row.chunkId)], derived: [String(result.ranked.place)], end: '' },
      ...(ahead.length ? [{ text: `（排在前面的依次是${ahead.map(cell).join('、')}）`, sources: ahead.map((r) => rowSource(context.knowledge, r.chunkId)) }] : [])], context);
  }
  // 「第3到第6」: the span's places (k of them, after the places before it).
  const from = part.operation === 'topk' && part.fromRank && part.rank && part.fromRank < part.rank ? part.fromRank : undefined;
  const k = part.operation === 'topk' ? (part.rank ?? 3) - (from ? from - 1 : 0) : 1;
  const offset = part.operation === 'rank' ? Math.max(0, (part.rank ?? 1) - 1) : from ? from - 1 : 0;
  const result = queryTable(table, { operation: 'order', filters, column, order, k, offset });
  if (result.operation !== 'order' || !result.ranked.length) return null;
  const ordinalOf = (n: number) => CHINESE_ORDINAL[n] ?? String(n);
  // 「第二早的」: a place by date is said by date (第二早, 第三晚), not from the bottom of a ranking.
  const what = part.operation === 'rank' ? (dates ? `第${ordinalOf(part.rank ?? 1)}${order === 'asc' ? '早' : '晚'}的` : `${order === 'asc' ? '倒数' : ''}第${ordinalOf(part.rank ?? 1)}名`)
    : from ? `${order === 'asc' ? '倒数' : ''}第${ordinalOf(from)}至第${ordinalOf(part.rank!)}名` : part.operation === 'topk' ? (dates ? (order === 'asc' ? '最早的几个' : '最晚的几个') : order === 'asc' ? '最少的几个' : '排名靠前的')
    : dates ? (order === 'asc' ? '最早的' : '最晚的') : (order === 'asc' ? '最少的' : '最多的');
  const claims: Claim[] = [framing(context)];
  // 「最早的」 beside a date printed only to its year (「2019-0」) among rows of that year with months: it is not placed, and said so.
  const year = (r: TypedRow) => Math.floor((r.cells[column].value as number) / 10_000);
  const years = new Set(result.ranked.map((r) => year(r.row)));
  const unplaced = table.columns[column].kind === 'date' ? unplacedDates(filterRows(table, filters), column).filter((r) => years.has(year(r))) : [];
  const finishRanking = () => {
    if (unplaced.length) {
      claims[claims.length - 1].end = '；';
      claims.push({ text: `另有${unplaced.map((r) => `${label(r, table)}（${cellText(r.cells[column], table.columns[column])}）`).join('、')}的日期只印到年份，无法与同年的排先后`,
        sources: unplaced.map((r) => rowSource(context.knowledge, r.chunkId)), end: '。' });
    }
    return finish(claims, context);
  };
  const tied = part.operation !== 'topk' && result.ranked.length > 1;
  if (tied) {
    // 「并列最少的是宁夏、青海、西藏，均为0家」.
    const value = cellText(result.ranked[0].row.cells[column], table.columns[column]);
    // 「最晚出政策的是哪些地方」: rows named by the place asked (each row cited).
    const place = part.attributes.map((a) => columnFor(table, a)).find((i) => i >= 0 && i !== table.label && table.columns[i].kind === 'place');
    const name = (row: TypedRow) => (place !== undefined ? cellText(row.cells[place], table.columns[place]) : label(row, table));
    const names = result.ranked.map((r) => name(r.row)).join('、');
    // 「倒数第五」 inside a tie that began before it (places 4–8 share 1家): the tie's span is said, and that the place is in it.
    const first = result.ranked[0].place;
    const asked = part.rank ?? 1;
    const ordinal = (n: number) => CHINESE_ORDINAL[n] ?? String(n);
    const inside = part.operation === 'rank' && first < asked && asked < first + result.ranked.length;
    const span = inside ? `${order === 'asc' ? '倒数' : ''}第${ordinal(first)}至第${ordinal(first + result.ranked.length - 1)}名` : '';
    claims.push({ text: inside ? `${what}在一组并列之中：${span}的${names}均为${value}` : `并列${what}是${names}，均为${value}`,
      sources: result.ranked.map((r) => rowSource(context.knowledge, r.row.chunkId)),
      ...(inside ? { derived: [first, first + result.ranked.length - 1].filter((n) => !CHINESE_ORDINAL[n]).map(String) } : {}) });
    for (const r of result.ranked) context.facts.push(cellFact(table.id, label(r.row, table), table.columns[column], r.row.cells[column], table.period));
    return finishRanking();
  }
  if (part.operation === 'topk' && result.ranked.length > 4) {
    // A long ranking reads as one list: 「广东354家、北京342家、上海125家……」.
    const cell = (r: TypedRow) => `${label(r, table)}${cellText(r.cells[column], table.columns[column])}`;
    for (const r of result.ranked) context.facts.push(cellFact(table.id, label(r.row, table), table.columns[column], r.row.cells[column], table.period));
    claims.push({ text: `${what}依次是${result.ranked.map((r) => `${cell(r.row)}${result.ranked.some((o) => o !== r && o.place === r.place) ? '（并列）' : ''}`).join('、')}`,
      sources: result.ranked.map((r) => rowSource(context.knowledge, r.row.chunkId)) });
    return finishRanking();
  }
  claims.push({ text: part.operation === 'topk' ? `${what}依次是` : `${what}是`, sources: [], end: '' });
  result.ranked.forEach((entry, i) => {
    const tie = part.operation === 'topk' && result.ranked.some((other) => other !== entry && other.place === entry.place) ? '（并列）' : '';
    const claim = rowClaim(context, entry.row, shown);
    // 「最早的是虹口区新链空间，成立时间为2015.06」「最多的是广东，有354家」: after 是, the name ends before its cells are described.
    const name = label(entry.row, table);
    const text = claim.text.startsWith(name) && claim.text.length > name.length ? `${name}，${claim.text.slice(name.length)}` : claim.text;
    claims.push({ ...claim, text: `${text}${tie}`, end: i === result.ranked.length - 1 ? '。' : '；' });
  });
  // 「数千万人民币」 gives only an order of magnitude: such rows may rank anywhere, and the answer says so.
  const vague = table.columns[column].kind === 'money' ? filterRows(table, filters).filter((r) => r.cells[column]?.approximate) : [];
  if (vague.length) {
    claims[claims.length - 1].end = '；';
    claims.push({ text: `另有${vague.map((r) => `${label(r, table)}（${cellText(r.cells[column], table.columns[column])}）`).join('、')}只给出量级，无法参与比较`,
      sources: vague.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [], end: '。' });
  }
  return finishRanking();
}

/**
 * 「哪个省的政策最多」 of a table whose places are provinces and cities (表1-2: 湖南省, 长沙市): the groups of one province
 * together (a city through its province), when every place is known; otherwise the table's own places.
 */
function byProvince<G extends { key: string; rows: TypedRow[] }>(groups: G[], knowledge: Knowledge, order: 'asc' | 'desc'): G[] {
  const provinceOf = (place: string) => {
    const form = compactForm(place);
    const entity = knowledge.lexicon.mentions(form).find((m) => m.at === 0 && ['region', 'city'].includes(m.entity.kind))?.entity;
    if (entity?.kind === 'region') return entity.name;
    return entity?.province ? knowledge.lexicon.entities.get(entity.province)?.name : undefined;
  };
  const provinces = groups.map((g) => provinceOf(g.key));
  if (provinces.some((p) => !p) || new Set(provinces).size === groups.length) return groups;
  const merged = new Map<string, G>();
  groups.forEach((group, i) => {
    const key = provinces[i]!;
    const into = merged.get(key);
    merged.set(key, into ? { ...into, rows: [...into.rows, ...group.rows] } : { ...group, key });
  });
  return [...merged.values()].sort((x, y) => (order === 'asc' ? x.rows.length - y.rows.length : y.rows.length - x.rows.length));
}

/**
 * 「比第二名多几个」「第一比第二多多少」 (follow-up, a grouped ranking): the subject's group (or else the first) and the k-th group of
 * the same grouping, each with its rows cited, and their difference with the formula. Null when either is not found.
 */
function groupDifference(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const column = columnFor(table, part.groupBy!);
  const order = part.order ?? 'desc';
  const result = queryTable(table, { operation: 'group', filters: filtersOf(context, -1), column, order, ...(part.groupUnit ? { unit: part.groupUnit } : {}) });
  if (result.operation !== 'group' || !result.groups.length) return null;
  const groups = part.groupBy === 'province' ? byProvince(result.groups, context.knowledge, order) : result.groups;
  const k = part.rank!;
  if (k < 1 || k > groups.length) return null;
  const subject = part.subjects[0];
  const forms = subject ? [subject.entity.name, ...context.knowledge.lexicon.formsOf(subject.entity.id)].map(compactForm) : [];
  const own = subject ? groups.find((g) => forms.includes(compactForm(g.key))) : groups[0];
  const other = groups[k - 1];
  if (!own || own === other) return null;
  const columnName = groups !== result.groups ? '省份' : columnLabel(table.columns[column], context.labels);
  const [a, b] = [own.rows.length, other.rows.length];
  const [more, less] = a >= b ? [own, other] : [other, own];
  const difference = Math.abs(a - b);
  const cite = (rows: TypedRow[]) => rows.map((r) => rowSource(context.knowledge, r.chunkId));
  return finish([framing(context, false),
    { text: `按${columnName}统计${noun(table)}数量，${own.key}${a}个`, sources: cite(own.rows), derived: [String(a)], end: '，' },
    { text: `排第${CHINESE_ORDINAL[k] ?? k}的${other.key}${b}个`, sources: cite(other.rows), derived: [String(b), String(k)], end: '；' },
    { text: a === b ? `两者相同` : `${more.key}比${less.key}多${difference}个（${more.rows.length}−${less.rows.length}=${difference}）`, sources: [], derived: [String(difference)], end: '。' }], context);
}

/** The length of claims as composed: their text, a separator each and their citation markers ([n]). */
function claimsLength(claims: Claim[]): number {
  let marker = 0;
  return claims.reduce((n, c) => n + c.text.length + 1 + c.sources.reduce((m) => m + String(++marker).length + 2, 0), 0);
}

/** Group rows by a column and count (「哪个城市的产业园最多」「哪一轮融资的最多」). */
function groupCount(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const column = part.groupBy ? columnFor(table, part.groupBy) : -1;
  if (column < 0) return null;
  const order = part.order ?? (part.operation === 'min' ? 'asc' : 'desc');
  // A count by group (「每个城市各有几个」) gives every group, largest first; a category cell (政府、企业) is one group of its own.
  const every = part.operation === 'count';
  // So is a cell that is itself a value of the column (政府、企业 is 政企合作, a third kind beside 政府 and 企业) when ranking
  // the kinds (「哪种主导方式最多」) — unlike a cell listing several values (供应链管理、设备管理), each counted.
  const attribute = table.columns[column].attribute;
  const jointValues = table.rows.some((row) => /、/.test(row.cells[column]?.bare ?? '') && row.cells[column].entities.includes(`value:${table.id}:${attribute}:${compactForm(row.cells[column].bare)}`));
  const selected = [...subjectFilters(context, choice), ...filtersOf(context, -1)];
  const result = queryTable(table, { operation: 'group', filters: selected, column, order,
    ...(part.groupUnit ? { unit: part.groupUnit } : {}), ...(part.among ? { among: part.among.map((a) => a.name) } : {}),
    ...((every || jointValues) && table.columns[column].kind === 'category' ? { whole: true } : {}) });
  if (part.among?.length === 2 && ['max', 'min'].includes(part.operation)) return offeredValues(context, choice, column, order);
  if (result.operation !== 'group' || !result.groups.length) return null;
  const groups = part.groupBy === 'province' ? byProvince(result.groups, context.knowledge, order) : result.groups;
  const k = every ? groups.length : part.operation === 'topk' ? part.rank ?? 3 : part.operation === 'rank' ? part.rank ?? 1 : 1;
  const size = groups[Math.min(k, groups.length) - 1].rows.length;
  const chosen = part.operation === 'rank' ? groups.filter((g) => g.rows.length === size)
    : groups.filter((g, i) => i < k || g.rows.length === size);
  const claims: Claim[] = [framing(context, false)];
  const columnName = groups !== result.groups ? '省份' : columnLabel(table.columns[column], context.labels);
  // 「哪个地方的政策最多」 where every place has one: no place has the most; say so rather than name them all as the most.
  if (!every && k === 1 && groups.length > 2 && chosen.length === groups.length) {
    const rows = groups.flatMap((g) => g.rows);
    claims.push({ text: `按${columnName}统计${noun(table)}数量，${groups.length}个${columnName}都是${size}个，没有哪个${order === 'asc' ? '更少' : '更多'}：${groups.map((g) => g.key).join('、')}`,
      sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(groups.length), String(size)], end: '。' });
    return finish(claims, context);
  }
  // 「浙江的园区按城市分」: the rows a place selected are said as such (浙江的产业园).
  const what = every && part.subjects.length && selected.length ? describeRows(context, selected) : noun(table);
  claims.push(every ? { text: `按${columnName}统计${what}数量（共${chosen.length}${table.columns[column].kind === 'category' ? '类' : `个${columnName}`}）`, sources: [], derived: [String(chosen.length)], end: '：' }
    // 「第二名呢」 (table-groupby): the k-th place is said as such, not as the most.
    : { text: `按${columnName}统计${noun(table)}数量，${part.operation === 'rank' && k > 1 ? `${order === 'asc' ? '倒数' : '排'}第${CHINESE_ORDINAL[k] ?? k}的是` : order === 'asc' ? '最少的是' : '最多的是'}`,
      sources: [], ...(part.operation === 'rank' && k > 1 ? { derived: [String(k)] } : {}), end: '' });
  const compact = every ? compactGroups(context, chosen, column, columnName) : null;
  if (compact) return finish([claims[0], ...compact], context);
  chosen.forEach((group, i) => {
    const rows = group.rows.slice(0, LISTING.maxListedRows);
    // Names only while they stay readable: several large groups are given by their counts.
    const named = chosen.reduce((n, g) => n + g.rows.length, 0) <= LISTING.maxNamedInGroups
      && chosen.reduce((n, g) => n + g.rows.reduce((m, r) => m + label(r, table).length, 0), 0) <= LISTING.maxNamedChars;
    // A value the user named otherwise (政企合作 for 政府、企业) keeps their word beside the table's.
    const said = part.among?.find((a) => a.name === group.key && compactForm(a.said) !== compactForm(a.name))?.said;
    const key = said ? `${said}（${group.key}）` : group.key;
    claims.push({ text: named ? `${key}（${group.rows.length}个：${rows.map((r) => label(r, table)).join('、')}${rows.length < group.rows.length ? '等' : ''}）` : `${key}（${group.rows.length}个）`,
      // A date's year or month (2018年 from 2018.04) is read from the cited cells, as the count is.
      sources: group.rows.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(group.rows.length), ...(table.columns[column].kind === 'date' ? group.key.match(/\d+/g) ?? [] : [])],
      end: i === chosen.length - 1 ? '。' : '；' });
  });
  // 「有 17 家产业园为政府与企业合作」: the prose stating the same count of the same group is quoted beside the rows.
  const top = chosen[0];
  const words = (top.key.split(/[、，,]/).concat(part.among?.find((a) => a.name === top.key)?.said ?? [])).map(compactForm).filter((w) => w.length >= 2);
  const stated = context.knowledge.facts.facts.find((f) => f.kind === 'count' && f.value === top.rows.length && (!f.nouns.length || f.nouns.some((n) => table.rowNouns.includes(n)))
    && words.some((w) => compactForm(f.window).includes(w)));
  if (stated) {
    claims[claims.length - 1].end = '。';
    claims.push({ text: `正文也写道：${stated.window}`, sources: [sentenceSource(context.knowledge, stated.chunkId, stated.quote, stated.line)], end: '。' });
  }
  return finish(claims, context);
}

/**
 * 「每个城市各有几个产业园」 with many groups: every group with its count and every row cited runs past a short answer. Given
 * compactly instead: groups of one size said together (「北京、重庆各2个」), a group cited by one row where the table prints
 * the group's size beside its name (「杭州 (6)」) and by all its rows otherwise; the groups of a single row each, last, said
 * as the rest when naming them would still be too long. Null while the plain form is short enough.
 */
function compactGroups(context: TableContext, groups: { key: string; rows: TypedRow[] }[], column: number, columnName: string): Claim[] | null {
  const { table, knowledge } = context;
  const markers = (n: number) => n * 4;
  const plain = groups.reduce((n, g) => n + g.key.length + 6 + markers(g.rows.length), 0);
  if (plain <= LISTING.maxGroupsChars) return null;
  // The cell of the grouped column that prints the group's size (「杭州 (6)」): that row alone supports the count.
  const printsSize = (g: { key: string; rows: TypedRow[] }) => g.rows.find((r) => compactForm(r.cells[column]?.text ?? '').replace(/[（(](\d+)[)）]$/, '|$1') === `${compactForm(g.key)}|${g.rows.length}`);
  // A sentence of the prose stating the group's count (「由政府主导的区块链产业园 15 家」) supports it as its rows do.
  const stated = (g: { key: string; rows: TypedRow[] }) => {
    const words = g.key.split(/[、，,]/).map(compactForm).filter((w) => w.length >= 2);
    return knowledge.facts.facts.find((f) => f.kind === 'count' && f.value === g.rows.length && f.nouns.some((n) => table.rowNouns.includes(n))
      && words.length > 0 && words.every((w) => compactForm(f.window).includes(w)));
  };
  const sourcesOf = (g: { key: string; rows: TypedRow[] }) => {
    const printed = printsSize(g);
    const fact = printed ? undefined : stated(g);
    if (fact) return [sentenceSource(knowledge, fact.chunkId, fact.quote, fact.line)];
    return (printed ? [printed] : g.rows).map((r) => rowSource(knowledge, r.chunkId));
  };
  // Runs of groups of one size whose sizes are printed are said together; any other group on its own.
  const runs: { key: string; rows: TypedRow[] }[][] = [];
  for (const g of groups) {
    const last = runs.at(-1);
    if (last && last[0].rows.length === g.rows.length && printsSize(g) && printsSize(last[0])) last.push(g);
    else runs.push([g]);
  }
  const say = (run: { key: string; rows: TypedRow[] }[]): Claim => ({
    text: run.length > 1 ? `${run.map((g) => g.key).join('、')}各${run[0].rows.length}个` : `${run[0].key}（${run[0].rows.length}个）`,
    sources: run.flatMap(sourcesOf), derived: [String(run[0].rows.length)], end: '；' });
  const claims = runs.map(say);
  const length = (list: Claim[]) => list.reduce((n, c) => n + c.text.length + 1 + markers(c.sources.length), 0);
  // Still too long: the single-row groups at the end are the rest, each of one.
  if (length(claims) > LISTING.maxGroupsChars) {
    const singles = runs.filter((run) => run[0].rows.length === 1);
    const kept = claims.slice(0, runs.length - singles.length);
    if (singles.length && kept.length) claims.splice(0, claims.length, ...kept, { text: `其余${columnName}各1个`, sources: [], derived: ['1'], end: '。' });
  }
  claims[claims.length - 1].end = '。';
  return [{ text: `按${columnName}统计${noun(table)}数量`, sources: [], end: '：' }, ...claims];
}

/**
 * 「有没有重复的标准」「有没有两家用同一个平台的」: the rows that print one value of a column (the one asked, else their names) —
 * each such value with the rows that share it, told apart by their serial number or place; or that every value differs.
 */
function sharedValues(context: TableContext, choice: TableChoice): PartAnswer {
  const { part, table } = context;
  const asked = part.attributes.map((a) => columnFor(table, a)).find((i) => i >= 0 && i !== table.label && table.columns[i].kind !== 'date');
  const column = asked ?? table.label;
  const rows = filterRows(table, [...subjectFilters(context, choice), ...filtersOf(context, -1)]);
  const byValue = new Map<string, TypedRow[]>();
  for (const row of rows) {
    const key = compactForm(row.cells[column]?.text ?? '');
    if (key) byValue.set(key, [...(byValue.get(key) ?? []), row]);
  }
  const shared = [...byValue.values()].filter((group) => group.length >= 2);
  const columnName = columnLabel(table.columns[column], context.labels);
  if (!shared.length) {
    return finish([framing(context, false), { text: `列出的${rows.length}个${noun(table)}${column === table.label ? '' : `的${columnName}`}各不相同，没有重复的`, sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)),
      derived: [String(rows.length)] }], context);
  }
  // A row is told apart from its twin by its serial number, else its place (北京 and 深圳 both list 「密码+区块链」孵化器).
  const apart = table.columns.findIndex((c) => c.attribute === 'serial');
  // The most precise place first (the city, then the province a continued row carries down).
  const places = table.columns.map((c, i) => (c.kind === 'place' ? i : -1)).filter((i) => i >= 0).sort((a, b) => Number(table.columns[b].attribute === 'city') - Number(table.columns[a].attribute === 'city'));
  const where = (row: TypedRow) => (apart >= 0 ? `序号${row.cells[apart]?.text.trim()}` : places.map((i) => row.cells[i]?.text.replace(/\s*[（(]\d+[)）]/g, '').trim()).find(Boolean) ?? '');
  const claims: Claim[] = [framing(context, false)];
  shared.forEach((group, i) => {
    const value = cellText(group[0].cells[column], table.columns[column]);
    // Other columns the twins print alike too (the same standard number) are said with them.
    const alike = table.columns.map((c, j) => j).filter((j) => j !== column && table.columns[j].kind === 'code' && new Set(group.map((r) => compactForm(r.cells[j]?.text ?? ''))).size === 1);
    const also = alike.map((j) => `，${columnLabel(table.columns[j], context.labels)}都是${cellText(group[0].cells[j], table.columns[j])}`).join('');
    const members = column === table.label ? group.map(where).filter(Boolean).join('和') : group.map((r) => label(r, table)).join('、');
    claims.push({ text: `${columnName}为${value}的有${group.length}个${members ? `（${members}）` : ''}${also}`, sources: group.map((r) => rowSource(context.knowledge, r.chunkId)),
      derived: [String(group.length), ...group.map(where).flatMap((w) => w.match(/\d+/g) ?? [])], end: i === shared.length - 1 ? '。' : '；' });
  });
  return finish(claims, context);
}

/**
 * 「政府主导的多还是企业主导的多」「谁牵头的多，政府还是企业」: each value offered is counted (none is zero unsaid), the one with more
 * (or fewer) rows named, and the rows whose cell is none of them (政府、企业 together) said apart — all of them cited.
 */
function offeredValues(context: TableContext, choice: TableChoice, column: number, order: 'asc' | 'desc'): PartAnswer | null {
  const { part, table } = context;
  const rows = filterRows(table, [...subjectFilters(context, choice), ...filtersOf(context, -1)]);
  if (!rows.length) return null;
  const holds = (row: TypedRow, name: string) => row.cells[column]?.bare === name || (row.cells[column]?.parts.length === 1 && row.cells[column].parts[0] === name);
  const counts = part.among!.map((a) => ({ ...a, rows: rows.filter((r) => holds(r, a.name)) }));
  const other = rows.filter((r) => !counts.some((c) => c.rows.includes(r)));
  const key = (c: { name: string; said: string }) => (compactForm(c.said) !== compactForm(c.name) ? c.said : c.name);
  const columnName = columnLabel(table.columns[column], context.labels);
  if (other.length === rows.length) {
    // None of them is either value alone (杭州's six parks are all 政府、企业): that is the answer.
    const values = [...new Set(rows.map((r) => r.cells[column]?.bare).filter(Boolean))];
    return finish([framing(context, false), { text: `这${rows.length}个${noun(table)}的${columnName}都是${values.join('或')}，没有单独为${counts.map(key).join('或')}的：${rows.slice(0, LISTING.maxListedRows).map((r) => label(r, table)).join('、')}`,
      sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(rows.length)] }], context);
  }
  // Each value's count is its own claim, cited by its own rows.
  const claims: Claim[] = [framing(context, false), { text: `按${columnName}统计${noun(table)}数量`, sources: [], end: '：' },
    ...counts.map((c) => ({ text: `${key(c)}${c.rows.length}个`, sources: c.rows.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(c.rows.length)], end: '；' }))];
  const sizes = counts.map((c) => c.rows.length);
  const best = order === 'asc' ? Math.min(...sizes) : Math.max(...sizes);
  const winners = counts.filter((c) => c.rows.length === best);
  claims.push({ text: winners.length === counts.length ? `${counts.map(key).join('与')}一样多` : `${winners.map(key).join('、')}${order === 'asc' ? '更少' : '更多'}`, sources: [], end: other.length ? '；' : '。' });
  if (other.length) {
    const values = [...new Set(other.map((r) => r.cells[column]?.bare).filter(Boolean))];
    // Which rows these are was not asked: they are named only while that stays short.
    const names = other.map((r) => label(r, table));
    const named = names.join('').length <= LISTING.maxNamedChars ? `：${names.join('、')}` : '';
    claims.push({ text: `另有${other.length}个${noun(table)}的${columnName}为${values.some((v) => v!.includes('、')) ? values.map((v) => `「${v}」`).join('或') : values.join('或')}${named}`,
      sources: other.map((r) => rowSource(context.knowledge, r.chunkId)), derived: [String(other.length)], end: '。' });
  }
  return finish(claims, context);
}

/** 「2018年成立的产业园比2017年多几家」: the rows of the asked period and of the compared one, counted, and the difference with its formula. */
function periodDifference(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const dated = part.filters.find((f) => f.kind === 'period');
  if (dated?.kind !== 'period' || !part.versus?.length) return null;
  const counted = [dated.period, part.versus[0]].map((period) => {
    const asked = { ...part, filters: part.filters.map((f) => (f === dated ? { ...dated, period } : f)), versus: undefined };
    const rows = filterRows(table, [...subjectFilters(context, choice), ...filtersOf({ ...context, part: asked }, -1)]);
    return { period, rows };
  });
  const [a, b] = counted;
  const difference = Math.abs(a.rows.length - b.rows.length);
  const label = columnLabel(table.columns[columnFor(table, dated.attribute)] ?? table.columns[0], context.labels);
  const claims: Claim[] = [framing(context, false), ...counted.map(({ period, rows }) => ({
    text: `${label}在${period.text.replace(/\s+/g, '')}的${noun(table)}${rows.length}个`, sources: rows.map((r) => rowSource(context.knowledge, r.chunkId)),
    derived: [String(rows.length)], end: '；' }))];
  claims.push({ text: `${a.period.text.replace(/\s+/g, '')}${a.rows.length >= b.rows.length ? '多' : '少'}${difference}个（${Math.max(a.rows.length, b.rows.length)}−${Math.min(a.rows.length, b.rows.length)}=${difference}）`,
    sources: [], derived: [String(difference)], end: '。' });
  return finish(claims, context);
}

/** Sum, difference or comparison of the subjects' values in one column (never across currencies or units); row counts when the table has no figures. */
/** A difference of one group said together (its members among the subjects, two or more) against exactly one other subject. */
function groupAgainstOne(part: Part, values: { subject: Subject }[]): boolean {
  if (part.operation !== 'difference' || part.groups.length !== 1) return false;
  const members = new Set(part.groups[0].entity.members ?? []);
  const inGroup = values.filter((v) => members.has(v.subject.entity.id)).length;
  return inGroup >= 2 && values.length - inGroup === 1;
}

function arithmetic(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const column = numericColumn(table, part.attributes);
  const claims: Claim[] = [framing(context, column >= 0)];
  // `printed`: the figure as the cell prints it (8.10, not 8.1), so a formula quotes the report.
  const values: { subject: Subject; rows: TypedRow[]; value: number; unit: string; printed: string; approximate: boolean }[] = [];
  const absent: Subject[] = [];
  // A group's member city in a table of provinces (北上广 against 表6-1): the group's short form names the place at the
  // table's level — 广 is 广东 there — so the member stands for its province, once however many members share it.
  const standIns: { city: Subject; province: Subject }[] = [];
  part.subjects.forEach((subject, i) => {
    let rows = choice.subjectRows[i] ?? [];
    const province = !rows.length ? provinceStandIn(context, subject) : undefined;
    if (province) {
      standIns.push({ city: subject, province });
      if (part.subjects.some((s) => s.entity.id === province.entity.id) || values.some((v) => v.subject.entity.id === province.entity.id)) return;
      rows = rowsOf(table, province);
      subject = province;
    }
    if (!rows.length) {
      absent.push(subject);
      return;
    }
    if (column < 0) {
      values.push({ subject, rows, value: rows.length, unit: '个', printed: String(rows.length), approximate: false });
      return;
    }
    const cell = rows[0].cells[column];
    values.push({ subject, rows: [rows[0]], value: cell?.value ?? 0, unit: cell?.unit ?? '', printed: (cell?.bare.match(/\d+(\.\d+)?/) ?? [''])[0],
      approximate: !cell || cell.value === null || Boolean(cell.approximate) });
  });
  // Names only while they stay readable, as in a group-by: many rows are given by their counts (each row still cited).
  const nameRows = values.reduce((n, v) => n + v.rows.length, 0) <= LISTING.maxNamedInGroups;
  for (const v of values) {
    claims.push(column < 0
      ? { text: `${v.subject.entity.name}${v.rows.length}个${nameRows ? `（${v.rows.map((r) => label(r, table)).join('、')}）` : ''}`, sources: v.rows.map((r) => rowSource(context.knowledge, r.chunkId)),
        derived: [String(v.rows.length)], end: '；' }
      // A sum of many members gives each its figure only (「西部」: twelve shares beside twelve counts say nothing asked).
      : { ...rowClaim(context, v.rows[0], (part.operation === 'sum' && values.length > 4 ? [column] : [...new Set([column, ...shownColumns(context, part.attributes)])]).filter((i) => i !== table.label)), end: '；' });
  }
  for (const subject of absent) claims.push({ ...notListed(context, subject), end: '；' });
  if (standIns.length) {
    const byProvince = [...new Set(standIns.map((s) => s.province.entity.name))];
    claims.push({ text: `${table.id}按${columnLabel(table.columns[table.label], context.labels)}统计，${byProvince.map((name) => `${standIns.filter((s) => s.province.entity.name === name).map((s) => s.city.entity.name).join('、')}计入${name}`).join('，')}`,
      sources: [], end: '；' });
  }
  if (values.length < (part.operation === 'sum' ? 1 : 2)) return values.length ? finish(claims, context) : missing(claims.slice(1));
  const units = new Set(values.map((v) => v.unit));
  if (units.size > 1 || values.some((v) => v.approximate)) {
    // currency: amounts in 美元 and 人民币 are never one unit (the report gives no exchange rate); a magnitude (数百万美元) has no exact value.
    const verb = part.operation === 'sum' ? '相加' : '比较';
    const currencies = [...new Set(values.flatMap((v) => CURRENCIES.filter((c) => v.unit.endsWith(c))))];
    const vague = values.filter((v) => v.approximate);
    const reasons = [
      ...(currencies.length > 1 ? [`金额分别以${currencies.join('和')}计，报告没有给出汇率，不能直接${verb}`] : []),
      ...(vague.length ? [`${vague.map((v) => v.subject.entity.name).join('、')}只给出量级，无法精确${verb}`] : []),
    ];
    claims.push({ text: reasons.length ? reasons.join('；') : `这些数值单位不同，报告没有给出换算依据，不能直接${verb}`, sources: [] });
    return finish(claims, context);
  }
  const unit = values[0].unit;
  const kind = column >= 0 ? table.columns[column].kind : 'count';
  const show = (n: number) => `${formatNumber(n)}${kind === 'percent' ? '%' : unit}`;
  // Two shares differ by percentage points, not by a percent of either.
  const gap = (n: number) => (kind === 'percent' ? `${formatNumber(n)}个百分点` : show(n));
  // 「链湾跟西溪谷哪个先建的」: dates are compared by which comes first, never subtracted or added.
  if (kind === 'date') {
    const first = Math.min(...values.map((v) => v.value));
    const earliest = values.filter((v) => v.value === first);
    const when = cellText(earliest[0].rows[0].cells[column], table.columns[column]);
    claims.push({ text: earliest.length === values.length ? `${values.map((v) => v.subject.entity.name).join('、')}时间相同（${when}）`
      : `其中${earliest.map((v) => v.subject.entity.name).join('、')}${values.length === 2 ? '更早' : '最早'}（${when}）`, sources: [] });
    return finish(claims, context);
  }
  if (part.operation === 'sum') {
    const total = values.reduce((sum, v) => sum + v.value, 0);
    const formula = values.length > 1 ? `（${values.map((v) => v.printed).join('+')}=${formatNumber(total)}）` : '';
    const partial = absent.length ? `（不含${absent.map((s) => s.entity.name).join('、')}）` : '';
    const names = part.groups.length && !absent.length ? part.groups.map((g) => g.entity.name).join('、') : values.map((v) => v.subject.entity.name).join('、');
    claims.push({ text: `${names}合计${show(total)}${partial}${formula}`, sources: [], derived: [formatNumber(total)] });
  } else if (part.operation === 'compare' && values.length > 2) {
    // follow-up: 「哪个最多」「哪个最少」 of three or more subjects asked before: the extreme among them, ties named together.
    const extreme = part.order === 'asc' ? Math.min(...values.map((v) => v.value)) : Math.max(...values.map((v) => v.value));
    const at = values.filter((v) => v.value === extreme);
    const names = at.map((v) => v.subject.entity.name).join('、');
    claims.push({ text: `其中${at.length > 1 ? `${names}并列` : names}最${part.order === 'asc' ? '少' : '多'}（${at[0].printed}${kind === 'percent' ? '%' : unit}）`, sources: [] });
  } else if (part.operation === 'ratio' && values[1].value !== 0) {
    const [a, b] = values;
    const ratio = formatNumber(Number((a.value / b.value).toFixed(2)));
    claims.push({ text: `${a.subject.entity.name}约是${b.subject.entity.name}的${ratio}倍（${a.printed}÷${b.printed}=${ratio}）`, sources: [], derived: [ratio] });
  } else if (groupAgainstOne(part, values)) {
    // 「川渝加起来比湖南多多少」: the group's members added up, set against the one other subject.
    const members = new Set(part.groups[0].entity.members);
    const inGroup = values.filter((v) => members.has(v.subject.entity.id));
    const other = values.find((v) => !members.has(v.subject.entity.id))!;
    const total = inGroup.reduce((sum, v) => sum + v.value, 0);
    const difference = Number(Math.abs(total - other.value).toFixed(4));
    const group = part.groups[0].entity.name;
    const verdict = total === other.value ? `与${other.subject.entity.name}相同` : total > other.value ? `比${other.subject.entity.name}多${gap(difference)}` : `比${other.subject.entity.name}少${gap(difference)}`;
    const [high, low] = total >= other.value ? [formatNumber(total), other.printed] : [other.printed, formatNumber(total)];
    claims.push({ text: `${group}合计${show(total)}（${inGroup.map((v) => v.printed).join('+')}=${formatNumber(total)}），${verdict}（${high}−${low}=${formatNumber(difference)}）`,
      sources: [], derived: [formatNumber(total), formatNumber(difference)] });
  } else {
    const [a, b] = values;
    const difference = Number(Math.abs(a.value - b.value).toFixed(4));
    const more = a.value >= b.value ? a : b;
    const less = more === a ? b : a;
    const verdict = a.value === b.value ? `${a.subject.entity.name}与${b.subject.entity.name}相同` : `${more.subject.entity.name}比${less.subject.entity.name}多${gap(difference)}`;
    claims.push({ text: `${verdict}（${more.printed}−${less.printed}=${formatNumber(difference)}）`, sources: [], derived: [formatNumber(difference)] });
  }
  return finish(claims, context);
}

/**
 * 「top10里美元融资加起来多少」「前五名加起来一共多少家」 (table-sum): the values of the rows a condition or a top-k
 * selects, added per unit — amounts in different currencies are never added, amounts given only as an order of
 * magnitude (数千万) are named and left out — each sum with its formula. Null when nothing selects rows.
 */
/**
 * two-figure: the printed total row against its rows added up (表6-1: rows 1308, 总计 1309). Where they differ the table
 * states two figures for the same whole; both are given, the sum cited by the rows, so the reader sees which is which.
 */
function rowsAgainstTotal(context: TableContext, total: TypedRow): Claim | null {
  const { table } = context;
  const column = table.columns.findIndex((c) => c.kind === 'count');
  const printed = total.cells[column];
  if (column < 0 || typeof printed?.value !== 'number' || printed.approximate) return null;
  const rows = table.rows.filter((row) => !row.total);
  if (rows.some((row) => typeof row.cells[column]?.value !== 'number' || row.cells[column].approximate)) return null;
  const sum = Number(rows.reduce((acc, row) => acc + (row.cells[column].value as number), 0).toFixed(4));
  if (sum === printed.value) return null;
  const unit = printed.unit;
  const gap = Number(Math.abs(printed.value - sum).toFixed(4));
  // The addition is shown (zeros left out) so the sum stands on the cited figures; the table's group chunks cite every row at
  // once, keeping the answer short, and the rows themselves are cited only where no group holds them.
  const formula = `${rows.map((row) => row.cells[column].value as number).filter((v) => v !== 0).map(formatNumber).join('+')}=${formatNumber(sum)}`;
  const prefix = total.chunkId.replace(/#r\d+$/, '#g');
  const groups: NonNullable<ReturnType<Knowledge["chunk"]>>[] = [];
  for (let n = 1; context.knowledge.chunk(`${prefix}${n}`); n++) groups.push(context.knowledge.chunk(`${prefix}${n}`)!);
  const covered = groups.length > 0 && rows.every((row) => groups.some((g) => g.lineStart <= row.line && row.line <= g.lineEnd));
  return { text: `各行合计${formatNumber(sum)}${unit}（${formula}），比总计${sum < printed.value ? '少' : '多'}${formatNumber(gap)}${unit}`,
    sources: covered ? groups.map((g) => rowSource(context.knowledge, g.id)) : rows.map((row) => rowSource(context.knowledge, row.chunkId)),
    derived: [formatNumber(sum), formatNumber(gap)], end: '。' };
}

/** The id of a group chunk of the table (…#g1) whose lines hold every one of the rows, if any. */
function groupChunkOf(context: TableContext, rows: TypedRow[]): string | undefined {
  const prefix = rows[0].chunkId.replace(/#r\d+$/, '#g');
  for (let n = 1; context.knowledge.chunk(`${prefix}${n}`); n++) {
    const group = context.knowledge.chunk(`${prefix}${n}`)!;
    if (rows.every((row) => group.lineStart <= row.line && row.line <= group.lineEnd)) return group.id;
  }
  return undefined;
}

function sumOfRows(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const currency = part.qualifiers.some((q) => CURRENCIES.includes(q));
  // A figure asked besides the count (「加起来占比多少」) is what is added.
  const figure = part.attributes.filter((a) => a !== 'count');
  // 「人民币的一共几家」: a count of rows the table has no column for is a count, not a sum.
  if (!figure.length && part.attributes.includes('count') && columnFor(table, 'count') < 0) return null;
  const column = figure.length ? numericColumn(table, figure) : currency ? table.columns.findIndex((c) => c.kind === 'money') : numericColumn(table, part.attributes);
  if (column < 0 || !['count', 'money', 'percent'].includes(table.columns[column].kind ?? '')) return null;
  const filters = [...subjectFilters(context, choice), ...filtersOf(context, column)];
  // With no condition the printed total row, where there is one, is the answer (lookup).
  if (!filters.length && !part.rank && table.rows.some((row) => row.total)) return null;
  // 「上半年投融资总金额一共多少」: a sum over all the things of a kind, asked of a table that lists only a selection of them
  // (表2-2: the top10), is one the report does not state — its rows add up the selection only, which the question did not name.
  // A condition every row meets (上半年, of a table of the half-year) selects none of them.
  const selects = filters.length > 0 && filterRows(table, filters).length < table.rows.filter((row) => !row.total).length;
  if (!table.complete && !selects && !part.rank && !part.table && !part.selection && !currency) {
    return missing([{ text: `报告中没有给出全部${noun(table)}的${columnLabel(table.columns[column], context.labels)}合计；${table.id}（${table.caption.replace(/\s+/g, '')}）只列出其中${table.rows.length}个`,
      sources: [captionSource(context)] }]);
  }
  let rows: TypedRow[];
  let what: string;
  if (part.rank) {
    const order = part.order ?? 'desc';
    const result = queryTable(table, { operation: 'order', filters, column, order, k: part.rank });
    if (result.operation !== 'order' || !result.ranked.length) return null;
    rows = result.ranked.map((r) => r.row);
    // Fewer ranked than asked (表2-2's top10 gives some amounts only as 数千万): the rows with a magnitude only are named as left out.
    if (rows.length < part.rank) rows = [...rows, ...filterRows(table, filters).filter((row) => !rows.includes(row) && row.cells[column]?.approximate)];
    const tie = rows.length > part.rank ? `（含并列，共${rows.length}个）` : '';
    what = `${filters.length ? describeRows(context, filters) : ''}${columnLabel(table.columns[column], context.labels)}${order === 'asc' ? '最少' : '排名'}前${part.rank}的${noun(table)}${tie}`;
  } else {
    rows = filterRows(table, filters);
    what = filters.length ? describeRows(context, filters) : `表中${noun(table)}`;
  }
  if (!rows.length) return null;
  const exact = new Map<string, TypedRow[]>();
  const vague: TypedRow[] = [];
  for (const row of rows) {
    const cell = row.cells[column];
    if (!cell || cell.value === null || cell.approximate) vague.push(row);
    else exact.set(cell.unit, [...(exact.get(cell.unit) ?? []), row]);
  }
  if (!exact.size) return null;
  const kind = table.columns[column].kind;
  const claims: Claim[] = [framing(context, false)];
  const printed = (row: TypedRow) => (row.cells[column].bare.match(/\d+(\.\d+)?/) ?? [''])[0];
  const groups = [...exact];
  // Amounts in two currencies are never one total: the report gives no exchange rate to convert them (currency).
  if (groups.length > 1) {
    const currencies = [...new Set(groups.map(([unit]) => unit.replace(/^[万亿千百]+/, '')))].join('和');
    claims.push({ text: `${part.rank && part.rank < table.rows.filter((row) => !row.total).length ? `${what}的` : ''}金额分${currencies}计，报告没有给出汇率，不能合成一个总数，只能分币种相加`, sources: [], end: '：',
      // The rank said in words (前五) is the question's own number.
      derived: part.rank ? [String(part.rank)] : [] });
  }
  groups.forEach(([unit, members], i) => {
    const total = Number(members.reduce((sum, row) => sum + (row.cells[column].value as number), 0).toFixed(4));
    const show = `${formatNumber(total)}${kind === 'percent' ? '%' : unit}`;
    for (const row of members) context.facts.push(cellFact(table.id, label(row, table), table.columns[column], row.cells[column], table.period));
    const formula = members.length > 1 ? `${members.map(printed).join('+')}=${formatNumber(total)}` : '';
    // currency: beside another currency's sum the names stand before the formula, whose addends follow their order (the
    // amounts are said once, so the two sums stay short).
    const short = groups.length > 1 && formula !== '';
    const names = members.map((row) => label(row, table)).join('、');
    const named = members.length > LISTING.maxNamedInGroups ? ''
      : short ? (names.length <= LISTING.maxNamedPerCurrency ? names : '')
      : members.map((row) => `${label(row, table)} ${cellText(row.cells[column], table.columns[column])}`).join('、');
    const detail = short && named ? `${named}：${formula}` : [named, formula].filter(Boolean).join('；');
    const lead = groups.length === 1 ? what : '';
    const scope = groups.length > 1 ? `以${unit.replace(/^[万亿千百]+/, '')}计的${members.length}个` : '';
    claims.push({ text: `${lead}${scope}合计${show}${detail ? `（${detail}）` : ''}`,
      sources: members.map((row) => rowSource(context.knowledge, row.chunkId)), derived: [formatNumber(total), String(members.length), ...(part.rank ? [String(part.rank)] : [])], end: '；' });
  });
  if (vague.length) {
    // Rows of one magnitude are named together before it (「预言机科技、保全网…（数千万人民币）」).
    const magnitudes = new Map<string, string[]>();
    for (const row of vague) {
      const said = cellText(row.cells[column], table.columns[column]);
      magnitudes.set(said, [...(magnitudes.get(said) ?? []), label(row, table)]);
    }
    // Beside two currencies' sums, many such rows are said by their magnitudes alone, cited by the table's group chunk that
    // holds them all.
    const group = groups.length > 1 && vague.length > 2 ? groupChunkOf(context, vague) : undefined;
    claims.push({ text: group ? `其余的只给出量级（${[...magnitudes.keys()].join('、')}），未计入`
      : `另有${[...magnitudes].map(([said, names]) => `${names.join('、')}（${said}）`).join('和')}只给出量级，未计入`,
      sources: group ? [rowSource(context.knowledge, group)] : vague.map((row) => rowSource(context.knowledge, row.chunkId)) });
  }
  return finish(claims, context);
}

/**
 * 「表5-3最后一项」「表5-1第一个」 (table-attribute): the row at a place of the table's printed order, with the columns asked
 * (else every short column). A place past the end says how many rows the table has.
 */
function rowAt(context: TableContext, place: number): PartAnswer {
  const { table, part } = context;
  // follow-up 「第二个是哪的」 after a count of some rows (电子证照的案例): the place is among the rows the filters select.
  const rows = filterRows(table, filtersOf(context, -1)).filter((row) => !row.total);
  const row = rows[place > 0 ? place - 1 : rows.length + place];
  if (!row) {
    const asked = place > 0 ? `第${place}个` : `倒数第${-place}个`;
    return missing([{ text: `${table.id}只列了${rows.length}个${noun(table)}，没有${asked}`, sources: [], derived: [String(rows.length), String(Math.abs(place))] }]);
  }
  const asked = part.attributes.map((a) => columnFor(table, a)).filter((i) => i >= 0 && i !== table.label);
  const columns = asked.length ? asked : table.columns.map((c, i) => (i !== table.label && c.attribute !== 'serial' && c.kind !== 'text' ? i : -1)).filter((i) => i >= 0);
  const where = place > 0 ? `第${place}` : place === -1 ? '最后一' : `倒数第${-place}`;
  const details = describeCells(context, row, columns);
  return finish([framing(context, false), { text: `${where}个${noun(table)}是${label(row, table)}${details ? `，${details}` : ''}`, sources: [rowSource(context.knowledge, row.chunkId)],
    derived: place > 0 ? [String(place)] : [String(-place)] }], context);
}

/**
 * Answers a part from one typed table with the query algebra: look up the subjects' rows (every
 * column asked), count or list the rows that pass its filters, rank by a numeric or date column
 * (ties kept), group and count by a column, or add/compare the subjects' values with the formula —
 * each row cited, the period sentence cited once. Null when the table cannot answer this operation.
 */
export function answerFromTable(part: Part, chosen: TableChoice, knowledge: Knowledge): PartAnswer | null {
  let choice = chosen;
  const labels = new Map([...knowledge.lexicon.attributes.values()].map((a) => [a.id, a.label]));
  const { table } = choice;
  // A named row with 「最近」「最早」 is asked about itself (「复杂美科技最近一次投资是什么时候」).
  const named = part.subjects.length > 0 && part.subjects.every((s) => s.entity.kind === 'row') && !part.groupBy;
  // 「项目平台叫什么」: 叫什么 names the asked column, not the row's name.
  const specific = part.attributes.some((a) => a !== 'title' && columnFor(table, a) >= 0 && columnFor(table, a) !== table.label);
  const attributes = specific ? part.attributes.filter((a) => a !== 'title') : part.attributes;
  // 「内蒙古新增了哪些研究机构」 (table-filter-list): a province asked of a table that lists cities has the rows of its
  // cities (包头 in 内蒙古) — otherwise it would be missed, and the table read whole or declined.
  const inProvince = (row: TypedRow, province: string) => row.cells.some((c) => c.entities.some((e) => knowledge.lexicon.entities.get(e)?.province === province));
  if (part.subjects.some((s, i) => s.entity.kind === 'region' && !choice.subjectRows[i]?.length)) {
    choice = { ...choice, subjectRows: part.subjects.map((s, i) => (choice.subjectRows[i]?.length || s.entity.kind !== 'region' ? choice.subjectRows[i] ?? []
      : table.rows.filter((row) => !row.total && inProvince(row, s.entity.id)))) };
  }
  // 「19年的工业互联网项目一共几个」: a subject that is what the whole table is about (工业互联网 for 表8-1) names the table, not rows of it.
  const topical = part.subjects.map((s, i) => !choice.subjectRows[i]?.length && (table.topics.includes(s.entity.name) || table.requires.some((w) => s.entity.name.includes(w))));
  const kept = topical.some(Boolean) ? part.subjects.filter((_, i) => !topical[i]) : part.subjects;
  if (kept !== part.subjects) choice = { ...choice, subjectRows: choice.subjectRows.filter((_, i) => !topical[i]) };
  // table-sum: 「东三省有多少家」「北上广深有几个产业园」 — a group named as such, asked how many, is asked its total: each
  // member's figure and their sum with the formula (a condition or a category still counts per member).
  const groupTotal = part.groups.length > 0 && kept.length >= 2 && !part.filters.length && !part.condition
    && (part.operation === 'count' || (part.operation === 'lookup' && part.attributes.includes('count')
      // 「西部那些省份…有多少」: the place word says what the members are, not a column asked.
      && part.attributes.every((a) => a === 'count' || ['province', 'region', 'city'].includes(a))));
  const effective: Part = { ...part, subjects: kept, attributes, ...(named && AGGREGATES.has(part.operation) ? { operation: 'lookup' as const } : {}),
    ...(groupTotal ? { operation: 'sum' as const } : {}) };
  const context: TableContext = { knowledge, table, part: effective, labels, facts: [] };
  // Near-miss (「2019年新增的研究机构有哪些」): a table of one span (表2-1: 2020年; 表2-2: 2020年上半年) says nothing of a
  // period outside it — not even zero rows; the span it does cover is the nearest thing stated. A stock 截至 a date is left alone.
  // 「2018年新增了几家研究机构」: counted or looked up, the rows of another span are no more the asked period's than listed.
  // 「2018年新增了几家研究机构」: counted, the rows of another span are no answer either; the prose's nearest figure (2020年新增了
  // 9家) is what the decline offers.
  if (['count', 'sum'].includes(part.operation) && outsideSpan(table, part)) return null;
  if (part.operation === 'list' && outsideSpan(table, part)) {
    const asked = [...part.periods, ...part.filters.flatMap((f) => (f.kind === 'period' ? [f.period] : []))].map((p) => p.label).join('、');
    const text = `报告中没有${asked}的${noun(table)}数据，${table.id}只列出${table.period}的`;
    // The periods are said, not figures of the report: the years and the table's number are what the question and caption print
    // (the caption cited).
    return missing([{ text, sources: [captionSource(context)], derived: text.match(/\d+(\.\d+)?/g) ?? [] }]);
  }
  // near-miss 「排第十一的是哪家」 of a table of ten rows: a place past its last row is no place the report gives — the rows it
  // does rank are the nearest thing stated.
  const ranked = table.rows.filter((row) => !row.total).length;
  if (effective.operation === 'rank' && !effective.subjects.length && !effective.filters.length && !effective.condition
    && (effective.groupBy === undefined || columnFor(table, effective.groupBy) === table.label) && (effective.rank ?? 1) > ranked) {
    const place = CHINESE_ORDINAL[effective.rank ?? 1] ?? String(effective.rank);
    const text = `报告中没有第${place}名的数据，${table.id}（${table.caption.replace(/\s+/g, '')}）只列出${ranked}个${noun(table)}`;
    return missing([{ text, sources: [captionSource(context)], derived: [String(effective.rank), String(ranked)] }]);
  }
  if (part.row !== undefined && part.table === table.id && !kept.length) return rowAt(context, part.row);
  if (part.shared) return sharedValues(context, choice);
  const hasNumeric = numericColumn(table, effective.attributes) >= 0;
  const groupColumn = effective.groupBy ? columnFor(table, effective.groupBy) : -1;
  switch (effective.operation) {
    // 「表6-1统计的企业总计多少家」: rows that are not what is counted (地区) give it in a count column; the total row states it.
    // 「每个城市各有几个」: every group of a column other than the rows' own name, counted.
    // 「天使轮和A轮的有几家」: values of one column are alternatives; a count of them counts each and adds them up.
    case 'count': if (!effective.subjects.length) {
      // 「政府主导和企业主导的有几家」: no row holds both values of one column; each is counted, and the two added up.
      const apart = valuesApart({ ...context, part: { ...effective, operation: 'sum' } }, choice);
      // 「政府主导、企业主导、政企合作各多少」: values asked each are groups of their column — given compactly where counting
      // each apart, every row cited, runs long.
      const each = effective.among?.length && groupColumn >= 0 && (!apart || claimsLength(apart.claims) > LISTING.maxCountChars) ? groupCount(context, choice) : null;
      if (each) return each;
      if (apart) return apart;
    }
      if (groupColumn >= 0 && !effective.subjects.length) return groupColumn !== table.label ? groupCount(context, choice) : count(context, choice);
      // 「浙江的园区按城市分各几个」: places that scope the rows (a province, grouped by its cities) select them before grouping.
      if (groupColumn >= 0 && groupColumn !== table.label && effective.subjects.every((s) => PLACE_KINDS.has(s.entity.kind))) {
        const grouped = groupCount(context, choice);
        if (grouped) return grouped;
      }
      return (!effective.subjects.length && !effective.filters.length && !effective.condition && table.rows.some((row) => row.total)
      && table.columns.some((c) => c.kind === 'count'))
      // 「杭州…一共有多少企业」: a subject's count of a noun the rows are not (表6-1's rows are 地区) is its row's count cell (or
      // the row it lies in), not a count of rows.
      || (effective.subjects.length > 0 && !effective.filters.length && !effective.condition && Boolean(part.noun) && noun(table) !== part.noun
        && table.columns.some((c) => c.kind === 'count')) ? lookup(context, choice) ?? count(context, choice) : count(context, choice);
    case 'list': return effective.subjects.length && !effective.filters.length && choice.subjectRows.some((r) => r.length) ? lookup(context, choice) : count(context, choice);
    case 'max': case 'min': case 'topk': case 'rank':
      // 「哪一年发布的最多」: grouped by a date, what is counted is rows, not the latest date.
      // 「哪个轮次的企业最多」: grouped by a category with no amount asked, what is counted is rows too.
      if (groupColumn >= 0 && groupColumn !== table.label && (!hasNumeric || ((table.columns[groupColumn].kind === 'date' || table.columns[groupColumn].kind === 'category')
        && !effective.attributes.some((a) => ['share', 'money', 'growth'].includes(a))))) return groupCount(context, choice);
      return ranking(context, choice) ?? (groupColumn >= 0 ? groupCount(context, choice) : null);
    case 'earliest': case 'latest': case 'position': return ranking(context, choice);
    case 'sum': case 'difference': case 'compare': case 'ratio':
      // 「比第二名多几个」 after 「哪个省的产业园最多」: a group set against the k-th group of the same ranking.
      if (effective.operation === 'difference' && effective.rank !== undefined && groupColumn >= 0 && groupColumn !== table.label && effective.subjects.length <= 1) {
        const apart = groupDifference(context, choice);
        if (apart) return apart;
      }
      if (!effective.subjects.length && effective.versus?.length && effective.filters.some((f) => f.kind === 'period')) return periodDifference(context, choice);
      if (!effective.subjects.length && effective.operation === 'sum') {
        const sum = sumOfRows(context, choice);
        if (sum) return sum;
      }
      if (!effective.subjects.length) return valuesApart(context, choice) ?? (table.rows.some((row) => row.total) ? lookup(context, choice) : count(context, choice));
      // 「工信部一共出了几份」: one subject's rows added up, in a table without figures, is a count of them.
      if (effective.operation === 'sum' && effective.subjects.length === 1 && !hasNumeric) return count(context, choice);
      return arithmetic(context, choice);
    default:
      if (effective.attributes.includes('share') && !table.columns.some((c) => c.kind === 'percent')) {
        const share = shareOfRows(context, choice);
        if (share) return share;
      }
      // 「新增的研究机构都叫什么」: the names of the rows, none named, are their list.
      if (!effective.subjects.length && asksOnlyNames(effective, table)) return count(context, choice);
      // 「杭州有几个产业园」: a count asked of a table without a count column counts the subject's rows.
      // 「司法案例有几个」: so does one whose only subject names the whole table (its rows are all counted).
      if ((effective.attributes.includes('count') || (effective.quantity && !effective.attributes.length)) && !hasNumeric
        && (effective.subjects.length || effective.filters.length || topical.some(Boolean))) {
        return count(context, choice);
      }
      return lookup(context, choice);
  }
}

/**
 * compare: 「政府主导的园区比企业主导的多几家」「政府主导和企业主导的加起来几家」 — two values of one column are two sets of
 * rows, never rows holding both: each counted on its own (its rows cited), then their difference or sum with the formula.
 * Null unless the part names two or more values of one column of this table.
 */
function valuesApart(context: TableContext, choice: TableChoice): PartAnswer | null {
  const { part, table } = context;
  const own = part.filters.filter((f) => f.kind === 'value' && f.entity.table === table.id && f.entity.column !== undefined);
  // 「2018年和2019年成立的」: periods of one date are alternatives too, each counted.
  const dated = part.filters.filter((f) => f.kind === 'period' && columnFor(table, f.attribute) >= 0);
  const dateColumn = dated.map((f) => (f.kind === 'period' ? columnFor(table, f.attribute) : -1)).find((c, i, all) => all.indexOf(c) !== i);
  const column = own.map((f) => (f.kind === 'value' ? f.entity.column : -1)).find((c, i, all) => all.indexOf(c) !== i) ?? dateColumn;
  if (column === undefined) return null;
  const values = dateColumn !== undefined && column === dateColumn
    ? [...dated.filter((f) => f.kind === 'period' && columnFor(table, f.attribute) === dateColumn)].sort((a, b) => (a.kind === 'period' && b.kind === 'period' ? a.period.from - b.period.from : 0))
    : own.filter((f) => f.kind === 'value' && f.entity.column === column);
  const nameOf = (f: Part['filters'][number]) => (f.kind === 'value' ? f.entity.name : f.kind === 'period' ? f.period.text.replace(/\s+/g, '') : f.text);
  const names = [...new Set(values.map(nameOf))];
  if (names.length < 2 || (part.operation !== 'sum' && names.length !== 2)) return null;
  const counts = names.map((name) => {
    const kept = part.filters.filter((f) => !values.includes(f) || nameOf(f) === name);
    const each: TableContext = { ...context, part: { ...part, filters: kept, operation: 'count' } };
    const filters = [...subjectFilters(each, choice), ...filtersOf(each, numericColumn(table, part.attributes))];
    return { name, rows: filterRows(table, filters), said: describeRows(each, filters) };
  });
  if (counts.some((c) => !c.rows.length)) return null;
  const claims: Claim[] = [framing(context, false), ...counts.map((c) => ({ text: `${c.said}有${c.rows.length}个`, derived: [String(c.rows.length)],
    sources: c.rows.map((r) => rowSource(context.knowledge, r.chunkId)), end: '；' }))];
  const numbers = counts.map((c) => c.rows.length);
  if (part.operation === 'sum') {
    const total = numbers.reduce((a, b) => a + b, 0);
    claims.push({ text: `合计${total}个（${numbers.join('+')}=${total}）`, sources: [], derived: [String(total)] });
  } else {
    const change = numbers[0] - numbers[1];
    claims.push({ text: change === 0 ? `${names[0]}与${names[1]}一样多` : `${names[0]}比${names[1]}${change > 0 ? '多' : '少'}${Math.abs(change)}个（${numbers[0]}−${numbers[1]}=${change}）`,
      sources: [], derived: [String(Math.abs(change)), String(change)] });
  }
  claims[claims.length - 1].end = '。';
  return answered(claims);
}

/**
 * 「有哪些标准是2020年4月发布的」 (table-filter-list): things of one kind that several tables list (标准: 表5-1 … 表5-9), none
 * named, selected by a date — each table's rows that pass, table by table, with the total. Null unless two tables or
 * more have such rows.
 */
export function listAcrossTables(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.operation !== 'list' || !part.noun || part.subjects.length || part.table) return null;
  // 「T/SCCIA打头的标准有哪些」: a code's beginning selects rows of every table that numbers its rows, as a date does of dated ones.
  const prefix = part.filters.some((f) => f.kind === 'prefix');
  if (!prefix && !part.filters.some((f) => f.kind === 'period') && !part.periods.some((p) => !p.asOf)) return null;
  const tables = [...knowledge.tables.values()].filter((t) => t.rowNouns.includes(part.noun!) && t.columns.some((c) => c.kind === (prefix ? 'code' : 'date')));
  const found: PartAnswer[] = [];
  let total = 0;
  for (const table of tables) {
    const answer = answerFromTable(part, { table, score: 0, subjectRows: [] }, knowledge);
    const counted = Number(answer?.claims.find((c) => c.derived?.length)?.derived?.[0] ?? 0);
    if (answer?.status !== 'answered' || !counted) continue;
    // Each table's lead says which table it is (「表5-1中发布时间在…的标准共3个」): the same words of two tables stay two claims.
    const lead = answer.claims.findIndex((c) => c.derived?.length);
    found.push({ ...answer, claims: answer.claims.slice(lead).map((c, i) => (i === 0 ? { ...c, text: `${table.id}中${c.text}` } : c)) });
    total += counted;
  }
  if (prefix && found.length === 1) return found[0];
  if (found.length < 2) return null;
  const claims: Claim[] = [{ text: `报告有${found.length}张表列出符合条件的${part.noun}，共${total}个`, sources: [], derived: [String(found.length), String(total)], end: '：' },
    ...found.flatMap((a, i) => a.claims.map((c, j) => (j === a.claims.length - 1 ? { ...c, end: i === found.length - 1 ? '。' : '；' } : c)))];
  return answered(claims, found.flatMap((a) => a.facts));
}

/**
 * 「性能测试和安全测试的标准一共多少条」「表5-8和表5-9加起来」: each table named is counted on its own (the part's conditions
 * that hold in it: a period, a value), every row cited, and the counts added with the formula. Null when a table is unknown
 * or a period asked lies outside one's span (that table says nothing of it).
 */
export function countAcrossTables(part: Part, knowledge: Knowledge): PartAnswer | null {
  const labels = new Map([...knowledge.lexicon.attributes.values()].map((a) => [a.id, a.label]));
  const named = (part.tables ?? []).map((id) => knowledge.tables.get(id));
  if (named.length < 2 || named.some((t) => !t)) return null;
  const counted: { table: TypedTable; rows: TypedRow[]; context: TableContext; filters: RowFilter[] }[] = [];
  for (const table of named as TypedTable[]) {
    // The clause's words name the tables (性能, 安全测试 — each another's), so none selects rows inside one.
    const own: Part = { ...part, table: table.id, tables: undefined, words: [] };
    if (outsideSpan(table, own)) return null;
    const context: TableContext = { knowledge, table, part: own, labels, facts: [] };
    const filters = filtersOf(context, -1);
    counted.push({ table, rows: filterRows(table, filters), context, filters });
  }
  const claims: Claim[] = counted.map(({ table, rows, context, filters }) => ({
    text: `据${table.id}（${table.caption.replace(/\s+/g, '')}），${filters.length ? describeRows(context, filters) : noun(table)}共${rows.length}个`,
    sources: rows.map((row) => rowSource(knowledge, row.chunkId)), derived: [String(rows.length)], end: '；' }))
    // The prose's own count of a table's rows (新增密码模块测评标准 7 项，见表5-7) is cited beside them.
    .map((claim, i) => withProseCount([claim], counted[i].context)[0]);
  const total = counted.reduce((sum, c) => sum + c.rows.length, 0);
  claims.push({ text: `${counted.length}张表合计${total}个（${counted.map((c) => c.rows.length).join('+')}=${total}）`, sources: [], derived: [String(total), String(counted.length)], end: '。' });
  return answered(claims, []);
}
