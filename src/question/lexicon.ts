import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Kinds of named things a question can be about. */
export type EntityKind =
  | 'region' | 'city' | 'cluster' | 'group' | 'organization' | 'domain'
  /** A row of a table named by its label cell (a park, a company, a standard …). */
  | 'row'
  /** A category value printed in a table column (政府, 天使轮, 团体标准, 起草阶段 …). */
  | 'value'
  | 'title';

/** Kinds that name one place on the map (a province or a city): not a cluster of places, nor a group of provinces. */
export const PLACE_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['region', 'city']);

export interface Entity {
  /** Stable id: `${kind}:${name}` (rows and values add their table and column). */
  id: string;
  kind: EntityKind;
  /** As the report prints it ('广东', '中国人民银行', '中国杭州区块链产业园'). */
  name: string;
  /** Region groups and clusters: the ids of their members (a cluster's: the provinces the report places in it). */
  members?: string[];
  /** Cities: the province's entity id. */
  province?: string;
  /** Regions that are cities too (北京, 上海, 天津, 重庆): ranked among cities as well as provinces. */
  municipality?: boolean;
  /** Rows and values: where they are printed. */
  table?: string;
  column?: number;
  rows?: number[];
  /** A category value matched among others in a cell (「有政府参与的」: 政府 in 政府、企业 too). */
  partial?: boolean;
}

/** What people ask about a thing: a table column or a metric of the prose. */
export type AttributeId =
  | 'count' | 'share' | 'growth' | 'money' | 'founded' | 'published' | 'date' | 'leader' | 'publisher' | 'round' | 'title'
  | 'number' | 'level' | 'status' | 'apptype' | 'platform' | 'enterprise' | 'city' | 'province' | 'region' | 'positioning'
  | 'content' | 'case' | 'subfield' | 'serial' | 'cluster'
  /** A field or industry asked for (哪些领域, 哪个行业): the prose names it; no table has a column of it. */
  | 'field'
  /** Things people ask that no table or figure of the report gives (估值, 营收 …): named so a refusal can say what is missing. */
  | 'investor' | 'valuation' | 'revenue' | 'employees' | 'founder' | 'address' | 'users' | 'affiliation' | 'price' | 'salary' | 'population' | 'dimension' | 'weather';

/** The kind of value an attribute holds. */
export type ValueKind = 'count' | 'percent' | 'money' | 'date' | 'category' | 'name' | 'code' | 'place' | 'text' | 'number' | 'absent';

export type OperationCue = 'max' | 'min' | 'earliest' | 'latest' | 'sum' | 'difference' | 'ratio' | 'compare' | 'rank' | 'count' | 'list'
  | 'sort' | 'sortAscending' | 'sortDescending' | 'explain' | 'define' | 'where' | 'yesno';

export type MessageKindCue = 'injection' | 'task' | 'advice' | 'evasion' | 'offtopic' | 'chitchat' | 'thanks' | 'document' | 'product' | 'making' | 'persona' | 'posing' | 'role' | 'judgement' | 'namehead' | 'address' | 'opinion' | 'owner';

export type FunctionClass = 'question' | 'followup' | 'elaborate' | 'everyday' | 'addition' | 'plural' | 'kinds' | 'each' | 'classify' | 'whole' | 'why' | 'others' | 'shared' | 'contrast' | 'joint' | 'size' | 'main' | 'nation' | 'change' | 'obtain' | 'present' | 'agency';

/** One meaning of a surface form. */
export type Cue =
  | { type: 'entity'; entity: string }
  | { type: 'attribute'; attribute: AttributeId }
  | { type: 'operation'; operation: OperationCue }
  | { type: 'noun'; noun: string }
  | { type: 'kind'; kind: MessageKindCue }
  | { type: 'function'; function: FunctionClass }
  | { type: 'synonym'; canonical: string }
  /** A label the report prints over a list (副主任, 联合发布单位): one word, naming that list. */
  | { type: 'label'; label: string }
  /** A person a labelled list names (刘权 under 主任). */
  | { type: 'member'; label: string }
  | { type: 'qualifier'; qualifier: string }
  /** 「成立的」「发布的」: marks a date condition when a period comes right before it. */
  | { type: 'dateMarker'; attribute: AttributeId };

/** What a row of a table is and what each column holds. */
export interface TableSchema {
  id: string;
  rowNouns: string[];
  /** Attribute of each column in order (null: none). */
  columns: (AttributeId | null)[];
  topics: string[];
  /** Words one of which a question must use to be about this table, unless it names the table or a row (empty: none needed). */
  requires: string[];
  /** The rows are every one of their kind the table covers (表3-3: every park), so a thing it does not list has none; false for a selection (典型案例, top10). */
  complete: boolean;
}

export interface AttributeDefinition {
  id: AttributeId;
  kind: ValueKind;
  /** How answers name it (数量, 成立时间 …). */
  label: string;
  phrases: string[];
}

/** The hand-written lexicon files of `src/question/lexicon/`, parsed. */
export interface LexiconFiles {
  regions: { name: string; kind: string; aliases: string[] }[];
  cities: { name: string; province: string; aliases: string[] }[];
  regionGroups: { name: string; members: string[] }[];
  clusters: { name: string; aliases: string[]; members: string[] }[];
  organizations: { name: string; aliases: string[] }[];
  domains: { name: string; aliases: string[] }[];
  attributes: AttributeDefinition[];
  operations: { operation: OperationCue; phrases: string[] }[];
  /** `column`: the attribute of a column whose cells name one of these (部委 → publisher), if any. */
  nouns: { noun: string; forms: string[]; classifiers: string[]; column?: AttributeId }[];
  tables: TableSchema[];
  synonyms: { forms: string[]; canonical: string }[];
  messageKinds: { kind: MessageKindCue; cues: string[] }[];
  functionWords: { class: FunctionClass; words: string[] }[];
  values: { table: string; attribute: AttributeId; value: string; aliases: string[] }[];
  qualifiers: { qualifier: string; phrases: string[] }[];
  dateMarkers: { attribute: AttributeId; phrases: string[] }[];
}

/** Lines of a lexicon file: tab-separated fields, blank lines and `#` comments skipped. */
export function lexiconLines(text: string): string[][] {
  return text.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() && !line.trimStart().startsWith('#'))
    .map((line) => line.split('\t').map((field) => field.trim()));
}

const words = (field: string | undefined) => (field ?? '').split(/\s+/).filter(Boolean);

/**
 * Reads the lexicon folder (one file per kind of entry; see its README).
 * @throws Error naming the file and line of a malformed entry.
 */
export function loadLexiconFiles(dir: string): LexiconFiles {
  const read = (name: string) => {
    const text = readdirSync(dir).includes(name) ? readFileSync(join(dir, name), 'utf8') : '';
    return lexiconLines(text);
  };
  const fail = (file: string, fields: string[], why: string): never => {
    throw new Error(`${file}: ${why}: ${fields.join('\t')}`);
  };
  const attributes = read('attributes.tsv').map((f) => ({ id: f[0] as AttributeId, kind: f[1] as ValueKind, label: f[2], phrases: words(f[3]) }));
  const attributeIds = new Set<string>(attributes.map((a) => a.id));
  const synonyms = read('synonyms.tsv').map((f) => ({ forms: words(f[0]), canonical: f[1] ?? fail('synonyms.tsv', f, 'no report word') }));
  return {
    regions: read('regions.tsv').map((f) => ({ name: f[0], kind: f[1], aliases: words(f[2]) })),
    cities: read('cities.tsv').map((f) => ({ name: f[0], province: f[1] ?? fail('cities.tsv', f, 'no province'), aliases: words(f[2]) })),
    regionGroups: read('region-groups.tsv').map((f) => ({ name: f[0], members: words(f[1]) })),
    clusters: read('clusters.tsv').map((f) => ({ name: f[0], aliases: words(f[1]), members: words(f[2]) })),
    organizations: read('organizations.tsv').map((f) => ({ name: f[0], aliases: words(f[1]) })),
    domains: read('domains.tsv').map((f) => ({ name: f[0], aliases: words(f[1]) })),
    attributes,
    operations: read('operations.tsv').map((f) => ({ operation: f[0] as OperationCue, phrases: words(f[1]) })),
    nouns: read('counted-nouns.tsv').map((f) => ({ noun: f[0], forms: words(f[1]), classifiers: words(f[2]),
      ...(f[3] && f[3] !== '-' ? { column: attributeIds.has(f[3]) ? (f[3] as AttributeId) : fail('counted-nouns.tsv', f, `unknown attribute ${f[3]}`) } : {}) })),
    tables: read('tables.tsv').map((f) => ({
      id: f[0], rowNouns: words(f[1]),
      columns: words(f[2]).map((c) => (c === '-' ? null : attributeIds.has(c) ? (c as AttributeId) : fail('tables.tsv', f, `unknown attribute ${c}`))),
      topics: words(f[3]),
      requires: f[4] === '-' ? [] : words(f[4]),
      complete: f[5] === 'all' ? true : f[5] === 'some' ? false : fail('tables.tsv', f, `rows must be all or some, not ${f[5]}`),
    })),
    synonyms,
    messageKinds: read('message-kinds.tsv').map((f) => ({ kind: f[0] as MessageKindCue, cues: words(f[1]) })),
    functionWords: read('function-words.tsv').map((f) => ({ class: f[0] as FunctionClass, words: words(f[1]) })),
    dateMarkers: read('date-markers.tsv').map((f) => ({ attribute: f[0] as AttributeId, phrases: words(f[1]) })),
    qualifiers: read('qualifiers.tsv').map((f) => ({ qualifier: f[0], phrases: words(f[1]) })),
    values: read('values.tsv').map((f) => ({ table: f[0], attribute: f[1] as AttributeId, value: f[2], aliases: withEverydayForms(words(f[3]), synonyms) })),
  };
}

/** Words that join two things named side by side, as 和 does. */
const JOINING_WORDS = ['和', '与', '跟', '同', '及', '、'];

/**
 * A value's aliases said with every everyday form of a report word they contain (政府主导 → 政府带头, 政府领头):
 * synonyms.tsv already says those forms mean the report's word, so values.tsv need not list each pairing again.
 */
function withEverydayForms(aliases: string[], synonyms: readonly { forms: string[]; canonical: string }[]): string[] {
  // 「政府和高校」 is said with any word joining two (政府跟高校, 政府同高校, 政府及高校).
  const joined = aliases.flatMap((alias) => (/^\p{Script=Han}{2,}[和与]\p{Script=Han}{2,}/u.test(alias)
    ? JOINING_WORDS.map((word) => alias.replace(/^(\p{Script=Han}{2,}?)[和与]/u, `$1${word}`)) : []));
  const all = new Set([...aliases, ...joined]);
  for (const alias of aliases) {
    for (const { forms, canonical } of synonyms) {
      if (canonical.length < 2 || !alias.includes(canonical)) continue;
      for (const form of forms) all.add(alias.replace(canonical, form));
    }
  }
  return [...all];
}

/** sha256 of the lexicon folder (every file's name and text): an index built with other lexicons is stale. */
export function lexiconSha256(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort()) hash.update(`${name}\n${readFileSync(join(dir, name), 'utf8')}\n`);
  return hash.digest('hex');
}
