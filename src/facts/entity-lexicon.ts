import type { Lexicon } from '../question/build-lexicon';
import { compactForm } from '../text/compact-form';

export type EntityType = 'region' | 'domain' | 'organization' | 'year' | 'table' | 'title' | 'standard';

export interface EntityMention {
  type: EntityType;
  /** Canonical name (as the report prints it): '广东', '工业和信息化部', '2019'. */
  name: string;
  /** The text that matched. */
  text: string;
  index: number;
}

/** The question stage's lexicon as fact extraction reads the report with it. */
export interface EntityLexicon {
  find(text: string): EntityMention[];
  /** All surface forms of a canonical name (for matching evidence). */
  forms(name: string): string[];
  /** Whether a text names something that is counted (企业, 产业园, 专利 … — the counted-noun classes). */
  namesCountedNoun(text: string): boolean;
}

const TYPES: Partial<Record<string, EntityType>> = { region: 'region', city: 'region', cluster: 'organization', organization: 'organization', domain: 'domain' };
const STANDARD = /(?:GB\/T|GM\/T|T\/[A-Z]+|DB\d+\/T)\s*\d+(?:\.\d+)?(?:\s*[-—–]\s*\d{4})?/g;

/**
 * Reads report text with the one lexicon of the question stage (no second alias list): places,
 * clusters, organisations, companies of the tables and domains with all their forms, plus table ids,
 * standard numbers, 《titles》 and years. The longest form at a position wins.
 */
export function createEntityLexicon(lexicon: Lexicon): EntityLexicon {
  const forms = new Map<string, { type: EntityType; name: string }>();
  const byName = new Map<string, string[]>();
  for (const [id, entity] of lexicon.entities) {
    const company = entity.kind === 'row' && entity.table && lexicon.tables.get(entity.table)?.columns[entity.column ?? -1] === 'enterprise';
    const type = company ? 'organization' : TYPES[entity.kind];
    if (!type) continue;
    const surfaces = [entity.name, ...lexicon.formsOf(id)].filter((s) => s.length >= 2);
    byName.set(entity.name, [...new Set([...(byName.get(entity.name) ?? []), ...surfaces])]);
    for (const surface of surfaces) if (!forms.has(surface)) forms.set(surface, { type, name: entity.name });
  }
  const surfaces = [...forms.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const nounForms = lexicon.files.nouns.flatMap((n) => n.forms).map(compactForm).filter((f) => f.length >= 2);
  return {
    forms: (name) => byName.get(name) ?? [name],
    namesCountedNoun: (text) => {
      const form = compactForm(text);
      return nounForms.some((f) => form.includes(f));
    },
    find(text) {
      const mentions: EntityMention[] = [];
      const taken = new Array<boolean>(text.length).fill(false);
      const claim = (index: number, length: number) => {
        for (let i = index; i < index + length; i++) if (taken[i]) return false;
        for (let i = index; i < index + length; i++) taken[i] = true;
        return true;
      };
      const lower = text.toLowerCase();
      for (const match of text.matchAll(/表\s*(\d+)\s*[-－—]\s*(\d+)/g)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'table', name: `表${match[1]}-${match[2]}`, text: match[0], index: match.index! });
      }
      for (const match of text.matchAll(STANDARD)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'standard', name: match[0].replace(/\s+/g, '').replace(/[—–]/g, '-'), text: match[0], index: match.index! });
      }
      for (const match of text.matchAll(/《[^》]{2,60}》|“[^”]{2,40}”/g)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'title', name: match[0].slice(1, -1), text: match[0], index: match.index! });
      }
      for (const match of text.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)) {
        if (claim(match.index!, match[0].length)) mentions.push({ type: 'year', name: match[0], text: match[0], index: match.index! });
      }
      for (const surface of surfaces) {
        let from = 0;
        for (;;) {
          const index = lower.indexOf(surface, from);
          if (index < 0) break;
          if (claim(index, surface.length)) mentions.push({ ...forms.get(surface)!, text: text.slice(index, index + surface.length), index });
          from = index + surface.length;
        }
      }
      return mentions.sort((a, b) => a.index - b.index);
    },
  };
}
