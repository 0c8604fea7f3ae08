import type { StoredFact } from '../facts/fact-store';
import type { Part, Subject } from '../question/reading';
import type { PeriodSpan } from '../text/find-periods';
import { compactForm } from '../text/compact-form';
import { answered, missing, type Claim, type PartAnswer } from './claims';
import { restatedFigureSources } from './restated-sources';
import { CHINESE_ORDINAL, formatNumber } from './format-value';
import { sentenceSource, type Knowledge } from './knowledge';
import { FACT_MATCH } from './thresholds';
import { formsOfNoun } from '../question/read-message';

/** A prose figure scored against a part. */
export interface Candidate {
  fact: StoredFact;
  score: number;
  coverage: number;
}

type Kind = StoredFact['kind'];
/** The kinds of entity a ranking grouped by an attribute ranks (哪个省 → regions). */
const GROUP_KINDS: Record<string, string[]> = { province: ['region'], region: ['region', 'cluster'], city: ['city'], cluster: ['cluster'] };
/** 「在这 44 家区块链产业园中」 refers back to a figure stated before; the sentence that states it answers better. */
const TOTAL = /共|总计|总数|合计|累计|全国|总体/;
/** The country named as the scope of a sentence. */
const NATIONAL = /我国|全国/;
const ANAPHORIC = /^(在|从|对)?\s*(这|该|上述|以上|此|这些)\s*\d/;
/**
 * two-figure: 「已有湖南、贵州、…、重庆等 12 个省市印发…」 — a count that follows the members it counts, listed, is the whole set
 * it names (not a part of a larger whole), not one of its members' figures.
 */
const ENUMERATED = /、[^，。；：]*等\s*\d+\s*[个家项所座]/;
const EACH = /均|各自/;
const WITHIN = /中\s*(仅有|仅|只有|有|共有)?\s*\d/;
/** A figure that states a whole: a total (共/全国…), a national scope opening its sentence, or an enumerated set. */
function statesWhole(fact: StoredFact, before: string): boolean {
  // 「新注册成立的区块链企业中仅有 8 家获得投融资」: a figure counted within a set (…中有 N) is a part of it, whatever its sentence opens on.
  if (WITHIN.test(fact.window)) return false;
  return TOTAL.test(fact.window) || NATIONAL.test(before) || ENUMERATED.test(fact.window);
}
// Ordinals in words: a rank the answer computes is not a figure of the report (the number guard's rule).
const REPORT_PERIOD = { from: 202001, to: 202006 };
const PLACE_KINDS = new Set(['region', 'city', 'cluster', 'country']);
/** Currencies a question may name (qualifiers.tsv) and the currency of a money figure by its unit (亿美元 → 美元, 亿元 → 人民币). */
const CURRENCIES = new Set(['人民币', '美元']);
/** The whole a figure is of, as the fact store labels it (its subject), and the words of a reading that name it. */
const SCOPES: Record<string, string[]> = { 全球: ['全球', '世界', '全世界', '国际', '全球范围'], 全国: ['全国', '中国', '我国', '国内'] };
function currencyOf(fact: StoredFact): string | undefined {
  if (fact.kind !== 'money') return undefined;
  return /美元/.test(fact.unit) ? '美元' : /元|人民币/.test(fact.unit) ? '人民币' : undefined;
}

/** Kinds of value the part asks for (empty: any figure). */
function wantedKinds(part: Part): { kinds: Kind[]; growth: boolean } {
  const kinds = new Set<Kind>();
  let growth = false;
  for (const attribute of part.attributes) {
    if (attribute === 'count') kinds.add('count');
    if (attribute === 'share') kinds.add('percent');
    if (attribute === 'growth') {
      kinds.add('percent');
      kinds.add('multiple');
      growth = true;
    }
    if (attribute === 'money') kinds.add('money');
    if (attribute === 'founded' || attribute === 'published' || attribute === 'date') kinds.add('date');
  }
  // 「杭州一共入驻了多少企业」: a count or total of a counted noun asks for a count, not a share of it (杭州 31%).
  if (!kinds.size && part.noun && part.quantity && ['count', 'sum'].includes(part.operation)) kinds.add('count');
  return { kinds: [...kinds], growth };
}

function kindFactor(fact: StoredFact, wanted: { kinds: Kind[]; growth: boolean }, part: Part): number {
  if (fact.kind === 'text') return 0;
  if (!wanted.kinds.length) return fact.kind === 'date' ? 0.4 : 1;
  if (!wanted.kinds.includes(fact.kind)) return 0;
  const growthFact = fact.attributes.includes('growth');
  if (fact.kind === 'percent' && wanted.growth !== growthFact && !part.attributes.includes('share')) return 0.3;
  if (fact.kind === 'percent' && part.attributes.includes('share') && !wanted.growth && growthFact) return 0.3;
  return 1;
}

function formsOf(knowledge: Knowledge, subject: Subject): string[] {
  return knowledge.lexicon.formsOf(subject.entity.id).filter((f) => f.length >= 2);
}

/** Attributes that ask which place (哪个省, 哪个城市). */
const PLACE_ASKED = new Set<string>(['province', 'city', 'region', 'cluster']);

/** A part that names no place and asks none (no which-place, ranking or grouping): a figure of the whole is asked. */
export function asksOfWhole(part: Part): boolean {
  return !part.subjects.length && !part.groups.length && !part.groupBy && part.noun !== '地区' && part.rank === undefined
    && !['max', 'min', 'topk', 'rank', 'position', 'list', 'earliest', 'latest'].includes(part.operation) && !part.attributes.some((a) => PLACE_ASKED.has(a));
}

/** A figure whose clause is about one place (its subject, the only thing it names): 「山东省专利数量…约为上年同期的 4 倍」. */
export function ofOnePlace(fact: StoredFact, knowledge: Knowledge): boolean {
  if (!fact.subject || fact.subject.includes('、') || /^(全国|全球)$/.test(fact.subject) || ENUMERATED.test(fact.window) || !fact.entities.length) return false;
  return fact.entities.every((e) => PLACE_KINDS.has(knowledge.lexicon.entities.get(e)?.kind ?? ''));
}

function entityFactor(fact: StoredFact, subject: Subject | null, knowledge: Knowledge, forms: readonly string[]): number {
  // two-figure: 「已有湖南、…、重庆等 12 个省市印发…」 — a count after the members it counts, listed, is no one member's figure: it
  // is the figure of the set asked, as a figure naming no one is.
  if (!subject) return fact.entities.length === 0 || /^(全国|全球)$/.test(fact.subject) || ENUMERATED.test(fact.window) ? 1 : 0.55;
  const ids = [subject.entity.id, ...(subject.alternatives ?? []).map((e) => e.id)];
  const id = ids.find((i) => fact.entities.includes(i) || fact.mentions.includes(i)) ?? subject.entity.id;
  // share: 「浙江省和山东省并列第三，均有27家…，占全国的8.91%」 — a figure several subjects each have (均) is each one's own figure; one
  // they have together (共有225家) is not.
  if (fact.entities.includes(id)) return fact.subject.includes('、') && !EACH.test(fact.window) ? 0.4 : 1;
  // A figure about someone else (北京's 79.72%) is not the figure of another place its sentence names in passing. In a running-text
  // cell, one about a place is still the figure of the row's domain (海淀's 25 类 证照 in the 电子证照 row): they are no rivals.
  const family = (kind: string | undefined) => (kind && PLACE_KINDS.has(kind) ? 'place' : kind);
  const rival = (e: string) => !fact.tableId || family(knowledge.lexicon.entities.get(e)?.kind) === family(subject.entity.kind);
  if (fact.entities.some(rival)) return 0;
  // 「我国区块链研究机构共 107 家，…主要集中在北京、上海…」 (near-miss): the whole's figure, its places named in passing, is no
  // figure of one of them.
  if (/^(全国|全球)$/.test(fact.subject) && PLACE_KINDS.has(subject.entity.kind)) return 0;
  if (fact.mentions.includes(id)) return 0.75;
  // 「2020 年 4 月，DC/EP 先行在深圳…试点测试」: a date that is a clause of its own is about what its event clause names.
  if (fact.event && forms.some((f) => compactForm(fact.event!).includes(compactForm(f)))) return FACT_MATCH.eventNames;
  const quote = knowledge.facts.forms(fact).quote;
  if (forms.some((f) => quote.includes(f))) return FACT_MATCH.subjectInText;
  // 「IDC…预测显示，全球智慧城市…；到 2020 年，中国市场支出规模将达到 259 亿美元」: a clause after 「；」 continues its sentence,
  // whose beginning names the subject the clause leaves implicit.
  const opening = sentenceOpening(fact, knowledge);
  if (opening && forms.some((f) => opening.includes(f))) return FACT_MATCH.subjectInContext;
  return 0;
}

/** The clause of a figure back to the previous 「；」: 「有 17 家产业园为政府与企业合作，…，占比为 39%」. */
export function shareClause(fact: StoredFact): string {
  const at = fact.quote.indexOf(fact.window);
  if (at < 0) return fact.window;
  const start = Math.max(fact.quote.lastIndexOf('；', at), fact.quote.lastIndexOf('。', at));
  return fact.quote.slice(start + 1, at + fact.window.length).trim();
}

/** A text worked out once per figure (the store's facts live as long as the pipeline, so a WeakMap keeps them). */
function oncePerFact<A extends unknown[]>(compute: (fact: StoredFact, ...rest: A) => string): (fact: StoredFact, ...rest: A) => string {
  const known = new WeakMap<StoredFact, string>();
  return (fact, ...rest) => {
    let text = known.get(fact);
    if (text === undefined) known.set(fact, (text = compute(fact, ...rest)));
    return text;
  };
}

/** A share's clause, compact: what the share is of is said there. */
const ownShareClause = oncePerFact((fact) => compactForm(shareClause(fact)));

/** A clause opening on the field a figure is measured in: 「在区块链金融领域，」「在区块链软硬件开发和服务领域中」. */
const FIELD_OPENING = /^\s*在([^，,；;。]{2,24}?)(?:领域|方面|行业)[中里内]?\s*[，,]?/;
/**
 * share: the field a share is measured in, where its clause opens on it (「在区块链金融领域，杭州市占全国比重的 31%」 → 在区块链金融领域,
 * 区块链金融): a share of the place within that field, not of all its firms. Empty for any other figure.
 */
const fieldOpening = oncePerFact((fact) => (fact.kind === 'percent' ? (FIELD_OPENING.exec(shareClause(fact))?.[0] ?? '').trim().replace(/[，,]$/, '') : ''));
const fieldOf = (fact: StoredFact) => FIELD_OPENING.exec(fieldOpening(fact))?.[1] ?? '';

/** The report's own topic, which every field's name may hold (区块链金融): no word naming a field of it. */
const REPORT_TOPIC = '区块链';

/**
 * share: a part asks the share within a field when its words or subjects name the field (金融 of 区块链金融, 软硬件 of 区块链软硬件开发和服务);
 * 「杭州的区块链企业占全国多少」 names none, and the share of finance firms is not the one asked.
 */
function asksField(fact: StoredFact, part: Part, terms: readonly string[], knowledge: Knowledge): boolean {
  const field = compactForm(fieldOf(fact));
  if (!field) return true;
  const named = terms.filter((t) => t !== REPORT_TOPIC && !REPORT_TOPIC.includes(t));
  // 「苏州占多少」 names nothing a share is of: each share of the place answers, its field said with it.
  if (!named.length && !part.noun) return true;
  if (named.some((t) => field.includes(t))) return true;
  return part.subjects.some((s) => s.entity.kind === 'domain' && formsOf(knowledge, s).some((f) => field.includes(compactForm(f))));
}

/** The passage a figure stands in, compact, up to the end of its sentence: what it is a figure of may be said before it. */
const passageOf = oncePerFact((fact, knowledge: Knowledge) => {
  const text = knowledge.chunk(fact.chunkId)?.text ?? '';
  const at = text.indexOf(fact.quote);
  return compactForm(at >= 0 ? text.slice(0, at + fact.quote.length) : fact.quote);
});

/** The beginning of the sentence a figure's quote continues after 「；」 (compact), or ''. */
const sentenceOpening = oncePerFact((fact, knowledge: Knowledge) => {
  const text = knowledge.chunk(fact.chunkId)?.text ?? '';
  const at = text.indexOf(fact.quote);
  const before = at > 0 ? text.slice(0, at).trimEnd() : '';
  return before.endsWith('；') ? compactForm(before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('！'), before.lastIndexOf('？')) + 1)) : '';
});

function periodFactor(fact: StoredFact, asked: PeriodSpan | undefined): number {
  // 「今年」「2020年」 asked of a report that ends in June 2020 mean as far as it goes (its first half), or the whole year where
  // the report states a figure for it (a forecast).
  // A span named precisely (「2020年全年」) is not clipped: the first half does not answer it.
  const clipped = asked && asked.from >= REPORT_PERIOD.from && asked.from <= REPORT_PERIOD.to && asked.to > REPORT_PERIOD.to && !asked.asOf && !asked.exact;
  return clipped ? Math.max(spanFactor(fact, asked), spanFactor(fact, { ...asked, to: REPORT_PERIOD.to })) : spanFactor(fact, asked);
}

function spanFactor(fact: StoredFact, period: PeriodSpan | undefined): number {
  const has = fact.from !== undefined && fact.to !== undefined;
  if (period) {
    // A period after the report's own (2020年下半年, 2021年) is answered only by a figure stated for it (a forecast).
    if (period.from > REPORT_PERIOD.to && (!has || fact.from! < period.from)) return 0;
    // A figure that states no period answers only for the report's own period (2020 H1), not for 2019 or 2021.
    if (!has) return period.from <= REPORT_PERIOD.to && period.to >= REPORT_PERIOD.from ? 0.6 : 0;
    if (fact.from! > period.to || period.from > fact.to!) return 0;
    // 「2020年全年」「一季度」 (near-miss): a span named precisely is answered by a figure of that span, or by one stated for its
    // end (「预计2020年底…突破10000项」) — not by the first half's figure (a part of it or a whole around it), nor by a stock
    // counted 截至 a month within it.
    // A month named precisely (「2020年6月新成立的」) is a span things happened in: a stock counted 截至 that month is no figure of it.
    const stock = fact.from === fact.to && fact.period.startsWith('截至');
    if (period.exact) return (fact.from === period.from && fact.to === period.to && !stock) || (fact.from === fact.to && fact.to === period.to && !stock) ? 1 : 0;
    if (fact.period.startsWith('截至') && fact.from! >= period.from && fact.to! <= period.to) return 0.85;
    const months = (from: number, to: number) => Math.floor(to / 100) * 12 + (to % 100) - Math.floor(from / 100) * 12 - (from % 100) + 1;
    const overlap = months(Math.max(fact.from!, period.from), Math.min(fact.to!, period.to));
    const union = months(Math.min(fact.from!, period.from), Math.max(fact.to!, period.to));
    return 0.4 + 0.6 * (overlap / union);
  }
  if (!has) return 0.9;
  if (fact.to! < REPORT_PERIOD.from) return 0.7;
  if (fact.from! > REPORT_PERIOD.to) return 0.75;
  return 1;
}

/**
 * The weight of a part's term in a figure's coverage (idf over the figures). 「比特币总量是多少」 (near-miss): a term the report
 * uses but no figure's sentence does (比特币) weighs as the rarest: the report states no figure about it. A word the report never
 * uses (来着) weighs nothing.
 */
function termWeight(term: string, knowledge: Knowledge): number {
  return knowledge.facts.idf(term) || (knowledge.facts.inReport(term) ? rarest(knowledge) : 0);
}

/** The idf of a term only one figure's sentence holds. */
function rarest(knowledge: Knowledge): number {
  return Math.log(1 + knowledge.facts.facts.length / 2);
}

/**
 * The terms a figure's words are matched on for one subject: the part's terms but those of the subject's own names (数字货币 for
 * 数字人民币, said by the synonym the question used) — naming the subject is weighed apart, and a clause that only names it again
 * (「法定数字货币封闭试点已经顺利启动」) fits no better for it. All of them where nothing else is left.
 */
function ownTerms(part: Part, knowledge: Knowledge, subject: Subject | null): string[] {
  const terms = partTerms(part, knowledge);
  if (!subject) return terms;
  const named = new Set(formsOf(knowledge, subject).flatMap((f) => knowledge.facts.termsOf(f)));
  const rest = terms.filter((t) => !named.has(t));
  return rest.length ? rest : terms;
}

/** The matching terms of a part: its content words and counted noun (not its question words). */
export function partTerms(part: Part, knowledge: Knowledge): string[] {
  return knowledge.facts.termsOf([...part.words, part.noun ?? ''].join(' '));
}

/**
 * Scores every prose figure against a part for one subject and period: coverage of the part's words
 * × the kind of value asked × the subject (named, mentioned, or — without one — an overall figure) ×
 * the period × the noun it counts × its qualifiers. Figures the question itself states (「那个10亿的基金」)
 * pin the sentence. Best first; only those above zero.
 */
const nounsBySentence = new WeakMap<Knowledge['facts'], Map<string, string[]>>();

/**
 * What a figure counts where its own clause names no noun: the nouns the other figures of its sentence count (「其次是江苏省71家，
 * 占全国的23.43%」 counts the 区块链企业 its sentence opened on), so that a share of 专利 asked is not that clause's.
 */
function sentenceNouns(fact: StoredFact, knowledge: Knowledge): string[] {
  let bySentence = nounsBySentence.get(knowledge.facts);
  if (!bySentence) {
    bySentence = new Map();
    for (const other of knowledge.facts.facts) {
      if (!other.nouns.length) continue;
      const key = `${other.line}\u0000${other.quote}`;
      bySentence.set(key, [...new Set([...(bySentence.get(key) ?? []), ...other.nouns])]);
    }
    nounsBySentence.set(knowledge.facts, bySentence);
  }
  return bySentence.get(`${fact.line}\u0000${fact.quote}`) ?? [];
}

/**
 * The coverage of a part's terms in every figure, where a word naming the country (我国, 国内, 中国, 全国) or the world is met by
 * any word of the same scope: 「我国区块链企业总共有多少家」 fits 「全国…四万余家」 as 「全国到底有多少家」 does, and 「专利前100中国占比」
 * fits 「我国占比 46%」. Each figure keeps the best of the scope's words.
 */
function coveragesOf(terms: readonly string[], knowledge: Knowledge): Float64Array | null {
  if (!terms.length) return null;
  const distinct = [...new Set(terms)];
  const weighted = (list: string[]) => knowledge.facts.coverages(list.map((term) => [term, termWeight(term, knowledge)] as const));
  const scope = Object.values(SCOPES).find((forms) => distinct.some((t) => forms.includes(t)));
  if (!scope) return weighted(distinct);
  const said = distinct.find((t) => scope.includes(t))!;
  let best: Float64Array | null = null;
  for (const form of scope.filter((f) => termWeight(f, knowledge) > 0 || f === said)) {
    const covered = weighted(distinct.map((t) => (t === said ? form : t)));
    if (!best) best = covered;
    else for (let i = 0; i < best.length; i++) best[i] = Math.max(best[i], covered[i]);
  }
  return best;
}

/**
 * currency: 「一笔金额为 100.2 万美元的出口应收账款融资业务」 — an amount is the amount of what its clause names it of (融资), whatever
 * else its clause names (某公司): a money figure whose window names a form of the asked noun is that noun's amount.
 */
function amountOf(fact: StoredFact, noun: string, knowledge: Knowledge): boolean {
  if (fact.kind !== 'money') return false;
  const window = knowledge.facts.forms(fact).window;
  return [...formsOfNoun(noun, knowledge.lexicon)].some((f) => f.length >= 2 && window.includes(f));
}

export function scoreFacts(part: Part, knowledge: Knowledge, subject: Subject | null, period: PeriodSpan | undefined, relaxed = false): Candidate[] {
  const terms = ownTerms(part, knowledge, subject);
  // The part's distinct terms with their weights, once for all figures.
  const coverages = coveragesOf(terms, knowledge);
  // The part's own words that some figure's sentence holds (a word, not its bigrams).
  const weighed = part.words.filter((w) => w !== REPORT_TOPIC && knowledge.facts.termsOf(w).some((t) => termWeight(t, knowledge) > 0)).length;
  const wanted = wantedKinds(part);
  const figures = part.figures.map(compactForm);
  const candidates: Candidate[] = [];
  // A part that names nothing and says nothing of its own (「几家」 alone) cannot pick a figure.
  if (!terms.length && !subject && !figures.length && !relaxed) return candidates;
  const forms = subject ? formsOf(knowledge, subject) : [];
  // A count of everything (no subject, condition, qualifier or period: 「一共有多少个产业园」), not of a scope.
  const asksWhole = !subject && part.operation === 'count' && !part.filters.length && !part.condition && !part.qualifiers.length && !part.periods.length;
  const partShare = asksWhole && narrowed(part, knowledge) ? FACT_MATCH.partOfNarrowed : FACT_MATCH.partOfWhole;
  const previous = part.after ? knowledge.quotedLines(part.after) : undefined;
  const said = part.after ? compactForm(part.after) : '';
  // The scope a part's words give (全球 vs 中国/全国): a figure of the other scope is not its figure (全球智慧城市支出 ≠ 中国市场支出).
  const scopes = Object.entries(SCOPES).filter(([, forms]) => part.words.some((w) => forms.includes(w))).map(([scope]) => scope);
  // currency: 「那笔100.2万美元的融资合人民币多少」 — an amount the question states, asked in another currency, is the figure asked
  // (given as stated, with no exchange rate), not a figure it counts within.
  const askedCurrency = part.qualifiers.find((q) => CURRENCIES.has(q));
  const converts = (fact: StoredFact) => Boolean(askedCurrency) && currencyOf(fact) !== undefined && currencyOf(fact) !== askedCurrency;
  // share: 「长三角里江苏占多少」 — a cluster looked inside (a word of the part, not a subject) is the whole the share is of: a
  // share its own clause takes of the whole country (「占全国的23.43%」) is another whole's.
  const withinCluster = part.attributes.includes('share') && part.words.some((w) => {
    const match = knowledge.lexicon.longestAt(compactForm(w), 0, () => true);
    return match?.surface === compactForm(w) && match.cues.some((c) => c.type === 'entity' && knowledge.lexicon.entities.get(c.entity)?.kind === 'cluster');
  });
  const { facts } = knowledge.facts;
  const valueFit = valueCondition(part, knowledge);
  // share: 「北京的专利占全国多少」 — a share is a share of something: one whose sentence never names the asked noun (北京 13% of
  // 区块链金融 firms) is a share of something else, not of it.
  const shareForms = part.noun && part.attributes.includes('share') ? [...formsOfNoun(part.noun, knowledge.lexicon)].filter((f) => f.length >= 2) : null;
  // share: 「上半年种子轮占多少」 — a share naming no subject is the share of the thing its words name, which the figure's own clause
  // (or metric) must say: the sentence's next share (初创期 49%) is another thing's, though the sentence names 种子轮 earlier.
  const restating = part.subjects.length >= 2 && ['compare', 'difference', 'sum', 'ratio'].includes(part.operation);
  const holders = !subject && !valueFit && part.attributes.includes('share') ? terms.filter((t) => !shareForms?.some((f) => f.includes(t))) : [];
  // 「专利比去年同期涨了多少」 names no place and asks none: the figure of the whole is asked — one whose own clause is about one
  // place (山东省…约为上年同期的 4 倍) is that place's, not the country's.
  const ofWhole = !subject && !relaxed && asksOfWhole(part);
  for (let index = 0; index < facts.length; index++) {
    const fact = facts[index];
    if (scopes.length === 1 && SCOPES[fact.subject] && fact.subject !== scopes[0]) continue;
    if (ofWhole && ofOnePlace(fact, knowledge)) continue;
    if (withinCluster && fact.kind === 'percent' && SCOPES.全国.some((f) => ownShareClause(fact).includes(f))) continue;
    const kind = kindFactor(fact, wanted, part);
    if (!kind) continue;
    const entity = relaxed ? 1 : entityFactor(fact, subject, knowledge, forms);
    if (!entity) continue;
    const time = relaxed ? 1 : periodFactor(fact, period);
    if (!time) continue;
    let noun = 1;
    const nouns = part.noun && !fact.nouns.length && fact.kind !== 'date' ? sentenceNouns(fact, knowledge) : fact.nouns;
    if (shareForms && fact.kind === 'percent' && !nouns.includes(part.noun!) && !shareForms.some((f) => passageOf(fact, knowledge).includes(f))) {
      if (!relaxed) continue;
      noun = 0.5;
    } else if (part.noun && nouns.length && !nouns.includes(part.noun) && fact.kind !== 'date' && !amountOf(fact, part.noun, knowledge)) {
      if (!relaxed) continue;
      noun = 0.5;
    } else if (part.noun && !fact.nouns.length && fact.kind === 'count') {
      // 「1621 个区级政务服务事项」 counts something no counted noun names; a bare 「共100家」 may count the asked noun.
      noun = fact.metric.replace(/[^\p{Script=Han}]/gu, '').length >= 3 ? 0.35 : 0.8;
    }
    const asksNew = part.qualifiers.includes('new');
    // two-figure: 「我国区块链企业总共有多少家」 — a count of everything, of no period, is a stock (四万余家 registered, 1309 with
    // output); the whole of the half-year's new firms (303 家, whose parts are new) is a flow, another scope of it.
    const newOnly = fact.qualifiers.includes('new') || (asksWhole && !part.periods.length && Boolean(fact.partQualifiers?.includes('new')));
    const qualifier = asksNew ? (fact.qualifiers.includes('new') || fact.partQualifiers?.includes('new') ? 1 : 0.35) : newOnly ? 0.85 : 1;
    // The previous answer's lines were chosen for the words a follow-up inherits: there they count as covered.
    const quoted = previous?.has(fact.line) ?? false;
    // A date whose clause says again what the previous answer told (「先行在深圳、苏州…试点」, there without its date) is the
    // date of that, wherever the report states it: its clause is covered as a quoted line's is.
    const echoed = fact.kind === 'date' && Boolean(said) && echoes(fact, said);
    const covered = quoted || echoed ? 1 : coverages ? coverages[index] : 0.5;
    // 「第二批11个创新应用中，有几个是…」 (near-miss): the figure the question itself states is what it counts within, never the count it asks for.
    const form = knowledge.facts.forms(fact);
    if (part.quantity && part.operation !== 'yesno' && figures.includes(form.text) && !converts(fact)) continue;
    const anchored = figures.some((f) => form.text.includes(f) || form.window.includes(f));
    // A weighted mean equal to the bound is at the bound: float rounding of the idf weights must not decide (0.35 − 1e-17).
    const coveredEnough = covered >= FACT_MATCH.coverageWithoutSubject - 1e-9;
    if (!subject && !anchored && terms.length >= 2 && !coveredEnough && !relaxed) continue;
    // A subject found only as text in the sentence (「加密数字货币」 for 数字货币) is evidence only when the words fit too.
    if (subject && entity <= FACT_MATCH.subjectInText && !anchored && !coveredEnough && !relaxed) continue;
    // 「外汇局海南省分局办理的出口应收账款融资业务金额是多少」: a figure of the subject near none of the several words the part
    // says of it (海南's 10亿元 fund) is a figure of something else of the subject.
    if (subject && weighed >= 3 && covered === 0 && !anchored && !relaxed) continue;
    // Naming the subject is itself evidence: the words then only need to fit.
    const fit = (subject ? FACT_MATCH.subjectBase + (1 - FACT_MATCH.subjectBase) * covered : covered) + (anchored ? 0.5 : 0);
    // 「一共有多少个产业园」: with no subject and no condition, a total (共/总计/全国) answers; a part of them (17 家为政企合作) does not.
    // two-figure: a sentence that opens on the country (「最终统计结果显示，我国从事…，具有投入产出的区块链企业 1309 家」) states
    // a national total even where the figure's own clause says no 共: it is another whole, not a part of one.
    const whole = asksWhole ? (statesWhole(fact, form.before) ? 1 : partShare) : 1;
    // A follow-up continues where the previous answer stood, asking for a figure it has not given yet.
    // A date asked of what the previous answer told (「啥时候开始的」 after the clause of a pilot) is the date of the clause it
    // quoted, given or not; another date of its line is another event's.
    // The clause may stand in another section than the one quoted, saying the same (「先行在深圳、苏州…试点」 again with its date).
    const dateOfClause = fact.kind === 'date' && Boolean(said) && ((quoted && said.includes(form.window)) || echoed);
    // 「哪个多」「俩加起来」 after 「金融…46 个」→「那政务呢…42 个」: the figures set against each other are the ones the answers gave,
    // not another figure of their lines (供应链金融's 9 个).
    const continues = (fact.kind === 'date' ? dateOfClause : restating ? quoted && said.includes(printedNumber(fact)) : quoted && !said.includes(printedNumber(fact)))
      ? FACT_MATCH.previousLine : 1;
    // 「哪年批准的」 after an answer quoting several dated sentences of one line: the date whose own sentence holds the words asked
    // (批准) is the one asked about — the line as a whole holds them all.
    // (A boost among the quoted dates, never a cost against a date elsewhere.)
    const sentence = dateOfClause && terms.length ? (1 + terms.filter((t) => compactForm(fact.quote).includes(t)).length / terms.length) ** 2 : 1;
    const value = valueFit ? valueFit(form.window) : 1;
    if (!value) continue;
    // share: 「杭州的区块链企业占全国多少」 — a share measured within a field the part does not name (杭州 31% of 区块链金融) is
    // another share of the place, not the one asked.
    if (part.attributes.includes('share') && !relaxed && !anchored && !quoted && !asksField(fact, part, terms, knowledge)) continue;
    const holder = holders.length && fact.kind === 'percent' && !relaxed && !anchored && !quoted
      && !holders.some((t) => ownShareClause(fact).includes(t)) ? FACT_MATCH.shareOfAnother : 1;
    const score = fit * kind * entity * time * noun * qualifier * whole * continues * sentence * value * holder * (ANAPHORIC.test(fact.window) ? FACT_MATCH.anaphoric : 1);
    if (score > 0) candidates.push({ fact, score, coverage: covered });
  }
  // 「标准化管理委员会啥时候批准…」: of the dates one sentence gives its events (2017年3月 …批准…；2020年4月 …提出…), the one whose
  // clause fits the question is its date, however long before the report's half-year it was — there the report's own period
  // says nothing of which event is asked.
  if (!period && !relaxed) {
    const dates = candidates.filter((c) => c.fact.kind === 'date');
    for (const c of dates) {
      const others = dates.filter((o) => o !== c && o.fact.line === c.fact.line);
      if (others.length && others.every((o) => c.coverage >= o.coverage + FACT_MATCH.clauseMargin)) c.score /= periodFactor(c.fact, undefined);
    }
  }
  // prose-figure: of figures that fit equally, the one stated in the section about the subject (「（二）政务服务应用不断落地」)
  // is its own account; an overview's 「分别有 46、42 和 18 个」 only repeats it.
  const titles = new Map<string, string>();
  const title = (source: string) => titles.get(source) ?? titles.set(source, compactForm(knowledge.sections.get(source)?.title ?? '')).get(source)!;
  const own = (fact: StoredFact) => (forms.length && forms.some((f) => f.length >= 2 && title(fact.source).includes(f)) ? 1 : 0);
  // prose-figure: of figures that fit equally, one whose own metric names the asked words (「初创期投资轮次占比 34%」) is the
  // figure asked; one whose clause only opens on them (「初创期…占比较小，种子轮仅占比 4%」) is a sub-category's.
  const asked = [...new Set(terms)].filter((t) => t.length >= 2);
  const metricNames = new Map<StoredFact, number>();
  const names = (fact: StoredFact) => metricNames.get(fact) ?? metricNames.set(fact, asked.filter((t) => knowledge.facts.forms(fact).metric.includes(t)).length).get(fact)!;
  // share: of figures that fit equally and name no subject, the whole that the report's shares are of (303 家) is the count of
  // everything in scope; another (八千余家 queried, 8 家 financed) is a step on the way or a part.
  const whole = (fact: StoredFact) => (!subject && fact.whole ? 1 : 0);
  const sorted = candidates.sort((a, b) => b.score - a.score || whole(b.fact) - whole(a.fact) || own(b.fact) - own(a.fact) || names(b.fact) - names(a.fact) || a.fact.line - b.fact.line);
  return sorted;
}

/** A count question's own words say which things are counted (「省市的领导…发声」): a word besides its counted noun that few figures' sentences hold. */
function narrowed(part: Part, knowledge: Knowledge): boolean {
  const noun = part.noun ? formsOfNoun(part.noun, knowledge.lexicon) : new Set<string>();
  return part.words.some((word) => !noun.has(word) && knowledge.facts.termsOf(word).some((term) => knowledge.facts.idf(term) >= FACT_MATCH.narrowingIdf));
}

/**
 * The fit of a figure's clause to the category values a part asks as conditions (政府主导的产业园): 1 where the clause names an
 * asked value, 0 where it names another value of the same column by a longer form (「17 家…为政府与企业合作」 holds 政府 only inside
 * the joint value's form), `valueUnnamed` where it names none. Null without such a condition.
 */
// A value's id is 「value:表3-3:leader:政府」: the values of one column share everything up to the last colon.
const columnOf = (id: string) => id.slice(0, id.lastIndexOf(':') + 1);
const valuesByColumn = new WeakMap<Knowledge, Map<string, { id: string; forms: string[] }[]>>();

/** The category values of every table column with their compact forms (once per knowledge: the lexicon depends only on the report). */
function columnValues(knowledge: Knowledge): Map<string, { id: string; forms: string[] }[]> {
  let map = valuesByColumn.get(knowledge);
  if (!map) {
    map = new Map();
    for (const e of knowledge.lexicon.entities.values()) {
      if (e.kind !== 'value') continue;
      const list = map.get(columnOf(e.id)) ?? map.set(columnOf(e.id), []).get(columnOf(e.id))!;
      list.push({ id: e.id, forms: knowledge.lexicon.formsOf(e.id).map(compactForm).filter((f) => f.length >= 2) });
    }
    valuesByColumn.set(knowledge, map);
  }
  return map;
}

function valueCondition(part: Part, knowledge: Knowledge): ((window: string) => number) | null {
  const asked = new Set(part.filters.flatMap((f) => (f.kind === 'value' ? [f.entity.id] : [])));
  if (!asked.size) return null;
  const byColumn = columnValues(knowledge);
  const values = [...new Set([...asked].map(columnOf))].flatMap((column) => byColumn.get(column) ?? [])
    .map((v) => ({ own: asked.has(v.id), forms: v.forms }));
  return (window) => {
    let own = 0;
    let other = 0;
    for (const value of values) {
      for (const form of value.forms) {
        if (!window.includes(form)) continue;
        if (value.own) own = Math.max(own, form.length);
        else other = Math.max(other, form.length);
      }
    }
    return other > own ? 0 : own ? 1 : FACT_MATCH.valueUnnamed;
  };
}

/** Share of a date's clause (from the date to the clause's end) that an earlier answer's text repeats, by character pairs. */
const ECHO_SHARE = 0.6;
/** A date's clause after the date, compact. */
const dateClause = oncePerFact((fact) => {
  const at = fact.quote.indexOf(fact.window);
  return at < 0 ? '' : compactForm(fact.quote.slice(at + fact.window.length).split(/[；;。]/)[0]).replace(/^[，,]/, '');
});
function echoes(fact: StoredFact, said: string): boolean {
  const clause = dateClause(fact);
  if (clause.length < 8) return false;
  let shared = 0;
  for (let i = 0; i + 2 <= clause.length; i++) if (said.includes(clause.slice(i, i + 2))) shared++;
  return shared / (clause.length - 1) >= ECHO_SHARE;
}

/** 「2020年上半年，」 unless the quoted clause already states the period. */
function periodPrefix(fact: StoredFact): string {
  if (!fact.period) return '';
  // A period carried from an earlier sentence is not stated by the cited one: it is left out rather than left unsupported.
  const stated = compactForm(fact.quote);
  if ((fact.period.match(/\d+/g) ?? []).some((n) => !stated.includes(n))) return '';
  // 「2020 上半年」 in the clause states 「2020年上半年」 too.
  const window = compactForm(fact.window).replace(/(\d{4})年/g, '$1');
  const label = compactForm(fact.period).replace(/(\d{4})年/g, '$1');
  if (window.includes(label) || window.includes(label.replace(/^截至/, '')) || /^\d{4}年\d{1,2}月(\d{1,2}日)?$/.test(label) && fact.kind === 'date') return '';
  return `${fact.period}，`;
}

/** One stored figure as a whole part's answer: its claim (the clause given, or its own) and its structured fact, of `subject`. */
export function factAnswer(fact: StoredFact, knowledge: Knowledge, subject = fact.subject): PartAnswer {
  return answered([{ ...factClaim(fact, knowledge), end: '。' }], [{ source: fact.source, subject, metric: fact.metric, value: fact.value ?? fact.text,
    unit: fact.unit, period: fact.period, text: fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(fact.source) }]);
}

/** The claim of a figure: its clause verbatim (period in front when the clause lacks it), citing its sentence. */
export function factClaim(fact: StoredFact, knowledge: Knowledge, lead = ''): Claim {
  const subject = fact.subject && !fact.subject.includes('、') && !/^(全国|全球)$/.test(fact.subject)
    && !compactForm(fact.window).includes(compactForm(fact.subject).replace(/(省|市|聚集区)$/, '')) ? `${fact.subject}：` : '';
  const sources = [sentenceSource(knowledge, fact.chunkId, fact.quote, fact.line)];
  // prose-figure: a sentence a page break splits is cited at its start and, for the figure, at the line that prints it.
  const printed = fact.printed ? fact.quote.slice(fact.printed.offset).trim() : '';
  if (fact.printed && printed) sources.push(sentenceSource(knowledge, fact.chunkId, printed, fact.printed.line));
  // share: 「在区块链金融领域，杭州市占全国比重的 31%」 — the field a share is measured in is said with it, when its clause opens before.
  const field = fieldOpening(fact) && !compactForm(fact.window).includes(compactForm(fieldOpening(fact))) ? `${fieldOpening(fact)}，` : '';
  let prefix = periodPrefix(fact);
  // A period carried from an earlier sentence of the passage (「其次是江苏省71家」 counts 2020 H1's new firms): that sentence is cited for it.
  const stated = compactForm(fact.quote);
  const carried = (fact.period.match(/\d+/g) ?? []).some((n) => !stated.includes(n));
  const scope = prefix || !carried ? null : scopeSentence(fact, knowledge);
  // 「5 月，“新基建”正式写入《政府工作报告》」: a month whose year the chronicle before it states is given with that year, the
  // sentence that states the year cited first.
  if (scope && fact.kind === 'date' && compactForm(fact.window) === compactForm(fact.text)) {
    sources.unshift(sentenceSource(knowledge, fact.chunkId, scope.text, scope.line));
    return { text: `${lead}${fact.period}${fact.event ? `，${fact.event}` : ''}`, sources };
  }
  if (scope) {
    prefix = `${fact.period}，`;
    sources.unshift(sentenceSource(knowledge, fact.chunkId, scope.text, scope.line));
  }
  // 「区块链企业共100家」 counts 2020 H1's new firms: a scope its clause leaves to the sentence before is named after it.
  const window = compactForm(fact.window);
  const unsaid = knowledge.lexicon.files.qualifiers.some((q) => fact.qualifiers.includes(q.qualifier) && !q.phrases.some((p) => window.includes(compactForm(p))));
  const scopeNote = unsaid ? `（指${fact.metric.replace(/\s+/g, '')}）` : withinNote(fact, knowledge);
  // 「金融、政务服务和司法领域的落地项目分别有 46、42 和 18 个」: the subject's own figure first, the clause after it.
  if (/分别/.test(fact.window) && fact.subject && !fact.subject.includes('、') && fact.value !== null && compactForm(fact.window).includes(compactForm(fact.subject))) {
    return { text: `${lead}${prefix}${field}${fact.subject}${fact.metric.replace(/\s+/g, '').replace(/^[个家项所笔件](?!目)/, '')}${factValue(fact)}${scopeNote}（原文：${fact.window}）`, sources };
  }
  // 「2020 年 4 月，DC/EP 先行在深圳…试点测试」: a date that is a clause of its own is said with what happened then.
  return { text: `${lead}${prefix}${field}${subject}${fact.window}${fact.event ? `，${fact.event}` : ''}${scopeNote}`, sources };
}

/**
 * share: 「环渤海聚集区企业分布占比 32.77%…，其中北京的区块链企业分布占比达 79.72%」 — a share whose clause opens on 其中 is a
 * share of the cluster the sentence named before, not of the country: that whole is named after it.
 */
function withinNote(fact: StoredFact, knowledge: Knowledge): string {
  if (fact.kind !== 'percent') return '';
  const at = fact.quote.indexOf(fact.window);
  const before = at > 0 ? fact.quote.slice(0, at).trim() : '';
  if (!/其中$/.test(before)) return '';
  const whole = knowledge.lexicon.mentions(compactForm(before)).find((m) => m.entity.kind === 'cluster')?.entity;
  return whole && !fact.entities.includes(whole.id) ? `（指占${whole.name}的比例）` : '';
}

/** The sentence before a figure's, in its chunk, that states the figure's period. */
function scopeSentence(fact: StoredFact, knowledge: Knowledge): { text: string; line: number } | null {
  // A date states its own month; the sentence sought states the rest (its year).
  const own = fact.kind === 'date' ? compactForm(fact.text) : '';
  const numbers = (fact.period.match(/\d+/g) ?? []).filter((n) => !own.includes(n));
  if (!numbers.length) return null;
  const chunk = knowledge.chunk(fact.chunkId);
  if (!chunk || chunk.kind !== 'prose') return null;
  const sentences = chunk.lines.map((entry, i) => ({ text: chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length).trim(), line: entry.line }));
  const at = sentences.findIndex((s) => s.text === fact.quote || s.text.includes(fact.quote));
  for (let i = at - 1; i >= 0; i--) {
    const stated = compactForm(sentences[i].text);
    if (numbers.every((n) => stated.includes(n))) return sentences[i];
  }
  return null;
}

/** A figure's number as the report prints it (8.10, 1,457 → 1457). */
function printedNumber(fact: StoredFact): string {
  return (fact.text.replace(/[,\s]/g, '').match(/\d+(\.\d+)?/) ?? [formatNumber(fact.value ?? 0)])[0];
}

function factValue(fact: StoredFact): string {
  return fact.value === null ? fact.text.replace(/\s+/g, '') : `${formatNumber(fact.value)}${fact.unit === '%' ? '%' : fact.unit}`;
}

/**
 * 「新基建哪个月写进政府工作报告」「美团、滴滴啥时候参与DC/EP」: a date asked of several things is the date of the one event whose
 * clause names them all, where one fits about as well as the first thing's own best date — not a date per thing.
 */
function eventOfAll(part: Part, knowledge: Knowledge): { subject: Subject | null; best: Candidate; others: Candidate[] } | null {
  if (part.subjects.length < 2 || part.periods.length > 1 || part.operation !== 'lookup' || !wantedKinds(part).kinds.includes('date')) return null;
  const [first] = part.subjects;
  const candidates = scoreFacts(part, knowledge, first, part.periods[0]);
  if (!candidates.length) return null;
  const names = (fact: StoredFact, subject: Subject) => {
    const ids = [subject.entity.id, ...(subject.alternatives ?? []).map((e) => e.id)];
    const quote = knowledge.facts.forms(fact).quote;
    return ids.some((id) => fact.entities.includes(id) || fact.mentions.includes(id)) || formsOf(knowledge, subject).some((f) => quote.includes(compactForm(f)));
  };
  const best = candidates.find((c) => c.fact.kind === 'date' && part.subjects.every((subject) => names(c.fact, subject)));
  if (!best || best.score < FACT_MATCH.minimum || best.score < FACT_MATCH.sameSentence * candidates[0].score) return null;
  return { subject: first, best, others: candidates };
}

/**
 * 「搞金融的企业杭州占全国多少」: a field named beside one place, not side by side with it as a second thing asked, says which of the
 * place's things are meant — the place's figure whose sentence names the field (「在区块链金融领域，杭州市占全国比重的 31%」),
 * not a figure of the field as a whole. Null where no such figure fits.
 */
function fieldOfPlace(part: Part, knowledge: Knowledge): { subject: Subject; best: Candidate; others: Candidate[] } | null {
  const places = part.subjects.filter((s) => PLACE_KINDS.has(s.entity.kind));
  const fields = part.subjects.filter((s) => s.entity.kind === 'domain');
  if (part.sideBySide || places.length !== 1 || !fields.length || places.length + fields.length !== part.subjects.length || part.periods.length > 1) return null;
  const names = fields.map((f) => formsOf(knowledge, f));
  const candidates = scoreFacts({ ...part, subjects: places, words: [...part.words, ...fields.map((f) => f.text)] }, knowledge, places[0], part.periods[0])
    .filter((c) => names.every((forms) => forms.some((f) => passageOf(c.fact, knowledge).includes(compactForm(f)))));
  const best = candidates[0];
  return best && best.score >= FACT_MATCH.minimum ? { subject: places[0], best, others: candidates } : null;
}

/** One figure per subject (and per asked period), picked from the candidates. */
function picks(part: Part, knowledge: Knowledge, absent?: Subject[]): { subject: Subject | null; best: Candidate; others: Candidate[] }[] | null {
  // compare: 「那个100.2万美元的融资和10亿元的基金哪个大」 — the figures the question states are the ones compared, each
  // the best-fitting figure its sentence prints.
  if (part.figures.length >= 2 && ['compare', 'difference', 'sum', 'ratio'].includes(part.operation)) {
    const chosen: { subject: Subject | null; best: Candidate; others: Candidate[] }[] = [];
    for (const figure of part.figures.map(compactForm)) {
      const candidates = scoreFacts({ ...part, subjects: [], figures: [figure] }, knowledge, null, undefined, true)
        .filter((c) => c.fact.value !== null && compactForm(c.fact.text).replace(/^约|以上$/g, '') === figure);
      if (!candidates.length) return null;
      chosen.push({ subject: null, best: candidates[0], others: candidates });
    }
    return chosen;
  }
  // currency: 「那笔100.2万美元的融资合人民币多少」 — one amount the question states, asked in another currency, is the figure asked:
  // the sentence that prints it (the answer then says the report gives no exchange rate).
  const asked = part.qualifiers.find((q) => CURRENCIES.has(q));
  if (part.figures.length === 1 && asked) {
    const figure = compactForm(part.figures[0]);
    const stated = scoreFacts({ ...part, subjects: [], figures: [figure] }, knowledge, null, undefined, true)
      .filter((c) => c.fact.kind === 'money' && compactForm(c.fact.text) === figure && currencyOf(c.fact) !== undefined && currencyOf(c.fact) !== asked);
    if (stated.length) return [{ subject: null, best: stated[0], others: stated }];
  }
  const within = fieldOfPlace(part, knowledge);
  if (within) return [within];
  const subjects: (Subject | null)[] = part.subjects.length ? part.subjects : [null];
  const periods: (PeriodSpan | undefined)[] = part.periods.length ? part.periods : [undefined];
  const chosen: { subject: Subject | null; best: Candidate; others: Candidate[] }[] = [];
  for (const [index, subject] of subjects.entries()) {
    // 「海南那个基金和智慧城市支出哪个多」: a word said of another subject only (基金) is not asked of this one's figure.
    const apart = part.apart?.length === part.subjects.length ? part.apart[index] : [];
    const own = apart.length ? { ...part, words: part.words.filter((w) => !apart.includes(w)) } : part;
    for (const period of periods) {
      const candidates = scoreFacts(own, knowledge, subject, period);
      const best = candidates.find((c) => !chosen.some((p) => p.best.fact === c.fact));
      // multi-part: 「政务服务和医疗健康各占多少」 — of several things looked up, one the report gives no such figure for is said to be
      // missing, the others answered.
      if ((!best || best.score < FACT_MATCH.minimum) && absent && subject && part.sideBySide && part.operation === 'lookup' && periods.length === 1) {
        absent.push(subject);
        continue;
      }
      if (!best || best.score < FACT_MATCH.minimum) return null;
      chosen.push({ subject, best, others: candidates });
    }
  }
  // A date for each thing, where one event names them all: that event's date (where none is found for each, nor is this).
  const together = eventOfAll(part, knowledge);
  if (together) return [together];
  if (!chosen.length) return null;
  // compare, sum, difference: figures of several subjects stated in one sentence (「分别有 46、42 和 18 个」) share one scope
  // and one period by construction; where they fit about as well as each subject's own best, they are the ones compared.
  if (subjects.length >= 2 && periods.length === 1 && ['compare', 'difference', 'sum', 'ratio'].includes(part.operation)) {
    const near = (pick: (typeof chosen)[number], line: number) => pick.others.find((c) => c.fact.line === line && c.score >= pick.best.score * FACT_MATCH.sameSentence);
    const lines = [...new Set(chosen[0].others.map((c) => c.fact.line))].filter((line) => chosen.every((pick) => near(pick, line)));
    const shared = lines.find((line) => new Set(chosen.map((pick) => near(pick, line)!.fact)).size === chosen.length);
    if (shared !== undefined && chosen.some((pick) => pick.best.fact.line !== shared)) {
      return chosen.map((pick) => ({ ...pick, best: near(pick, shared)! }));
    }
  }
  return chosen;
}

/**
 * Answers a part from the prose figures: the best figure for each subject × period (its clause
 * quoted and cited), a second figure of another scope when the report states one (新成立 vs all,
 * another period), and for several subjects their sum, difference or comparison with the formula.
 * Null when no figure fits well enough.
 */
/**
 * 「上半年比2019年多了多少家」: the figure of the asked period and the one of the period it is compared
 * with (same kind, unit and counted noun), and their difference with the formula.
 */
function periodDifference(part: Part, knowledge: Knowledge): PartAnswer | null {
  const then = part.versus![0];
  const subject = part.subjects[0] ?? null;
  const current = scoreFacts(part, knowledge, subject, part.periods[0]);
  // table-difference: 「…多少家」→「比去年多了多少」 — the figure compared is the one the conversation stands on (the previous answer
  // gave it), not one of its sentence not given yet (a follow-up asking a new figure weighs those higher).
  const said = part.after ? compactForm(part.after) : '';
  // Of several it gave (303 家; 另一口径 1309 家), the one it gave first.
  const at = (c: Candidate) => (c.fact.value !== null && c.score >= FACT_MATCH.minimum ? said.indexOf(compactForm(c.fact.text)) : -1);
  const given = said ? current.filter((c) => at(c) >= 0) : [];
  const now = given.reduce<Candidate | undefined>((first, c) => (!first || at(c) < at(first) ? c : first), undefined) ?? current[0];
  if (!now || now.score < FACT_MATCH.minimum || now.fact.value === null) return null;
  const comparable = (asked: Part) => scoreFacts({ ...asked, periods: [then] }, knowledge, subject, then).filter((c) => c.fact !== now.fact && c.fact.value !== null
    && c.fact.kind === now.fact.kind && c.fact.unit === now.fact.unit && c.fact.nouns.join() === now.fact.nouns.join() && c.fact.from !== now.fact.from
    && c.score >= FACT_MATCH.minimum);
  // 「截至2019年底发布了几项」→「上半年又新增几项」→「加起来呢」: what was new is said of the later period only; the earlier one
  // stood on is the stock before it.
  const plain = part.qualifiers.filter((q) => q !== 'new');
  const earlier = [...comparable(part), ...(plain.length < part.qualifiers.length ? comparable({ ...part, qualifiers: plain }) : [])];
  // 「跟去年上半年比」: a figure of exactly the period compared with (2019 H1's 4.95 亿元, in the very sentence that compares) is
  // the like-for-like one; a figure of a wider period that only overlaps it (2019's 12 亿元) is another span.
  const before = earlier.find((c) => c.fact.from === then.from && c.fact.to === then.to) ?? earlier[0];
  if (!before) return null;
  const label = (fact: StoredFact, asked?: PeriodSpan) => asked?.label ?? fact.period;
  const difference = now.fact.value! - before.fact.value!;
  const unit = now.fact.unit === '%' ? '个百分点' : now.fact.unit;
  const more = difference >= 0 ? '多' : '少';
  // Both figures may stand in one clause (「303 家，与 2019 年的 81 家」), or the sentence that states the figure compares it itself
  // (「规模达到了 17.15 亿元，与 2019 年上半年的 4.95 亿元相比，同比增长 246.46%」): that clause is quoted once, with the growth
  // the report states when a growth is asked.
  const states = (fact: StoredFact, other: StoredFact) => fact.line === other.line && fact.quote === other.quote && compactForm(fact.window).includes(compactForm(other.text));
  // The same figure stated again in the sentence that compares it (303 家 at line 331, and at 1118 「与 2019 年的 81 家」) is quoted there.
  const head = current.find((c) => c.fact.value === now.fact.value && c.fact.unit === now.fact.unit && c.fact.from === now.fact.from
    && c.fact.line === before.fact.line && c.fact.quote === before.fact.quote)?.fact ?? now.fact;
  const stated = part.attributes.includes('growth') ? current.find((c) => c.fact.attributes.includes('growth') && c.fact.from === head.from
    && states(c.fact, head) && states(c.fact, before.fact)) : undefined;
  const pair = stated?.fact ?? [before.fact, head].find((f) => states(f, head) && states(f, before.fact));
  // compare: 「跟19年比呢」 asks how the two compare — the year-on-year growth the clause goes on to state (「…与 2019 年的 81 家，
  // 同比增长 274.07%」) says it in the report's words, quoted through to it beside the difference.
  const grown = pair && !stated && part.operation === 'compare' ? throughGrowth(pair, knowledge) : undefined;
  const both = grown ? { ...pair!, window: grown } : pair;
  const claims: Claim[] = both ? [{ ...factClaim({ ...head, window: both.window }, knowledge), end: '；' }] : [{ ...factClaim(now.fact, knowledge), end: '；' }];
  if (!both) claims.push({ ...factClaim(before.fact, knowledge), end: '；' });
  const ratio = before.fact.value ? formatNumber(Number((now.fact.value! / before.fact.value).toFixed(2))) : '';
  if (part.operation === 'sum') {
    // 「一共多少」 after 「2019年底有26项」→「上半年又发布了3项」: the two periods' figures added up.
    const total = now.fact.value! + before.fact.value!;
    claims.push({ text: `两者合计${formatNumber(total)}${unit}（${printedNumber(before.fact)}+${printedNumber(now.fact)}=${formatNumber(total)}）`, sources: [], derived: [formatNumber(total)], end: '。' });
  } else if (part.operation === 'ratio' && ratio) {
    claims.push({ text: `${label(now.fact, part.periods[0])}约是${label(before.fact, then)}的${ratio}倍（${printedNumber(now.fact)}÷${printedNumber(before.fact)}=${ratio}）`, sources: [], derived: [ratio], end: '。' });
  } else {
    claims.push({ text: `${label(now.fact, part.periods[0])}比${label(before.fact, then)}${more}${formatNumber(Math.abs(difference))}${unit}（${printedNumber(now.fact)}−${printedNumber(before.fact)}=${formatNumber(difference)}）`,
      sources: [], derived: [formatNumber(Math.abs(difference)), formatNumber(difference)], end: '。' });
  }
  return answered(claims, [now, before].map((c) => ({ source: c.fact.source, subject: subject?.entity.name ?? c.fact.subject, metric: c.fact.metric,
    value: c.fact.value!, unit: c.fact.unit, period: c.fact.period, text: c.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(c.fact.source) })));
}

/**
 * sum: 「粤苏浙鲁新成立企业合计多少」 — where the report states the figure of exactly that group in one clause (「广东省、江苏省、
 * 浙江省和山东省共有新成立的区块链企业225家，占了全国的74.25%」), that clause is the answer: the report's own total.
 */
function groupFigure(part: Part, knowledge: Knowledge): PartAnswer | null {
  const ids = new Set(part.subjects.map((s) => s.entity.id));
  const group = scoreFacts({ ...part, subjects: [] }, knowledge, null, part.periods[0])
    .find((c) => c.fact.value !== null && c.fact.entities.length === ids.size && c.fact.entities.every((id) => ids.has(id)));
  if (!group || group.score < FACT_MATCH.minimum) return null;
  return answered([{ ...factClaim(group.fact, knowledge), end: '。' }], [{ source: group.fact.source, subject: group.fact.subject, metric: group.fact.metric,
    value: group.fact.value!, unit: group.fact.unit, period: group.fact.period, text: group.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(group.fact.source) }]);
}

/** Attributes that ask when. */
const DATE_ATTRIBUTES = new Set(['date', 'founded', 'published']);

/** A year printed alone (「从 2014 年开始」), no month after it: a date the stored figures do not hold. */
const BARE_YEAR = /(?:19|20)\d{2}\s*年(?!\s*\d{1,2}\s*月|\s*[上下]半年|\s*底|\s*年底)/;

/**
 * 「央行哪年开始研究的」: a date asked in words (开始, 研究) that the best date's clause does not say (「2019 年 10 月正式提出…」)
 * while another sentence of its paragraph says them all beside a year printed alone (「央行从 2014 年开始成立了专门的研究团队…进行
 * 研究」): that sentence tells the date asked. Null otherwise.
 */
function yearOfWords(part: Part, fact: StoredFact, subject: Subject | null, knowledge: Knowledge): PartAnswer | null {
  if (fact.kind !== 'date' || part.operation !== 'lookup' || !part.attributes.some((a) => DATE_ATTRIBUTES.has(a))) return null;
  const terms = [...new Set(ownTerms(part, knowledge, subject))].filter((t) => t.length >= 2 && t !== REPORT_TOPIC);
  const window = knowledge.facts.forms(fact).window;
  if (!terms.length || terms.some((t) => window.includes(t))) return null;
  const sentences = knowledge.lineText(fact.line).split(/(?<=[。！？])/).map((text) => text.trim()).filter(Boolean);
  const told = sentences.filter((text) => BARE_YEAR.test(text) && terms.every((t) => compactForm(text).includes(t)) && !compactForm(text).includes(window));
  if (told.length !== 1) return null;
  return answered([{ text: told[0].replace(/[。！？]$/, ''), sources: [sentenceSource(knowledge, fact.chunkId, told[0], fact.line)], end: '。' }], []);
}

/** A growth said against the same span a year before (同比增长 274.07%, 同比下降 87.50%). */
const YEAR_ON_YEAR = /同比|较上年|比上年|较去年/;

/**
 * A figure's clause extended through the year-on-year growth its sentence states right after it (「数量仅有 19 家」 →
 * 「数量仅有 19 家，同比下降 87.50%」), or undefined when the sentence states none there.
 */
function throughGrowth(fact: StoredFact, knowledge: Knowledge): string | undefined {
  const start = fact.quote.indexOf(fact.window);
  if (start < 0) return undefined;
  const end = start + fact.window.length;
  const growth = knowledge.facts.sentenceOf(fact).find((f) => f !== fact && f.attributes.includes('growth')
    && YEAR_ON_YEAR.test(f.window) && fact.quote.indexOf(f.window, start) >= start && fact.quote.indexOf(f.window, start) - end <= 2);
  return growth ? fact.quote.slice(start, Math.max(end, fact.quote.indexOf(growth.window, start) + growth.window.length)) : undefined;
}

/**
 * compare: 「跟前一年比呢」 after 「2019年新注册的企业有几家拿到融资」 — where the report gives no figure of the year before, the
 * growth the figure's own sentence states against the same span a year earlier (「数量仅有 19 家，同比下降 87.50%」) compares
 * the two: quoted from the figure through the growth. Null unless the period compared with is that year before.
 */
function statedYearOnYear(part: Part, knowledge: Knowledge): PartAnswer | null {
  const then = part.versus![0];
  // (A noun carried over from an earlier turn that keeps every figure out is dropped, as for a figure looked up.)
  const scored = scoreFacts(part, knowledge, part.subjects[0] ?? null, part.periods[0]);
  const current = scored.length || !part.inheritedNoun ? scored : scoreFacts({ ...part, noun: undefined }, knowledge, part.subjects[0] ?? null, part.periods[0]);
  const said = part.after ? compactForm(part.after) : '';
  const now = (said && current.find((c) => c.fact.value !== null && c.score >= FACT_MATCH.minimum && said.includes(compactForm(c.fact.text)))) || current[0];
  if (!now || now.score < FACT_MATCH.minimum || now.fact.from === undefined || now.fact.to === undefined) return null;
  if (then.from !== now.fact.from - 100 || then.to !== now.fact.to - 100) return null;
  const window = throughGrowth(now.fact, knowledge);
  if (!window) return null;
  return answered([{ ...factClaim({ ...now.fact, window }, knowledge), end: '。' }],
    [{ source: now.fact.source, subject: now.fact.subject, metric: now.fact.metric, value: now.fact.value ?? now.fact.text, unit: now.fact.unit, period: now.fact.period,
      text: now.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(now.fact.source) }]);
}

/** Words of a sentence that compares one period's figure with another's. */
const COMPARATIVE = /超过|超出|高于|多于|低于|少于|不及|不到|相比|较/;

/**
 * compare: 「上半年部委政策数量与2019年全年相比如何」 — where the report gives no figure of the period compared with, the sentence
 * beside the figure that compares the two in words (「仅上半年的政策数量就已经超过 2019 年全年的政策数量」) answers.
 */
function statedComparison(part: Part, knowledge: Knowledge): PartAnswer | null {
  const then = part.versus![0];
  const now = scoreFacts(part, knowledge, part.subjects[0] ?? null, part.periods[0])[0];
  const years = then.label.match(/\d{4}/g) ?? [];
  if (!now || now.score < FACT_MATCH.minimum || !years.length) return null;
  const chunk = knowledge.chunk(now.fact.chunkId);
  if (!chunk || chunk.kind !== 'prose') return null;
  const sentences = chunk.lines.map((entry, i) => ({ text: chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length).trim(), line: entry.line }));
  const at = sentences.findIndex((s) => s.text.includes(now.fact.quote));
  // The figure's own sentence or the two after it (a comparison follows what it compares).
  const said = sentences.slice(Math.max(0, at), at + 3).find((s) => s.text !== now.fact.quote && years.every((y) => compactForm(s.text).includes(y)) && COMPARATIVE.test(s.text));
  if (at < 0 || !said) return null;
  return answered([{ ...factClaim(now.fact, knowledge), end: '；' }, { text: said.text.replace(/[。；]$/, ''), sources: [sentenceSource(knowledge, chunk.id, said.text, said.line)], end: '。' }],
    [{ source: now.fact.source, subject: now.fact.subject, metric: now.fact.metric, value: now.fact.value ?? now.fact.text, unit: now.fact.unit, period: now.fact.period,
      text: now.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(now.fact.source) }]);
}

export function answerFromFacts(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.operation === 'sum' && part.subjects.length >= 2) {
    const group = groupFigure(part, knowledge);
    if (group) return group;
  }
  if (part.versus?.length && ['difference', 'compare', 'ratio', 'sum'].includes(part.operation) && part.subjects.length <= 1) {
    const difference = periodDifference(part, knowledge) ?? statedComparison(part, knowledge) ?? statedYearOnYear(part, knowledge);
    if (difference) return difference;
  }
  // A noun carried over from an earlier turn is dropped when it keeps every figure out (溯源平台 → 交通出行 应用 5 项).
  // 「腾讯专利占阿里的多少」: the share of one in the other is computed from their own figures (counts), not a stated percent.
  const measured = part.operation === 'ratio' && part.subjects.length >= 2 ? { ...part, attributes: part.attributes.filter((a) => a !== 'share') } : part;
  const absent: Subject[] = [];
  const found = picks(measured, knowledge, absent);
  if (!found) absent.length = 0;
  const chosen = found ?? (part.inheritedNoun ? picks({ ...measured, noun: undefined }, knowledge) : null)
    // follow-up: 「同比涨了多少」→「去年同期是多少」 — a growth carried to the period it was measured against asks the figure of
    // that period (the base the growth compares with), which the previous answer's line states.
    ?? (part.after && part.attributes.includes('growth') && part.periods.length ? picks({ ...part, attributes: part.attributes.filter((a) => a !== 'growth') }, knowledge) : null);
  if (!chosen) return part.attributes.includes('share') ? shareOfWhole(part, knowledge) : null;
  const year = chosen.length === 1 ? yearOfWords(part, chosen[0].best.fact, chosen[0].subject, knowledge) : null;
  if (year) return year;
  const claims: Claim[] = [];
  const seen = new Set<string>();
  for (const pick of chosen) {
    const key = `${pick.best.fact.chunkId}@${pick.best.fact.line}:${pick.best.fact.window}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // 「分别有 12、10 个」 answering two subjects: each one's figure, then the clause once.
    const sharing = chosen.filter((p) => p.best.fact !== pick.best.fact && p.best.fact.window === pick.best.fact.window && p.best.fact.line === pick.best.fact.line);
    if (sharing.length && /分别/.test(pick.best.fact.window)) {
      const figures = [pick, ...sharing].map((p) => factClaim(p.best.fact, knowledge).text.replace(/（原文：[^）]*）$/, ''));
      claims.push({ text: `${figures.join('，')}（原文：${pick.best.fact.window}）`, sources: factClaim(pick.best.fact, knowledge).sources, end: '；' });
      continue;
    }
    const claim = factClaim(pick.best.fact, knowledge);
    claims.push({ ...claim, sources: [...claim.sources, ...restatedFigureSources(pick.best.fact, knowledge)], end: '；' });
  }
  if (chosen.length === 1 && !absent.length && ['lookup', 'count'].includes(part.operation)) {
    const [pick] = chosen;
    // Another scope of the same thing (新成立 vs all, another period): same kind, same noun, nearly as good a fit.
    // two-figure: the same subject, period and scope stated with another value elsewhere (医疗健康 落地项目: 12 in the
    // overview, 6 in its own section) is the report's own inconsistency — both are given, each with its line.
    // 「安全测试标准有几项」: the stock of an earlier period (截至2019年底 3 项) beside the half-year's new ones (6 项) is no part of them.
    const apart = (a: StoredFact, b: StoredFact) => a.from !== undefined && b.from !== undefined && (a.to! < b.from! || a.from > b.to!);
    const sameScope = (c: Candidate) => pick.subject !== null && c.fact.entities.length === 1 && c.fact.entities.join() === pick.best.fact.entities.join()
      && c.fact.period === pick.best.fact.period && c.fact.qualifiers.join() === pick.best.fact.qualifiers.join() && c.fact.line !== pick.best.fact.line
      && c.score >= 0.9 * pick.best.score;
    const second = pick.others.find((c) => c.fact !== pick.best.fact && c.fact.kind === pick.best.fact.kind && c.fact.value !== pick.best.fact.value
      && c.fact.unit === pick.best.fact.unit && c.score >= FACT_MATCH.secondFigure * pick.best.score
      && c.fact.nouns.length > 0 && c.fact.nouns.join() === pick.best.fact.nouns.join() && c.coverage >= 0.8 * pick.best.coverage
      && (c.fact.qualifiers.join() !== pick.best.fact.qualifiers.join() || c.fact.period !== pick.best.fact.period || sameScope(c))
      && !compactForm(pick.best.fact.window).includes(compactForm(c.fact.window))
      // A whole count's other scope is another total (新成立 8129 家), not a part of the whole (17 家为政企合作).
      && (pick.subject || part.operation !== 'count' || (part.periods.length > 0 && !part.qualifiers.length) || statesWhole(c.fact, knowledge.facts.forms(c.fact).before)
        || (c.fact.value ?? 0) > (pick.best.fact.value ?? 0) || apart(c.fact, pick.best.fact)));
    // The report's other figure of the same thing is named short, its sentence cited (the clause is the first figure's again).
    if (second && sameScope(second)) claims.push({ text: `报告另一处写作${factValue(second.fact)}`, sources: factClaim(second.fact, knowledge).sources, end: '。' });
    else if (second) claims.push({ ...factClaim(second.fact, knowledge, '另一口径：'), end: '。' });
    // share: 「杭州占全国多少」 names nothing the share is of — the place's share of another thing (产业园 beside 区块链金融) is
    // given too, each clause saying what it is of.
    const unnamed = !second && pick.subject && part.attributes.includes('share') && !part.noun && pick.best.fact.kind === 'percent'
      && !partTerms(part, knowledge).some((t) => t !== REPORT_TOPIC && !formsOf(knowledge, pick.subject!).some((f) => f.includes(t)));
    const another = unnamed ? pick.others.find((c) => c.fact.kind === 'percent' && c.fact.chunkId !== pick.best.fact.chunkId
      && c.fact.entities.length === 1 && c.fact.entities[0] === pick.subject!.entity.id && c.score >= FACT_MATCH.secondFigure * pick.best.score) : undefined;
    if (another) claims.push({ ...factClaim(another.fact, knowledge, '另外，'), end: '。' });
  }
  if (chosen.length >= 2 && ['sum', 'difference', 'compare', 'ratio'].includes(part.operation)) {
    const values = chosen.map((p) => p.best.fact);
    const units = new Set(values.map((f) => f.unit));
    if (units.size === 1 && values.every((f) => f.value !== null)) {
      const unit = values[0].unit;
      if (part.operation === 'ratio' && values.length > 2 && values.at(-1)!.value) {
        // share: 「审批和证照占政务项目的多少」 — the parts named before 占 added up, then taken of the whole named after it.
        const name = (p: (typeof chosen)[number]) => p.subject?.entity.name ?? '';
        const parts = values.slice(0, -1);
        const whole = values.at(-1)!;
        const total = parts.reduce((sum, f) => sum + f.value!, 0);
        const ratio = formatNumber(Number(((total / whole.value!) * 100).toFixed(2)));
        claims.push({ text: `${chosen.slice(0, -1).map(name).join('、')}合计${formatNumber(total)}${unit}（${parts.map(printedNumber).join('+')}=${formatNumber(total)}）`, sources: [], derived: [formatNumber(total)], end: '，' });
        claims.push({ text: `约为${name(chosen.at(-1)!)}的${ratio}%（${formatNumber(total)}÷${printedNumber(whole)}=${ratio}%）`, sources: [], derived: [ratio] });
      } else if (part.operation === 'ratio' && values[1].value) {
        const name = (p: (typeof chosen)[number]) => p.subject?.entity.name ?? '';
        // 「腾讯占阿里的多少」 asks the quotient as a percentage; 「是…的几倍」 as a multiple.
        const percent = part.attributes.includes('share') && values.every((f) => f.kind !== 'percent');
        const ratio = formatNumber(Number(((values[0].value! / values[1].value) * (percent ? 100 : 1)).toFixed(2)));
        claims.push({ text: percent ? `${name(chosen[0])}约为${name(chosen[1])}的${ratio}%（${printedNumber(values[0])}÷${printedNumber(values[1])}=${ratio}%）`
          : `${name(chosen[0])}约是${name(chosen[1])}的${ratio}倍（${printedNumber(values[0])}÷${printedNumber(values[1])}=${ratio}）`, sources: [], derived: [ratio] });
      } else if (part.operation === 'sum') {
        const total = values.reduce((sum, f) => sum + f.value!, 0);
        claims.push({ text: `合计${formatNumber(total)}${unit}（${values.map(printedNumber).join('+')}=${formatNumber(total)}）`, sources: [],
          derived: [formatNumber(total)] });
      } else {
        const [a, b] = values;
        const more = a.value! >= b.value! ? chosen[0] : chosen[1];
        const less = more === chosen[0] ? chosen[1] : chosen[0];
        const difference = Math.abs(a.value! - b.value!);
        const name = (p: typeof more) => p.subject?.entity.name ?? '';
        claims.push({ text: `${name(more)}比${name(less)}多${formatNumber(difference)}${unit === '%' ? '个百分点' : unit}（${printedNumber(more.best.fact)}−${printedNumber(less.best.fact)}=${formatNumber(difference)}）`,
          sources: [], derived: [formatNumber(difference)] });
      }
    } else if (units.size > 1) {
      // currency: amounts in 美元 and in 元 are never added, compared or ranked as one unit.
      const currencies = new Set(values.map(currencyOf).filter(Boolean));
      claims.push({ text: currencies.size > 1 ? `两者币种不同（${values.map(factValue).join('、')}），报告没有给出汇率，不能直接${part.operation === 'sum' ? '相加' : '比较'}`
        : `两者单位不同（${values.map(factValue).join('、')}），报告没有给出换算依据，不能直接比较`, sources: [] });
    }
  }
  // currency: 「259亿，是人民币吧？合多少亿元」 — an amount asked in one currency that the report states in another is given as
  // stated, and said not to be convertible here: the report gives no exchange rate.
  const asked = part.qualifiers.find((q) => CURRENCIES.has(q));
  const other = asked ? [...new Set(chosen.map((p) => currencyOf(p.best.fact)).filter((c) => c && c !== asked))] : [];
  if (other.length) claims.push({ text: `报告给出的是以${other.join('、')}计的金额，没有给出${asked}的数字或汇率，无法换算`, sources: [] });
  // 「比去年同期呢」: a period compared with that no figure found states (neither its own figure nor a sentence comparing the two)
  // is said to be missing, not silently dropped — the figure alone is no comparison.
  const then = part.versus?.[0];
  // (A clause that states the other period's figure itself — 「与 2019 年上半年的 4.95 亿元相比，同比增长 246.46%」 — compares them.)
  const during = (f: StoredFact) => f.from !== undefined && f.from <= then!.to && (f.to ?? f.from) >= then!.from;
  const statesThen = (fact: StoredFact) => knowledge.facts.sentenceOf(fact).some((f) => during(f)
    && compactForm(fact.window).includes(compactForm(f.text)));
  // A growth figure is itself the comparison with the period before (同比增长 274.07%).
  if (then && ['difference', 'compare'].includes(part.operation) && part.subjects.length <= 1
    && !chosen.some((p) => p.best.fact.attributes.includes('growth'))
    && !chosen.some((p) => during(p.best.fact) || statesThen(p.best.fact))) {
    claims.push({ text: `报告没有给出${then.label}的对应数字，无法比较`, sources: [] });
  }
  // multi-part: what one of the things looked up lacks is said for it alone.
  if (absent.length) {
    const attribute = part.attributes.map((a) => knowledge.lexicon.attributes.get(a)?.label ?? '').find(Boolean) ?? '相关数字';
    claims.push({ text: `报告没有给出${absent.map((s) => s.entity.name).join('、')}的${attribute}`, sources: [] });
  }
  if (claims.length) claims[claims.length - 1].end = '。';
  return answered(claims, chosen.map((p) => ({ source: p.best.fact.source, subject: p.subject?.entity.name ?? p.best.fact.subject, metric: p.best.fact.metric,
    value: p.best.fact.value ?? p.best.fact.text, unit: p.best.fact.value === null ? '' : p.best.fact.unit, period: p.best.fact.period,
    text: p.best.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(p.best.fact.source) })));
}

/**
 * share: 「今年新增的研究机构占全部的几成」 — where the report states no percent, a sentence that states a whole and a part of it
 * (「研究机构共 107 家，其中 2020 年新增加了 9 家」) gives the share: the part's count (the one asked: its qualifier, its period)
 * divided by the whole counted beside it, with the formula.
 */
function shareOfWhole(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.subjects.length || !part.noun) return null;
  const counted = { ...part, attributes: part.attributes.filter((a) => a !== 'share').concat('count' as const), operation: 'count' as const };
  const best = scoreFacts(counted, knowledge, null, part.periods[0])[0];
  if (!best || best.score < FACT_MATCH.minimum || best.fact.value === null || best.fact.kind !== 'count') return null;
  const whole = knowledge.facts.sentenceOf(best.fact).find((f) => f !== best.fact && f.kind === 'count'
    && f.unit === best.fact.unit && f.value !== null && f.value > best.fact.value! && f.nouns.join() === best.fact.nouns.join()
    && statesWhole(f, knowledge.facts.forms(f).before) && f.offset! < best.fact.offset!);
  if (!whole) return null;
  const ratio = formatNumber(Number(((best.fact.value! / whole.value!) * 100).toFixed(2)));
  const claim = factClaim(best.fact, knowledge);
  return answered([{ ...claim, end: '；' },
    { text: `报告没有直接给出占比，按其中${printedNumber(best.fact)}${best.fact.unit}占共${printedNumber(whole)}${whole.unit}计算，约为${ratio}%（${printedNumber(best.fact)}÷${printedNumber(whole)}=${ratio}%）`, sources: [], derived: [ratio], end: '。' }],
  [best.fact, whole].map((f) => ({ source: f.source, subject: f.subject, metric: f.metric, value: f.value!, unit: f.unit, period: f.period,
    text: f.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(f.source) })));
}

/**
 * Rankings the prose states as a list of figures about several subjects (金融 46、政务 42、司法 18 个;
 * 广东 100 家、江苏 71 家 …): the best-fitting sentence with figures for at least two subjects, its
 * figures ordered by value, ties kept.
 */
const subfieldSets = new WeakMap<Knowledge, Map<string, Set<string>>>();

/**
 * The subfields of each field, as the tables of that field print them (表4-2 of 政务服务: 行政审批, 电子证照 …, its 细分领域
 * column), by the field's name; once per knowledge.
 */
function subfieldsOf(knowledge: Knowledge): Map<string, Set<string>> {
  let map = subfieldSets.get(knowledge);
  if (map) return map;
  map = new Map();
  for (const table of knowledge.tables.values()) {
    const column = table.columns.findIndex((c) => c.attribute === 'subfield');
    if (column < 0) continue;
    const names = new Set(table.rows.map((r) => r.cells[column]?.bare ?? '').filter(Boolean));
    for (const topic of table.topics) map.set(topic, new Set([...(map.get(topic) ?? []), ...names]));
  }
  subfieldSets.set(knowledge, map);
  return map;
}

/** A subject that is a name of a thing (解决方案, 供应链应用): two to eight letters, no figure or function word in it. */
const RANKED_NAME = /^(?:\p{Script=Han}|[A-Za-z]){2,8}$/u;

export function rankFacts(part: Part, knowledge: Knowledge, scopes: readonly string[] = []): PartAnswer | null {
  // 「专利最多的是哪个省」 ranks places, not the companies ranked in the same section.
  const kinds = GROUP_KINDS[part.groupBy ?? ''];
  // 「政务服务里哪个细分领域最多」: the field that scopes the ranking is the whole its parts are ranked within, not one of them;
  // grouped by subfield, the things ranked are that field's subfields (its table's 细分领域).
  const fields = part.groupBy === 'subfield' ? scopes.map((id) => knowledge.lexicon.entities.get(id)?.name ?? '').filter((name) => subfieldsOf(knowledge).has(name)) : [];
  const within = fields.length ? new Set(fields.flatMap((name) => [...subfieldsOf(knowledge).get(name)!])) : undefined;
  // 「占比最大的三块」: a figure the prose states of a thing the lexicon does not know (解决方案 10%) ranks beside the others of its
  // sentence by its own subject, where no kind of place is asked.
  // Only a subject listed with others in one clause (「金融应用、解决方案、BaaS 平台…分别为」), one of them a thing the lexicon knows.
  const listedWith = (c: Candidate) => knowledge.facts.sentenceOf(c.fact).some((f) => f !== c.fact && f.window === c.fact.window && f.entities.length === 1);
  const named = (c: Candidate) => c.fact.entities.length === 1 || (!kinds && !c.fact.entities.length && RANKED_NAME.test(c.fact.subject ?? '') && listedWith(c));
  const scored = scoreFacts(part, knowledge, null, part.periods[0]).filter((c) => named(c) && c.fact.value !== null);
  const idOf = (c: Candidate) => c.fact.entities[0] ?? `subject:${compactForm(c.fact.subject ?? '')}`;
  // 「金融领域第三的城市」: a municipality (北京) is ranked among cities too where the sentence ranking cities names it beside them
  // (「其次是广州市和北京分别是 15%和 13%」); its figures of other scopes (北京 79.72% of a cluster) are not.
  const kindOf = (c: Candidate) => knowledge.lexicon.entities.get(c.fact.entities[0]);
  const cityQuotes = new Set(part.groupBy === 'city' ? scored.filter((c) => kindOf(c)?.kind === 'city').map((c) => c.fact.quote) : []);
  const ofKind = (c: Candidate) => kinds!.includes(kindOf(c)?.kind ?? '') || (Boolean(kindOf(c)?.municipality) && cityQuotes.has(c.fact.quote));
  const candidates = scored.filter((c) => !scopes.includes(c.fact.entities[0]) && (!kinds || ofKind(c))
    && (!within || within.has(knowledge.lexicon.entities.get(c.fact.entities[0])?.name ?? c.fact.subject ?? '')));
  const keyOf = (c: Candidate) => `${c.fact.chunkId}|${c.fact.unit}|${c.fact.kind}`;
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = keyOf(candidate);
    const list = groups.get(key) ?? [];
    if (!list.some((c) => idOf(c) === idOf(candidate))) list.push(candidate);
    groups.set(key, list);
  }
  // Members of a scope: where the scope's own figure stands beside them it is their whole (42 个 ≥ 11 + 8), not a peer
  // (金融 31% beside 政务服务 29%); where it does not, the paragraph names the scope.
  const scopeForms = scopes.flatMap((id) => knowledge.lexicon.formsOf(id)).map(compactForm).filter((f) => f.length >= 2);
  const ofScope = (group: Candidate[]) => {
    if (!scopes.length || within) return true;
    const whole = scored.filter((c) => scopes.includes(c.fact.entities[0]) && keyOf(c) === keyOf(group[0]));
    if (whole.length) return whole.some((w) => w.fact.value! >= group.reduce((sum, c) => sum + c.fact.value!, 0));
    const chunk = knowledge.chunk(group[0].fact.chunkId);
    return Boolean(chunk) && scopeForms.some((f) => compactForm(chunk!.text).includes(f));
  };
  const best = [...groups.values()].filter((g) => g.length >= 2 && ofScope(g))
    .sort((a, b) => b.reduce((s, c) => s + c.score, 0) / b.length - a.reduce((s, c) => s + c.score, 0) / a.length)[0];
  if (!best || best[0].score < FACT_MATCH.minimum * 0.8) return null;
  const order = part.order ?? (part.operation === 'min' ? 'asc' : 'desc');
  const sorted = [...best].sort((a, b) => (order === 'asc' ? a.fact.value! - b.fact.value! : b.fact.value! - a.fact.value!));
  const k = part.operation === 'topk' ? part.rank ?? 3 : 1;
  const offset = part.operation === 'rank' ? (part.rank ?? 1) - 1 : 0;
  const edge = sorted[offset + k - 1] ?? sorted.at(-1)!;
  const chosen = sorted.filter((c, i) => (i >= offset && i < offset + k) || (i >= offset && c.fact.value === edge.fact.value));
  if (!chosen.length) return null;
  const names = chosen.map((c) => `${c.fact.subject}（${factValue(c.fact)}）`).join('、');
  const what = part.operation === 'rank' ? `第${CHINESE_ORDINAL[part.rank ?? 1] ?? part.rank}` : part.operation === 'topk' ? (order === 'asc' ? '最少的几个' : '排在前面的') : order === 'asc' ? '最少的' : '最多的';
  const sentences = [...new Map(chosen.map((c) => [`${c.fact.chunkId}@${c.fact.line}`, c.fact])).values()];
  return answered([{ text: `按报告给出的数字，${what}是${names}`, sources: sentences.map((f) => sentenceSource(knowledge, f.chunkId, f.quote, f.line)) }],
    chosen.map((c) => ({ source: c.fact.source, subject: c.fact.subject, metric: c.fact.metric, value: c.fact.value, unit: c.fact.unit, period: c.fact.period,
      text: c.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(c.fact.source) })));
}

/**
 * The place of a subject in a ranking the prose states figure by figure (「广东省数量最多，共100家；其次是江苏省71家；
 * 浙江省和山东省并列第三」): a second ranking beside a table's (新成立 vs all). Cites the sentences of the subject and of
 * those ahead of it, so the place is the count of what its sentence cites. Null when the prose ranks no such group.
 */
export function proseRankOf(part: Part, subject: Subject, knowledge: Knowledge): Claim | null {
  const candidates = scoreFacts({ ...part, subjects: [], operation: 'max' }, knowledge, null, part.periods[0])
    .filter((c) => c.fact.entities.length === 1 && c.fact.value !== null && c.fact.kind === 'count');
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.fact.chunkId}|${candidate.fact.unit}`;
    const list = groups.get(key) ?? [];
    if (!list.some((c) => c.fact.entities[0] === candidate.fact.entities[0])) list.push(candidate);
    groups.set(key, list);
  }
  const group = [...groups.values()].find((g) => g.length >= 3 && g.some((c) => c.fact.entities[0] === subject.entity.id));
  if (!group) return null;
  const own = group.find((c) => c.fact.entities[0] === subject.entity.id)!;
  const ahead = group.filter((c) => c.fact.value! > own.fact.value!);
  const place = ahead.length + 1;
  const tied = group.filter((c) => c !== own && c.fact.value === own.fact.value);
  const scope = own.fact.qualifiers.includes('new') ? '新成立' : '';
  const sentences = [...new Map([...ahead, own].map((c) => [`${c.fact.chunkId}@${c.fact.line}@${c.fact.quote}`, c.fact])).values()];
  return { text: `另据正文，按${own.fact.period ? `${own.fact.period}` : ''}${scope}${own.fact.nouns[0] ?? ''}数量，${subject.entity.name}${factValue(own.fact)}，排第${place}${tied.length ? `（与${tied.map((c) => c.fact.subject).join('、')}并列）` : ''}`,
    sources: sentences.map((f) => sentenceSource(knowledge, f.chunkId, f.quote, f.line)), derived: [String(place)] };
}

/** The figure the report gives that comes closest to what was asked (for a 「not in the report」 answer). */
/**
 * share: 「上半年种子轮占多少」 — a share the report states of the thing asked only for another period (2019's 4%): the period asked
 * is not stated, and that figure is the nearest one (offered as such). Null when the share is stated of the period asked, or of
 * nothing the part's own words name.
 */
export function shareOfAnotherPeriod(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.subjects.length || !part.periods.length || !part.attributes.includes('share') || !part.quantity) return null;
  const fact = nearestFact(part, knowledge);
  if (!fact || fact.kind !== 'percent' || part.periods.some((period) => periodFactor(fact, period) > 0)) return null;
  const terms = partTerms(part, knowledge);
  if (!terms.some((t) => ownShareClause(fact).includes(t))) return null;
  // The thing the share is of, as the report names it before its share word (「种子轮仅占比」 → 种子轮).
  const holder = fact.metric.replace(/\s+/g, '').replace(/(仅|只|约|共)?占.*$/, '');
  const period = part.periods.map((p) => p.label).join('、');
  return missing([{ text: `报告没有给出${period}${holder}${holder ? '的' : ''}占比`, sources: [], end: '。' },
    { ...factClaim(fact, knowledge, '报告给出的相关数据是：'), end: '。' }]);
}

export function nearestFact(part: Part, knowledge: Knowledge): StoredFact | null {
  const subject = part.subjects[0] ?? null;
  // With no content word to match, only a figure whose sentence names the subject is near (医疗's amount: not 海南's fund).
  const forms = subject ? formsOf(knowledge, subject) : [];
  // 「中国人口有多少」「区块链从业人员有多少人」 (off-topic, near-miss): the asked thing is a word the report never uses or an
  // attribute it never gives; without a subject, the figures its other words (中国, 区块链) fit are about something else
  // entirely, not the nearest to it.
  const absent = part.attributes.some((a) => knowledge.lexicon.attributes.get(a)?.kind === 'absent');
  // (A counted noun of its own still finds its figure: 「搞区块链的企业有多少员工」 → the firms' count, offered as such.)
  if (!subject && !part.noun && (part.unknown.length || absent)) return null;
  const words = partTerms(part, knowledge).length > 0;
  // near-miss: of figures that fit the words, the nearest is of the subject asked (or the whole, without one) and of a span
  // around the one asked (「一季度」 → the first half's, not 2016–2019's): the rules relaxed above still weigh the choice.
  const near = part.periods[0] && part.periods[0].from <= REPORT_PERIOD.to ? { ...part.periods[0], exact: false } : undefined;
  // 「百度的专利有多少」: a subject no figure names is nearest to a figure of another thing of its kind (阿里巴巴's patents: an
  // organisation's), not to the whole (全国 5402 项).
  const kindOf = (id: string) => id.slice(0, id.indexOf(':'));
  const sameKind = (fact: StoredFact) => (subject && fact.entities.some((id) => kindOf(id) === subject.entity.kind) ? 1 : FACT_MATCH.otherKind);
  // share: the nearest share to one asked of no subject is one its own clause says of the thing asked (种子轮 4%, not 初创期 49%).
  const terms = partTerms(part, knowledge);
  const holder = (fact: StoredFact) => (!subject && part.attributes.includes('share') && fact.kind === 'percent' && terms.length
    && !terms.some((t) => ownShareClause(fact).includes(t)) ? FACT_MATCH.shareOfAnother : 1);
  const weight = (fact: StoredFact) => Math.max(0.3, entityFactor(fact, subject, knowledge, forms)) * Math.max(0.3, periodFactor(fact, near)) * sameKind(fact) * holder(fact);
  const relaxed = scoreFacts(part, knowledge, subject, undefined, true)
    .filter((c) => words || forms.some((f) => knowledge.facts.forms(c.fact).quote.includes(f)))
    .map((c) => ({ ...c, score: c.score * weight(c.fact) })).sort((a, b) => b.score - a.score || a.fact.line - b.fact.line);
  return relaxed[0] && relaxed[0].coverage >= FACT_MATCH.nearestCoverage ? relaxed[0].fact : null;
}
