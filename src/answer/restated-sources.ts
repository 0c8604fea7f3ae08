import type { StoredFact } from '../facts/fact-store';
import { PLACE_KINDS } from '../question/lexicon';
import { compactForm } from '../text/compact-form';
import type { PartAnswer, Source } from './claims';
import { rowSource, sentenceSource, type Knowledge } from './knowledge';

/** Shortest sentence (compact characters) whose verbatim repetition elsewhere counts as the report saying it again. */
const RESTATED_MIN_CHARS = 20;

/** Most quotes whose restatements are remembered between requests. */
const CACHED_QUOTES = 2000;

const figureCache = new WeakMap<Knowledge, Map<StoredFact, StoredFact[]>>();

/**
 * The same figure stated again elsewhere in the report: same kind, value, unit, months and qualifiers, about the same subject
 * (or, with none, counting the same noun) — 司法's 18 个 in the overview of all fields and in its own section, 303 家 in the
 * chapter on firms and in the one on the industry. Worked out once per knowledge.
 */
function restatedFigures(knowledge: Knowledge): Map<StoredFact, StoredFact[]> {
  let found = figureCache.get(knowledge);
  if (found) return found;
  found = new Map();
  const groups = new Map<string, StoredFact[]>();
  for (const fact of knowledge.facts.facts) {
    if (fact.value === null || fact.kind === 'text') continue;
    // The period by the months it covers: 「截至 2020 年上半年」 and 「截止到 2020 年 6 月」 count up to the same month.
    const period = fact.from !== undefined && fact.to !== undefined ? `${fact.from}-${fact.to}` : fact.period;
    const key = [fact.kind, fact.value, fact.unit, period, fact.qualifiers.join()].join('|');
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(fact);
  }
  const same = (a: StoredFact, b: StoredFact) => a.line !== b.line
    && (a.entities.length ? a.entities.join() === b.entities.join() : !b.entities.length && a.nouns.length > 0 && a.nouns.join() === b.nouns.join());
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const fact of group) {
      const others = group.filter((other) => other !== fact && same(fact, other));
      if (others.length) found.set(fact, others);
    }
  }
  figureCache.set(knowledge, found);
  return found;
}

/** Shortest name (compact characters) of a table row that a sentence naming it must print. */
const ROW_NAME_MIN_CHARS = 4;
const rowCache = new WeakMap<Knowledge, Map<StoredFact, string[]>>();

/** A prose figure's value as a table cell of its kind holds it: dates as yyyymmdd (2020.06 → 20200600). */
function cellValue(fact: StoredFact): number | null {
  if (fact.value === null) return null;
  if (fact.kind !== 'date') return fact.value;
  const year = Math.floor(fact.value);
  return year * 10_000 + Math.round((fact.value - year) * 10_000);
}

/**
 * A figure of the prose that a table prints in the row of a thing its sentence names (「2020年6月，南京江北新区发布《江北新区
 * （自贸区）促进区块链产业发展若干政策措施》」 and 表1-2's row of that policy, dated 2020 年 6 月): the row's chunks. Worked
 * out once per knowledge.
 */
function restatedRows(knowledge: Knowledge): Map<StoredFact, string[]> {
  let found = rowCache.get(knowledge);
  if (found) return found;
  found = new Map();
  const rows = [...knowledge.tables.values()].flatMap((table) => table.rows.map((row) => ({
    row,
    // A cell of the figure's kind (a 序号 of 5 is no count of 5 项).
    kinds: row.cells.map((_, column) => table.columns[column]?.kind ?? null),
    names: row.entities.filter((id) => /^(row|title):/.test(id)).map((id) => compactForm(knowledge.lexicon.entities.get(id)?.name ?? ''))
      .filter((name) => name.length >= ROW_NAME_MIN_CHARS),
  }))).filter((entry) => entry.names.length);
  for (const fact of knowledge.facts.facts) {
    const value = cellValue(fact);
    if (value === null || fact.kind === 'text') continue;
    const quote = knowledge.facts.forms(fact).quote;
    const chunks = rows.filter(({ row, names, kinds }) => names.some((name) => quote.includes(name))
      && row.cells.some((cell, column) => cell.value === value && kinds[column] === fact.kind))
      .map(({ row }) => row.chunkId);
    if (chunks.length) found.set(fact, [...new Set(chunks)]);
  }
  rowCache.set(knowledge, found);
  return found;
}

/**
 * Where the report states a figure twice, both places are cited: the one chosen first, the other after it (a reader may
 * know either; the section about the subject and the overview of all of them say the same; a table row and the sentence
 * that tells of the same thing).
 */
export function restatedFigureSources(fact: StoredFact, knowledge: Knowledge): Source[] {
  return [
    ...(restatedFigures(knowledge).get(fact) ?? []).map((other) => sentenceSource(knowledge, other.chunkId, other.quote, other.line)),
    ...(restatedRows(knowledge).get(fact) ?? []).map((chunkId) => rowSource(knowledge, chunkId)),
  ];
}

interface Sentence {
  chunkId: string;
  line: number;
  text: string;
  compact: string;
}

const sentenceCache = new WeakMap<Knowledge, { sentences: Sentence[]; found: Map<string, Sentence[]> }>();

function proseSentences(knowledge: Knowledge): { sentences: Sentence[]; found: Map<string, Sentence[]> } {
  let cached = sentenceCache.get(knowledge);
  if (!cached) {
    const sentences = knowledge.chunks.filter((chunk) => chunk.kind === 'prose').flatMap((chunk) => chunk.lines.map((entry, i) => {
      const text = chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length).trim();
      return { chunkId: chunk.id, line: entry.line, text, compact: compactForm(text) };
    }));
    sentenceCache.set(knowledge, (cached = { sentences, found: new Map() }));
  }
  return cached;
}

/**
 * A sentence the report prints again word for word inside another (the preface's 「2019 年 10 月 24 日，习近平…」 in chapter
 * one's account of the same speech): that place is cited after the one quoted.
 */
function restatedSentenceSources(source: Source, knowledge: Knowledge): Source[] {
  const quote = compactForm(source.quote).replace(/[。；！？]$/, '');
  if (quote.length < RESTATED_MIN_CHARS) return [];
  const { sentences, found } = proseSentences(knowledge);
  let hits = found.get(quote);
  if (!hits) {
    hits = sentences.filter((s) => Math.abs(s.line - source.line) > 2 && s.compact.includes(quote));
    // Quotes cut to the question's clauses vary without end: the cache is a convenience, kept small.
    if (found.size >= CACHED_QUOTES) found.clear();
    found.set(quote, hits);
  }
  return hits.map((s) => sentenceSource(knowledge, s.chunkId, s.text, s.line));
}

/** Fewest places a sentence must list for another listing them all to say the same again. */
const RESTATED_MIN_PLACES = 3;
/** Share of the shorter account's character pairs (places left out) the other holds too, for it to be the same account. */
const RESTATED_SHARED_WORDS = 0.3;

/** The places a sentence lists and the Han character pairs of what it says besides them. */
interface Account {
  places: Set<string>;
  words: Set<string>;
}

function accountOf(text: string, knowledge: Knowledge): Account {
  let compact = compactForm(text);
  const mentions = knowledge.lexicon.mentions(compact).filter((m) => PLACE_KINDS.has(m.entity.kind));
  for (const mention of mentions) compact = compact.split(mention.form).join('|');
  const han = compact.replace(/[^\p{Script=Han}]+/gu, '|');
  const words = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) if (han[i] !== '|' && han[i + 1] !== '|') words.add(han.slice(i, i + 2));
  return { places: new Set(mentions.map((m) => m.entity.id)), words };
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  return smaller.size ? [...smaller].filter((pair) => larger.has(pair)).length / smaller.size : 0;
}

const placeCache = new WeakMap<Knowledge, { sentence: Sentence; account: Account }[]>();

/** Every sentence of the prose that lists places, with what it says (worked out once per knowledge). */
function placeSentences(knowledge: Knowledge): { sentence: Sentence; account: Account }[] {
  let cached = placeCache.get(knowledge);
  if (!cached) {
    cached = proseSentences(knowledge).sentences.flatMap((line) => line.text.split(/(?<=[。！？；])/).map((text) => ({ ...line, text: text.trim(), compact: compactForm(text) })))
      .map((sentence) => ({ sentence, account: accountOf(sentence.text, knowledge) })).filter((entry) => entry.account.places.size >= RESTATED_MIN_PLACES);
    placeCache.set(knowledge, cached);
  }
  return cached;
}

/**
 * A sentence that lists the same places again elsewhere and says the same of them (「先行在深圳、苏州、雄安新区、成都及未来的冬奥
 * 场景…试点」 in the chapter on finance and in the one on digital currency): the same account, cited after the one quoted.
 */
function restatedPlaceSources(source: Source, knowledge: Knowledge): Source[] {
  const account = accountOf(source.quote, knowledge);
  if (account.places.size < RESTATED_MIN_PLACES) return [];
  return placeSentences(knowledge).filter(({ sentence, account: other }) => Math.abs(sentence.line - source.line) > 2
    && other.places.size === account.places.size && [...account.places].every((p) => other.places.has(p))
    && shared(account.words, other.words) >= RESTATED_SHARED_WORDS)
    .map(({ sentence }) => sentenceSource(knowledge, sentence.chunkId, sentence.text, sentence.line));
}

/**
 * Works out, once for `knowledge`, every restatement that does not depend on a request: figures stated twice, figures a table
 * row prints again, and the prose sentences that list places. Called when the pipeline is built, so that no request (the first
 * one, in particular) pays for it; the look-ups above fall back to working it out on first use for other knowledge.
 */
export function prepareRestatements(knowledge: Knowledge): void {
  restatedFigures(knowledge);
  restatedRows(knowledge);
  placeSentences(knowledge);
}

/** A part's answer with every prose sentence it cites that the report prints again elsewhere cited there too, after it. */
export function withRestatedSentences(answer: PartAnswer, knowledge: Knowledge): PartAnswer {
  const claims = answer.claims.map((claim) => {
    const more = claim.sources.filter((s) => knowledge.chunk(s.chunkId)?.kind === 'prose')
      .flatMap((s) => { const said = restatedSentenceSources(s, knowledge); return said.length ? said : restatedPlaceSources(s, knowledge); })
      .filter((s, i, all) => !claim.sources.some((c) => c.line === s.line) && all.findIndex((o) => o.line === s.line) === i);
    return more.length ? { ...claim, sources: [...claim.sources, ...more] } : claim;
  });
  return { ...answer, claims };
}
