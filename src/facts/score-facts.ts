import type { Fact } from '../types';
import type { EntityMention } from './entity-lexicon';
import type { FactIndex } from './fact-index';
import { coverage } from './fact-terms';
import { parsePeriod, periodsOverlap, type PeriodSpan } from '../text/find-periods';
import type { QuantityKind } from '../text/find-quantities';
import type { Ask, ParsedQuestion } from './parse-question';
import { countedNouns, questionNoun } from './counted-noun';

/** A fact scored against a question. */
export interface Candidate {
  fact: Fact;
  score: number;
  /** Share of the question's topic the fact's words cover. */
  coverage: number;
}

export interface ScoreOptions {
  /** The entity the fact must be about (null: the question names none). */
  entity: EntityMention | null;
  /** The kind of value wanted (undefined: any quantity). */
  ask?: Ask;
  /** The period the fact must overlap (undefined: any; current figures preferred). */
  period?: PeriodSpan;
  /** Ignore entity and period (to find the nearest figure the report does give). */
  relaxed?: boolean;
}

const MONEY = /元|美元|人民币/;
const COUNT_UNITS = /^(家|项|个|笔|所|条|件|次|类|种|位|名|座|款|人)$/;
const GENERAL = new Set(['全国', '全球', '']);
const CURRENT = { from: 202001, to: 202006 };
const AMOUNT_NOUNS = new Set(['融资', '规模', '基金']);

/** The kind of value a fact holds, from its unit. */
export function factKind(fact: Fact): QuantityKind | 'text' {
  if (fact.unit === '%') return 'percent';
  if (MONEY.test(fact.unit)) return 'money';
  if (/^年/.test(fact.unit)) return 'date';
  if (fact.unit === '倍') return 'multiple';
  if (COUNT_UNITS.test(fact.unit)) return 'count';
  return 'text';
}

function kindFactor(fact: Fact, ask: Ask | undefined): number {
  const kind = factKind(fact);
  if (kind === 'text') return 0;
  if (!ask) return kind === 'date' ? 0.5 : 1;
  if (ask.kind !== kind) return 0;
  if (ask.kind === 'count' && ask.unit && ask.unit !== fact.unit) {
    // 多少个 ≈ 多少项; 多少家 asks for organisations.
    return (ask.unit === '家') !== (fact.unit === '家') ? 0.6 : 0.85;
  }
  return 1;
}

/** How well a fact's subject fits the entity the question is about (0 rejects). */
function entityFactor(index: FactIndex, fact: Fact, entity: EntityMention | null, total: boolean): number {
  const names = index.entities(fact);
  const general = [...names].every((name) => GENERAL.has(name)) || names.size === 0;
  if (!entity) {
    if (fact.offset === undefined && fact.tableId) return /^(总计|合计)$/.test(fact.subject) ? 0.9 : 0.45;
    // A question naming no one wants the overall figure, all the more when it says 一共/总共.
    return general ? 1 : total ? 0.45 : 0.6;
  }
  const forms = index.lexicon.forms(entity.name);
  // A collective figure (「广东、江苏、浙江和山东共有…」) is not the figure of one of them.
  if (names.has(entity.name) || forms.some((form) => names.has(form))) {
    if (fact.subject.includes('、')) return 0.35;
    // 金融 itself rather than 金融应用, which only contains it.
    const bare = fact.subject.replace(/(省|市)$/, '');
    return bare === entity.name || forms.includes(fact.subject) || forms.includes(bare) || fact.tableId ? 1 : 0.9;
  }
  if (fact.offset !== undefined && general) {
    const window = index.window(fact)?.text ?? '';
    if (forms.some((form) => window.includes(form))) return 0.7;
    if (forms.some((form) => fact.quote.includes(form))) return 0.6;
    // A topic (智慧城市) named in the sentence before the figure's, unless that sentence lists many topics.
    if (entity.type === 'domain') {
      const chunk = index.chunk(fact.chunkId)?.text ?? '';
      const before = chunk.slice(0, Math.max(0, chunk.indexOf(fact.quote))).split(/(?<=[。！？])/).filter(Boolean).at(-1) ?? '';
      const topics = index.lexicon.find(before).filter((m) => m.type === 'domain').length;
      if (topics < 3 && forms.some((form) => before.includes(form))) return 0.5;
    }
  }
  return 0;
}

function periodFactor(fact: Fact, period: PeriodSpan | undefined): number {
  const range = parsePeriod(fact.period);
  if (period) {
    if (!range) return fact.offset === undefined ? 0.8 : 0.5;
    if (!periodsOverlap(range, period)) return 0;
    // A stock (截至2020年6月底) inside the period asked is that period's latest figure.
    if (fact.period.startsWith('截至') && range.from >= period.from && range.to <= period.to) return 0.85;
    // The closer the fact's period is to the one asked, the better (2019年上半年 vs 2019年).
    const months = (r: { from: number; to: number }) => Math.floor(r.to / 100) * 12 + (r.to % 100) - Math.floor(r.from / 100) * 12 - (r.from % 100) + 1;
    const overlap = months({ from: Math.max(range.from, period.from), to: Math.min(range.to, period.to) });
    const union = months({ from: Math.min(range.from, period.from), to: Math.max(range.to, period.to) });
    return 0.4 + 0.6 * (overlap / union);
  }
  if (!range) return 0.9;
  if (range.to < CURRENT.from) return 0.7;
  if (range.from > CURRENT.to) return 0.75;
  return 1;
}

/**
 * A figure stated inside a frame the question does not name (「环渤海聚集区…其中北京…占比 79.72%」
 * for 「北京的企业占比」) is a weaker answer than one without.
 */
export function frameFactor(index: FactIndex, fact: Fact, question: ParsedQuestion, entity: EntityMention | null): number {
  if (fact.offset === undefined || fact.tableId || !entity) return 1;
  // Only what comes before the subject frames it (「金融、政务服务和司法领域…」 lists peers, not frames).
  const subjectAt = index.lexicon.find(fact.quote).find((m) => m.name === entity.name || fact.subject.includes(m.name))?.index ?? fact.offset;
  const before = fact.quote.slice(0, Math.min(subjectAt, fact.offset));
  const named = new Set(question.entities.map((e) => e.name));
  // A region group (环渤海, 长三角) or a domain (「在区块链金融领域，…北京…13%」) the question does not name.
  const frames = index.lexicon.find(before).filter((m) => (m.type === 'domain' || m.type === 'organization') && !named.has(m.name)
    && !fact.subject.includes(m.name));
  return frames.some((m) => m.type === 'domain' || index.lexicon.forms(m.name).some((f) => /三角|渤海|湘黔渝|聚集区/.test(f))) ? 0.75 : 1;
}

/**
 * Scores every fact against a question: topic coverage × kind of value × entity × period. A fact
 * of the wrong kind (a share for 「多少家」), about another entity, or of a period the question
 * excludes scores 0.
 */
export function scoreFacts(index: FactIndex, question: ParsedQuestion, options: ScoreOptions): Candidate[] {
  const topic = index.termsOf(question.topic);
  const total = /总共|一共|总计|合计|全国|共有/.test(question.text);
  const worldwide = /全球|世界|国际/.test(question.text);
  // 「多少家区块链企业」 is not answered by a count of 产业园 (「杭州…共计 6 家」), nor 「融资总额」 by 产业规模;
  // the kind of thing asked for as the answer (哪家企业) is not what is counted.
  const answerType = question.asks.some((a) => a.kind === 'company') ? /企业|公司/g : question.asks.some((a) => a.kind === 'city' || a.kind === 'province') ? /城市|省份|地区/g : null;
  let nounText = question.text;
  for (const mention of question.entities) nounText = nounText.split(mention.text).join('');
  const noun = options.ask ? questionNoun(answerType ? nounText.replace(answerType, '') : nounText) : undefined;
  const totalAsked = /总额|总数|总量|合计|总计|累计/.test(question.text);
  const candidates: Candidate[] = [];
  for (const fact of index.facts) {
    const kind = kindFactor(fact, options.ask);
    if (!kind) continue;
    const entity = options.relaxed ? 1 : entityFactor(index, fact, options.entity, total);
    if (!entity) continue;
    const period = options.relaxed ? 1 : periodFactor(fact, options.period);
    if (!period) continue;
    const terms = index.terms(fact);
    const covered = topic.length ? coverage(topic, terms, index.idf) : 0.5;
    // A question of several words the figure's text hardly shares is not about that figure, entity or not;
    // the figure of exactly the entity asked about may word the rest differently (「搭建了多少个平台」).
    const floor = entity === 1 && options.entity && fact.subject === options.entity.name ? 0.1 : 0.2;
    if (new Set(topic).size >= 2 && covered < floor && !(question.tableId && fact.tableId === question.tableId)) continue;
    // 「全球…」 needs a figure stated about the world, not China's.
    if (worldwide && !/全球|世界|国际/.test(fact.offset === undefined ? `${fact.caption ?? ''}${fact.quote}` : fact.quote.slice(0, fact.offset))) continue;
    if (noun && factKind(fact) !== 'date') {
      // Compared within one family: amounts (融资/规模/基金) with amounts, counted things with counted things.
      const family = (name: string) => AMOUNT_NOUNS.has(name) === AMOUNT_NOUNS.has(noun);
      const nouns = [...countedNouns(fact.offset === undefined ? `${fact.caption ?? ''} ${fact.column ?? ''}` : fact.metric)].filter(family);
      if (nouns.length && !nouns.includes(noun)) continue;
    }
    // A total (一共/总额) is not a per-item figure (「均为千万元以上」) nor one row of a table.
    if (totalAsked && (/均|各/.test(index.window(fact)?.text ?? '') || (fact.offset === undefined && fact.tableId && !/^(总计|合计)$/.test(fact.subject)) && !options.entity)) continue;
    // Naming the entity is itself evidence: the topic words then only need to fit.
    const named = (options.entity && !options.relaxed) || (question.tableId && fact.tableId === question.tableId);
    const fit = named ? 0.3 + 0.7 * covered : covered;
    // 「总共多少家」 without a period wants the stock (截至…), not a half-year's additions.
    const stock = total && !options.period && fact.offset !== undefined && parsePeriod(fact.period) && !fact.period.startsWith('截至') ? 0.8 : 1;
    const score = fit * kind * entity * period * stock * frameFactor(index, fact, question, options.entity);
    if (score > 0) candidates.push({ fact, score, coverage: covered });
  }
  return candidates.sort((a, b) => b.score - a.score || a.fact.line - b.fact.line);
}
