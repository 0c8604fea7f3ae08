import type { TypedRow, TypedTable } from '../facts/typed-tables';
import type { AttributeId } from '../question/lexicon';
import type { Part, Subject } from '../question/reading';
import { figureNumber } from '../question/question-words';
import { formsOfNoun } from '../question/read-message';
import { compactForm } from '../text/compact-form';
import { parsePeriod, periodsOverlap, type PeriodSpan } from '../text/find-periods';
import type { Knowledge } from './knowledge';
import { TABLE_CHOICE } from './thresholds';

const EQUIVALENT: Partial<Record<AttributeId, AttributeId[]>> = {
  province: ['region'], region: ['province'], date: ['founded', 'published'], founded: ['date', 'published'],
  published: ['date', 'founded'],
  // 「做什么的」 of a project (表8-1) is its application type; of a standard (表5-6) its content.
  positioning: ['apptype', 'content'],
  // 「谁搞的」「谁负责的」 of a project (表8-1 names no 主导机构) is the enterprise that did it; of a policy (表1-1) who published it.
  leader: ['enterprise', 'publisher'],
  // 「哪家出的」 of a policy: the one who published it; 「哪家企业发布了荣链」 of a project: the enterprise whose it is.
  enterprise: ['publisher'], publisher: ['enterprise'],
};
const ROW_COUNTS = new Set<AttributeId>(['count']);
const RANKINGS = new Set(['max', 'min', 'topk', 'rank']);

/** The column of a table that holds an attribute (equivalent attributes allowed), or -1. */
export function columnFor(table: TypedTable, attribute: AttributeId): number {
  const exact = table.columns.findIndex((c) => c.attribute === attribute);
  if (exact >= 0) return exact;
  for (const other of EQUIVALENT[attribute] ?? []) {
    const index = table.columns.findIndex((c) => c.attribute === other);
    if (index >= 0) return index;
  }
  // 「哪些城市出了专项政策」: a place column naming cities (表1-2's 地方: 苏州市, 南京市 …) holds the city asked for.
  if (attribute === 'city') {
    const index = table.columns.findIndex((c, i) => c.kind === 'place' && table.rows.some((r) => r.cells[i]?.entities.some((e) => e.startsWith('city:'))));
    if (index >= 0) return index;
  }
  // 「哪家企业」 in a table whose rows are companies: the label column.
  if ((attribute === 'enterprise' && table.rowNouns.includes('企业')) || attribute === 'title') return table.label;
  return -1;
}

const rowsByEntity = new WeakMap<TypedTable, Map<string, TypedRow[]>>();

/** The table's rows keyed by the entities their cells name (built once per table). */
function entityRows(table: TypedTable): Map<string, TypedRow[]> {
  let index = rowsByEntity.get(table);
  if (!index) {
    index = new Map();
    for (const row of table.rows) for (const id of new Set(row.entities)) index.set(id, [...(index.get(id) ?? []), row]);
    rowsByEntity.set(table, index);
  }
  return index;
}

/** The rows of a table a subject names (a row entity, a cell naming it). */
export function rowsOf(table: TypedTable, subject: Subject): TypedRow[] {
  for (const entity of [subject.entity, ...(subject.alternatives ?? [])]) {
    const rows = entity.kind === 'row' ? (entity.table === table.id ? (entity.rows ?? []).map((i) => table.rows[i]).filter(Boolean) : [])
      : entityRows(table).get(entity.id) ?? [];
    if (rows.length) return rows;
  }
  return [];
}

/**
 * 「政务案例里跟深圳有关的」「定位里提到金融的产业园」: rows whose free-text cells (a case, a positioning, a standard's content)
 * mention a subject by one of its forms (two characters or more) — where no cell names it as a value.
 */
export function mentioningRows(table: TypedTable, subject: Subject, forms: readonly string[]): TypedRow[] {
  const text = table.columns.map((c, i) => (c.kind === 'text' ? i : -1)).filter((i) => i >= 0);
  const said = [...new Set([subject.entity.name, ...forms].map(compactForm).filter((f) => f.length >= 2))];
  if (!text.length || !said.length) return [];
  return table.rows.filter((row) => !row.total && text.some((i) => said.some((f) => compactForm(row.cells[i]?.text ?? '').includes(f))));
}

/** The first numeric column of a kind (count, then money, then percent) — what a ranking sorts by. */
export function numericColumn(table: TypedTable, attributes: AttributeId[]): number {
  for (const attribute of attributes) {
    const index = columnFor(table, attribute);
    if (index >= 0 && ['count', 'percent', 'money', 'date'].includes(table.columns[index].kind ?? '')) return index;
  }
  for (const kind of ['count', 'money', 'percent']) {
    const index = table.columns.findIndex((c) => c.kind === kind);
    if (index >= 0) return index;
  }
  return -1;
}

/** 「汇总表」「一览表」「分布表」: 表 after a word of the caption (the report's word, not the user's). */
// 分布 (「分布在哪些城市」) asks where a table's rows are, whether or not its cells print the word.
const GENERIC_WORDS = new Set(['区块链', '企业', '公司', '全国', '我国', '中国', '国内', '报告', '数据', '分布']);
const printedText = new WeakMap<TypedTable, string>();
const captionForms = new WeakMap<TypedTable, string>();

const reportFormsOf = new WeakMap<Knowledge, Set<string>>();

/** The report's words that everyday ones stand for (synonyms.tsv: 各地 → 各省市, 上中下游 → 上游 中游 下游), once per lexicon. */
function reportForms(knowledge: Knowledge): Set<string> {
  let forms = reportFormsOf.get(knowledge);
  if (!forms) reportFormsOf.set(knowledge, (forms = new Set([...knowledge.lexicon.synonyms.values()].flatMap((c) => c.split(' ')))));
  return forms;
}

/** The table's caption in compact form (its words name the table, not some of its rows). */
export function captionForm(table: TypedTable): string {
  let form = captionForms.get(table);
  if (form === undefined) {
    form = compactForm(table.caption);
    captionForms.set(table, form);
  }
  return form;
}

/** Everything a table prints (caption, columns, cells), compact: to check a question's words against. */
function tableText(table: TypedTable): string {
  let text = printedText.get(table);
  if (!text) {
    text = compactForm([table.caption, ...table.columns.map((c) => c.name), ...table.topics, ...table.rows.flatMap((r) => r.cells.map((c) => c.text))].join(' '));
    printedText.set(table, text);
  }
  return text;
}

/**
 * 「2018年有多少个工业互联网项目」: a period asked of a table that dates its rows selects rows by that date, as a date
 * condition does — unless it is the table's own period (表1-1 is all of 2020上半年) or a stock as of then.
 */
export function periodSelectsRows(table: TypedTable, part: Part): boolean {
  return table.columns.some((c) => c.kind === 'date') && part.periods.some((p) => !p.asOf && !(table.period ?? '').includes(p.label));
}

/**
 * 「2019年新增的工业互联网项目有多少」: one year (or a month of it), not bounded (以来, 至今), dates rows of a table; a span the prose
 * counts over (2017 年至 2020 上半年新增 16 个) is the prose's.
 */
function withinOneYear(period: PeriodSpan): boolean {
  return !period.bound && !period.asOf && Math.floor(period.from / 100) === Math.floor(period.to / 100);
}

/** Some period the part asks of lies wholly outside the span a table covers (not a stock 截至 a date). */
export function outsideSpan(table: TypedTable, part: Part): boolean {
  if (!table.period || /截[至止]/.test(table.period)) return false;
  const span = parsePeriod(table.period);
  const asked = [...part.periods.filter((p) => !p.asOf && !p.bound), ...part.filters.flatMap((f) => (f.kind === 'period' && !f.relation ? [f.period] : []))];
  // A table whose caption's period is narrower than its own dated rows (表5-8: 2020上半年, rows from 2017-03) covers the rows it dates.
  const dates = table.columns.flatMap((c, i) => (c.kind === 'date' ? table.rows.map((r) => r.cells[i]?.value).filter((v): v is number => typeof v === 'number') : []));
  const dated = (p: PeriodSpan) => dates.some((v) => {
    const year = Math.floor(v / 10_000);
    const month = Math.floor(v / 100) % 100;
    return periodsOverlap(p, { from: year * 100 + (month || 1), to: year * 100 + (month || 12) });
  });
  return Boolean(span) && asked.some((p) => !periodsOverlap(span!, p) && !dated(p));
}

/**
 * table-difference: 「企业数比2019年多了多少」 — a stock counted 截至 a date (表6-1: 截至2020年6月), its rows undated, holds no figure of
 * a period that ended before it: the comparison is the prose's (303 vs 2019's 81), not the table's.
 */
function stockAfter(table: TypedTable, periods: readonly PeriodSpan[]): boolean {
  if (!table.period || !/截[至止]/.test(table.period) || table.columns.some((c) => c.kind === 'date')) return false;
  const span = parsePeriod(table.period);
  return Boolean(span) && periods.some((p) => p.to < span!.from);
}

/**
 * 「2020年全年广东有多少企业」 (near-miss): a span asked precisely that is not the table's own period (表6-1 counts 截至2020年6月;
 * 「今年6月底」 is that point), or a period that ended before a table's stock was counted — unless the table's dated rows are
 * what the period selects.
 */
export function missesExactPeriod(table: TypedTable, part: Part): boolean {
  if (!table.period || !part.periods.length) return false;
  const span = parsePeriod(table.period);
  if (!span) return false;
  // 「今年全年投融资多少钱」: a figure of a span asked precisely that runs past the table's own (表2-2: 上半年) is not the sum of
  // its rows dated in it — the rest of the span is not in the table.
  if (part.quantity && part.operation !== 'list' && part.periods.some((p) => p.exact && p.to > span.to && p.from <= span.to)) return true;
  if (periodSelectsRows(table, part)) return false;
  // 「北京2019年有多少区块链企业」 (near-miss): a stock counted 截至2020年6月 is no figure of a period that ended before it.
  if (/截[至止]/.test(table.period) && part.periods.some((p) => !p.asOf && p.to < span.from)) return true;
  return part.periods.some((p) => p.exact && !(span.from === p.from && span.to === p.to));
}

/** 「城市」「省份」「地方」: a word naming a kind of place says what the answer's rows are, never another topic. */
function namesPlaceKind(word: string, knowledge: Knowledge): boolean {
  const match = knowledge.lexicon.longestAt(compactForm(word), 0, () => true);
  return match?.surface === compactForm(word) && match.cues.some((c) => c.type === 'noun' && c.noun === '地区');
}

/** The word is a cluster's name (环渤海聚集区, 长三角). */
function clusterNamed(word: string, knowledge: Knowledge): boolean {
  const match = knowledge.lexicon.longestAt(compactForm(word), 0, () => true);
  return match?.surface === compactForm(word) && match.cues.some((c) => c.type === 'entity' && knowledge.lexicon.entities.get(c.entity)?.kind === 'cluster');
}

/** 「出台」「发布」「成立」: a word marking one of the table's own columns (its date of publication) is about the table. */
function namesOwnColumn(word: string, table: TypedTable, knowledge: Knowledge): boolean {
  const match = knowledge.lexicon.longestAt(compactForm(word), 0, () => true);
  return match?.surface === compactForm(word) && match.cues.some((c) => (c.type === 'dateMarker' || c.type === 'attribute') && columnFor(table, c.attribute) >= 0);
}

/**
 * 「湘黔渝里头重庆有几家」: a cluster or group containing a place asked of only says where that place is — no other topic. A share
 * asked (「湘黔渝里四川占多少」) is of that cluster, the prose's, not the table's share of the whole country.
 */
function scopesSubject(word: string, part: Part, knowledge: Knowledge): boolean {
  if (part.attributes.includes('share')) return false;
  const match = knowledge.lexicon.longestAt(compactForm(word), 0, () => true);
  return match?.surface === compactForm(word) && match.cues.some((c) => c.type === 'entity'
    && (knowledge.lexicon.entities.get(c.entity)?.members ?? []).some((m) => part.subjects.some((s) => s.entity.id === m)));
}

export interface TableChoice {
  table: TypedTable;
  score: number;
  /** Rows each subject names in this table (same order as the part's subjects). */
  subjectRows: TypedRow[][];
}

/**
 * The table a part is about, if any: the one it names; else one whose rows are what it counts
 * (企业, 产业园 …) or that lists a row it names, scored by the subjects its cells name, the attributes
 * its columns hold, the category values it prints, and the topic words of its caption. Null when no
 * table fits: the part is then answered from the prose.
 */
export function chooseTable(part: Part, knowledge: Knowledge): TableChoice | null {
  let best: TableChoice | null = null;
  const wordForms = part.words.map(compactForm);
  for (const table of knowledge.tables.values()) {
    if (!table.columns.some((c) => c.attribute)) continue;
    const explicit = part.table === table.id;
    if (part.table && !explicit) continue;
    // A subject no cell names as a value, in a table of the counted things (or the one named), is looked for in its text cells.
    // Only where rows are what is asked (a list, a count, a column the table has) of this very table: the one named, one
    // whose topic another subject is (政务 → 表4-2), or one whose text column is named (定位里) — a figure it lacks, or a
    // table merely of the same things, stays with the prose.
    const rowsAsked = ['list', 'count', 'compare'].includes(part.operation) || (part.attributes.length > 0 && part.attributes.every((a) => a === 'count' || columnFor(table, a) >= 0));
    const thisTable = explicit || part.subjects.some((s) => table.topics.includes(s.entity.name))
      || part.attributes.some((a) => a !== 'case' && table.columns[columnFor(table, a)]?.kind === 'text');
    const own = rowsAsked && thisTable && (explicit || Boolean(part.noun && table.rowNouns.includes(part.noun)));
    const subjectRows = part.subjects.map((subject) => {
      const rows = rowsOf(table, subject);
      return rows.length || !own || table.topics.includes(subject.entity.name) ? rows : mentioningRows(table, subject, knowledge.lexicon.formsOf(subject.entity.id));
    });
    const namedRow = part.subjects.some((s) => [s.entity, ...(s.alternatives ?? [])].some((e) => e.kind === 'row' && e.table === table.id)
      && (s.entity.kind === 'row' || !part.noun || table.rowNouns.includes(part.noun)));
    // 「比例不到1%的有几个省」: places are what a table whose rows are places (表6-1) counts.
    const noun = part.noun ? table.rowNouns.includes(part.noun) || (part.noun === '地区' && table.columns[table.label]?.kind === 'place' && Boolean(part.condition)) : false;
    const matched = subjectRows.filter((rows) => rows.length).length;
    const columns = part.attributes.filter((a) => columnFor(table, a) >= 0);
    const values = part.filters.filter((f) => f.kind === 'value' && f.entity.table === table.id).length;
    const foreignValues = part.filters.filter((f) => f.kind === 'value' && f.entity.table !== table.id).length;
    const dated = periodSelectsRows(table, part);
    const dates = part.filters.filter((f) => f.kind === 'period' && columnFor(table, f.attribute) >= 0).length + Number(dated);
    const caption = captionForm(table);
    // 「汇总表」「一览表」: a caption word said with 表 after it names the table by its caption.
    const topics = part.words.filter((w, i) => table.topics.includes(w) || caption.includes(wordForms[i])).length;
    const grouping = part.groupBy && columnFor(table, part.groupBy) >= 0 ? 1 : 0;
    // 「工信部的文件占几成」: the share of a subject's rows among the rows of what is counted is the table's to give.
    const asksValue = part.attributes.filter((a) => !ROW_COUNTS.has(a) && !(a === 'share' && noun && matched === 1 && part.subjects.length === 1));
    // A value the table cannot give (「估值」 of a company, 「定位」 of a fund) leaves the question to the prose.
    const unanswerable = asksValue.length > 0 && columns.filter((a) => !ROW_COUNTS.has(a)).length === 0;
    // Figures of what is new in a period (新成立) are not a table's stock, unless the table lists what is new.
    // 「2020年新成立的产业园有哪些」 (table-filter-list): names asked of a year that the table's own dates select are its rows —
    // a count keeps the prose's figure, which may differ from the table's dated rows.
    // 「2018年新建了几个产业园」: where the prose states no count of the period, the table's rows dated in it are the count.
    // A period outside the table's own span (表2-2 is 2020上半年; 2019年 asked) dates none of its rows: the prose's count stands.
    // (A name or a category asked of what is new, no figure, is any table's that lists the things: 「2020年那个是谁搞的」.)
    const asksName = part.attributes.length > 0 && !part.quantity && ['lookup', 'list'].includes(part.operation);
    const wantsNew = part.qualifiers.includes('new') && !asksName && !table.topics.some((t) => t.includes('新增')) && !((['list', 'count'].includes(part.operation) || (part.attributes.includes('count') && periodSelectsRows(table, part) && part.periods.every(withinOneYear))) && part.periods.some((p) => !p.asOf) && table.columns.some((c) => c.kind === 'date') && !outsideSpan(table, part));
    // A cluster, an organisation or a domain the table does not list (「湘黔渝聚集区中四川占多少」) frames a figure of the prose.
    const foreign = part.subjects.some((s, i) => !subjectRows[i].length && ['cluster', 'organization', 'domain', 'title', 'row'].includes(s.entity.kind)
      && !table.topics.includes(s.entity.name) && !table.requires.some((w) => s.entity.name.includes(w)));
    // 「链湾入驻了多少家企业」: a named row asked to count something else than what the table's rows are.
    const otherNoun = Boolean(part.noun) && !noun && !columns.length;
    // 「top10里美元融资的」: a word only this table's topics use (top10), or a currency of its amounts, names the table.
    const ownWord = part.words.some((w) => table.requires.includes(w) && table.topics.includes(w));
    const currencyNamed = part.qualifiers.some((q) => ['人民币', '美元'].includes(q));
    const currency = currencyNamed && table.columns.some((c) => c.kind === 'money');
    // 「这十家一共融了多少」: a selection pointed at, asked for what this table's columns hold (金额), names the table as its noun would.
    const pointedSum = part.selection === true && part.operation === 'sum' && columns.some((a) => !ROW_COUNTS.has(a));
    // 「司法案例有几个」: a subject that is what the whole table is about (司法 for 表4-3) names the table, not rows of it.
    const topical = part.subjects.filter((s, i) => !subjectRows[i].length && (table.topics.includes(s.entity.name) || table.requires.some((w) => s.entity.name.includes(w)))).length;
    let eligible = explicit || (namedRow && !wantsNew && !otherNoun);
    if (!eligible) {
      eligible = noun && (matched > 0 || columns.length > 0 || values > 0 || dates > 0 || grouping > 0 || Boolean(part.condition)
        || (topical > 0 && part.attributes.includes('count')) || Boolean(part.shared)
        || ['count', 'list', 'max', 'min', 'topk', 'rank', 'earliest', 'latest', 'sum'].includes(part.operation)
        // 「厦门有区块链产业园吗」: a place the table does not list is answered there (as not listed).
        || part.subjects.some((s) => ['region', 'city'].includes(s.entity.kind)));
      // 「投融资金额排名前三的公司」: what the table's columns hold, ranked or listed, with no counted noun.
      // 「这十家一共融了多少」: a sum of a selection pointed at (the top10), of what only such a table's columns hold.
      if (!eligible && !part.noun && columns.length > 0 && !unanswerable && table.requires.length
        && (['topk', 'rank', 'max', 'min', 'list', 'count', 'earliest', 'latest'].includes(part.operation) || pointedSum)) eligible = true;
      // 「闽排第几」: a place the table ranks, asked for its place.
      if (!eligible && !part.noun && matched > 0 && ['position', 'rank', 'max', 'min', 'topk'].includes(part.operation)
        && table.columns.some((c) => c.kind === 'count' || c.kind === 'money' || c.kind === 'percent')) eligible = true;
      // Subjects the table lists, asked for what the table holds (「广东占比多少」 has no noun). share: 「北上广深合计占多少」 — a city a
      // table of provinces does not list is held there through its province (广州 → 广东), as the table's answer says.
      const viaProvince = part.subjects.filter((s, i) => !subjectRows[i].length && s.entity.kind === 'city' && s.entity.province
        && knowledge.lexicon.entities.has(s.entity.province) && rowsOf(table, { entity: knowledge.lexicon.entities.get(s.entity.province)!, text: '' }).length).length;
      if (!eligible && !part.noun && matched > 0 && matched + viaProvince === part.subjects.length && columns.length > 0 && !unanswerable) eligible = true;
      // compare: 「广东北京，谁多」 — places that are each one row of a table holding a figure, compared with no attribute said,
      // are compared by that table's figure (one scope for all), not by prose figures of different scopes.
      if (!eligible && !part.noun && !part.attributes.length && part.subjects.length >= 2 && subjectRows.every((rows) => rows.length === 1)
        && ['compare', 'difference', 'sum'].includes(part.operation) && table.columns.some((c) => c.kind === 'count')) eligible = true;
      // A category value only this table prints (天使轮, 政府主导) names the table.
      if (!eligible && values > 0 && !part.noun) eligible = true;
      if (!eligible && !part.noun && (ownWord || currency) && part.operation !== 'explain') eligible = true;
      // 「前五名加起来一共多少家」 (table-sum): the top rows of a table holding the asked figure, added up.
      if (!eligible && !part.noun && part.operation === 'sum' && part.rank && columns.some((a) => ['count', 'money', 'percent'].includes(table.columns[columnFor(table, a)].kind ?? ''))) eligible = true;
      if (part.noun && !noun) eligible = false;
      if (unanswerable && !values) eligible = false;
      if (foreignValues && !values) eligible = false;
      if (wantsNew || foreign) eligible = false;
      // list: 「杭州有哪些区块链公司」 asks the names of what is counted; a table whose rows are places (表6-1) counts the firms of
      // each place and names none of them — unless the places themselves are asked (哪些省) or selected by a condition.
      const placesOnly = table.columns[table.label]?.kind === 'place' && part.noun !== '地区' && !table.rowNouns.includes('地区');
      if (placesOnly && part.operation === 'list' && !part.condition && !part.groupBy && !part.attributes.some((a) => ['region', 'province', 'city'].includes(a))) eligible = false;
      // 「美元融资的公司有几家」: a currency is a condition on amounts; a table without them cannot apply it.
      if (currencyNamed && !currency) eligible = false;
      // 「哪个聚集区企业占比最高」: a ranking grouped by something no column holds (聚集区) is the prose's, not a ranking of rows.
      if (part.groupBy === 'cluster' && columnFor(table, part.groupBy) < 0) eligible = false;
    }
    // A table that lists only some things of its kind (表2-1: the研究机构 new in 2020; 表8-1: 工业互联网 projects)
    // answers only a question that says so, names it, or names one of its rows.
    if (!explicit && !namedRow && table.requires.length) {
      // follow-up: a subject carried over from an earlier turn (「工业互联网项目一共多少个」→「2018年的有几个」) was said in
      // that turn's words; its text says what the table is about as much as this turn's own words do.
      const said = [part.text, ...part.words, ...part.subjects.map((s) => s.text)].join(' ');
      const required = table.requires.some((w) => said.includes(w)) || (table.requires.includes('新增') && part.qualifiers.includes('new'))
        || (matched > 0 && part.subjects.some((s, i) => subjectRows[i].length && ['region', 'city'].includes(s.entity.kind) && table.requires.includes('地方')))
        // 「工信部发了几份政策」: an organisation the table's rows name is what the table is about.
        || part.subjects.some((s, i) => subjectRows[i].length && s.entity.kind === 'organization')
        // 「政府牵头的研究机构在哪些城市」: a category value of this table, of the rows it counts; the caption then says its scope.
        // 「哪些企业的应用类型有二手交易」: so is one naming no counted noun at all.
        || (values > 0 && (noun || (!part.noun && part.operation === 'list')))
        // 「济南的研究院是谁牵头的」: what the table prints of rows it lists for a named place or organisation (not how many
        // there are); the caption then says its scope.
        || (matched > 0 && noun && columns.some((a) => !ROW_COUNTS.has(a)) && !['count', 'sum'].includes(part.operation))
        // 「研究机构中在济南的有哪些」: the rows of what is counted that a named place has are listed there (its caption says the scope).
        || (part.operation === 'list' && noun && matched > 0 && matched === part.subjects.length)
        // 「研究院哪个城市最多」: the things counted grouped by a column only such a table holds (no other table prints where each
        // 研究机构 is); the caption then says its scope.
        // 「研究机构按城市分各几家」: so does a count of each group.
        || (noun && grouping > 0 && (RANKINGS.has(part.operation) || (part.operation === 'count' && Boolean(part.groupBy))) && !part.subjects.length)
        || pointedSum;
      if (!required) eligible = false;
    }
    // Content words the table never prints (「青岛智能办」: 智能办 is no cell of 表3-3) say the question is about something else.
    if (eligible && !explicit && !namedRow) {
      const printed = tableText(table);
      // The report's form of an everyday word (各地 → 各省市) was added for retrieval; only what the user said can be foreign.
      const said = compactForm(part.text);
      const expanded = (w: string) => !said.includes(compactForm(w)) && reportForms(knowledge).has(w);
      const foreignWords = part.words.filter((w) => w.length >= 2 && !GENERIC_WORDS.has(w) && !printed.includes(compactForm(w)) && !expanded(w)
        && !knowledge.lexicon.isFunctionWord(w) && !part.subjects.some((s) => s.text === w) && !namesPlaceKind(w, knowledge) && !namesOwnColumn(w, table, knowledge)
        // 「产业园区」: a form of what the rows are is no foreign word, though the table never prints that form.
        && !table.rowNouns.some((n) => formsOfNoun(n, knowledge.lexicon).has(compactForm(w))) && !scopesSubject(w, part, knowledge));
      // 「专利排名前100的企业里」: a topic word of the report that this table never prints (专利) is about another figure, noun or not.
      if (foreignWords.length && (!noun || foreignWords.some((w) => knowledge.facts.idf(w) >= TABLE_CHOICE.foreignTopicIdf))) eligible = false;
      // share: 「环渤海聚集区中天津占多少」 — a cluster looked inside is the whole the share is of; a table that never prints it
      // (表6-1's shares are of the whole country) gives another whole's share. (A count inside it, 湘黔渝里头重庆有几家, is the
      // place's own count wherever it is counted.)
      if (part.attributes.includes('share') && part.words.some((w) => clusterNamed(w, knowledge) && !printed.includes(compactForm(w)))) eligible = false;
      // A figure the question states that the table does not print (「那8家拿到融资的新企业」) points to the prose.
      // A list's figure that is the number of the table's rows (「出了专项政策的12个省市都有哪些」) says how many there are to list.
      // 「那9家新研究机构按牵头人分各几家」: so does a count, grouping or ranking of the rows it points at.
      const size = (f: string) => ['list', 'count', 'sum', 'max', 'min', 'topk'].includes(part.operation) && Number(figureNumber(f)) === table.rows.filter((row) => !row.total).length;
      if (part.figures.some((f) => !printed.includes(figureNumber(f)) && !size(f))) eligible = false;
    }
    // 「今年上半年部委政策跟19年全年比」: a comparison with a period the table does not cover (表1-1 is 2020 H1) is not the table's.
    if (eligible && !explicit && part.versus?.length && ['compare', 'difference'].includes(part.operation)
      && (outsideSpan(table, { ...part, periods: part.versus, filters: [] }) || stockAfter(table, part.versus))) eligible = false;
    if (!eligible) continue;
    const score = TABLE_CHOICE.explicit * Number(explicit) + TABLE_CHOICE.namedRow * Number(namedRow) + TABLE_CHOICE.noun * Number(noun || ownWord || currency || pointedSum)
      + TABLE_CHOICE.subject * matched + TABLE_CHOICE.column * columns.length + TABLE_CHOICE.value * (values + dates)
      + TABLE_CHOICE.topic * topics + TABLE_CHOICE.grouping * grouping
      + TABLE_CHOICE.ranking * Number((['position', 'rank', 'max', 'min', 'topk'].includes(part.operation) || (part.operation === 'sum' && Boolean(part.rank))) && table.columns.some((c) => ['count', 'money', 'percent'].includes(c.kind ?? '')))
      - TABLE_CHOICE.unmatchedSubject * (part.subjects.length - matched - topical);
    if (!best || score > best.score) best = { table, score, subjectRows };
  }
  return best && best.score >= TABLE_CHOICE.minimum ? best : null;
}
