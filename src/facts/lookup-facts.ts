import type { Fact } from '../types';
import type { EntityLexicon } from './entity-lexicon';
import type { FactIndex } from './fact-index';
import { coverage } from './fact-terms';
import { canonicalWording } from './parse-question';

const LIMIT = 50;
const ENTITY_TYPES = new Set(['region', 'organization', 'domain', 'standard', 'title']);

/**
 * Facts matching a free-text query (GET /api/facts): those about the entities it names (aliases
 * resolved), ranked by how much of the remaining query words their row or sentence covers; without
 * entities, the facts whose words cover at least half of the query. At most 50, best first.
 */
export function lookupFacts(index: FactIndex, lexicon: EntityLexicon, query: string): Fact[] {
  const mentions = lexicon.find(query).filter((m) => ENTITY_TYPES.has(m.type));
  let rest = query;
  for (const mention of mentions) rest = rest.split(mention.text).join(' ');
  const terms = index.termsOf(canonicalWording(rest.replace(/[？?。！!，,]|多少|几|什么|哪些|哪个/g, ' ')));
  const scored: { fact: Fact; score: number }[] = [];
  for (const fact of index.facts) {
    if (fact.value === null && !fact.tableId) continue;
    const names = index.entities(fact);
    const about = mentions.every((m) => names.has(m.name) || lexicon.forms(m.name).some((form) => names.has(form)));
    if (!about) continue;
    const covered = terms.length ? coverage(terms, index.terms(fact), index.idf) : mentions.length ? 1 : 0;
    if (covered < (mentions.length ? 0.2 : 0.5)) continue;
    scored.push({ fact, score: covered + (fact.value !== null ? 0.1 : 0) });
  }
  return scored.sort((a, b) => b.score - a.score || a.fact.line - b.fact.line).slice(0, LIMIT).map((s) => s.fact);
}
