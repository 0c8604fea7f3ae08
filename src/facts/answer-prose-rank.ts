import type { Answer, Fact } from '../types';
import { createAnswerBuilder } from './answer-builder';
import { isTableCell, MIN_SCORE, NUMERIC_ASKS } from './answer-lookup';
import { chineseOrdinal, type FactContext } from './fact-context';
import { prosePhrase } from './fact-phrases';
import type { ParsedQuestion } from './parse-question';
import { scoreFacts } from './score-facts';

const RANKED = new Set(['max', 'min', 'rank', 'position']);

/** Words by which the report states a place: 「排名第三」「位列第一」「居于…之首」「数量最多」. */
function placeWords(question: ParsedQuestion): RegExp {
  if (question.operation === 'position') return /第[一二三四五六七八九十]+|之首|最多|最高/;
  if (question.operation === 'max' && /场景/.test(question.text)) return /最多|最高|最广泛|最活跃/;
  const k = question.operation === 'rank' ? question.rank ?? 1 : 1;
  if (question.operation === 'min') return /最少|最低|最小/;
  const ordinal = `第(${chineseOrdinal(k)}|${k})(?![\\d一二三四五六七八九十])`;
  return k === 1 ? new RegExp(`${ordinal}|之首|最多|最高|最大|居首`) : new RegExp(ordinal);
}

/**
 * k-th place and extremes the prose states or lists (「浪潮以 274 件专利排名第三」; 金融 46、政务服务
 * 42、司法 18 … → 金融 most): a statement of the place is quoted; otherwise the largest (or smallest)
 * figure of one 分别 list is computed, ties and basis stated.
 */
export function answerProseRank(context: FactContext, question: ParsedQuestion): Answer | null {
  if (!RANKED.has(question.operation)) return null;
  const ask = question.asks.find((a) => NUMERIC_ASKS.has(a.kind));
  const entity = question.operation === 'position' ? question.entities[0] ?? null : null;
  const period = question.periods[0];
  // The entities named only frame the ranking (「区块链金融领域哪个城市…最高」): their words join the topic.
  const framed = { ...question, topic: `${question.topic} ${question.entities.filter((e) => e !== entity).map((e) => e.text).join(' ')}`.trim() };
  const candidates = scoreFacts(context.index, framed, { entity, ask, period }).filter((c) => !isTableCell(c.fact)
    && (entity || question.entities.every((e) => c.fact.quote.includes(e.text) || context.lexicon.forms(e.name).some((f) => c.fact.quote.includes(f)))));
  const words = placeWords(question);
  // The place may be stated in the clause after the figure (「…约为上年同期的 4 倍，排名升至第四」).
  const around = (fact: Fact) => {
    const window = context.index.window(fact);
    if (!window) return '';
    return fact.quote.slice(window.start, window.end) + (question.operation === 'position' ? fact.quote.slice(window.end).split(/[；;。]/)[0] : '');
  };
  const stated = candidates.find((c) => c.score >= MIN_SCORE && words.test(around(c.fact)));
  const builder = createAnswerBuilder(context.index);
  if (stated) {
    // The place may follow the figure's clause: quote through it (「…约为上年同期专利数量的 4 倍，排名升至第四」).
    const window = context.index.window(stated.fact)!;
    const tail = stated.fact.quote.slice(window.end).match(new RegExp(`^[^；;。]*?(${words.source})`))?.[0] ?? '';
    const phrase = prosePhrase(context.index, builder, [stated.fact]);
    if (!tail || words.test(window.text)) return builder.build(`${phrase}。`, { question: question.text });
    return builder.build(`${phrase.replace(/\[\d+\]$/, '')}${tail}${phrase.match(/\[\d+\]$/)![0]}。`, { question: question.text });
  }
  if (question.operation === 'position') return null;
  // A 分别 list in one sentence: the figures of several named subjects with one unit.
  const lists = new Map<string, Fact[]>();
  for (const candidate of candidates.slice(0, 40)) {
    const fact = candidate.fact;
    if (candidate.score < MIN_SCORE || !fact.subject || fact.subject.includes('、') || fact.value === null || fact.subject === '全国') continue;
    const key = `${fact.quote}|${fact.unit}`;
    const list = lists.get(key) ?? [];
    if (!list.some((f) => f.subject === fact.subject)) list.push(fact);
    lists.set(key, list);
  }
  const list = [...lists.values()].find((facts) => facts.length >= 3);
  if (!list) return null;
  const ascending = question.operation === 'min';
  const sorted = [...list].sort((a, b) => (a.value! - b.value!) * (ascending ? 1 : -1));
  const k = question.operation === 'rank' ? question.rank ?? 1 : 1;
  if (k > sorted.length) return null;
  const tied = sorted.filter((f) => f.value === sorted[k - 1].value);
  const marker = builder.cite(list[0]);
  for (const fact of sorted) builder.use(fact);
  const others = sorted.filter((f) => !tied.includes(f)).slice(0, 4).map((f) => `${f.subject} ${f.text.replace(/\s+/g, ' ')}`).join('、');
  const place = k === 1 ? (ascending ? '最少' : '最多') : `排第${chineseOrdinal(k)}`;
  const unit = /\d$/.test(tied[0].text.trim()) ? ` ${tied[0].unit}` : '';
  const when = list[0].period ? `${list[0].period}，` : '';
  return builder.build(`${when}在报告列出的 ${sorted.map((f) => f.subject).join('、')} 中，${tied.map((f) => f.subject).join('、')}${place}${tied.length > 1 ? '（并列）' : ''}，为 ${tied[0].text.trim()}${unit}[${marker}]（其余：${others}）。`, { question: question.text });
}
