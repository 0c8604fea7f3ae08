import { compactForm } from '../text/compact-form';
import type { AttributeDefinition, AttributeId, Cue, Entity, FunctionClass, LexiconFiles, TableSchema } from './lexicon';
import type { ReportLexicon } from './report-lexicon';

/** Message kinds whose words only mark other words, never cues of their own. */
const MARKING_KINDS = new Set(['making', 'posing', 'namehead', 'address', 'opinion', 'owner']);

/** A surface form found in a text. */
export interface SurfaceMatch {
  surface: string;
  cues: Cue[];
}

/** An entity's form found in a text. */
export interface EntityMention {
  entity: Entity;
  at: number;
  form: string;
}

/** A value derived from a lexicon, worked out the first time it is asked and kept as long as that lexicon lives. */
export function oncePerLexicon<T>(derive: (lexicon: Lexicon) => T): (lexicon: Lexicon) => T {
  const known = new WeakMap<Lexicon, T>();
  return (lexicon) => {
    let value = known.get(lexicon);
    if (value === undefined) known.set(lexicon, (value = derive(lexicon)));
    return value;
  };
}

/** The hand lexicon and what the report names, ready for matching (built once at start-up). */
export interface Lexicon {
  files: LexiconFiles;
  entities: ReadonlyMap<string, Entity>;
  attributes: ReadonlyMap<AttributeId, AttributeDefinition>;
  tables: ReadonlyMap<string, TableSchema>;
  /** Report words for everyday forms (防疫 → 疫情防控). */
  synonyms: ReadonlyMap<string, string>;
  /** The classifiers that count each noun class (企业 → 家, 个). */
  classifiers: ReadonlyMap<string, string[]>;
  /**
   * The longest surface starting at `at` in a compact text. A one-character short form of an entity
   * (粤, 苏) matches only where `standalone(at)` says the character is a word of its own.
   */
  longestAt(text: string, at: number, standalone: (at: number) => boolean): SurfaceMatch | null;
  /** Whether a word belongs to a function-word class. */
  isFunctionWord(word: string, cls?: FunctionClass): boolean;
  /** All surface forms of an entity (its name first). */
  formsOf(entityId: string): string[];
  /** The rows of a table the report names, as entities (表8-1 → its companies). */
  rowsOf(table: string): readonly Entity[];
  /**
   * Every place a form of two characters or more of an entity stands in a compact text, nested ones
   * included (杭州 inside 中国杭州区块链产业园), in text order: what an answer or a quote names.
   */
  mentions(text: string): EntityMention[];
  /** The first row or titled document whose name contains a quoted title (《…》 as the user typed it, compact). */
  titled(form: string): Entity | undefined;
  /**
   * Documents named shortened in a compact text (「海南自贸港总体方案」, 「工业大数据指导意见」): a run that ends as one
   * title ends and whose characters all stand in that title in order — no other title taking them as well.
   */
  shortenedTitles(text: string): { start: number; end: number; entity: Entity }[];
}

/**
 * Combines the hand lexicon with the report's own names into one matcher: every surface form maps to
 * its cues (an entity, an attribute, an operation, a counted noun, a synonym, a message kind or a
 * function word); a form may carry several.
 */
export function buildLexicon(files: LexiconFiles, report: ReportLexicon): Lexicon {
  const entities = new Map<string, Entity>();
  const cues = new Map<string, Cue[]>();
  const forms = new Map<string, string[]>();
  const add = (surface: string, cue: Cue) => {
    const form = compactForm(surface);
    if (!form) return;
    const list = cues.get(form) ?? [];
    if (!list.some((c) => JSON.stringify(c) === JSON.stringify(cue))) list.push(cue);
    cues.set(form, list);
  };
  const addEntity = (entity: Entity, surfaces: string[], withName = true) => {
    if (!entities.has(entity.id)) entities.set(entity.id, entity);
    const known = forms.get(entity.id) ?? [];
    for (const surface of withName ? [entity.name, ...surfaces] : surfaces) {
      add(surface, { type: 'entity', entity: entity.id });
      const form = compactForm(surface);
      if (form && !known.includes(form)) known.push(form);
    }
    forms.set(entity.id, known);
  };

  for (const region of files.regions) {
    // 「苏省」「鄂省」: a short form with the suffix of its kind is a name of its own.
    const suffixed = region.aliases.filter((a) => a.length === 1).map((a) => `${a}${region.kind === 'municipality' ? '市' : '省'}`);
    addEntity({ id: `region:${region.name}`, kind: 'region', name: region.name, ...(region.kind === 'municipality' ? { municipality: true } : {}) }, [...region.aliases, ...suffixed]);
  }
  for (const city of files.cities) {
    addEntity({ id: `city:${city.name}`, kind: 'city', name: city.name, province: `region:${city.province}` }, city.aliases);
  }
  for (const cluster of files.clusters) {
    addEntity({ id: `cluster:${cluster.name}`, kind: 'cluster', name: cluster.name, members: cluster.members.map((m) => `region:${m}`) }, cluster.aliases);
  }
  for (const organization of files.organizations) {
    addEntity({ id: `organization:${organization.name}`, kind: 'organization', name: organization.name }, organization.aliases);
  }
  for (const domain of files.domains) addEntity({ id: `domain:${domain.name}`, kind: 'domain', name: domain.name }, domain.aliases);
  const byId = new Map(report.entities.map((e) => [e.id, e]));
  // A category value that is also a common noun (企业, 高校, 政府) is named only by its longer forms
  // (企业主导, 政企合作): 「超过100家企业的省份」 asks about no 主导机构.
  const nounForms = new Set(files.nouns.flatMap((n) => n.forms).map(compactForm));
  const bareValue = (entity: Entity, surface: string) => entity.kind === 'value' && (nounForms.has(surface) || files.functionWords
    .some((g) => g.words.includes(surface)));
  for (const entity of report.entities) {
    // A report entity that the hand lexicon already knows (a city, an organisation) keeps the hand entry's identity.
    if (!entities.has(entity.id)) addEntity(entity, [], !bareValue(entity, compactForm(entity.name)));
  }
  for (const [surface, id] of report.surfaces) {
    const entity = entities.get(id) ?? byId.get(id);
    if (entity && !bareValue(entity, surface)) addEntity(entity, [surface], false);
  }
  for (const group of files.regionGroups) {
    const members = group.members.map((m) => ['region', 'cluster', 'city'].map((kind) => `${kind}:${m}`).find((id) => entities.has(id)) ?? `city:${m}`);
    addEntity({ id: `group:${group.name}`, kind: 'group', name: group.name, members }, []);
  }
  for (const value of files.values) {
    const id = `value:${value.table}:${value.attribute}:${value.value}`;
    const entity = entities.get(id);
    if (!entity) continue;
    // An alias ending in + names the value among others (「有政府参与」 includes 政府、企业).
    addEntity(entity, value.aliases.filter((a) => !a.endsWith('+')), false);
    const partial = value.aliases.filter((a) => a.endsWith('+')).map((a) => a.slice(0, -1));
    if (partial.length) addEntity({ ...entity, id: `${id}+`, partial: true }, partial, false);
  }
  for (const attribute of files.attributes) for (const phrase of attribute.phrases) add(phrase, { type: 'attribute', attribute: attribute.id });
  for (const operation of files.operations) for (const phrase of operation.phrases) add(phrase, { type: 'operation', operation: operation.operation });
  for (const noun of files.nouns) for (const form of noun.forms) add(form, { type: 'noun', noun: noun.noun });
  const synonyms = new Map<string, string>();
  for (const synonym of files.synonyms) {
    for (const form of synonym.forms) {
      synonyms.set(compactForm(form), synonym.canonical);
      add(form, { type: 'synonym', canonical: synonym.canonical });
    }
  }
  for (const label of report.labels ?? []) add(label, { type: 'label', label });
  for (const [name, label] of report.members ?? []) add(name, { type: 'member', label });
  for (const marker of files.dateMarkers) for (const phrase of marker.phrases) add(phrase, { type: 'dateMarker', attribute: marker.attribute });
  for (const q of files.qualifiers) for (const phrase of q.phrases) add(phrase, { type: 'qualifier', qualifier: q.qualifier });
  // Making and posing words (写, 讲; 以, 用) only mark a product or a persona asked for, name heads (公司, 交易所) a name before them,
  // address words (你是) and opinion words (你觉得) a role set and what is asked of it (read-message.ts); as cues they would split
  // other words.
  for (const kind of files.messageKinds) if (!MARKING_KINDS.has(kind.kind)) for (const cue of kind.cues) add(cue, { type: 'kind', kind: kind.kind });
  const functionWords = new Map<string, Set<FunctionClass>>();
  for (const group of files.functionWords) {
    for (const word of group.words) {
      const form = compactForm(word);
      (functionWords.get(form) ?? functionWords.set(form, new Set()).get(form)!).add(group.class);
      // Everyday words are not cues of their own: they only keep a word from being read as a missing topic. Size words
      // (规模, 体量) are an attribute's words (attributes.tsv) that only mark which sense of it is asked. Words that say the
      // main ones are asked (主要) are read where they stand as words, beside the cues around them, as are the verbs of getting
      // (获得, 拿到) that say what the counted things got.
      // Words naming the whole country (中国, 我国) are the report's own scope: content words, read where they stand.
      if (!['everyday', 'size', 'main', 'nation', 'change', 'obtain', 'agency'].includes(group.class)) add(word, { type: 'function', function: group.class });
    }
  }

  // Every surface in a trie: the surfaces starting at a place are found in one walk along the text, not by trying each
  // surface that starts with its character (hundreds start with 中 or 区). An entity form of two characters or more also
  // carries the entities it names, and its place in the lexicon's order (what mentions are listed by).
  const surfaces = createTrie<{ surface: string; named?: Entity[]; order: number }>();
  for (const [surface, list] of cues) {
    const named = list.flatMap((c) => (c.type === 'entity' && entities.has(c.entity) ? [entities.get(c.entity)!] : []));
    surfaces.add(surface, { surface, order: surfaces.size, ...(surface.length >= 2 && named.length ? { named } : {}) });
  }

  const named = [...entities.values()].filter((e) => e.kind === 'row' || e.kind === 'title').map((entity) => ({ entity, form: compactForm(entity.name) }));
  // A title's own ending (方案, 指导意见) without its bracketed years: where a shortened name of it ends.
  const titleEnds = new Map<string, { entity: Entity; form: string }[]>();
  for (const { entity, form } of named) {
    const core = form.replace(/[（(][^（()）]*[)）]$/, '');
    if (core.length < SHORTENED_TITLE.least || !DOCUMENT_END.test(core)) continue;
    const end = core.slice(-2);
    (titleEnds.get(end) ?? titleEnds.set(end, []).get(end)!).push({ entity, form: core });
  }
  const rows = new Map<string, Entity[]>();
  for (const entity of entities.values()) if (entity.kind === 'row' && entity.table) (rows.get(entity.table) ?? rows.set(entity.table, []).get(entity.table)!).push(entity);
  return {
    files,
    entities,
    attributes: new Map(files.attributes.map((a) => [a.id, a])),
    tables: new Map(files.tables.map((t) => [t.id, t])),
    synonyms,
    classifiers: new Map(files.nouns.map((n) => [n.noun, n.classifiers])),
    longestAt(text, at, standalone) {
      // Longest first.
      for (const { surface } of surfaces.startingAt(text, at).reverse()) {
        // A Latin form is a word, not part of a longer one: 「gdp」 does not stand in 「gdpr」, nor 「ai」 in 「mail」.
        if ((/[a-z0-9]$/.test(surface) && /^[a-z]/.test(text.slice(at + surface.length))) || (/^[a-z]/.test(surface) && /[a-z]$/.test(text.slice(0, at)))) continue;
        const found = cues.get(surface)!;
        if (surface.length === 1) {
          // A one-character form is a cue only where it stands as a word: a place's short form (「粤有几家」, not
          // 「粤港澳」), an operation (「广东比北京多」, not 「比特币」).
          if (!standalone(at)) continue;
          return { surface, cues: [...found] };
        }
        return { surface, cues: found };
      }
      return null;
    },
    isFunctionWord(word, cls) {
      const classes = functionWords.get(compactForm(word));
      // A size word (规模) is an attribute's word, a function word only when its class is asked for.
      // A word of the whole country (中国) is a content word as well.
      return Boolean(classes && (cls ? classes.has(cls) : [...classes].some((c) => c !== 'size' && c !== 'nation' && c !== 'change' && c !== 'agency')));
    },
    formsOf: (id) => forms.get(id) ?? [],
    rowsOf: (table) => rows.get(table) ?? [],
    mentions(text) {
      const found: EntityMention[] = [];
      for (let at = 0; at < text.length; at++) {
        const here = surfaces.startingAt(text, at).filter((entry) => entry.named);
        if (here.length > 1) here.sort((a, b) => a.order - b.order);
        for (const { surface, named } of here) for (const entity of named!) found.push({ entity, at, form: surface });
      }
      return found;
    },
    titled: (form) => named.find((n) => n.form.includes(form))?.entity,
    shortenedTitles(text) {
      const found: { start: number; end: number; entity: Entity }[] = [];
      for (let end = 2; end <= text.length; end++) {
        const candidates = titleEnds.get(text.slice(end - 2, end));
        if (!candidates) continue;
        // Each title: the longest run ending here that it holds in order; the title holding the longest run names it. Of titles
        // holding the same run, one whose words it spans is at most half as long as the other's names it (「海南自贸港方案」:
        // 《海南自由贸易港建设总体方案》, not 《支持海南建设…自由贸易港的实施方案》); else neither does.
        let best: { start: number; span: number; entity: Entity; form: string } | undefined;
        let tie = false;
        for (const { entity, form } of candidates) {
          const { start, span } = heldFrom(text, end, form);
          if (!best || start < best.start || (start === best.start && 2 * span <= best.span)) { best = { start, span, entity, form }; tie = false; }
          else if (start === best.start && form !== best.form && 2 * best.span > span) tie = true;
        }
        if (!best || tie || text.slice(best.start, end) === best.form) continue;
        if (end - best.start >= Math.max(SHORTENED_TITLE.least, SHORTENED_TITLE.share * best.form.length)) found.push({ start: best.start, end, entity: best.entity });
      }
      return found;
    },
  };
}

/** Values stored under strings, found by walking a text: every stored string that starts at a place of it. */
interface Trie<T> {
  /** How many values are stored. */
  readonly size: number;
  add(key: string, value: T): void;
  /** The values of the stored strings that `text` holds at `at`, shortest first. */
  startingAt(text: string, at: number): T[];
}

/** A node of a trie, its children by UTF-16 code unit (as `text[i]` indexes a text). */
interface TrieNode<T> {
  /** Absent on a leaf (most nodes): an empty map for each would be most of the trie's memory. */
  next?: Map<number, TrieNode<T>>;
  value?: T;
}

function createTrie<T>(): Trie<T> {
  const root: TrieNode<T> = {};
  let size = 0;
  return {
    get size() {
      return size;
    },
    add(key, value) {
      let node = root;
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i);
        const next: Map<number, TrieNode<T>> = node.next ?? (node.next = new Map());
        node = next.get(unit) ?? next.set(unit, {}).get(unit)!;
      }
      if (node.value === undefined) size++;
      node.value = value;
    },
    startingAt(text, at) {
      const found: T[] = [];
      let node: TrieNode<T> | undefined = root;
      for (let i = at; i < text.length; i++) {
        node = node.next?.get(text.charCodeAt(i));
        if (!node) break;
        if (node.value !== undefined) found.push(node.value);
      }
      return found;
    },
  };
}

/** How a document's title ends (a park or an institute named in a table's title column is no document). */
const DOCUMENT_END = /(方案|意见|通知|计划|规划|办法|措施|纲要|要点|指引|政策|决定|指南|规范|要求|条例|细则|规定|稿|法)$/;

/** A shortened title holds at least this many characters, and this share of the title's. */
const SHORTENED_TITLE = { least: 6, share: 0.4 };

/**
 * The earliest start of a run of `text` ending at `end` whose characters stand in `form` in order, ending as it ends, and the
 * length of the title from the run's first character;
 * a 的 the title does not hold may stand between them (「海南自贸港的总体方案」).
 */
function heldFrom(text: string, end: number, form: string): { start: number; span: number } {
  let at = form.length;
  let start = end;
  for (let i = end; i > 0; i--) {
    const found = form.lastIndexOf(text[i - 1], at - 1);
    if (found >= 0) {
      at = found;
      start = i - 1;
    } else if (text[i - 1] !== '的') break;
  }
  // span: how much of the title, from the run's first character to its end, the run stands for.
  return { start, span: form.length - at };
}
