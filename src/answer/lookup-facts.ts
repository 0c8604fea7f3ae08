import { readQuestion, type ReadContext } from '../question/read-question';
import type { Fact } from '../types';
import { scoreFacts } from './answer-from-facts';
import { chooseTable, rowsOf } from './choose-table';
import type { Knowledge } from './knowledge';

const LIMIT = 50;

/**
 * Facts matching a free-text query (GET /api/facts), read by the question stage: the cells of the
 * table rows its subjects name (or of the whole table it is about), then the prose figures that fit
 * it best. At most 50.
 */
export function lookupFacts(query: string, context: { knowledge: Knowledge; read: ReadContext; facts: readonly Fact[] }): Fact[] {
  const reading = readQuestion([{ role: 'user', content: query }], context.read);
  const found: Fact[] = [];
  const add = (fact: Fact) => {
    if (found.length < LIMIT && !found.includes(fact)) found.push(fact);
  };
  for (const part of reading.parts) {
    const choice = chooseTable(part, context.knowledge);
    if (choice) {
      const rows = part.subjects.length ? part.subjects.flatMap((s) => rowsOf(choice.table, s)) : choice.table.rows;
      const chunks = new Set(rows.map((r) => r.chunkId));
      for (const fact of context.facts) if (fact.offset === undefined && chunks.has(fact.chunkId)) add(fact);
    }
    const subject = part.subjects[0] ?? null;
    for (const candidate of scoreFacts(part, context.knowledge, subject, part.periods[0]).slice(0, 20)) {
      if (candidate.score < 0.2) break;
      add(candidate.fact);
    }
  }
  return found;
}
