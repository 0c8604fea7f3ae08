import type { EntityLexicon } from '../facts/entity-lexicon';
import type { Chunk, Hit } from '../types';
import { NEWLY, type QuestionIntent } from './question-intent';

/** One candidate piece of evidence: a sentence of a prose chunk or a table row. */
export interface Evidence {
  chunk: Chunk;
  text: string;
  line: number;
  /** Position of the sentence in its chunk (for document order). */
  order: number;
  /** Share of the question's idf mass the evidence covers (0–1). */
  coverage: number;
  score: number;
  /** Why this evidence cannot answer the question, if it cannot. */
  missing: string[];
  /** Question terms this evidence (or its heading/caption) contains. */
  matched: Set<string>;
  /** Lines merged under a list heading (「指导单位：」 + its entries). */
  items?: string[];
  /** How the answer states it, when not verbatim `text` (a heading with its entries). */
  display?: string;
}

/** Ranked evidence plus what the ranking was measured against. */
export interface EvidenceSelection {
  ranked: Evidence[];
  /** Entity mentions the question requires (e.g. 海南 and 天津, both regions). */
  entities: { text: string; type: string }[];
  /** The question's analysed terms. */
  terms: string[];
  /** Coverage of the question by several pieces of evidence together. */
  coverageOf(list: Evidence[]): number;
}

export interface SelectOptions {
  question: string;
  context: string;
  intent: QuestionIntent;
  hits: Hit[];
  analyze: (text: string) => string[];
  idf: (term: string) => number;
  lexicon: EntityLexicon;
  /** Entities a follow-up replaced: evidence about them (and not the new ones) answers the old question. */
  replaced?: { text: string; type: string }[];
  /** Qualifiers inherited from an earlier turn's wording only lower the score instead of excluding. */
  softQualifiers?: boolean;
}

const CN_NUMBER = '[零〇一二三四五六七八九十百千万两]+';
const NUMBER = `(?:\\d+(?:\\.\\d+)?|${CN_NUMBER})`;
const DATE_PATTERN = /(19|20)\d{2}\s*[年.\-－]|[零〇一二三四五六七八九十]{4}年|\d{1,2}\s*月\s*\d{1,2}\s*日/;
const SHARE_PATTERN = /\d+(\.\d+)?\s*[%％]|[一二三四五六七八九十]成|近[一二三四五]成/;
const MONEY_PATTERN = /\d+(\.\d+)?\s*(万|亿)?\s*(元|美元|人民币)|数[十百千万亿]+\s*(万)?\s*(元|美元|人民币)/;
const ANY_QUANTITY = new RegExp(`${NUMBER}\\s*(余|多)?\\s*(%|％|家|个|项|所|条|笔|件|万|亿|元|美元|人民币|倍|次|轮|位|座|大?部分)`);

/** Removes what looks like a number but is not a stated quantity: dates, figure/table numbers, standard ids. */
function withoutNonQuantities(text: string): string {
  return text
    .replace(/[图表]\s*\d+\s*[-－]\s*\d+/g, ' ')
    .replace(/(19|20)\d{2}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?(\s*[上下]半年)?/g, ' ')
    .replace(/[A-Z]+\/?[A-Z]*\s*\d+(\.\d+)?\s*[-—]\s*\d{4}/g, ' ');
}

/** True when the text states the kind of value the question asks for. */
export function statesExpected(text: string, expects: QuestionIntent['expects']): boolean {
  if (!expects) return true;
  const clean = withoutNonQuantities(text);
  switch (expects.kind) {
    case 'date': return DATE_PATTERN.test(text);
    case 'share': return SHARE_PATTERN.test(clean);
    case 'money': return MONEY_PATTERN.test(clean);
    case 'count': return new RegExp(`${NUMBER}\\s*(余|多)?\\s*(万)?\\s*${expects.classifier}`).test(clean)
      || (expects.classifier === '个' && ANY_QUANTITY.test(clean));
    default: return ANY_QUANTITY.test(clean);
  }
}

/** Whitespace-free, dash-normalised form for matching names like 「T/SCCIA 005—2020」. */
function squash(text: string): string {
  return text.replace(/\s+/g, '').replace(/[—–－]/g, '-');
}

interface ChunkTerms {
  context: Set<string>;
  pieces: { text: string; line: number; order: number; terms: Set<string> }[];
}

// Chunks are immutable for the life of an index, so their analysed terms are computed once per analyser.
const termCache = new WeakMap<(text: string) => string[], WeakMap<Chunk, ChunkTerms>>();

function termsOfChunk(chunk: Chunk, analyze: (text: string) => string[]): ChunkTerms {
  let byChunk = termCache.get(analyze);
  if (!byChunk) termCache.set(analyze, (byChunk = new WeakMap()));
  let terms = byChunk.get(chunk);
  if (!terms) {
    terms = {
      context: new Set(analyze(`${chunk.context} ${chunk.source ?? ''}`)),
      pieces: piecesOf(chunk).map((piece) => ({ ...piece, terms: new Set(analyze(piece.text)) })),
    };
    byChunk.set(chunk, terms);
  }
  return terms;
}

/** Splits a chunk into its sentences (prose) or keeps it whole (table row). */
export function piecesOf(chunk: Chunk): { text: string; line: number; order: number }[] {
  if (chunk.kind !== 'prose') return [{ text: chunk.text, line: chunk.lineStart, order: 0 }];
  return chunk.lines.map((entry, i) => ({
    text: chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length).trim(),
    line: entry.line,
    order: i,
  })).filter((p) => p.text);
}

/**
 * Ranks the sentences and rows of the retrieved chunks by how much of the question they cover
 * (idf-weighted words and bigrams; headings and captions count half), the chunk's retrieval score,
 * and hard requirements: named entities and years of the question must be in the evidence, a
 * quantity question needs a quantity, and 新成立-type qualifiers must match.
 */
export function selectEvidence(options: SelectOptions): EvidenceSelection {
  const { question, context, intent, hits, analyze, idf, lexicon } = options;
  const questionTerms = [...new Set(analyze(question))];
  const contextTerms = [...new Set(analyze(context))].filter((t) => !questionTerms.includes(t));
  const weights = new Map<string, number>();
  for (const t of questionTerms) weights.set(t, idf(t));
  for (const t of contextTerms) weights.set(t, 0.3 * idf(t));
  const total = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  const required = lexicon.find(question).filter((m) => m.type !== 'table' && !(m.type === 'year' && m.name === '2020') && m.type !== 'domain');
  const mentions = lexicon.find(question);
  const codes = questionTerms.filter((t) => /^(?!(19|20)\d{2}$)(?=.*[a-z])[a-z0-9][a-z0-9/.+-]*$/.test(t));
  const tableMention = mentions.find((m) => m.type === 'table');
  const years = lexicon.find(question).filter((m) => m.type === 'year').map((m) => m.name);
  const out: Evidence[] = [];
  hits.forEach((hit, rank) => {
    const { context: contextSet, pieces } = termsOfChunk(hit.chunk, analyze);
    for (const piece of pieces) {
      const pieceSet = piece.terms;
      let matched = 0;
      const matchedTerms = new Set<string>();
      // A row's caption and column names are what it is about, so they count fully; a prose heading counts half.
      const contextWeight = hit.chunk.kind === 'prose' ? 0.5 : 1;
      for (const [term, weight] of weights) {
        const gain = pieceSet.has(term) ? weight : contextSet.has(term) ? contextWeight * weight : 0;
        matched += gain;
        if (gain) matchedTerms.add(term);
      }
      const coverage = matched / total;
      const missing: string[] = [];
      const haystack = hit.chunk.kind === 'prose' ? piece.text : `${piece.text} ${hit.chunk.source ?? ''}`;
      const compactHaystack = squash(haystack);
      for (const mention of required) {
        const forms = mention.type === 'year' ? [mention.name] : [...lexicon.forms(mention.name), mention.text];
        if (!forms.some((f) => compactHaystack.includes(squash(f)))) missing.push(mention.text);
      }
      if (tableMention && hit.chunk.tableId && hit.chunk.tableId !== tableMention.name) missing.push(tableMention.text);
      // Technology codes (5G, BaaS, TEE, SM9) name what the question is about as firmly as an entity.
      for (const code of codes) if (!pieceSet.has(code) && !contextSet.has(code)) missing.push(code);
      // A row's units live in its column names ('数量（家） 22' states 22家).
      const stated = hit.chunk.kind === 'prose' ? piece.text
        : hit.chunk.context.replace(/[（(](家|个|项|所|条|件|笔|万元|亿元|元|%)[)）]\s*([\d.]+)/g, ' $2$1 ');
      if (intent.expects && !statesExpected(stated, intent.expects)) missing.push('数值');
      if (intent.asksTitle && !/《[^》]+》/.test(piece.text)) missing.push('名称');
      if (intent.countedNoun) {
        const scope = hit.chunk.kind === 'prose' ? piece.text : hit.chunk.context;
        if (!scope.includes(intent.countedNoun)) missing.push(intent.countedNoun);
      }
      let penalty = 0;
      for (const qualifier of intent.qualifiers) {
        const stem = qualifier.slice(0, 1) === '新' ? NEWLY : new RegExp(qualifier);
        if (stem.test(`${piece.text} ${hit.chunk.source ?? ''}`)) continue;
        if (options.softQualifiers) penalty += 0.2;
        else missing.push(qualifier);
      }
      for (const old of options.replaced ?? []) {
        const newer = mentions.filter((m) => m.type === old.type).map((m) => squash(m.text));
        if (compactHaystack.includes(squash(old.text)) && !newer.some((n) => compactHaystack.includes(n))) missing.push(`≠${old.text}`);
      }
      // Years the question names (even 2020, which most sentences omit) favour evidence that states them.
      const yearBonus = 0.1 * years.filter((y) => piece.text.includes(y)).length;
      const score = coverage + yearBonus - penalty + 0.3 * hit.score + 0.02 * (hits.length - rank) / hits.length - 0.5 * missing.length;
      out.push({ chunk: hit.chunk, text: piece.text, line: piece.line, order: piece.order, coverage, score, missing, matched: matchedTerms });
    }
  });
  return {
    ranked: out.sort((a, b) => b.score - a.score || a.line - b.line),
    entities: required.map((m) => ({ text: m.text, type: m.type })),
    terms: questionTerms,
    coverageOf(list) {
      const union = new Set(list.flatMap((e) => [...e.matched]));
      let sum = 0;
      for (const term of union) sum += weights.get(term) ?? 0;
      return sum / total;
    },
  };
}
