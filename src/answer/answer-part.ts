import type { Part, Reading } from '../question/reading';
import { compactForm } from '../text/compact-form';
import { answerFromFacts, factClaim, nearestFact, rankFacts } from './answer-from-facts';
import { answerFromPassages, answerWhere, rankPassages, type Retrieval } from './answer-from-passages';
import { answerFromTable } from './answer-from-table';
import { chooseTable } from './choose-table';
import { missing, type Claim, type PartAnswer } from './claims';
import type { Knowledge } from './knowledge';
import { PASSAGES } from './thresholds';

const RANKINGS = new Set(['max', 'min', 'rank', 'topk']);
const FIGURE_OPERATIONS = new Set(['count', 'sum', 'difference', 'compare', 'max', 'min', 'topk', 'rank', 'position', 'earliest', 'latest']);

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

/**
 * Answers one part of a question from the reading alone: where-in-the-report questions from the
 * sections, explanations and definitions from the passages, table questions with the query algebra
 * (with the prose's figure of another scope beside a table figure), figures from the prose, and
 * otherwise the passages. A part whose subject, attribute or period the report does not state is
 * answered 「报告中没有提到…」 with the nearest thing it does state.
 */
export async function answerPart(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer> {
  if (part.operation === 'where') {
    const table = part.noun ? chooseTable({ ...part, operation: 'list' }, knowledge) : null;
    if (table && !part.subjects.length && part.words.every((w) => compactForm(table.table.caption).includes(compactForm(w)) || w === part.noun)) {
      return { status: 'answered', facts: [], claims: [{ text: `见${table.table.id}（${table.table.caption.replace(/\s+/g, '')}），在「${knowledge.sectionLabel(table.table.sectionId)}」`,
        sources: [{ chunkId: table.table.rows[0].chunkId, quote: knowledge.chunk(table.table.rows[0].chunkId)!.text, line: table.table.rows[0].line,
          section: knowledge.sectionLabel(table.table.sectionId), source: `${table.table.id} ${table.table.caption}` }] }] };
    }
    return (await answerWhere(part, reading, knowledge, retrieval)) ?? notInReport(part, reading, knowledge, retrieval);
  }
  if (part.unknown.length) return notInReport(part, reading, knowledge, retrieval);
  const absent = part.attributes.filter((a) => knowledge.lexicon.attributes.get(a)?.kind === 'absent');
  if (['explain', 'define'].includes(part.operation) && !part.figures.length) {
    return (await answerFromPassages(part, reading, knowledge, retrieval)) ?? notInReport(part, reading, knowledge, retrieval);
  }
  // 「一共有多少个产业园」: the prose states totals (44家) that a count of rows would only repeat.
  if (part.operation === 'count' && !part.subjects.length && !part.filters.length && !part.condition && !part.table) {
    const total = answerFromFacts(part, knowledge);
    if (total) return total;
  }
  let fallback: PartAnswer | null = null;
  const choice = chooseTable(part.operation === 'yesno' ? { ...part, operation: 'lookup' } : part, knowledge);
  if (choice) {
    const fromTable = answerFromTable(part, choice, knowledge);
    if (fromTable?.status === 'answered') {
      if (part.operation === 'lookup' && part.quantity && part.subjects.length === 1 && !part.table) {
        const prose = answerFromFacts(part, knowledge);
        const tableValues = new Set(fromTable.facts.map((f) => String(f.value)));
        const other = prose?.facts.find((f) => !tableValues.has(String(f.value)) && typeof f.value === 'number');
        if (prose && other) return { ...fromTable, claims: [...fromTable.claims, { ...prose.claims[0], text: `另据正文，${prose.claims[0].text}`, end: '。' }], facts: [...fromTable.facts, ...prose.facts] };
      }
      return fromTable;
    }
    fallback = fromTable;
  }
  if (absent.length && !fallback) return notInReport(part, reading, knowledge, retrieval);
  if (part.quantity || FIGURE_OPERATIONS.has(part.operation) || part.figures.length) {
    const fromFacts = RANKINGS.has(part.operation) && !part.subjects.length ? rankFacts(part, knowledge) ?? answerFromFacts(part, knowledge) : answerFromFacts(part, knowledge);
    if (fromFacts) return fromFacts;
  }
  if (fallback) return fallback;
  const fromPassages = await answerFromPassages(part, reading, knowledge, retrieval);
  return fromPassages ?? notInReport(part, reading, knowledge, retrieval);
}
