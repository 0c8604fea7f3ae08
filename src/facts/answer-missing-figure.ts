import type { Answer, Fact } from '../types';
import { createAnswerBuilder } from './answer-builder';
import { isTableCell, NUMERIC_ASKS, targetEntities } from './answer-lookup';
import type { FactContext } from './fact-context';
import { prosePhrase, rowPhrase } from './fact-phrases';
import type { ParsedQuestion } from './parse-question';
import { scoreFacts, type Candidate } from './score-facts';
import { countedNouns, questionNoun } from './counted-noun';

/** How well a figure must fit the question's topic to count as "the report has this kind of figure". */
const EXISTS = 0.3;
/** How well the nearest figure must fit to be offered instead. */
const NEAREST = 0.4;

function phrase(context: FactContext, builder: ReturnType<typeof createAnswerBuilder>, fact: Fact): string {
  return isTableCell(fact) ? rowPhrase(builder, [fact]) : prosePhrase(context.index, builder, [fact]);
}

const fits = (minimum: number) => (candidates: Candidate[]) => candidates.find((c) => c.coverage >= minimum && c.score >= 0.2);

/**
 * A figure the report does not give (a city's enterprise count, a 2021 figure, a company's
 * patents): `grounded: false`, saying so plainly, with the nearest figure the report does give,
 * labelled as a different figure (「报告没有给出深圳的相关数字；表6-1 只按省份统计，深圳所在的广东：…354 家[1]」).
 * Only for a real gap — the entity or period named has no figure of this kind while the report has
 * the kind for others — never because a lookup fell short; null when there is nothing near.
 */
export function answerMissingFigure(context: FactContext, question: ParsedQuestion): Answer | null {
  if (!question.quantity || question.explain) return null;
  // Counts, shares and amounts only: a date or a name the facts miss may still be in the text.
  const ask = question.asks.find((a) => a.kind === 'count' || a.kind === 'percent' || a.kind === 'money');
  if (!ask || question.asks.some((a) => !NUMERIC_ASKS.has(a.kind))) return null;
  const { entities: named, topic } = targetEntities(question);
  // Only places and organisations can be shown to lack a figure (a title or a topic may be phrased otherwise).
  if (named.some((e) => e.type !== 'region' && e.type !== 'organization')) return null;
  const entities = named;
  const framed = { ...question, topic };
  const entity = entities[0] ?? null;
  const period = question.periods[0];
  // 「全球…」: the report's figures are China's; the scope itself is what is missing.
  const worldwide = /全球|世界/.test(question.text);
  if (!entity && !period && !worldwide) return null;
  const { index } = context;
  // The report has it after all (the lookup fell short for another reason): not a gap.
  if (fits(EXISTS)(scoreFacts(index, framed, { entity, ask, period }))) return null;
  const who = entities.map((e) => e.name).join('、') || (worldwide ? '全球' : '');
  const when = period?.label ?? '';
  // What is missing, in the question's own words (「深圳的区块链企业」「上半年的区块链企业融资总额」).
  const what = topic.replace(/\s+/g, '').replace(/全球|世界/g, '').replace(/^(预计会|预计|出台|发布|申请了?|融资)+(?=.)/, '')
    .replace(/(亿元|万元|元|家|个|项|件|条|笔|所|预计|能|会|达到|到|多大|钱)+$/, '').slice(0, 16);
  const missing = `报告没有给出${who}${when}${what ? `的${what}` : '的这一'}数字`;
  const builder = createAnswerBuilder(index);
  const grounded = { grounded: false, question: question.text };

  if (entity) {
    const sameEntity = fits(EXISTS)(scoreFacts(index, framed, { entity, ask }));
    if (sameEntity && !period) return null;
    // The entity has figures of this kind and the question uses no word the report lacks (估值): not a gap.
    const absent = index.termsOf(topic).some((term) => term.length >= 2 && index.idf(term) === 0);
    const anyKind = ask.implicit ? undefined : ask;
    if (!sameEntity && !period && !absent && scoreFacts(index, { ...framed, topic: '' }, { entity, ask: anyKind }).length) return null;
    if (sameEntity && period) {
      return builder.build(`${missing}；报告给出的是${sameEntity.fact.period || '其他时期'}的数字：${phrase(context, builder, sameEntity.fact)}。`, grounded);
    }
    const province = entity.type === 'region' ? context.provinceOf(entity.name) : undefined;
    const provinceEntity = province ? context.lexicon.find(province).find((m) => m.type === 'region') : undefined;
    // The province's figure in the table that counts by province (表6-1), else its best figure.
    const ofProvince = provinceEntity ? scoreFacts(index, framed, { entity: provinceEntity, ask, period }) : [];
    const parent = fits(EXISTS)(ofProvince.filter((c) => isTableCell(c.fact))) ?? fits(NEAREST)(ofProvince);
    if (parent) {
      const basis = isTableCell(parent.fact) ? `${parent.fact.source} 只按省份统计，` : '';
      return builder.build(`${missing}；${basis}${entity.name}所在的${province}：${phrase(context, builder, parent.fact)}。`, grounded);
    }
  } else if (fits(EXISTS)(scoreFacts(index, framed, { entity: null, ask }).filter((c) => c.fact.period === '' ))) {
    return null;
  }
  // The nearest figure: of the kind asked if there is one, else of any kind (融资总额 → 投融资事件 71 笔).
  const national = worldwide ? { ...framed, text: question.text.replace(/全球|世界/g, '') } : framed;
  // Of the kind asked, else of another kind that counts the same thing (融资总额 → 投融资事件 71 笔).
  const noun = questionNoun(question.text);
  const sameThing = (c: Candidate) => Boolean(noun) && countedNouns(c.fact.offset === undefined ? `${c.fact.caption ?? ''} ${c.fact.column ?? ''}` : c.fact.metric).has(noun!);
  let general = scoreFacts(index, national, { entity: null, ask }).find((c) => c.score >= 0.2 && (c.coverage >= NEAREST || (c.coverage >= 0.25 && sameThing(c))));
  for (const kind of (['count', 'money', 'percent'] as const).filter((k) => k !== ask.kind)) {
    general ??= scoreFacts(index, national, { entity: null, ask: { kind } }).find((c) => c.score >= 0.2 && c.coverage >= 0.3 && sameThing(c));
  }
  if (!general) return null;
  const label = general.fact.period && general.fact.period !== when ? `${general.fact.period}的` : '';
  return builder.build(`${missing}；报告给出的是${label}${entity ? '整体' : ''}数字：${phrase(context, builder, general.fact)}。`, grounded);
}
