import type { Answer, Citation, Table } from '../types';
import type { QuestionIntent } from './question-intent';
import type { Evidence, EvidenceSelection } from './select-evidence';

export interface ComposeOptions {
  question: string;
  intent: QuestionIntent;
  selection: EvidenceSelection;
  tables: ReadonlyMap<string, Table>;
  elaborate: boolean;
  understood?: string;
  /** Minimum question coverage of the best evidence for a grounded answer. */
  minCoverage: number;
  /** Nouns of the question the report never mentions: the answer is a refusal naming them. */
  unknown?: string[];
}

const MAX_CLAUSE_CHARS = 150;

/** Renders a table row as 'column：cell' pairs, so the answer says what each printed value is. */
export function renderRow(table: Table | undefined, cells: string[], fallback: string): string {
  if (!table) return fallback;
  const parts = table.columns.map((column, i) => (!cells[i]?.trim() ? '' : column ? `${column}：${cells[i].trim()}` : cells[i].trim())).filter(Boolean);
  return parts.length ? `${table.id}（${table.caption}）中，${parts.join('；')}` : fallback;
}

/** Keeps the clause window of a long sentence that holds the answer (whole clauses, verbatim). */
function trimSentence(text: string, mustTerms: string[]): string {
  if (text.length <= MAX_CLAUSE_CHARS) return text;
  const clauses = text.split(/(?<=[，,；;：:])/);
  let best = { score: -1, from: 0, to: clauses.length };
  for (let from = 0; from < clauses.length; from++) {
    let length = 0;
    for (let to = from; to < clauses.length; to++) {
      length += clauses[to].length;
      if (length > MAX_CLAUSE_CHARS && to > from) break;
      const window = clauses.slice(from, to + 1).join('');
      const score = mustTerms.filter((t) => window.includes(t)).length * 10 + (/\d/.test(window) ? 5 : 0) - (to - from) * 0.1;
      if (score > best.score) best = { score, from, to: to + 1 };
    }
  }
  // A window that starts mid-sentence drops a dangling conjunction (「且在…」 → 「在…」).
  const window = clauses.slice(best.from, best.to).join('').replace(/[，,；;：:]$/, '。');
  return best.from > 0 ? window.replace(/^(并且|而且|同时|且|并|而|及)/, '') : window;
}

function sentenceCount(intent: QuestionIntent, elaborate: boolean): number {
  if (elaborate) return 4;
  if (intent.explain) return 3;
  if (intent.list) return 2;
  return intent.quantity ? 1 : 2;
}

/**
 * The built-in extractive answer: the evidence sentence(s) or table row(s) that answer the question,
 * short (a figure in one sentence, an explanation in 2–4), each claim marked [n] and cited verbatim
 * with its section and line. When the best evidence lacks something the question requires, it says
 * plainly that the report does not give it and points to the nearest section.
 */
export function composeExtractive(options: ComposeOptions): Answer {
  const { question, intent, selection, tables, elaborate, understood, minCoverage } = options;
  const evidence = selection.ranked;
  const best = evidence[0];
  if (!best) return refusal(question, best, understood);
  if (options.unknown?.length) return refusal(question, best, understood, options.unknown);
  const perEntity = best.missing.length ? evidenceForEachEntity(selection) : null;
  if (perEntity) return render(perEntity, selection, tables, intent, understood, true);
  if (best.missing.length) return refusal(question, best, understood);
  // Several sentences of one passage can answer together what none answers alone (「哪种最多」 over three clauses).
  const passage = evidence.filter((e) => !e.missing.length && e.chunk.id === best.chunk.id).slice(0, 3);
  const grouped = best.coverage < minCoverage && selection.coverageOf(passage) >= minCoverage;
  if (best.coverage < minCoverage && !grouped) return refusal(question, best, understood);
  const chosen: Evidence[] = grouped ? [...passage] : [best];
  const isRow = best.chunk.kind === 'table-row';
  const limit = isRow ? (intent.list ? 8 : 3) : sentenceCount(intent, elaborate);
  if (!isRow && (intent.explain || elaborate) && !grouped) {
    // An explanation reads on from its best sentence: the next sentences of the same passage, in order.
    for (const next of evidence.filter((e) => e.chunk.id === best.chunk.id && e.order > best.order && !e.missing.length)
      .sort((a, b) => a.order - b.order)) {
      if (chosen.length >= limit - (elaborate ? 0 : 1) || next.order > best.order + chosen.length) break;
      chosen.push(next);
    }
  }
  for (const candidate of evidence.slice(1)) {
    if (chosen.length >= limit) break;
    if (candidate.missing.length) continue;
    if (chosen.some((c) => c.chunk.id === candidate.chunk.id && c.order === candidate.order)) continue;
    if (isRow) {
      // Further rows only when they match the question as well as the best one (e.g. one project, two companies).
      if (candidate.chunk.kind === 'table-row' && candidate.chunk.tableId === best.chunk.tableId && candidate.score >= best.score - 0.02) chosen.push(candidate);
      continue;
    }
    const sameChunk = candidate.chunk.id === best.chunk.id;
    const threshold = elaborate || intent.explain ? 0.55 : intent.list ? 0.6 : 0.8;
    if (candidate.chunk.kind === 'prose' && candidate.score >= threshold * best.score && (sameChunk || !intent.quantity)) chosen.push(candidate);
  }
  if (!isRow) addEnumeration(chosen, evidence);
  if (!isRow) addListUnderHeading(chosen, evidence);
  return render(chosen, selection, tables, intent, understood, isRow);
}

const ENUMERATION_START = /(一是|首先|第一)[^。；]*$|包括\s*\d+\s*个|以下(几|\d)/;
const ENUMERATION_ITEM = /^(\*\*)?([二三四五六七八九十]是|其次|再次|最后|第[二三四五六七八九十])/;

/** A heading line and the list lines under it read as one sentence with one citation: 「委托单位：中国区块链生态联盟」. */
function mergeHeadedLists(chosen: Evidence[]): Evidence[] {
  const merged: Evidence[] = [];
  for (const item of chosen) {
    const last = merged[merged.length - 1];
    if (last && last.items && item.chunk.id === last.chunk.id && item.order === last.order + last.items.length + 1) {
      last.items.push(item.text);
    } else {
      merged.push(LIST_HEADING.test(item.text) ? { ...item, items: [] } : item);
    }
  }
  return merged.map((e) => (e.items?.length
    ? { ...e, text: [e.text, ...e.items].join(' '), display: `${e.text.replace(/（[^）]*）\s*$/, '')}${e.items.join('、')}` }
    : e));
}

const LIST_HEADING = /[：:]\s*(（[^）]*）)?\s*$/;

/** A chosen line that heads a list (「指导单位：（排名不分先后）」) brings the lines under it, up to the next heading. */
function addListUnderHeading(chosen: Evidence[], evidence: Evidence[]): void {
  const heading = chosen.find((c) => LIST_HEADING.test(c.text));
  if (!heading) return;
  const following = evidence.filter((e) => e.chunk.id === heading.chunk.id && e.order > heading.order).sort((a, b) => a.order - b.order);
  let next = heading.order + 1;
  for (const item of following) {
    if (item.order !== next || LIST_HEADING.test(item.text) || chosen.length >= 10) break;
    if (!chosen.some((c) => c.chunk.id === item.chunk.id && c.order === item.order)) chosen.push(item);
    next++;
  }
}

/** When a chosen sentence opens an enumeration (「一是…」), the following 二是/三是 items of its passage join it. */
function addEnumeration(chosen: Evidence[], evidence: Evidence[]): void {
  const opener = chosen.find((c) => ENUMERATION_START.test(c.text));
  if (!opener) return;
  const items = evidence
    .filter((e) => e.chunk.id === opener.chunk.id && e.order > opener.order && ENUMERATION_ITEM.test(e.text))
    .sort((a, b) => a.order - b.order);
  let next = opener.order + 1;
  for (const item of items) {
    if (chosen.length >= 8) break;
    if (item.order > next + 2) break;
    if (!chosen.some((c) => c.chunk.id === item.chunk.id && c.order === item.order)) chosen.push(item);
    next = item.order + 1;
  }
}

/**
 * For questions about several entities (「海南和天津，哪边…」): the best evidence for each entity,
 * when each one has evidence that meets every other requirement; null otherwise.
 */
function evidenceForEachEntity(selection: EvidenceSelection): Evidence[] | null {
  // Only entities of one kind are compared (海南 vs 天津); a year or a second kind must hold for each piece.
  const counts = new Map<string, number>();
  for (const e of selection.entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const type = [...counts].find(([, n]) => n >= 2)?.[0];
  if (!type) return null;
  const entities = new Set(selection.entities.filter((e) => e.type === type).map((e) => e.text));
  const picked: Evidence[] = [];
  for (const entity of entities) {
    const match = selection.ranked.find((e) => !e.missing.includes(entity) && e.missing.every((m) => entities.has(m)));
    if (!match) return null;
    if (!picked.includes(match)) picked.push(match);
  }
  return picked;
}

function render(picked: Evidence[], selection: EvidenceSelection, tables: ReadonlyMap<string, Table>, intent: QuestionIntent,
  understood: string | undefined, isRow: boolean): Answer {
  let chosen = picked;
  if (!isRow) chosen.sort((a, b) => (a.chunk.id === b.chunk.id ? a.order - b.order : a.line - b.line));
  if (!isRow) chosen = mergeHeadedLists(chosen);
  const citations: Citation[] = [];
  const parts: string[] = [];
  const questionWords = [...selection.entities.map((e) => e.text), ...selection.terms.filter((t) => !t.startsWith('b:') && t.length >= 2)];
  for (const item of chosen) {
    const id = citations.length + 1;
    citations.push({ id, chunkId: item.chunk.id, section: item.chunk.section, source: item.chunk.source, quote: item.text, line: item.line });
    if (item.chunk.kind === 'table-row') {
      const table = item.chunk.tableId ? tables.get(item.chunk.tableId) : undefined;
      const row = table && item.chunk.rows ? table.rows[item.chunk.rows[0]] : undefined;
      const rendered = renderRow(table, row?.cells ?? [], item.text);
      // Rows of one table after the first drop the repeated caption.
      const repeat = parts.length > 0 && chosen[0].chunk.tableId === item.chunk.tableId && table;
      const text = (repeat ? rendered.replace(`${table.id}（${table.caption}）中，`, '') : rendered).replace(/[。；;，,]$/, '');
      parts.push(`${text}[${id}]`);
    } else {
      const text = item.display ?? (intent.quantity && chosen.length === 1 ? trimSentence(item.text, questionWords) : item.text);
      parts.push(`${text.replace(/[。；;，,]$/, '')}[${id}]`);
    }
  }
  const separator = chosen.length > 1 && chosen.some((c) => c.chunk.kind !== 'prose') ? '\n' : '。';
  const answer = `${parts.join(separator)}${separator === '。' ? '。' : ''}`;
  return { answer, citations, facts: [], grounded: true, mode: 'extractive', understood };
}

function refusal(question: string, nearest: Evidence | undefined, understood?: string, unknown: string[] = []): Answer {
  const topic = unknown.length ? unknown.join('”“') : question.replace(/[？?。！!]+$/, '');
  if (!nearest) {
    return { answer: `报告中没有提及“${topic}”的相关内容。`, citations: [], facts: [], grounded: false, mode: 'extractive', understood };
  }
  const where = nearest.chunk.source ?? nearest.chunk.section;
  return {
    answer: `报告中没有提及“${topic}”。最相关的内容见「${where}」[1]，但它并未给出这一信息。`,
    citations: [{ id: 1, chunkId: nearest.chunk.id, section: nearest.chunk.section, source: nearest.chunk.source, quote: nearest.text, line: nearest.line }],
    facts: [], grounded: false, mode: 'extractive', understood,
  };
}
