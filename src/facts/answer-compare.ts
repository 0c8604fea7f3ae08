import type { Answer, Fact } from '../types';
import { createAnswerBuilder, formatNumber } from './answer-builder';
import type { FactContext } from './fact-context';
import { isTableCell, MIN_SCORE, NUMERIC_ASKS } from './answer-lookup';
import { prosePhrase } from './fact-phrases';
import type { ParsedQuestion } from './parse-question';
import { factKind, scoreFacts, type Candidate } from './score-facts';
import { printed } from './table-columns';

/** Figures that can be compared: one table column, or one sentence and unit. */
function family(fact: Fact): string {
  return isTableCell(fact) ? `${fact.tableId}|${fact.column}` : `${fact.quote}|${fact.unit}`;
}

function shown(fact: Fact): string {
  return isTableCell(fact) ? printed(fact) : `${fact.value === null ? fact.text : formatNumber(fact.value)} ${fact.unit}`.trim();
}

/**
 * Compares or adds the same figure of several entities (「北京和上海哪个多，差多少」「阿里巴巴比
 * 腾讯多多少件专利」「北京和广东加起来」): the figures come from one table column or one sentence,
 * the result is computed here and shown with its formula, every input cited. A total the report
 * states itself (「广东、江苏、浙江和山东共有…225家」) is quoted instead of recomputed.
 */
export function answerCompare(context: FactContext, question: ParsedQuestion): Answer | null {
  if (question.operation !== 'compare' && question.operation !== 'sum') return null;
  const entities = question.entities.filter((e) => e.type !== 'title');
  const names = [...new Set(entities.map((e) => e.name))];
  if (names.length < 2) return null;
  const ask = question.asks.find((a) => NUMERIC_ASKS.has(a.kind));
  const period = question.periods[0];
  const lists = names.map((name) => scoreFacts(context.index, question, { entity: entities.find((e) => e.name === name)!, ask, period })
    // Dates are not amounts: 「哪个多」 never compares 2018.04 with 2017.09.
    .filter((c) => c.fact.value !== null && factKind(c.fact) !== 'date' && c.score >= MIN_SCORE * 0.5).slice(0, 20));
  if (lists.some((list) => !list.length)) return null;
  const builder = createAnswerBuilder(context.index);

  if (question.operation === 'sum') {
    // A total the report states for exactly these entities.
    const stated = lists[0].find((c) => {
      const subjects = new Set(c.fact.subject.split('、').flatMap((s) => context.lexicon.find(s).map((m) => m.name)));
      return subjects.size === names.length && names.every((n) => subjects.has(n)) && /共|合计|一共|总共|总计/.test(context.index.window(c.fact)?.text ?? '');
    });
    if (stated) {
      const related = scoreFacts(context.index, question, { entity: entities[0], period }).filter((c) => c.fact.quote === stated.fact.quote && c.fact.subject === stated.fact.subject);
      return builder.build(`${prosePhrase(context.index, builder, [stated.fact, ...related.map((c) => c.fact).filter((f) => f !== stated.fact).slice(0, 2)])}。`, { question: question.text });
    }
  }
  // The family of figures every entity has, best overall.
  const totals = new Map<string, { score: number; picks: Candidate[] }>();
  lists.forEach((list, i) => {
    for (const candidate of list) {
      const key = family(candidate.fact);
      const entry = totals.get(key) ?? { score: 0, picks: [] };
      if (entry.picks[i]) continue;
      entry.picks[i] = candidate;
      entry.score += candidate.score;
      totals.set(key, entry);
    }
  });
  const complete = [...totals.values()].filter((t) => names.every((_, i) => t.picks[i])).sort((a, b) => b.score - a.score);
  const chosen = complete[0];
  if (!chosen || chosen.score / names.length < MIN_SCORE * 0.8) return null;
  const facts = chosen.picks.map((c) => c.fact);
  const values = facts.map((f) => f.value!);
  const first = facts[0];
  const unit = first.unit === '%' ? ' 个百分点' : ` ${first.unit}`;
  const when = first.period ? `${first.period}，` : '';
  const source = isTableCell(first) ? `据${first.source}（${first.caption}），` : '';
  const listed = facts.map((fact, i) => {
    builder.use(fact, names[i]);
    return `${names[i]} ${shown(fact)}[${builder.cite(fact)}]`;
  }).join('，');
  if (question.operation === 'sum') {
    const total = values.reduce((a, b) => a + b, 0);
    builder.derive(total);
    return builder.build(`${source}${when}${listed}；合计 ${values.map(formatNumber).join(' + ')} = ${formatNumber(total)}${unit.trim() === '个百分点' ? '%' : unit}。`, { question: question.text });
  }
  if (names.length === 2) {
    const [a, b] = values;
    const difference = Math.abs(a - b);
    builder.derive(difference);
    const relation = a === b ? `${names[0]}与${names[1]}相同` : `${a > b ? names[0] : names[1]}比${a > b ? names[1] : names[0]}多 ${formatNumber(difference)}${unit}（${formatNumber(Math.max(a, b))} − ${formatNumber(Math.min(a, b))} = ${formatNumber(difference)}）`;
    return builder.build(`${source}${when}${listed}；${relation}。`, { question: question.text });
  }
  const order = names.map((name, i) => ({ name, value: values[i] })).sort((x, y) => y.value - x.value);
  return builder.build(`${source}${when}${listed}；${order[0].name}最多。`, { question: question.text });
}
