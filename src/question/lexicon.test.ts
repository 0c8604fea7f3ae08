import { describe, expect, it } from 'vitest';
import { LEXICON_DIR, reportLexicon } from '../../tests/support/lexicon';
import { CORPUS_PATH } from '../../tests/support/corpus-text';
import { loadReport } from '../ingest/load-report';
import { compactForm } from '../text/compact-form';
import { lexiconLines, loadLexiconFiles } from './lexicon';

const files = loadLexiconFiles(LEXICON_DIR);
const document = loadReport(CORPUS_PATH);
const lexicon = reportLexicon(document);

describe('the lexicon files', () => {
  it('read one entry per line with tab-separated fields, skipping comments and blank lines', () => {
    expect(lexiconLines('# comment\n\n广东\tprovince\t粤 广东省\n')).toEqual([['广东', 'province', '粤 广东省']]);
  });

  it('describe every table of the report: what a row is and what each printed column holds', () => {
    for (const table of document.tables) {
      const schema = files.tables.find((t) => t.id === table.id);
      expect(schema, table.id).toBeDefined();
      expect(schema!.columns.length, `${table.id} columns`).toBe(table.columns.length);
      expect(schema!.rowNouns.every((noun) => files.nouns.some((n) => n.noun === noun)), `${table.id} row nouns are counted-noun classes`).toBe(true);
    }
  });

  it('name every province-level region once, with its short forms, and the countries people ask about apart from them', () => {
    const provinces = files.regions.filter((r) => r.kind !== 'country');
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((r) => r.name)).size).toBe(34);
    expect(files.regions.filter((r) => r.kind === 'country').map((r) => r.name)).toContain('美国');
    expect(files.regions.find((r) => r.name === '广东')?.aliases).toContain('粤');
  });

  it('resolve every member of a region group and every value alias to something the report names', () => {
    for (const group of files.regionGroups) {
      expect(lexicon.entities.get(`group:${group.name}`)?.members?.every((id) => lexicon.entities.has(id)), group.name).toBe(true);
    }
    for (const value of files.values) {
      expect(lexicon.entities.has(`value:${value.table}:${value.attribute}:${value.value}`), `${value.table} ${value.value}`).toBe(true);
    }
  });

  it('give every attribute a value kind and a label, and no phrase two different operations', () => {
    for (const attribute of files.attributes) expect(attribute.kind && attribute.label, attribute.id).toBeTruthy();
    const seen = new Map<string, string>();
    for (const { operation, phrases } of files.operations) {
      for (const phrase of phrases) {
        expect(seen.get(phrase) ?? operation, `${phrase} is both ${seen.get(phrase)} and ${operation}`).toBe(operation);
        seen.set(phrase, operation);
      }
    }
  });
});

describe('the built lexicon', () => {
  const at = (text: string) => lexicon.longestAt(compactForm(text), 0, () => true);

  it('adds what the report names: parks, companies, standards, category values, with short forms', () => {
    expect(at('西溪谷')?.cues).toContainEqual({ type: 'entity', entity: 'row:表3-3:杭州西溪谷区块链产业园' });
    expect(at('CoolBitX')?.cues.some((c) => c.type === 'entity' && c.entity.startsWith('row:表2-2:'))).toBe(true);
    expect(at('GB/T 38625-2020')?.cues.some((c) => c.type === 'entity' && c.entity.startsWith('row:表5-7:'))).toBe(true);
    expect(at('政企合作')?.cues).toContainEqual({ type: 'entity', entity: 'value:表3-3:leader:政府、企业' });
  });

  it('never reads a common noun or a place as the name of a row (企业, 杭州, 数字经济)', () => {
    for (const word of ['企业', '杭州', '数字经济', '区块链']) {
      expect(at(word)?.cues.filter((c) => c.type === 'entity' && (c.entity.startsWith('row:') || c.entity.startsWith('value:'))) ?? [], word).toEqual([]);
    }
  });

  it('matches the longest surface at a place, and a shorter one where the text goes on otherwise', () => {
    expect(at('杭州西溪谷区块链产业园在哪')?.surface).toBe(compactForm('杭州西溪谷区块链产业园'));
    expect(at('广东省有几家')?.surface).toBe('广东省');
    expect(at('哦')).toBeNull();
    // A text that ends inside a surface holds none of its longer forms.
    expect(at('杭州西溪')?.surface).toBe('杭州');
  });

  it('finds every entity an answer names, nested ones too, in text order', () => {
    const found = lexicon.mentions(compactForm('杭州西溪谷区块链产业园和广东省')).map((m) => [m.at, m.form, m.entity.id]);
    expect(found).toEqual([
      [0, '杭州', 'city:杭州'], [0, '杭州西溪谷区块链产业园', 'row:表3-3:杭州西溪谷区块链产业园'], [2, '西溪谷', 'row:表3-3:杭州西溪谷区块链产业园'],
      [12, '广东', 'region:广东'], [12, '广东省', 'region:广东'],
    ]);
  });

  it('matches a one-character short form only where it stands as a word of its own', () => {
    const 粤 = compactForm('粤有几家');
    expect(lexicon.longestAt(粤, 0, () => true)?.cues).toContainEqual({ type: 'entity', entity: 'region:广东' });
    expect(lexicon.longestAt(粤, 0, () => false)?.cues.some((c) => c.type === 'entity') ?? false).toBe(false);
  });
});
