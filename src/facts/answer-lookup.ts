import type { Answer, Fact } from '../types';
import { createAnswerBuilder } from './answer-builder';
import type { EntityMention } from './entity-lexicon';
import type { FactContext } from './fact-context';
import { prosePhrase, proseScope, rowPhrase } from './fact-phrases';
import type { PeriodSpan } from '../text/find-periods';
import { parseQuestion, type Ask, type ParsedQuestion } from './parse-question';
import { factKind, frameFactor, scoreFacts, type Candidate } from './score-facts';
import { questionNoun } from './counted-noun';

export const NUMERIC_ASKS = new Set(['count', 'percent', 'money', 'date', 'multiple']);
/** Below this a fact does not answer the question (tuned on tests/qa/numeric.jsonl). */
export const MIN_SCORE = 0.24;
const SUBJECT_TYPES = new Set(['region', 'organization', 'domain', 'standard', 'title']);

interface Pick {
  entity: EntityMention | null;
  candidate: Candidate;
  /** All candidates of the pick's search, for the second figure. */
  others: Candidate[];
}

/** A table cell (not a quantity inside a running-text cell). */
export function isTableCell(fact: Fact): boolean {
  return Boolean(fact.tableId) && fact.offset === undefined;
}

/** Where a fact is printed: its table row or its sentence. */
function sourceKey(fact: Fact): string {
  return `${fact.chunkId}|${fact.quote}`;
}

/**
 * The entities a question is about. In 「北京在环渤海聚集区里的…」 and 「金融…里信贷融资…」 one
 * entity only frames the other: the frame moves to the topic words.
 */
export function targetEntities(question: ParsedQuestion): { entities: EntityMention[]; topic: string } {
  const entities = question.entities.filter((e) => SUBJECT_TYPES.has(e.type));
  if (entities.length !== 2) return { entities, topic: question.topic };
  const [first, second] = entities;
  const between = question.text.slice(first.index + first.text.length, second.index);
  const after = question.text.slice(second.index + second.text.length, second.index + second.text.length + 14);
  if (/^在/.test(between) && /^[^，。？?]{0,12}(里|中|内)/.test(after)) return { entities: [first], topic: `${question.topic} ${second.text}` };
  if (/(里|中|内|其中)/.test(between)) return { entities: [second], topic: `${question.topic} ${first.text}` };
  // 「北京海淀区…区级政务服务事项」: a domain next to a place or company is part of what is counted.
  if (first.type !== second.type && !/^\s*(和|与|及|、|跟|同|比|还是)\s*$/.test(between)) {
    const [target, frame] = first.type === 'domain' ? [second, first] : [first, second];
    if (frame.type === 'domain') return { entities: [target], topic: `${question.topic} ${frame.text}` };
  }
  return { entities, topic: question.topic };
}

function best(candidates: Candidate[], chosen: Pick[], entity: EntityMention | null): Candidate | undefined {
  // Figures of one entity come from one row or sentence when they can (354 and 27.06% from one row).
  const mates = chosen.filter((p) => p.entity?.name === entity?.name).map((p) => p.candidate.fact);
  const keys = new Set(mates.map(sourceKey));
  const chunks = new Set(mates.map((f) => f.chunkId));
  const used = new Set(chosen.map((p) => p.candidate.fact.id));
  let top: Candidate | undefined;
  let topScore = 0;
  for (const candidate of candidates.slice(0, 30)) {
    if (used.has(candidate.fact.id)) continue;
    const score = candidate.score * (keys.has(sourceKey(candidate.fact)) ? 1.5 : chunks.has(candidate.fact.chunkId) ? 1.25 : 1);
    if (score > topScore) [top, topScore] = [candidate, score];
  }
  return top;
}

/** The figure of the other kind of source (table vs prose) for the same entity: 表6-1's 106 and 二（一）'s 71. */
function secondFigure(context: FactContext, pick: Pick, question: ParsedQuestion, framed: boolean): Candidate | undefined {
  const primary = pick.candidate;
  if (!pick.entity || framed || !['count', 'percent'].includes(factKind(primary.fact))) return undefined;
  const table = isTableCell(primary.fact);
  // Not a share of another whole (「环渤海…其中北京…占比 79.72%」 is no second answer to 北京's share).
  return pick.others.find((c) => isTableCell(c.fact) !== table && !c.fact.subject.includes('、') && c.fact.unit === primary.fact.unit
    && c.fact.value !== primary.fact.value && c.score >= 0.4 * primary.score && c.score >= MIN_SCORE * 0.8
    && frameFactor(context.index, c.fact, question, pick.entity) === 1);
}

/** The best fact for each entity × period × asked value of one question (null when an entity gets none). */
function collectPicks(context: FactContext, question: ParsedQuestion, earlier: Pick[]): { picks: Pick[]; framed: boolean; targets: number } | null {
  const numeric = question.asks.filter((ask) => NUMERIC_ASKS.has(ask.kind));
  const asks: (Ask | undefined)[] = numeric.length ? numeric : question.quantity ? [undefined] : [];
  if (!asks.length) return null;
  const { entities, topic } = targetEntities(question);
  const framed = { ...question, topic };
  const targets: (EntityMention | null)[] = entities.length ? entities : [null];
  const periods: (PeriodSpan | undefined)[] = question.periods.length ? question.periods : [undefined];
  const picks: Pick[] = [];
  // 「华为云帮北京做的…」: one figure about all the entities named together answers for all of them.
  if (targets.length > 1) {
    const candidates = scoreFacts(context.index, framed, { entity: targets[0], ask: asks[0], period: periods[0] });
    const joint = candidates.find((c) => c.score >= MIN_SCORE * 0.8 && targets.every((t) => context.index.entities(c.fact).has(t!.name)));
    if (joint) return { picks: [{ entity: targets[0], candidate: joint, others: candidates }], framed: topic !== question.topic, targets: 1 };
  }
  for (const entity of targets) {
    for (const period of periods) {
      for (const ask of asks) {
        let candidates = scoreFacts(context.index, framed, { entity, ask, period });
        if (question.tableId) candidates = candidates.filter((c) => c.fact.tableId === question.tableId);
        const chosen = best(candidates, [...earlier, ...picks], entity);
        // A bare 「几」 about nothing named (「报告分几大部分」) needs a figure that fits the words closely.
        const vague = ask?.implicit && !entity && !questionNoun(question.text);
        if (chosen && chosen.score >= MIN_SCORE && (!vague || chosen.coverage >= 0.5)) picks.push({ entity, candidate: chosen, others: candidates });
      }
    }
    if (!picks.some((p) => p.entity === entity)) return null;
  }
  return { picks, framed: topic !== question.topic, targets: targets.length };
}

/** 「…有多少项？2020上半年又新增了几项？」: each part asks its own figure, the later ones in the frame of the first. */
function parts(context: FactContext, question: ParsedQuestion): ParsedQuestion[] {
  const texts = question.text.split(/(?<=[？?])/).map((t) => t.trim()).filter((t) => /多少|几|占比|比例|规模|增长/.test(t));
  if (texts.length < 2) return [question];
  return texts.map((text, i) => (i === 0 ? parseQuestion(text, context.lexicon) : parseQuestion(text, context.lexicon, texts[0])));
}

/**
 * Answers a figure from the facts: the best fact for each entity × period × asked value, the two
 * figures when a table and the prose both count what sounds like the same thing (江苏: 106 in 表6-1,
 * 71 newly founded in 2020 H1), each with its period and its row or sentence cited. Null when no
 * fact fits well enough.
 */
export function answerLookup(context: FactContext, question: ParsedQuestion): Answer | null {
  const picks: Pick[] = [];
  let framed = false;
  let targets = 0;
  for (const part of parts(context, question)) {
    const found = collectPicks(context, part, picks);
    if (!found) {
      if (!picks.length) return null;
      continue;
    }
    picks.push(...found.picks);
    framed ||= found.framed;
    targets = Math.max(targets, found.targets);
  }
  // Figures from one sentence read better than the same figure twice (303 in 二（一） and in 六（一）).
  for (const pick of picks) {
    const elsewhere = picks.filter((other) => other !== pick && sourceKey(other.candidate.fact) !== sourceKey(pick.candidate.fact));
    for (const other of elsewhere) {
      const sibling = pick.others.find((c) => sourceKey(c.fact) === sourceKey(other.candidate.fact) && c.score >= 0.85 * pick.candidate.score
        && !picks.some((p) => p.candidate.fact === c.fact));
      if (sibling) {
        pick.candidate = sibling;
        break;
      }
    }
  }
  const builder = createAnswerBuilder(context.index);
  const groups = new Map<string, Fact[]>();
  for (const pick of picks) {
    const key = sourceKey(pick.candidate.fact);
    groups.set(key, [...(groups.get(key) ?? []), pick.candidate.fact]);
  }
  const phrase = (facts: Fact[]) => (isTableCell(facts[0]) ? rowPhrase(builder, withRowShare(context, facts)) : prosePhrase(context.index, builder, facts));
  const second = targets === 1 && picks.length ? secondFigure(context, picks[0], question, framed) : undefined;
  if (second) {
    const primary = picks[0].candidate.fact;
    const tableFacts = [isTableCell(primary) ? primary : second.fact];
    const proseFacts = [isTableCell(primary) ? second.fact : primary];
    // The other asked values from the same row and the same sentence (354 and 27.06%; 100家 and 33.00%).
    for (const pick of picks.slice(1)) {
      const rowMate = pick.others.find((c) => sourceKey(c.fact) === sourceKey(tableFacts[0]) && !tableFacts.includes(c.fact));
      if (rowMate) tableFacts.push(rowMate.fact);
      const sentenceMate = pick.others.find((c) => sourceKey(c.fact) === sourceKey(proseFacts[0]) && !proseFacts.includes(c.fact) && c.score >= MIN_SCORE * 0.5);
      if (sentenceMate) proseFacts.push(sentenceMate.fact);
    }
    const section = (context.index.chunk(proseFacts[0].chunkId)?.section ?? '').match(/^[一二三四五六七八九十]+、(（[一二三四五六七八九十]+）)?/)?.[0].replace('、', '') ?? '';
    const text = `报告给出两个口径：${phrase(tableFacts)}；另据${section || '正文'}，${proseScope(proseFacts[0])}：${prosePhrase(context.index, builder, proseFacts, { period: false })}。`;
    return builder.build(text, { question: question.text });
  }
  const text = [...groups.values()].map(phrase).join('；');
  return builder.build(`${text}。`, { question: question.text });
}

/** A row's count travels with the row's share (湖南 22 家 → also 比例 1.68%): one row, one citation. */
function withRowShare(context: FactContext, facts: Fact[]): Fact[] {
  if (facts.some((fact) => fact.unit === '%') || facts.every((fact) => fact.value === null)) return facts;
  const share = context.index.facts.find((fact) => fact.chunkId === facts[0].chunkId && fact.unit === '%' && fact.value !== null
    && !facts.includes(fact));
  return share ? [...facts, share] : facts;
}
