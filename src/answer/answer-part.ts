import { numbersIn } from '../facts/number-guard';
import { PLACE_KINDS, type Entity } from '../question/lexicon';
import type { Part, Reading } from '../question/reading';
import { formsOfNoun } from '../question/read-message';
import { compactForm, printedSpan } from '../text/compact-form';
import { findPeriods, type PeriodSpan } from '../text/find-periods';
import { answerFromFacts, asksOfWhole, factAnswer, factClaim, nearestFact, proseRankOf, rankFacts, scoreFacts, shareClause, shareOfAnotherPeriod, type Candidate } from './answer-from-facts';
import { PLACE_ATTRIBUTES, answerAboutPerson, reportWordsOf, itemsAfterBest, mainPlaces, itemsOfSection, answerFromLabelledList, answerFromPassages, enumeratedItem, itemNaming, membersNamed, titledRowInProse, withMembers, withPlacesAfter, rankPassages, sectionNaming, sectionOfPeriod, statesKinds, type Retrieval } from './answer-from-passages';
import { answerOutline, answerTableCount, answerTableRows, answerWhere } from './answer-where';
import { listedRank, quotedPlace, statedRank } from './stated-rank';
import { answerFromTable, countAcrossTables, listAcrossTables } from './answer-from-table';
import { chooseTable, columnFor, missesExactPeriod, periodSelectsRows, rowsOf } from './choose-table';
import { answered, missing, type Claim, type PartAnswer } from './claims';
import { sentenceSource, type Knowledge } from './knowledge';
import type { AnswerFact } from '../types';
import { formatNumber } from './format-value';
import { figureNumber, withoutReportTopic } from '../question/question-words';
import { FACT_MATCH, PASSAGES } from './thresholds';

/** A figure the report states as a total (总额, 合计, 共计 …) — what a sum of all the things is. */
/** The report's own topic: every section is about it, whether its heading says so or not. */
const REPORT_TOPIC = '区块链';
const STATED_TOTAL = /总额|总计|合计|共计|总共|累计/;

/** Currencies a question can name (qualifiers.tsv). */
const CURRENCIES = new Set(['人民币', '美元']);
const RANKINGS = new Set(['max', 'min', 'rank', 'topk']);
/** The last month the report's figures cover (2020 H1), as yyyymm. */
const REPORT_END = 202006;
const FIGURE_OPERATIONS = new Set(['count', 'sum', 'difference', 'ratio', 'compare', 'max', 'min', 'topk', 'rank', 'position', 'earliest', 'latest']);

/** The kind of figure a part asks for, as the report prints it. */
const FIGURE_OF: Record<string, RegExp> = {
  money: /\d[\d.]*(万|亿)?(元|美元|人民币)|数[十百千万亿]+(元|美元|人民币)/,
  share: /\d[\d.]*%|[一二三四五六七八九]成/,
  growth: /\d[\d.]*%|倍/,
  // 「一个二维码」 is an article, not a count.
  count: /\d+(余|多)?(家|个|项|所|条|件|笔|次|位|座|名|款|类|种|部分|大部分)|(?!一个)[一二三四五六七八九十两百千万]+(余|多)?(家|个|项|所|条|件|大部分|部分|类)/,
  // 「预计今年四季度可以实现」: a quarter said in words dates a plan as a month does.
  date: /(19|20)\d{2}(年|\.|-)|\d{1,2}月|[一二三四]季度/,
};
/** The same kinds, every figure of a sentence (compiled once, not per sentence). */
const FIGURES_OF = Object.fromEntries(Object.entries(FIGURE_OF).map(([kind, pattern]) => [kind, new RegExp(pattern.source, 'g')]));

/**
 * The windows of the figures of the kinds asked a sentence states: each figure's clause and the one before it, where its
 * subject is said (「山东省专利数量增长明显，约为上年同期专利数量的 4 倍」).
 */
function figureWindows(quote: string, kinds: readonly string[]): string[] {
  const windows: string[] = [];
  for (const piece of quote.split(/[。；;]/)) {
    for (const kind of kinds.length ? kinds : ['count']) {
      for (const match of piece.matchAll(FIGURES_OF[kind])) {
        const clauses = piece.slice(0, match.index! + match[0].length).split(/[，,：:]/);
        // 「占山东省专利总量的 90%」 is a share, no growth.
        if (kind === 'growth' && clauses[clauses.length - 1].includes('占')) continue;
        windows.push(clauses.slice(-2).join('，'));
      }
    }
  }
  return windows;
}

/** A passage answers a figure only when it names the subjects and states a figure of the asked kind (and period). */
/** The best figure, of any subject the part names, whose clause says the part's counted word right after its number. */
function figureCounting(part: Part, knowledge: Knowledge): PartAnswer | null {
  const word = compactForm(part.countedWord!);
  const best = (part.subjects.length ? part.subjects : [null])
    .flatMap((subject) => scoreFacts(part, knowledge, subject, part.periods[0]))
    .filter((c) => c.fact.kind === 'count' && knowledge.facts.forms(c.fact).window.includes(`${knowledge.facts.forms(c.fact).text}${word}`))
    .sort((a, b) => b.score - a.score)[0];
  return best ? factAnswer(best.fact, knowledge) : null;
}

/** The count the prose states of the whole a part names collectively (各地方), in its words, of the noun counted. */
function collectiveTotal(part: Part, knowledge: Knowledge): PartAnswer | null {
  const said = compactForm(part.collective!);
  const whole: Part = { ...part, groupBy: undefined, collective: undefined, operation: 'count', attributes: part.attributes.filter((a) => a !== part.groupBy) };
  const stated = scoreFacts(whole, knowledge, null, whole.periods[0]).find((c) => c.score >= FACT_MATCH.minimum && c.fact.kind === 'count'
    && (!part.noun || c.fact.nouns.includes(part.noun)) && knowledge.facts.forms(c.fact).window.includes(said));
  return stated ? factAnswer(stated.fact, knowledge) : null;
}

/** A clause is about one province or city: it names that one only, and not the country. */
function namesPlace(clause: string, knowledge: Knowledge): boolean {
  // Several places (主要分布在北京、上海…) or the country named are the whole's.
  if (/全国|我国|全球/.test(clause)) return false;
  return new Set(knowledge.lexicon.mentions(clause).filter((m) => PLACE_KINDS.has(m.entity.kind)).map((m) => m.entity.id)).size === 1;
}

function statesFigure(answer: PartAnswer, part: Part, knowledge: Knowledge): boolean {
  // 「如图 3-2 所示」 states no figure.
  // The figures the question itself states (「第二批11个创新应用中，有几个…」) are not the one it asks for.
  const own = part.figures.map(compactForm).filter((f) => /\d/.test(f));
  const quotes = answer.claims.flatMap((c) => c.sources.map((s) => own.reduce((q, f) => q.split(f).join('·'), compactForm(s.quote).replace(/[图表]\d+-\d+/g, ''))));
  const kinds = part.attributes.map((a) => (['founded', 'published', 'date'].includes(a) ? 'date' : a)).filter((a) => FIGURE_OF[a]);
  // Without a kind asked, any figure but a date (「2019 年全国…排名前五的省份」 states no quantity).
  const undated = (text: string) => text.replace(/(19|20)\d{2}(年|\.|-)?(\d{1,2}月?)?(\d{1,2}日)?|\d{1,2}月(\d{1,2}日)?/g, '');
  // A magnitude said as a level (「延时降至毫秒级」「亿元级别」) is a figure as well.
  const statesKind = (text: string) => (kinds.length ? kinds.some((k) => FIGURE_OF[k].test(text)) : /\d|[一二三四五六七八九十两]+[十百千万亿余]|(毫秒|微秒|秒|分钟|千万元|亿元|百万)级/.test(undated(text)));
  // 「带动天津、山东、河北…」「包括行政审批、电子证照、数据共享…」 (near-miss): a subject only listed among others, in a clause
  // stating no figure, is not what the sentence's figure is about.
  const clauses = quotes.flatMap((q) => q.split(/[，,；;。：:]/));
  const listed = (clause: string, form: string) => [...clause.matchAll(new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))]
    .every((m) => /[、]/.test(clause[m.index! - 1] ?? '') || /[、]/.test(clause[m.index! + form.length] ?? ''));
  const named = part.subjects.every((s) => knowledge.lexicon.formsOf(s.entity.id).some((f) => clauses.some((c) => c.includes(f) && (statesKind(c) || !listed(c, f)))));
  const figure = quotes.some(statesKind);
  const period = part.periods.every((p) => (p.label.match(/\d{4}/g) ?? []).every((year) => quotes.some((q) => q.includes(year))));
  // 「中国移动建了多少5G基站」: a quantity of a counted noun is stated where the noun (one of its forms) is said; a row that only
  // names the subject beside its serial number counts nothing of it.
  const rowsOnly = answer.claims.every((c) => c.sources.every((s) => /#r\d+$/.test(s.chunkId)));
  // follow-up: 「中国联通呢」 after 「5G基站建了多少」 — the noun carried over is what is counted, so a sentence naming the subject
  // but not the noun (联通 among an ITU proposal's authors) counts nothing of it either.
  const nounForms = part.noun && (rowsOnly || part.inheritedNoun || !part.after) ? [...formsOfNoun(part.noun, knowledge.lexicon)].filter((f) => f.length >= 2) : [];
  const counted = !nounForms.length || quotes.some((q) => nounForms.some((f) => q.includes(f)));
  // 「专利比去年同期涨了多少」 (no place named or asked): a figure stated only of one place (山东省…约为上年同期的 4 倍) is no figure
  // of the whole.
  const whole = !asksOfWhole(part) || quotes.some((q) => figureWindows(q, kinds).some((w) => !namesPlace(w, knowledge)));
  return named && figure && period && counted && whole;
}

/** Words of a place in a ranking, or a figure beside the thing ranked. */
const RANK_WORDS = /第[一二三四五六七八九十\d]+|位列|位居|排名|排在|居首|之首|首位|榜首|其次|\d/;

/** Some clause the answer quotes names a subject (a place or an organisation; the field it is ranked in aside) with a rank or a figure. */
function statesRank(answer: PartAnswer, part: Part, knowledge: Knowledge): boolean {
  const clauses = answer.claims.flatMap((c) => c.sources.flatMap((s) => compactForm(s.quote).split(/[，,；;。]/)));
  const ranked = part.subjects.filter((s) => s.entity.kind !== 'domain');
  return (ranked.length ? ranked : part.subjects).some((s) => knowledge.lexicon.formsOf(s.entity.id).map(compactForm).filter((f) => f.length >= 2)
    .some((f) => clauses.some((c) => c.includes(f) && RANK_WORDS.test(c.replace(/(19|20)\d{2}(年|\.|-|\/)?(\d{1,2}月?)?(\d{1,2}日)?/g, '')))));
}

/** A point a stock is counted up to (截至2020年上半年): no span things happened in. */
const stockAt = (span: PeriodSpan) => span.from === span.to && (Boolean(span.asOf) || span.label.startsWith('截至'));

/**
 * Some quoted sentence names every year of the part's periods — or states that very span as a date of its own whose year the
 * chronicle before it gave (「7 月，美团、滴滴…参与到 DC/EP 的落地中」 after 「2020 年 4 月，…」).
 */
function statesPeriod(answer: PartAnswer, part: Part, knowledge: Knowledge): boolean {
  const quotes = answer.claims.flatMap((c) => c.sources.map((s) => compactForm(s.quote)));
  const dated = (p: PeriodSpan) => knowledge.facts.datesFrom(p.from).some((f) => f.to === p.to && quotes.some((q) => q.includes(knowledge.facts.forms(f).window)));
  // A span asked precisely (一季度, 全年) is stated only by that span, or a point at its end (not a stock 截至 it).
  const periods = [...part.periods, ...part.filters.flatMap((f) => (f.kind === 'period' ? [f.period] : []))];
  const spans = periods.some((p) => p.exact) ? quotes.flatMap((q) => findPeriods(q, { relative: true })) : [];
  return periods.every((p) => dated(p) || (p.exact
    ? spans.some((s) => (s.from === p.from && s.to === p.to && !stockAt(s)) || (s.from === s.to && s.to === p.to && !stockAt(s)))
    : (p.label.match(/\d{4}/g) ?? []).every((year) => quotes.some((q) => q.includes(year)))));
}

/**
 * 「7月有哪些公司参与进来」 about a thing the report tells in a chronicle: where the sentences found state no such month, the one
 * sentence that opens on that month (its year given by the chronicle before it) and names the thing asked about. Not for a
 * figure (a dated event states none). Null unless exactly one sentence fits.
 */
function datedEvent(part: Part, knowledge: Knowledge): PartAnswer | null {
  const span = part.periods[0];
  if (part.quantity || part.periods.length !== 1 || !span || span.from !== span.to) return null;
  const forms = part.subjects.flatMap((s) => [s.entity.name, ...knowledge.lexicon.formsOf(s.entity.id)]).map(compactForm).filter((f) => f.length >= 2);
  const found = knowledge.facts.datesFrom(span.from).filter((f) => f.to === span.to && forms.some((form) => knowledge.facts.forms(f).quote.includes(form)));
  if (found.length !== 1) return null;
  const [fact] = found;
  return answered([{ text: fact.quote.trim().replace(/[。；]$/, ''), sources: [sentenceSource(knowledge, fact.chunkId, fact.quote, fact.line)] }], []);
}

/** What the part asks about, in words the reading resolved (never the user's raw text). */
export function missingTopic(part: Part, knowledge: Knowledge): string {
  const names = part.groups.length ? part.groups.map((g) => g.entity.name) : part.subjects.map((s) => s.entity.name);
  const period = part.periods.map((p) => p.label).join('、');
  const attribute = part.unknown[0] ?? part.attributes.map((a) => knowledge.lexicon.attributes.get(a)?.label ?? '').filter(Boolean)[0] ?? '';
  const noun = part.noun && part.noun !== '地区' ? part.noun : '';
  const what = [noun, attribute].filter(Boolean).join('');
  const subject = names.join('、');
  const phrase = `${period}${subject}${subject && what ? '的' : ''}${what}`;
  // Only what the lexicon resolved, at most a few words, no digits but a period's year.
  return phrase.replace(/\[\d+\]/g, '').slice(0, 24) || '这一问题';
}

/** Some quoted sentence of the prose names every subject of the part other than as an item among others (「北京、上海、杭州…等地区」). */
function aboutSubjects(answer: PartAnswer, part: Part, knowledge: Knowledge): boolean {
  const quotes = answer.claims.flatMap((c) => c.sources.filter((s) => !/#[rg]\d+$/.test(s.chunkId)).map((s) => compactForm(s.quote)));
  const about = (quote: string, form: string) => {
    for (let i = quote.indexOf(form); i >= 0; i = quote.indexOf(form, i + 1)) {
      if (!/[、和及与]/.test(quote[i - 1] ?? '') && !/[、和及与等]/.test(quote[i + form.length] ?? '')) return true;
    }
    return false;
  };
  return quotes.some((q) => part.subjects.every((s) => knowledge.lexicon.formsOf(s.entity.id).map(compactForm).filter((f) => f.length >= 2).some((f) => about(q, f))));
}

/**
 * 「上海在数字人民币试点名单里吗」 (list, yesno): the sentence that answers the rest of the part lists other places and
 * not the one asked about — that list is the answer, and the place is not in it.
 */
async function notAmong(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer | null> {
  if (!['list', 'yesno'].includes(part.operation) || part.quantity) return null;
  const places = part.subjects.filter((s) => PLACE_KINDS.has(s.entity.kind));
  const rest = part.subjects.filter((s) => !PLACE_KINDS.has(s.entity.kind));
  if (places.length !== 1 || !rest.length) return null;
  const answer = await answerFromPassages({ ...part, subjects: rest }, reading, knowledge, retrieval);
  const quotes = answer?.claims.flatMap((c) => c.sources.map((s) => compactForm(s.quote))) ?? [];
  if (!answer || quotes.some((q) => knowledge.lexicon.formsOf(places[0].entity.id).some((f) => f.length >= 2 && q.includes(f)))) return null;
  const others = new Set(quotes.flatMap((q) => knowledge.lexicon.mentions(q)).filter((m) => PLACE_KINDS.has(m.entity.kind) && m.entity.id !== places[0].entity.id)
    .map((m) => m.entity.id));
  if (others.size < 2) return null;
  return { ...answer, claims: [...answer.claims.map((c, i, all) => (i === all.length - 1 ? { ...c, end: '；' } : c)), { text: `其中没有${places[0].entity.name}`, sources: [], end: '。' }] };
}


/** Percent figures of a period whose clause names one category (its value entities: the same value of several tables), best first. */
function sharesOf(part: Part, values: Entity[], period: Part['periods'][number] | undefined, knowledge: Knowledge): Candidate[] {
  const forms = [...new Set(values.flatMap((v) => [v.name, ...knowledge.lexicon.formsOf(v.id)]).map(compactForm).filter((f) => f.length >= 2))];
  const asked = { ...part, filters: [], words: [...part.words, values[0].name], periods: period ? [period] : [] };
  // The clause naming the longest form the user said comes first: 「由企业主导的…占比 20%」 says 企业主导 as asked, while
  // 「为政府与企业合作…39%」 only holds 企业, a piece of another category's words.
  const text = compactForm(part.text);
  const longest = (c: Candidate) => Math.max(0, ...forms.filter((f) => text.includes(f) && compactForm(shareClause(c.fact)).includes(f)).map((f) => f.length));
  return scoreFacts(asked, knowledge, null, period, false)
    .filter((c) => c.fact.kind === 'percent' && forms.some((f) => compactForm(shareClause(c.fact)).includes(f)))
    .map((c) => ({ c, length: longest(c) })).sort((a, b) => b.length - a.length).map(({ c }) => c);
}

function shareClaim(candidate: Candidate, knowledge: Knowledge): Claim {
  return { ...factClaim({ ...candidate.fact, window: shareClause(candidate.fact) }, knowledge), end: '；' };
}

function shareFacts(chosen: Candidate[], names: string[], knowledge: Knowledge): PartAnswer['facts'] {
  return chosen.map((c, i) => ({ source: c.fact.source, subject: names[i] ?? names[0], metric: c.fact.metric, value: c.fact.value ?? c.fact.text, unit: c.fact.unit,
    period: c.fact.period, text: c.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(c.fact.source) }));
}

/**
 * A share the prose states for a category a table's rows are filtered by (「天使轮占 32%」「17 家为政府与企业合作，占比为 39%」):
 * the best percent figure whose sentence names the category in one of its forms. Null for a named table (its rows are asked).
 * Asked against another period, the share then as well and the change in percentage points; asked of several categories
 * to add up or compare (「政府主导和企业主导的加起来占多少」), each one's share and the sum or difference.
 */
function categoryShare(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (!part.attributes.includes('share') || part.table || part.subjects.length) return null;
  const values = part.filters.flatMap((f) => (f.kind === 'value' ? [f.entity] : []));
  if (!values.length || values.length !== part.filters.length) return null;
  // One category is the same value of several tables, counted once.
  const names = [...new Set(values.map((v) => v.name))];
  if (names.length > 1) {
    // 「初创期轮次占多少」: one word naming several values (初创期: 天使轮, Pre-A 轮, A 轮) is a group the prose may state a share of
    // itself (「初创期投资轮次（B 轮以前）占比 34%」): that share answers, from a sentence that says the word.
    const said = [...new Set(part.filters.map((f) => (f.kind === 'value' ? compactForm(f.text) : '')))];
    if (said.length === 1 && said[0] && part.operation === 'lookup') {
      const group = answerFromFacts({ ...part, filters: [], words: [...new Set([...part.words, said[0]])] }, knowledge);
      if (group?.status === 'answered' && group.claims.some((c) => c.sources.some((x) => compactForm(x.quote).includes(said[0])))) return group;
    }
    if (!['sum', 'difference', 'compare'].includes(part.operation)) return null;
    const chosen: Candidate[] = [];
    for (const name of names) {
      const best = sharesOf(part, values.filter((v) => v.name === name), part.periods[0], knowledge).find((c) => !chosen.some((o) => o.fact === c.fact));
      if (!best || best.score < FACT_MATCH.minimum || best.fact.value === null) return null;
      chosen.push(best);
    }
    const claims = chosen.map((c) => shareClaim(c, knowledge));
    const printed = chosen.map((c) => `${formatNumber(c.fact.value!)}%`);
    if (part.operation === 'sum') {
      const total = chosen.reduce((sum, c) => sum + c.fact.value!, 0);
      claims.push({ text: `合计${formatNumber(total)}%（${printed.join('+')}=${formatNumber(total)}%）`, sources: [], derived: [formatNumber(total)] });
    } else if (chosen.length === 2) {
      const change = chosen[0].fact.value! - chosen[1].fact.value!;
      // A value printed as two (政企合作 is 「政府、企业」) reads badly as a name: the order asked says which is which.
      const [a, b] = names.some((n) => n.includes('、')) ? ['前者', '后者'] : names;
      claims.push({ text: `${a}比${b}${change >= 0 ? '高' : '低'}${formatNumber(Math.abs(change))}个百分点（${printed.join('−')}=${formatNumber(change)}个百分点）`,
        sources: [], derived: [formatNumber(Math.abs(change)), formatNumber(change)] });
    }
    claims[claims.length - 1].end = '。';
    return answered(claims, shareFacts(chosen, names, knowledge));
  }
  const fits = sharesOf(part, values, part.periods[0], knowledge);
  if (!fits.length || fits[0].score < FACT_MATCH.minimum) return null;
  const chosen = [fits[0]];
  // share: 「天使轮比去年涨了几个点」 — the category's share in the period compared with (2019: 18%) as well, and the change
  // in percentage points.
  const then = part.versus?.length && ['difference', 'compare'].includes(part.operation)
    ? sharesOf(part, values, part.versus[0], knowledge).find((c) => c.fact.from !== fits[0].fact.from && c.fact.value !== null && c.score >= FACT_MATCH.minimum) : undefined;
  if (then && fits[0].fact.value !== null) chosen.push(then);
  const claims: Claim[] = chosen.map((c) => shareClaim(c, knowledge));
  if (chosen.length === 2) {
    const [now, before] = chosen.map((c) => c.fact);
    const change = now.value! - before.value!;
    claims.push({ text: `${now.period}比${before.period}${change >= 0 ? '高' : '低'}${formatNumber(Math.abs(change))}个百分点（${formatNumber(now.value!)}%−${formatNumber(before.value!)}%=${formatNumber(change)}个百分点）`,
      sources: [], derived: [formatNumber(Math.abs(change)), formatNumber(change)] });
  }
  claims[claims.length - 1].end = '。';
  return answered(claims, shareFacts(chosen, names, knowledge));
}

/**
 * 「比特币是谁发明的」「以太坊和比特币有什么区别」 (near-miss, general knowledge): the sentences found name the asked
 * words only as items of an enumeration (「以比特币、以太坊、EOS 等知名公链为代表」) — they mention the thing, they say
 * nothing about it. For a list or a comparison the enumeration may be the answer, unless some asked word is not
 * in the sentences at all (区别: what is asked about them).
 */
function onlyListed(answer: PartAnswer, part: Part, needsMissing: boolean): boolean {
  if (part.subjects.length || part.groups.length || part.filters.length || part.figures.length) return false;
  const quotes = answer.claims.flatMap((c) => c.sources.map((s) => compactForm(s.quote)));
  const words = part.words.map(compactForm).filter((w) => w.length >= 2);
  const found = words.filter((w) => quotes.some((q) => q.includes(w)));
  if (!found.length || (needsMissing && found.length === words.length)) return false;
  const listed = (q: string, w: string) => {
    for (let at = q.indexOf(w); at >= 0; at = q.indexOf(w, at + 1)) {
      const after = q.slice(at + w.length, at + w.length + 2);
      if (!(q[at - 1] === '、' || /^.?[、等]/.test(after))) return false;
    }
    return true;
  };
  return found.every((w) => quotes.every((q) => !q.includes(w) || listed(q, w)));
}

/** Words of the report's sentences that state how things differ. */
const CONTRAST = /区别|差异|相比|相较|优于|不如|有别于|不同于|与之不同/;

/** Some quoted sentence states a difference (区别, 相比, 优于 …): naming the things asked about together says nothing of it. */
function statesContrast(answer: PartAnswer): boolean {
  return answer.claims.some((c) => c.sources.some((s) => CONTRAST.test(compactForm(s.quote))));
}

/** What is asked of a document itself (its title, who issued it, when): asked of the report, answered from its preface or cover. */
const DOCUMENT_ATTRIBUTES = new Set(['title', 'publisher', 'published', 'date']);

/** A title printed in 《》 (the preface's 「编撰形成了《…》」 names the report and who made it). */
const PRINTED_TITLE = /《[^》]{4,}》/;
/** A date as a cover prints it (二零二零年十月, 2020 年 10 月). */
const PRINTED_DATE = /[〇零一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月/;

/**
 * 「这报告叫啥」「谁出的」「啥时候出的」: the sentence of the preface (or the line of the cover) that prints the report's title or
 * its date. Null when the section prints none.
 */
function answerOfDocument(part: Part, knowledge: Knowledge): PartAnswer | null {
  const printed = part.attributes.some((a) => a === 'published' || a === 'date') ? PRINTED_DATE : PRINTED_TITLE;
  const inSection = knowledge.chunks.filter((c) => c.kind === 'prose' && c.sectionId === part.section);
  for (const chunk of inSection) {
    for (const [i, entry] of chunk.lines.entries()) {
      const text = chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length).trim();
      if (!printed.test(text)) continue;
      return answered([{ text: text.replace(/[。；]$/, ''), sources: [{ chunkId: chunk.id, quote: text, line: entry.line, section: chunk.section }] }]);
    }
  }
  return null;
}


/**
 * 「赛迪区块链研究院在哪个城市」 (prose-figure): where an organisation is, asked of one no table lists, is the city its own full
 * name holds (「赛迪（青岛）区块链研究院」) — quoted from the first report line that prints that name.
 */
function placeInName(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.operation !== 'lookup' || part.table || part.subjects.length !== 1 || part.subjects[0].entity.kind !== 'organization'
    || !part.attributes.length || !part.attributes.every((a) => PLACE_ATTRIBUTES.has(a))) return null;
  const subject = part.subjects[0].entity;
  const cities = [...knowledge.lexicon.entities.values()].filter((e) => e.kind === 'city');
  for (const form of knowledge.lexicon.formsOf(subject.id).filter((f) => f !== compactForm(subject.name))) {
    const city = cities.find((c) => form.includes(compactForm(c.name)) && form !== compactForm(c.name));
    if (!city) continue;
    for (const chunk of knowledge.chunks) {
      if (chunk.kind !== 'prose' || !compactForm(chunk.text).includes(form)) continue;
      const entry = chunk.lines.find((l, i) => compactForm(chunk.text.slice(l.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length)).includes(form));
      if (!entry) continue;
      const at = chunk.lines.indexOf(entry);
      const quote = chunk.text.slice(entry.offset, chunk.lines[at + 1]?.offset ?? chunk.text.length).trim();
      return answered([{ text: `${subject.name}在${city.name}（报告中的名称为「${printedSpan(quote, form) ?? form}」）`,
        sources: [{ chunkId: chunk.id, quote, line: entry.line, section: chunk.section, ...(chunk.source ? { source: chunk.source } : {}) }] }]);
    }
  }
  return null;
}

/**
 * 「工信部全称是啥」「央行全称」: the name of an organisation asked by a short form is its full name, quoted from the first report
 * line that prints it — unless the report itself says what the short form stands for (「…（简称赛迪研究院）」: that sentence answers).
 */
function fullNameOf(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (!['lookup', 'define'].includes(part.operation) || part.table || part.noun || part.subjects.length !== 1 || part.words.length
    || part.attributes.length !== 1 || part.attributes[0] !== 'title') return null;
  const { entity, text } = part.subjects[0];
  const name = compactForm(entity.name);
  if (entity.kind !== 'organization' || name === compactForm(text) || name.length <= compactForm(text).length) return null;
  const prose = knowledge.chunks.filter((c) => c.kind === 'prose');
  if (prose.some((c) => compactForm(c.text).includes(`简称${compactForm(text)}`))) return null;
  for (const chunk of prose) {
    if (!compactForm(chunk.text).includes(name)) continue;
    const entry = chunk.lines.find((l, i) => compactForm(chunk.text.slice(l.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length)).includes(name));
    if (!entry) continue;
    const at = chunk.lines.indexOf(entry);
    const quote = chunk.text.slice(entry.offset, chunk.lines[at + 1]?.offset ?? chunk.text.length).trim();
    return answered([{ text: `${text}的全称是${printedSpan(quote, name) ?? entity.name}`,
      sources: [{ chunkId: chunk.id, quote, line: entry.line, section: chunk.section, ...(chunk.source ? { source: chunk.source } : {}) }] }]);
  }
  return null;
}

/** 「报告中没有提到…」 with the nearest figure or sentence the report does give. */
async function notInReport(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer> {
  const claims: Claim[] = [{ text: `报告中没有提到${missingTopic(part, knowledge)}`, sources: [], end: '。' }];
  const fact = part.quantity ? nearestFact(part, knowledge) : null;
  if (fact) claims.push({ ...factClaim(fact, knowledge, '报告给出的相关数据是：'), end: '。' });
  else {
    const [nearest] = await rankPassages(part, reading, knowledge, retrieval, 4);
    if (nearest && nearest.coverage >= PASSAGES.minCoverage * 0.75) {
      claims.push({ text: `相关内容见「${nearest.chunk.source ?? nearest.chunk.section}」`, sources: [{ chunkId: nearest.chunk.id, quote: nearest.text,
        line: nearest.line, section: nearest.chunk.section, ...(nearest.chunk.source ? { source: nearest.chunk.source } : {}) }], end: '，但它没有给出这一信息。' });
    }
  }
  return missing(claims);
}

/** Lines between a table's caption and its first row. */
const CAPTION_GAP = 3;

/** The sections of the lines an earlier answer quoted, the one whose paragraph holds most of the answer's text first. */
function quotedSections(after: string, knowledge: Knowledge): string[] {
  const said = compactForm(after.replace(/\[\d+\]/g, ''));
  const pairs = new Set<string>();
  for (let i = 0; i + 2 <= said.length; i++) pairs.add(said.slice(i, i + 2));
  const best = new Map<string, number>();
  for (const line of knowledge.quotedLines(after)) {
    // A table's caption stands a line or two before its rows' chunks.
    const chunk = knowledge.chunks.find((c) => c.lineStart <= line && line <= c.lineEnd)
      ?? knowledge.chunks.find((c) => c.tableId !== undefined && c.lineStart > line && c.lineStart <= line + CAPTION_GAP);
    if (!chunk) continue;
    const text = compactForm(`${chunk.source ?? ''}${chunk.text}`);
    const held = [...pairs].filter((p) => text.includes(p)).length;
    best.set(chunk.sectionId, Math.max(best.get(chunk.sectionId) ?? 0, held));
  }
  // An answer read off a table opens by saying so (「据表6-1（…）」): the section that holds that table is where its figure stands.
  // Only the last answer's (the chain's earlier answers follow it) and only as its opening: a table named aside (「另据表2-2」) is
  // another scope.
  const tables = new Set([.../^据(表\d+-\d+)/.exec(after.split('\n')[0]) ?? []].slice(1));
  const ofTables = new Set(knowledge.chunks.filter((c) => c.tableId !== undefined && tables.has(c.tableId)).map((c) => c.sectionId));
  // 「为啥这么少」 asks about the figure the last answer opened on (「仅有 8 家获得投融资[1]」), not one it added aside (「另据表2-2…」,
  // 「另一口径：…」), however much more of the answer's text the other's lines hold.
  const opening = /^[^[]*\[\d+\]/.exec(after.split('\n')[0])?.[0] ?? '';
  const openingLines = opening ? knowledge.quotedLines(opening) : new Set<number>();
  const ofOpening = new Set(knowledge.chunks.filter((c) => [...openingLines].some((line) => c.lineStart <= line && line <= c.lineEnd)).map((c) => c.sectionId));
  return [...best].sort((a, b) => Number(ofTables.has(b[0])) - Number(ofTables.has(a[0])) || Number(ofOpening.has(b[0])) - Number(ofOpening.has(a[0])) || b[1] - a[1])
    .map(([section]) => section);
}

/** The one figure of an answer that is a number of the kind asked (a count, a share), with the name it is said of. */
function soleFigure(answer: PartAnswer | null, part: Part): AnswerFact | null {
  if (answer?.status !== 'answered') return null;
  const share = part.attributes.includes('share') && !part.attributes.includes('count');
  const numeric = answer.facts.filter((f) => typeof f.value === 'number' && (share ? /%/.test(f.unit + (f.text ?? '')) : !/%/.test(f.unit + (f.text ?? ''))));
  const names = new Set(numeric.map((f) => f.subject));
  // Tied places (并列第二) or figures of several things are no one side of a difference.
  return names.size === 1 ? numeric[0] : null;
}

/**
 * 「它比第二名多多少」「第一比第二多几个」 (follow-up, difference against a rank): one side is the k-th of the ranking the
 * conversation stands on, the other the subject (or else the first of the same ranking) — each answered as its own part
 * (cited as such), then the difference with its formula. Null when either side is not one figure of one thing, or their
 * units differ.
 */
async function differenceFromRank(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer | null> {
  // A place compared with the k-th is ranked among places of its kind (杭州 among cities), as a ranking of no group would not.
  const kind = part.subjects[0]?.entity.kind;
  const groupBy = part.groupBy ?? (kind === 'city' ? 'city' : kind === 'region' ? 'province' : undefined);
  const ranked: Part = { ...part, operation: 'rank', explicit: true, order: part.order ?? 'desc', subjects: [], groups: [], ...(groupBy ? { groupBy } : {}) };
  const other = await answerPart(ranked, reading, knowledge, retrieval);
  // The subject's figure is read where the k-th was (the same table), not beside a prose figure of another scope.
  const table = other?.facts.map((f) => f.source).find((source) => knowledge.tables.has(source));
  const own = part.subjects.length
    ? await answerPart({ ...part, operation: 'lookup', rank: undefined, order: undefined, groupBy: undefined, ...(table && !part.table ? { table } : {}),
      attributes: part.attributes.filter((a) => !['province', 'city', 'region'].includes(a)) }, reading, knowledge, retrieval)
    : await answerPart({ ...ranked, rank: 1 }, reading, knowledge, retrieval);
  const a = soleFigure(own, part);
  const b = soleFigure(other, part);
  if (!a || !b || !own || !other || a.subject === b.subject || a.unit !== b.unit) return null;
  const [x, y] = [a.value as number, b.value as number];
  const difference = Number(Math.abs(x - y).toFixed(4));
  const [more, less] = x >= y ? [a, b] : [b, a];
  const printed = (f: AnswerFact) => (String(f.text ?? '').match(/\d+(\.\d+)?/) ?? [formatNumber(f.value as number)])[0];
  const unit = /%/.test(a.unit + (a.text ?? '')) ? '个百分点' : a.unit;
  const verdict = x === y ? `${a.subject}与${b.subject}相同` : `${more.subject}比${less.subject}多${formatNumber(difference)}${unit}`;
  const claims: Claim[] = [...own.claims, ...other.claims].map((c) => ({ ...c, end: /[。；]$/.test(c.end ?? '。') ? '；' : c.end }));
  claims.push({ text: `${verdict}（${printed(more)}−${printed(less)}=${formatNumber(difference)}）`, sources: [], derived: [formatNumber(difference)], end: '。' });
  return answered(claims, [...own.facts, ...other.facts]);
}

/** The figures a yes/no part states (「有500家，对吗」) that no source of its answer prints. */
function unstatedFigures(part: Part, answer: PartAnswer): string[] {
  if (part.operation !== 'yesno' || !part.figures.length || answer.status !== 'answered') return [];
  const stated = new Set(answer.claims.flatMap((c) => c.sources.flatMap((s) => numbersIn(s.quote))));
  return part.figures.filter((figure) => numbersIn(figure).some((number) => !stated.has(number)));
}

/**
 * 「2020年以后成立的」: 以后 a period that holds the report's last month cannot exclude it — nothing after it is reported — so it
 * bounds from that period on, itself included (as 以来 does); of an earlier year (2017年以后) it still starts after it.
 */
function sinceReportYear(part: Part): Part {
  const holdsEnd = (p: { from: number; to: number }) => p.from <= REPORT_END && p.to > REPORT_END;
  const bounded = part.periods.some((p) => p.bound === 'after' && holdsEnd(p));
  if (!bounded && !part.filters.some((f) => f.kind === 'period' && f.relation === 'after' && holdsEnd(f.period))) return part;
  return { ...part, periods: part.periods.map((p) => (p.bound === 'after' && holdsEnd(p) ? { ...p, bound: 'since' as const } : p)),
    filters: part.filters.map((f) => (f.kind === 'period' && f.relation === 'after' && holdsEnd(f.period) ? { ...f, relation: 'since' as const } : f)) };
}

/**
 * Answers one part of a question from the reading alone: where-in-the-report questions from the
 * sections, explanations and definitions from the passages, table questions with the query algebra
 * (with the prose's figure of another scope beside a table figure), figures from the prose, and
 * otherwise the passages. A part whose subject, attribute or period the report does not state is
 * answered 「报告中没有提到…」 with the nearest thing it does state.
 */
export async function answerPart(asked: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer> {
  const part = sinceReportYear(asked);
  const answer = await answerPartAsked(part, reading, knowledge, retrieval);
  const unstated = unstatedFigures(part, answer);
  // 「报告说广东有500家，对吗」: a figure the question asks to confirm that none of the answer's sources states is not the
  // report's — said so first, the figures it does state after (never an answer that reads as a yes).
  if (unstated.length) {
    return missing([{ text: `报告中没有提到${missingTopic(part, knowledge)}为${unstated.join('、')}`, sources: [], end: '。' },
      ...answer.claims.map((c, i) => (i === 0 ? { ...c, text: `报告给出的是：${c.text}` } : c))]);
  }
  // 「粤苏浙鲁加起来占新成立303家的多少」: shares of several things the report does not all state, of a whole the question
  // states (303家): their counts added up, then taken of that whole.
  if (answer.status !== 'answered' && part.operation === 'sum' && part.attributes.includes('share') && part.subjects.length >= 2 && part.figures.length === 1) {
    const whole = Number(figureNumber(part.figures[0]));
    const counts = await answerPartAsked({ ...part, attributes: part.attributes.filter((a) => a !== 'share'), figures: [] }, reading, knowledge, retrieval);
    const last = counts.claims.at(-1);
    const total = Number(last?.derived?.[0]);
    if (counts.status === 'answered' && whole > 0 && total > 0 && total <= whole && /合计/.test(last?.text ?? '')) {
      const ratio = formatNumber(Number(((total / whole) * 100).toFixed(2)));
      return { ...counts, claims: [...counts.claims.map((c, i, all) => (i === all.length - 1 ? { ...c, end: '，' } : c)),
        { text: `约占${part.figures[0]}的${ratio}%（${formatNumber(total)}÷${figureNumber(part.figures[0])}=${ratio}%）`, sources: [], derived: [ratio], end: '。' }] };
    }
  }
  // 「长三角一共多少家」: the report counts no firms of a cluster, it states the cluster's share of them — the share is what it
  // says of the thing asked, given after saying the count is not stated (not a national figure as the nearest one).
  if (answer.status === 'missing' && !part.inheritedAttributes && part.subjects.length === 1 && part.attributes.includes('count')
    && !part.attributes.includes('share') && ['count', 'sum', 'lookup'].includes(part.operation) && !part.unknown.length && !part.filters.length
    && !part.periods.length && !part.qualifiers.length && part.subjects[0].entity.kind === 'cluster') {
    const share = await answerPartAsked({ ...part, attributes: ['share'], operation: 'lookup' }, reading, knowledge, retrieval);
    if (share.status === 'answered' && share.claims.some((c) => c.sources.length)) {
      return { ...share, claims: [{ text: `报告没有给出${missingTopic(part, knowledge)}，只给出其占比`, sources: [], end: '：' }, ...share.claims] };
    }
  }
  if (answer.status === 'answered' || !part.inheritedAttributes || !part.attributes.length || !part.subjects.length || part.unknown.length) return answer;
  // An attribute the report never gives (营业额) stays declined of every subject it is carried to.
  if (part.attributes.some((a) => knowledge.lexicon.attributes.get(a)?.kind === 'absent')) return answer;
  // follow-up 「珠三角呢」 after 「广东有多少家企业」: the report states no count of the cluster, only its share — the figure
  // it does state of the new subject answers, where a sentence names the subject with a figure of the thing counted.
  const { inheritedAttributes, ...unasked } = part;
  const other = await answerPartAsked({ ...unasked, attributes: [] }, reading, knowledge, retrieval);
  // The figure's sentence may leave the noun to the sentence before (「细分比较各大地区的企业数量…其次是珠江三角洲聚集区，占比 29.26%」):
  // the figures were scored by the noun already, so its clause need not say it again.
  return other.status === 'answered' && statesFigure(other, { ...unasked, attributes: [], inheritedNoun: false }, knowledge) ? other : answer;
}

async function answerPartAsked(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer> {
  if (part.operation === 'where') return (await answerWhere(part, reading, knowledge, retrieval)) ?? notInReport(part, reading, knowledge, retrieval);
  // 「标准那几个表一共多少项」「哪张表行数最少」: the rows of several tables, counted, added up or ranked.
  const tableRows = answerTableRows(part, knowledge);
  if (tableRows) return tableRows;
  if (part.operation === 'difference' && part.rank !== undefined && part.subjects.length <= 1 && !part.versus?.length) {
    const against = await differenceFromRank(part, reading, knowledge, retrieval);
    if (against) return against;
  }
  // follow-up 「第二个是啥」 after an enumeration in prose: its k-th item.
  const item = part.item !== undefined ? enumeratedItem(part, knowledge) : null;
  if (item) return item;
  // 「刘权是谁」「黄忠义是哪个单位的」: a person the front matter's lists name is what the label says, and nothing more.
  const person = answerAboutPerson(part, knowledge);
  if (person) return person;
  // 「联合发布单位有几家」「编写人员都有谁」: the members of a list the report prints under a label that names what is asked.
  const counting = ['count', 'sum'].includes(part.operation) || part.attributes.includes('count');
  const listed = counting || part.operation === 'list' || part.labels?.length ? answerFromLabelledList(part, knowledge, counting) : null;
  if (listed) return listed;
  // A word the report never uses where the question's asked thing stands, or an attribute no table or figure gives (估值, 营收).
  const absent = part.attributes.filter((a) => knowledge.lexicon.attributes.get(a)?.kind === 'absent');
  // A part about nothing the report holds (every word foreign to it) that still names nothing once resolved.
  const foreign = part.foreign?.length && !part.subjects.length && !part.groups.length && !part.noun && !part.table && !part.filters.length
    && !part.attributes.length ? part.foreign : [];
  if (part.unknown.length || absent.length || foreign.length) return notInReport(foreign.length && !part.unknown.length ? { ...part, unknown: foreign } : part, reading, knowledge, retrieval);
  // 「赛迪区块链研究院在哪个城市」: an organisation no table lists, whose full name as the report prints it holds a city (赛迪（青岛）…).
  const inName = placeInName(part, knowledge);
  if (inName) return inName;
  const fullName = fullNameOf(part, knowledge);
  if (fullName) return fullName;
  // 「第六章讲了什么」「这份报告讲了什么」 (the preface): a part whose only topic is a section says what that section covers — its
  // outline (the chapters, or the chapter's sections), else its sentences that best fit, whatever share of its words they hold.
  const sectionOnly = part.section && !part.subjects.length && !part.groups.length && !part.noun && !part.table && !part.filters.length
    && !part.figures.length && part.words.every((w) => w === '区块链') && part.attributes.every((a) => a === 'content' || DOCUMENT_ATTRIBUTES.has(a))
    && ['explain', 'define', 'lookup'].includes(part.operation);
  if (sectionOnly) {
    // 「这报告叫啥」「报告谁出的」「啥时候出的」: what is asked of the report itself is a sentence of its preface or cover, not its outline.
    const ofDocument = part.attributes.some((a) => DOCUMENT_ATTRIBUTES.has(a));
    const covered = (ofDocument ? answerOfDocument(part, knowledge) : answerOutline(part.section!, knowledge))
      ?? await answerFromPassages({ ...part, operation: 'explain' }, reading, knowledge, retrieval, 0);
    if (covered) return covered;
  }
  if (['explain', 'define'].includes(part.operation) && (!part.figures.length || !part.quantity)) {
    // 「下半年区块链会怎么发展」: a period after the report's is answered where the report looks ahead to it, if anywhere.
    const ahead = part.section ? undefined : sectionOfPeriod(part, knowledge, REPORT_END);
    const fromOutlook = ahead ? await answerFromPassages({ ...part, section: ahead }, reading, knowledge, retrieval, PASSAGES.sectionCoverage) : null;
    if (fromOutlook) return fromOutlook;
    // follow-up: 「用来干嘛」 after 「设立了多大的基金」: what the thing just told is for — not why its figure is so — is said where
    // the answer quoted it, in the rest of that sentence (「设立10亿元基金，支持龙头企业探索数字资产交易」).
    if (part.ofAnswer && part.after && !part.why && !part.section) {
      const lines = knowledge.quotedLines(part.after);
      const fromQuoted = lines.size ? await answerFromPassages(part, reading, knowledge, retrieval, 0, lines) : null;
      if (fromQuoted) return fromQuoted;
    }
    // follow-up: 「为啥这么多」 after a figure: the section the answer before quoted it from tells why.
    for (const section of part.ofAnswer && part.after && !part.section ? quotedSections(part.after, knowledge) : []) {
      // The section is the evidence; the words inherited from the question before need not be covered (as among quoted lines).
      const fromSection = await answerFromPassages({ ...part, section }, reading, knowledge, retrieval, 0);
      if (fromSection) return fromSection;
    }
    // 「区块链为啥要跟云计算一起用」: a section whose own heading names the subjects and the other words asked together
    // (「区块链与云计算助力复工复产」) is where the report tells it, before a sentence elsewhere that names them among others.
    const section = part.section ? undefined : sectionNaming(part, knowledge);
    const heading = section ? compactForm(knowledge.sections.get(section)?.title ?? '') : '';
    // The report's own topic (区块链) a heading may leave unsaid (产品溯源领域成效显著): the section's answer must say it then — a
    // section about the thing alone (智慧城市发展进入新阶段) does not tell what 区块链 does for it.
    const asked = [...new Set(reportWordsOf(part, knowledge).map(part.subjects.length ? compactForm : withoutReportTopic).filter((w) => w.length >= 2))];
    const unsaid = asked.filter((w) => !heading.includes(w));
    const told = part.operation === 'explain' && !part.classify && section && asked.length > 0 && unsaid.every((w) => w === REPORT_TOPIC)
      ? await answerFromPassages({ ...part, section }, reading, knowledge, retrieval, PASSAGES.sectionCoverage) : null;
    if (told && unsaid.every((w) => told.claims.some((c) => c.sources.some((source) => compactForm(source.quote).includes(w))))) return told;
    const fromPassages = await answerFromPassages(part, reading, knowledge, retrieval);
    // 「侧链是什么」 (define): an enumeration that names the term says what class of thing it is (…侧链、哈希锁定等…跨链技术解决方法);
    // the answer says the report does not define it and quotes where it names it.
    if (fromPassages && ((part.operation !== 'define' && onlyListed(fromPassages, part, false)) || (part.contrast && !statesContrast(fromPassages)))) return notInReport(part, reading, knowledge, retrieval);
    if (fromPassages) return fromPassages;
    if (part.contrast) return notInReport(part, reading, knowledge, retrieval);
    // Why/how questions answer from the section whose heading covers the topic, its everyday words notwithstanding.
    const fromSection = section ? await answerFromPassages({ ...part, section }, reading, knowledge, retrieval, PASSAGES.sectionCoverage) : null;
    if (fromSection) return fromSection;
    // 「IDC是什么机构」「T-Bridge是个什么东西」: a thing the report names, defined by the kind of thing it is — the kind word
    // (机构, 平台) says what the answer is, it need not be in the sentence that tells it.
    const ofSubject = part.operation === 'define' && part.subjects.length && part.words.length
      ? await answerFromPassages({ ...part, words: [], text: part.subjects.map((s) => s.text).join(' ') }, reading, knowledge, retrieval) : null;
    return ofSubject ?? notInReport(part, reading, knowledge, retrieval);
  }
  // 「系统涉及多少个委办局」: a figure whose clause counts the very word asked (50 多个委办局), in a row's text or a sentence,
  // answers — not a count of the rows of a subject the question names beside it.
  const countedWord = part.countedWord ? figureCounting(part, knowledge) : null;
  if (countedWord) return countedWord;
  // 「各地方出台了多少条政策」: 各 alone names the whole collectively where the report states one total of it in the same words
  // (各地方政府先后推出近 120 条政策) — that total answers, not a count per place the question did not ask for.
  // (Things selected by a condition, or places counted, are no such whole.)
  const collective = part.collective && part.groupBy && !part.filters.length && !part.condition && part.noun !== '地区' ? collectiveTotal(part, knowledge) : null;
  if (collective) return collective;
  // 「有几张表讲标准」: the report's tables themselves counted.
  const tables = answerTableCount(part, knowledge);
  if (tables) return tables;
  // 「一共有多少个产业园」: the prose states totals (44家) that a count of rows would only repeat.
  // A currency named (「用人民币融资的有几家」) selects rows as a condition does: no prose total answers it.
  const currency = part.qualifiers.some((q) => CURRENCIES.has(q));
  // 「新增研究机构分布在几个城市」: a count of the places things are in (a place asked) is the table's distinct count, not a prose total of the things.
  const places = part.attributes.some((a) => ['city', 'province', 'region'].includes(a));
  // 「性能测试和安全测试的标准一共多少条」: tables named side by side are each counted and the counts added.
  if (part.tables && part.tables.length >= 2) {
    const across = countAcrossTables(part, knowledge);
    if (across) return across;
  }
  // 「其他部委呢」 after 「工信部发了几个」: the rows of the others are counted; a prose total holds the ones left out.
  if (part.operation === 'count' && !part.subjects.length && !part.excluded?.length && !part.filters.length && !part.condition && !part.table && !currency && !part.groupBy && !places) {
    const total = answerFromFacts(part, knowledge);
    // 「全国到底有多少家区块链企业」: a table's printed total of another scope (表6-1: 1309 with investment and output) is given too.
    const whole = !part.periods.length && !part.qualifiers.length;
    const choice = total && whole ? chooseTable(part, knowledge) : null;
    const printed = choice && choice.table.rows.some((r) => r.total) ? answerFromTable(part, choice, knowledge) : null;
    const said = new Set(total?.claims.flatMap((c) => numbersIn(c.text)) ?? []);
    if (total && printed?.status === 'answered' && printed.facts.some((f) => f.value !== null && !said.has(String(f.value)))) {
      return { ...total, claims: [...total.claims.map((c, i, all) => (i === all.length - 1 ? { ...c, end: '。' } : c)), ...printed.claims.map((c, i) => (i === 0 ? { ...c, text: `另${c.text}` } : c))],
        facts: [...total.facts, ...printed.facts] };
    }
    // list: 「2020年新建了几个产业园」 — the prose counts what is new in the period (新增 3 家); a table that dates its rows by when they
    // were founded lists those of the period as well (表3-3: 4, one founded after the half-year), each named and cited.
    const period = part.qualifiers.includes('new') && part.periods.length === 1 && !part.periods[0].asOf ? part.periods[0] : undefined;
    // Only the noun and the period select the rows (a scope word such as 全国 is no condition on them).
    const founded = total && period ? { ...part, qualifiers: part.qualifiers.filter((q) => q !== 'new'), periods: [], operation: 'list' as const, attributes: [], words: [],
      filters: [{ kind: 'period' as const, attribute: 'founded' as const, period: { ...period, text: period.label } }] } : null;
    const datedChoice = founded ? chooseTable(founded, knowledge) : null;
    // Only a date of founding says a row is new (表2-2's 最近投资时间 dates an investment, not a new firm).
    const dated = datedChoice && datedChoice.table.columns.some((c) => c.attribute === 'founded') ? answerFromTable(founded!, datedChoice, knowledge) : null;
    if (total && dated?.status === 'answered' && dated.claims.some((c) => c.sources.length)) {
      return { ...total, claims: [...total.claims.map((c, i, all) => (i === all.length - 1 ? { ...c, end: '。' } : c)), ...dated.claims.map((c, i) => (i === 0 ? { ...c, text: `另${c.text}` } : c))],
        facts: [...total.facts, ...dated.facts] };
    }
    if (total) return total;
  }
  // 「测评标准有哪几种」: kinds are what the prose says there are (「主要有两大类」), not the rows of a table of the thing.
  if (part.kinds && part.operation === 'list' && !part.table) {
    // 「企业核心竞争力体现在哪些方面」「区块链生态建设有哪些方面」: the items the section whose heading is the topic numbers (一是…
    // 二是…) — before a sentence elsewhere that closes some list with 等方面 (人才引进、人才培养、企业发展等方面).
    const items = itemsOfSection(part, knowledge);
    if (items) return items;
    const kinds = await answerFromPassages(part, reading, knowledge, retrieval);
    if (kinds && statesKinds(kinds)) return kinds;
    // 「数据作为生产要素的作用有哪几点」: the items its section numbers over paragraphs after the sentence that fits best.
    const numbered = await itemsAfterBest(part, reading, knowledge, retrieval);
    if (numbered) return numbered;
  }
  // 「研究机构主要分布在哪些城市」: the places the report says the things concentrate in, before every row of a table of them.
  const main = await mainPlaces(part, reading, knowledge, retrieval);
  if (main) return main;
  let fallback: PartAnswer | null = null;
  // 「2021年全国有多少区块链企业」: the tables state 2020's figures; a later period is answered only by a forecast in the prose.
  const later = [...part.periods.filter((p) => p.bound !== 'before' && p.bound !== 'until'), ...part.filters.flatMap((f) => (f.kind === 'period' && f.relation !== 'before' && f.relation !== 'until' ? [f.period] : []))].some((p) => p.from > REPORT_END);
  // 「信贷融资占金融领域多少」: a share of one thing in another that the report states (占金融领域 44%) is its answer; the
  // quotient of their own figures only where it states none.
  if (part.operation === 'ratio' && part.attributes.includes('share') && part.subjects.length === 2) {
    const whole = knowledge.lexicon.formsOf(part.subjects[1].entity.id).map(compactForm).filter((f) => f.length >= 2);
    const stated = scoreFacts({ ...part, subjects: [part.subjects[0]], operation: 'lookup' }, knowledge, part.subjects[0], part.periods[0])
      .find((c) => c.fact.kind === 'percent' && c.score >= FACT_MATCH.minimum && whole.some((f) => compactForm(c.fact.window).includes(f)));
    if (stated) {
      return answered([{ ...factClaim(stated.fact, knowledge), end: '。' }], [{ source: stated.fact.source, subject: part.subjects[0].entity.name, metric: stated.fact.metric,
        value: stated.fact.value ?? stated.fact.text, unit: stated.fact.unit, period: stated.fact.period, text: stated.fact.text.replace(/\s+/g, ''), section: knowledge.sectionLabel(stated.fact.source) }]);
    }
  }
  // 「天使轮比去年涨了几个点」「政府主导和企业主导的加起来占多少」: a category's share in two periods, or several categories'
  // shares added up or compared, are the prose's alone (a table lists one period's rows; its filters select rows of all the values).
  const shares = part.versus?.length || part.filters.length > 1 ? categoryShare(part, knowledge) : null;
  if (shares && shares.facts.length >= 2) return shares;
  const chosen = later ? null : chooseTable(part.operation === 'yesno' ? { ...part, operation: 'lookup' } : part, knowledge);
  const misses = chosen ? missesExactPeriod(chosen.table, part) : false;
  const choice = chosen && !misses ? chosen : null;
  // near-miss: the table counts another span (截至2020年6月) than the one asked (2019年, 全年): said so, and the table's own
  // figure offered as what the report does state, with its period — unless a prose figure of the asked span answers.
  if (chosen && misses && !answerFromFacts(part, knowledge)) {
    const own = answerFromTable({ ...part, periods: [] }, chosen, knowledge);
    if (own?.status === 'answered' && own.claims.length) {
      return missing([{ text: `报告中没有提到${missingTopic(part, knowledge)}`, sources: [], end: '。' },
        ...own.claims.map((c, i) => (i === 0 ? { ...c, text: `报告给出的是：${c.text}` } : c))]);
    }
  }
  if (choice) {
    const fromTable = answerFromTable(part, choice, knowledge);
    // 「江苏排第几」: the table's place (all firms) and, when the prose ranks the same places too (新成立), that place as well.
    if (fromTable?.status === 'answered' && part.operation === 'position' && part.subjects.length === 1) {
      const prose = proseRankOf(part, part.subjects[0], knowledge);
      return prose ? { ...fromTable, claims: [...fromTable.claims.map((c, i, all) => (i === all.length - 1 ? { ...c, end: '。' } : c)), { ...prose, end: '。' }] } : fromTable;
    }
    // 「天使轮占比多少」「政企合作的占多少」 (share): the prose's own share of that category comes first; the table's
    // computed share (of a top-10 list, of its rows) is another scope beside it.
    const proseShare = fromTable?.status === 'answered' ? categoryShare(part, knowledge) : null;
    // A share computed from a table listing only a selection (表2-2's top ten) is no share of the whole: beside the prose's it
    // is left out.
    if (fromTable?.status === 'answered' && proseShare && !choice.table.complete && part.attributes.includes('share') && !part.table) return proseShare;
    if (fromTable?.status === 'answered' && proseShare) {
      return { ...proseShare, claims: [...proseShare.claims.map((c, i, all) => (i === all.length - 1 ? { ...c, end: '。' } : c)), ...fromTable.claims.map((c, i) => (i === 0 ? { ...c, text: `另${c.text}` } : c))],
        facts: [...proseShare.facts, ...fromTable.facts] };
    }
    // 「数字签名标准到19年底有多少项」: a table listing only some of the things (those of recent years) counts none in a period
    // where the prose states how many there were (截至 2019 年 12 月底 26 项): no row is no evidence against a stated figure.
    // Only a stock asked as of a point (年底, 6月底) that the prose states as of that very month.
    const point = part.periods.length === 1 && part.periods[0].from === part.periods[0].to ? part.periods[0] : undefined;
    if (point && fromTable?.status === 'answered' && part.quantity && !fromTable.claims.some((c) => c.sources.length)) {
      const prose = answerFromFacts(part, knowledge);
      const stated = prose?.facts.filter((f) => typeof f.value === 'number' && f.value > 0)
        .map((f) => knowledge.facts.facts.find((s) => s.source === f.source && s.metric === f.metric && s.text.replace(/\s+/g, '') === f.text));
      if (prose?.status === 'answered' && stated?.length && stated.every((s) => s && s.from === point.from && s.to === point.to)) return prose;
    }
    // share: 「前100企业里中国占多少」 — a table's whole (总计 100%) is no share of anything asked: a share the prose states answers.
    const wholeOnly = fromTable?.status === 'answered' && part.attributes.includes('share') && fromTable.facts.length > 0
      && fromTable.facts.every((f) => f.value === 100 && /%/.test(`${f.unit}${f.text ?? ''}`));
    const stated = wholeOnly ? answerFromFacts(part, knowledge) : null;
    if (stated) return stated;
    if (fromTable?.status === 'answered') {
      // Only an unfiltered figure has a counterpart in the prose (上海 4 个产业园, not 上海's 政府主导 ones).
      // A date a row prints (海南's policy: 2020年5月) is the answer; a date of the prose is another event's.
      // (「杭州一共几个园区」: a total of one thing's rows is its count.)
      const counted = ['lookup', 'count'].includes(part.operation) || (part.operation === 'sum' && part.attributes.every((a) => a === 'count'));
      if (counted && part.quantity && part.subjects.length === 1 && !part.table && !part.filters.length && !part.condition
        && !periodSelectsRows(choice.table, part) && !part.attributes.some((a) => ['founded', 'published', 'date'].includes(a))) {
        // The prose may state the same count with more (杭州 6 家，占全国 14%) or another scope's figure (江苏 71 家新成立).
        const prose = answerFromFacts(part, knowledge);
        const tableValues = new Set([...fromTable.facts.map((f) => String(f.value)), ...fromTable.claims.flatMap((c) => c.derived ?? [])]);
        const figure = prose?.facts.find((f) => typeof f.value === 'number');
        // Only a figure of the same thing counted (产业园, not 1621 个政务服务事项 of the same place).
        const stored = figure && knowledge.facts.facts.find((f) => f.source === figure.source && f.metric === figure.metric && f.text.replace(/\s+/g, '') === figure.text);
        // A count naming no noun of its own (杭州「共计 6 家」) counts the asked noun where its sentence's other figures do.
        const sameNoun = !part.noun || !stored || stored.nouns.includes(part.noun)
          || (!stored.nouns.length && knowledge.facts.facts.some((f) => f.line === stored.line && f.nouns.includes(part.noun!)));
        // (A total, 一共, takes only a prose figure that is the same count; another scope's is not asked of it.)
        if (prose && figure && sameNoun && (part.operation !== 'sum' || tableValues.has(String(figure.value)))) {
          const lead = tableValues.has(String(figure.value)) ? '正文也写道：' : '另据正文，';
          return { ...fromTable, claims: [...fromTable.claims, { ...prose.claims[0], text: `${lead}${prose.claims[0].text}`, end: '。' }], facts: [...fromTable.facts, ...prose.facts] };
        }
        // table-count: a prose count of the same subject with the very value the table's rows give (杭州「共计 6 家」 beside its
        // 6 rows) is the same figure, though its clause names no noun to score it by: it is quoted too.
        if (!prose && part.attributes.includes('count')) {
          const subject = part.subjects[0];
          const agreeing = scoreFacts(part, knowledge, subject, part.periods[0]).find((c) => c.fact.kind === 'count' && c.fact.value !== null
            && tableValues.has(String(c.fact.value)) && c.fact.entities.includes(subject.entity.id) && !c.fact.nouns.length);
          if (agreeing) {
            const claim = factClaim(agreeing.fact, knowledge);
            return { ...fromTable, claims: [...fromTable.claims, { ...claim, text: `正文也写道：${claim.text}`, end: '。' }], facts: fromTable.facts };
          }
        }
      }
      return fromTable;
    }
    // 「上半年投融资总金额一共多少」: declined by a table listing a selection of the things (表2-2's top10), a sum is answered by the
    // prose only with a total it states (总额, 合计, 共计), not with a figure about the selection (金额级别均为千万元以上).
    if (fromTable?.status === 'missing' && part.operation === 'sum' && !choice.table.complete) {
      const prose = answerFromFacts(part, knowledge);
      return prose && prose.facts.some((f) => STATED_TOTAL.test(`${f.metric}${f.text ?? ''}`)) ? prose : fromTable;
    }
    fallback = fromTable;
  }
  // share: 「2019年天使轮占多少」 — no table row of the period asked (or no table chosen); the prose states the category's share then.
  const periodShare = part.periods.length ? categoryShare(part, knowledge) : null;
  if (periodShare) return periodShare;
  // 「有哪些标准是2020年4月发布的」: no one table is meant; the rows of every table of that noun the date selects.
  if (!choice && !later) {
    const across = listAcrossTables(part, knowledge);
    if (across) return across;
  }
  // 「上海产业园排第几」: no table ranks the subject; the prose may state its place in words beside its figure.
  const place = fallback?.status === 'answered' ? null : statedRank(part, knowledge) ?? listedRank(part, knowledge) ?? quotedPlace(part, knowledge);
  if (place) return place;
  // A list asks for members: a figure it states (「那12个省市」) names the set, it asks no figure.
  if (part.quantity || FIGURE_OPERATIONS.has(part.operation) || (part.figures.length && part.operation !== 'list')) {
    // 「专利最多的是哪个省」 asks for a member of the group; a single overall figure is no answer to it.
    // 「金融领域占比第二的城市」: places ranked within a field that scopes them, the field named as a subject.
    // 「政务服务里哪两个场景最多」: a domain that scopes a ranking asked of its members (a counted noun) — its members are ranked,
    // the domain's own figure (42 个) not among them.
    const members = RANKINGS.has(part.operation) && part.subjects.length > 0 && Boolean(part.noun) && part.subjects.every((s) => s.entity.kind === 'domain');
    const scoped = (Boolean(part.groupBy) || members) && part.subjects.every((s) => !PLACE_KINDS.has(s.entity.kind));
    const ranked = scoped ? { ...part, subjects: [], words: [...part.words, ...part.subjects.map((s) => s.entity.name)] } : part;
    const fromFacts = RANKINGS.has(part.operation) && (!part.subjects.length || scoped)
      ? rankFacts(ranked, knowledge, scoped ? part.subjects.map((s) => s.entity.id) : []) ?? (part.groupBy ? null : answerFromFacts(part, knowledge)) : answerFromFacts(part, knowledge);
    if (fromFacts) return fromFacts;
    const another = shareOfAnotherPeriod(part, knowledge);
    if (another) return another;
  }
  // 「海南那个专项政策是哪个部门印发的」: a row the table lists without the column asked, named by its title in a prose sentence.
  const titled = fallback?.status === 'answered' ? null : titledRowInProse(part, knowledge, rowsOf, columnFor);
  // 「南京那份政策投了多少钱」: an amount asked is answered by the sentence only where it states one (海南's 10亿元基金); else it
  // is declined, the sentence given as what the report does say of the thing.
  // (「海南10亿基金里财政出资占多少」: a sentence stating the figure the question names is what the question is about.)
  const ownFigure = (answer: PartAnswer) => part.figures.some((f) => answer.claims.some((c) => c.sources.some((source) => compactForm(source.quote).includes(compactForm(f)))));
  if (titled && (!part.quantity || statesFigure(titled, part, knowledge) || ownFigure(titled))) return titled;
  if (titled) {
    return missing([{ text: `报告中没有提到${missingTopic(part, knowledge)}`, sources: [], end: '。' },
      ...titled.claims.map((c, i) => (i === 0 ? { ...c, text: `报告给出的相关内容是：${c.text}` } : c))]);
  }
  // follow-up: 「X那个…」 about one of several rows the conversation quoted (a place named only in a case's text): where
  // the table has no column that holds the subject, the quoted line that names it is the thing asked about.
  if (fallback && part.after && part.subjects.length) {
    // Among those lines the subject decides, whatever share of the follow-up's own words they cover.
    const fromQuoted = await answerFromPassages(part, reading, knowledge, retrieval, 0, knowledge.quotedLines(part.after));
    if (fromQuoted) return fromQuoted;
  }
  // table-lookup: 「表4-1中外汇局海南省分局办理的融资金额是多少」 — a place named only in a case's text (no column holds it): the
  // rows of the table that print the subject's name are the things asked about, and the one that best fits the part answers.
  if (fallback && choice && part.subjects.length === 1 && !choice.subjectRows[0]?.length) {
    const forms = knowledge.lexicon.formsOf(part.subjects[0].entity.id).map(compactForm).filter((f) => f.length >= 2);
    const lines = new Set(choice.table.rows.filter((r) => forms.some((f) => r.cells.some((c) => compactForm(c.text).includes(f)))).map((r) => r.line));
    const fromRows = lines.size ? await answerFromPassages(part, reading, knowledge, retrieval, 0, lines) : null;
    if (fromRows && (!part.quantity || statesFigure(fromRows, part, knowledge))) return fromRows;
  }
  if (fallback) return fallback;
  // A figure of a period after the report's own that no forecast states is not in the report; a sentence of 2020 is no answer.
  if (later && part.quantity) return notInReport(part, reading, knowledge, retrieval);
  // 「华为云的区块链平台叫啥」: the item of a prose enumeration naming the subject's thing of the noun asked (「华为云 BCS 平台」).
  const named = part.noun && part.attributes.some((a) => knowledge.lexicon.attributes.get(a)?.kind === 'name') ? itemNaming(part, knowledge, formsOfNoun(part.noun, knowledge.lexicon)) : null;
  if (named) return named;
  let fromPassages = await answerFromPassages(part, reading, knowledge, retrieval) ?? await notAmong(part, reading, knowledge, retrieval);
  // 「杭州主要靠哪些公司」: where the sentences found name the subject only among other things (「北京、上海、杭州…等地区」) or not
  // at all, the members of the counted noun the prose names about the subject (「杭州市依靠A、B、C等重点科技公司」) answer.
  const membersOf = part.noun ?? (part.attributes.includes('enterprise') ? '企业' : undefined);
  if (membersOf && !(fromPassages && aboutSubjects(fromPassages, part, knowledge))) fromPassages = membersNamed(part, knowledge, formsOfNoun(membersOf, knowledge.lexicon)) ?? fromPassages;
  // 「国内的区块链公共服务平台有哪些」: sentences saying what the thing is, completed by the one after them enumerating its members.
  if (membersOf && fromPassages) fromPassages = withMembers(fromPassages, part, knowledge, formsOfNoun(membersOf, knowledge.lexicon));
  // 「珠三角那个聚集区以哪几个城市为中心」: the places asked, in the sentence after the one naming the subject.
  if (fromPassages) fromPassages = withPlacesAfter(fromPassages, part, knowledge);
  // 「7月有哪些公司参与进来」: a month after the half-year that the sentences found do not state may be one the report dates.
  if (later && !(fromPassages && statesPeriod(fromPassages, part, knowledge))) fromPassages = datedEvent(part, knowledge) ?? fromPassages;
  if (fromPassages && ['list', 'compare'].includes(part.operation) && onlyListed(fromPassages, part, true)) return notInReport(part, reading, knowledge, retrieval);
  // 「公链和联盟链有啥区别」: sentences naming the things without stating how they differ do not answer a difference asked.
  if (fromPassages && part.contrast && !statesContrast(fromPassages)) return notInReport(part, reading, knowledge, retrieval);
  // 「21年发了哪些政策」 (list, near-miss): sentences of the report's own period list nothing of a later one; only a sentence naming that year (a forecast) answers.
  // 「一季度产业规模多少」 (near-miss): a span asked precisely needs a sentence stating that span, not the half-year's figure.
  const exact = part.quantity && part.periods.some((p) => p.exact);
  if (fromPassages && (later || exact) && !statesPeriod(fromPassages, part, knowledge)) return notInReport(part, reading, knowledge, retrieval);
  // A figure asked of a subject needs a sentence that names the subject and states a figure; the nearest other one is no answer.
  if (fromPassages && part.quantity && !statesFigure(fromPassages, part, knowledge)) return notInReport(part, reading, knowledge, retrieval);
  // 「深圳在金融领域排第几」: a place in a ranking is told only by a clause that names the subject with a rank or a figure.
  if (fromPassages && part.operation === 'position' && part.subjects.length && !statesRank(fromPassages, part, knowledge)) return notInReport(part, reading, knowledge, retrieval);
  return fromPassages ?? notInReport(part, reading, knowledge, retrieval);
}
