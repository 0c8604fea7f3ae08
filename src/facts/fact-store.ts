import type { Lexicon } from '../question/build-lexicon';
import { compactForm } from '../text/compact-form';
import { parsePeriod } from '../text/find-periods';
import type { Chunk, Fact } from '../types';
import { clauseSpans, clauseWindow } from './clause-window';
import { addTerms, type Termizer } from './fact-terms';
import { factKind } from './fact-kind';

/** A prose figure with everything a request needs already worked out (index time). */
export interface StoredFact extends Fact {
  /** The clause(s) of the sentence that hold the figure, verbatim: what an answer quotes. */
  window: string;
  /** Lexicon entities the figure is about (its subject) and those its clause names. */
  entities: string[];
  mentions: string[];
  /** Months covered (yyyymm), when the period is known. */
  from?: number;
  to?: number;
  kind: 'count' | 'percent' | 'money' | 'date' | 'multiple' | 'text';
  /** Noun classes of what it counts (企业, 产业园 …). */
  nouns: string[];
  /** Qualifiers its clause states (new: 新成立/新增 …). */
  qualifiers: string[];
  /** Attributes its metric names (growth for 同比增长, share for 占比 …). */
  attributes: string[];
  /** Matching terms with weights (the figure's clause weighs most). */
  terms: [string, number][];
  /**
   * A date that is a clause of its own (「2020 年 4 月，DC/EP 先行在深圳…试点测试」): the clause after it, which says what happened
   * then: a date named nowhere else is about what that clause names.
   */
  event?: string;
  /**
   * share: the figure is the whole that shares stated beside it are of (303 家, of which 广东's 100 家 are 33.00%): the count a
   * part divided by its share gives back.
   */
  whole?: true;
  /** The qualifiers the parts of such a whole state (新成立): it counts what they count, though its own clause does not say so. */
  partQualifiers?: string[];
}

/** The prose figures with their lookup structures (built at start-up from the stored facts). */
export interface FactStore {
  facts: readonly StoredFact[];
  idf(term: string): number;
  /** Terms of a question's words, in the facts' analysis. */
  termsOf: Termizer;
  termMap(fact: StoredFact): ReadonlyMap<string, number>;
  /**
   * The weighted share of `weights`' terms each figure contains (position i = facts[i]): one pass over the figures that
   * hold each term instead of every term looked up in every figure.
   */
  coverages(weights: readonly (readonly [string, number])[]): Float64Array;
  /** The fact's texts in compact form (matched against names and figures for every figure on every request, so prepared once). */
  forms(fact: StoredFact): FactForms;
  /** The report's text holds this term (in the facts' analysis), whether or not a figure's sentence does. */
  inReport(term: string): boolean;
  /** The figures its sentence states (itself included), in the store's order: grouped once, not searched per request. */
  sentenceOf(fact: StoredFact): readonly StoredFact[];
  /** The counts stated with this value (44 家, 杭州's 6 家): what a count of a table's rows may be stated as by the prose too. */
  countsOf(value: number): readonly StoredFact[];
  /** The prose's dates that begin in this month (yyyymm), table cells excluded. */
  datesFrom(month: number): readonly StoredFact[];
}

/** Compact forms of a fact's texts. */
export interface FactForms {
  /** The figure as printed (「1309家」). */
  text: string;
  /** Its clause. */
  window: string;
  /** Its sentence. */
  quote: string;
  /** The sentence before the clause (where a national scope such as 我国 is stated). */
  before: string;
  /** What it measures (its metric). */
  metric: string;
}

const MENTIONED_KINDS = new Set(['region', 'city', 'cluster', 'organization', 'domain']);

/** The places, organisations and domains a text names, in the lexicon's order. */
function mentionsIn(text: string, lexicon: Lexicon): string[] {
  const named = new Set(lexicon.mentions(compactForm(text)).map((m) => m.entity.id));
  return [...lexicon.entities.values()].filter((e) => MENTIONED_KINDS.has(e.kind) && named.has(e.id)).map((e) => e.id);
}

/**
 * Works out at index time what depends only on the report for every prose figure (and figures
 * inside running-text table cells): its clause window, the entities it is about and those its clause
 * names, its period as months, its kind of value, the nouns it counts, its qualifiers, and its
 * weighted matching terms.
 */
export function storeFacts(facts: readonly Fact[], chunks: readonly Chunk[], lexicon: Lexicon, termsOf: Termizer): StoredFact[] {
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const nounForms = lexicon.files.nouns.map((n) => ({ noun: n.noun, forms: n.forms.map(compactForm), classifiers: n.classifiers }));
  // What a figure counts: the nouns its metric names, else its clause; a count keeps only the nouns its unit counts
  // (「8 家获得投融资」 counts 企业 — 家 — not 融资事件, which are 笔).
  const nounsOf = (fact: Fact, kind: string, window: string): string[] => {
    const fits = (n: (typeof nounForms)[number]) => kind !== 'count' || n.classifiers.includes(fact.unit);
    const named = (text: string) => nounForms.filter((n) => n.forms.some((f) => f.length >= 2 && compactForm(text).includes(f)));
    const fromMetric = named(fact.metric).filter(fits);
    // 「《区块链共识安全技术测评标准》制定了…等 4 项测评要求」: a title the clause names is a document, not what its figure counts.
    const fromWindow = named(window.replace(/《[^》]*》/g, '')).filter(fits);
    // 「经工商部门登记注册的…企业…，其中 2020 年新成立的企业共 8129 家」: of several nouns the metric names (部门 inside a modifier),
    // those the figure's own clause names are what it counts.
    const local = fromMetric.length > 1 ? fromMetric.filter((n) => fromWindow.includes(n)) : [];
    return (local.length ? local : fromMetric.length ? fromMetric : fromWindow).map((n) => n.noun);
  };
  const qualifierForms = lexicon.files.qualifiers.map((q) => ({ qualifier: q.qualifier, forms: q.phrases.map(compactForm) }));
  const attributeForms = lexicon.files.attributes.map((a) => ({ id: a.id, forms: a.phrases.map(compactForm).filter((f) => f.length >= 2) }));
  const countsSomething = (text: string) => nounForms.some((n) => n.forms.some((f) => f.length >= 2 && compactForm(text).includes(f)));
  const stored: StoredFact[] = [];
  for (const fact of facts) {
    // Cells are answered through the typed tables; running-text cells keep their inner figures here.
    if (fact.offset === undefined) continue;
    const cellStart = fact.tableId ? Math.max(0, fact.quote.indexOf(fact.text) - 200) : 0;
    const window = clauseWindow(fact, fact.tableId ? cellStart : 0, countsSomething);
    const range = parsePeriod(fact.period);
    const weighted = new Map<string, number>();
    const spans = clauseSpans(fact.quote);
    const own = spans.findIndex(([a, b]) => fact.offset! >= a && fact.offset! < b);
    spans.forEach(([a, b], i) => {
      const distance = i - own;
      const weight = distance === 0 ? 1 : distance === -1 ? 0.8 : distance === 1 ? 0.6 : distance === -2 ? 0.5 : 0.35;
      addTerms(weighted, termsOf(fact.quote.slice(a, b)), weight);
    });
    addTerms(weighted, termsOf(window.text), 1);
    const event = factKind(fact) === 'date' && !fact.tableId && compactForm(window.text) === compactForm(fact.text) && spans[own + 1]
      ? fact.quote.slice(spans[own + 1][0], spans[own + 1][1]).replace(/[，,；;。！？!?\s]+$/, '').trim() : '';
    addTerms(weighted, termsOf(fact.subject), 0.9);
    addTerms(weighted, termsOf(fact.metric), 0.9);
    const chunk = chunkById.get(fact.chunkId);
    const at = chunk ? chunk.text.indexOf(fact.quote) : -1;
    if (chunk && at > 0) addTerms(weighted, termsOf(chunk.text.slice(0, at).split(/(?<=[。！？])/).slice(-1)[0] ?? ''), 0.4);
    if (chunk) addTerms(weighted, termsOf(chunk.section), 0.3);
    if (fact.caption) addTerms(weighted, termsOf(fact.caption), 0.5);
    const metricForm = compactForm(`${fact.metric} ${window.text}`);
    stored.push({
      ...fact,
      window: window.text,
      entities: fact.subject ? fact.subject.split('、').flatMap((s) => mentionsIn(s, lexicon)) : [],
      // A figure inside a running-text cell is about its row: the row's label (电子证照, a domain) is named with it.
      mentions: mentionsIn(fact.tableId ? fact.quote : window.text, lexicon),
      ...(event ? { event } : {}),
      ...(range ? { from: range.from, to: range.to } : {}),
      kind: factKind(fact),
      nouns: nounsOf(fact, factKind(fact), window.text),
      qualifiers: qualifierForms.filter((q) => q.forms.some((f) => metricForm.includes(f))).map((q) => q.qualifier),
      attributes: attributeForms.filter((a) => a.forms.some((f) => compactForm(fact.metric).includes(f))).map((a) => a.id),
      terms: [...weighted].sort((a, b) => a[0].localeCompare(b[0])),
    });
  }
  markWholes(stored);
  return stored;
}

/**
 * share: 「区块链企业共303家…广东省…共100家，占…33.00%；其次是江苏省71家，占全国的23.43%」 — a count and its share stated
 * together give the whole they are of (100 ÷ 33.00% ≈ 303). A count of the same noun and unit in the same passage, about no
 * single place, that equals it (to the printed precision of the share) is that whole: it is marked, and it counts what its
 * parts count — the scope they state (新成立) that its own clause leaves to the next sentence (kept apart from the qualifiers
 * its own clause states: it answers a question that does not name that scope as well as before).
 */
function markWholes(facts: StoredFact[]): void {
  const byChunk = new Map<string, StoredFact[]>();
  for (const fact of facts) byChunk.set(fact.chunkId, [...(byChunk.get(fact.chunkId) ?? []), fact]);
  for (const passage of byChunk.values()) {
    const counts = passage.filter((f) => f.kind === 'count' && f.value !== null && f.value > 0);
    for (const share of passage) {
      if (share.kind !== 'percent' || share.value === null || share.value <= 0 || share.value >= 100 || share.attributes.includes('growth')) continue;
      // The part: the count stated just before the share in its sentence, about the same subject.
      const part = counts.filter((c) => c.quote === share.quote && c.offset! < share.offset! && c.subject === share.subject && c.entities.length > 0)
        .sort((a, b) => b.offset! - a.offset!)[0];
      if (!part) continue;
      const decimals = (share.text.match(/\.(\d+)/)?.[1].length) ?? 0;
      const step = 10 ** -decimals;
      const low = part.value! / ((share.value + step) / 100);
      const high = part.value! / ((share.value - step) / 100);
      for (const whole of counts) {
        if (whole === part || whole.entities.length > 0 || whole.unit !== part.unit || whole.value! <= part.value! || whole.value! < low || whole.value! > high) continue;
        if (whole.nouns.join() !== part.nouns.join() || whole.period !== part.period) continue;
        whole.whole = true;
        whole.partQualifiers = [...new Set([...(whole.partQualifiers ?? []), ...part.qualifiers])];
      }
    }
  }
  // The same whole stated again elsewhere (303 家 in the chapter on firms) is that whole; the figure its clause compares it with
  // for another period (「303 家，与 2019 年的 81 家」, same metric) counts the same kind of thing then (2019's new firms).
  const wholes = facts.filter((f) => f.whole);
  const same = (a: StoredFact, b: StoredFact) => a.kind === b.kind && a.unit === b.unit && a.nouns.join() === b.nouns.join() && a.entities.length === 0 && b.entities.length === 0;
  for (const fact of facts) {
    const whole = !fact.whole && wholes.find((w) => same(w, fact) && w.value === fact.value && w.period === fact.period);
    if (whole) Object.assign(fact, { whole: true, partQualifiers: whole.partQualifiers });
  }
  for (const fact of facts) {
    if (fact.whole || fact.kind !== 'count') continue;
    const whole = facts.find((w) => w.whole && same(w, fact) && w.quote === fact.quote && w.metric === fact.metric && w.period !== fact.period
      && compactForm(fact.window).includes(compactForm(w.text)));
    if (whole) fact.partQualifiers = whole.partQualifiers;
  }
}

/** Wraps stored facts for requests: term maps and an idf over the facts' terms. */
export function createFactStore(facts: readonly StoredFact[], termsOf: Termizer, reportTerms: Iterable<string> = []): FactStore {
  const vocabulary = new Set(reportTerms);
  const maps = new Map<StoredFact, Map<string, number>>(facts.map((f) => [f, new Map(f.terms)]));
  const forms = new Map<StoredFact, FactForms>(facts.map((f) => [f, formsOf(f)]));
  // Per term, the figures holding it and its weight in each, as typed arrays (tens of thousands of entries, kept all day).
  const lists = new Map<string, { facts: number[]; weights: number[] }>();
  facts.forEach((fact, index) => {
    for (const [term, weight] of fact.terms) {
      let list = lists.get(term);
      if (!list) lists.set(term, (list = { facts: [], weights: [] }));
      list.facts.push(index);
      list.weights.push(weight);
    }
  });
  const postings = new Map([...lists].map(([term, list]) => [term, { facts: Int32Array.from(list.facts), weights: Float64Array.from(list.weights) }]));
  const coverages = (weights: readonly (readonly [string, number])[]) => {
    const covered = new Float64Array(facts.length);
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    if (!total) return covered;
    for (const [term, weight] of weights) {
      const posting = postings.get(term);
      if (posting) for (let i = 0; i < posting.facts.length; i++) covered[posting.facts[i]] += weight * posting.weights[i];
    }
    for (let i = 0; i < covered.length; i++) covered[i] /= total;
    return covered;
  };
  const frequency = new Map<string, number>();
  for (const fact of facts) for (const [term] of fact.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  // A word no figure contains cannot tell figures apart: weight 0.
  const idf = (term: string) => (frequency.has(term) ? Math.log(1 + facts.length / (1 + frequency.get(term)!)) : 0);
  const sentenceKey = (fact: StoredFact) => `${fact.line}\u0000${fact.quote}`;
  const sentences = groupFacts(facts, sentenceKey);
  const counts = groupFacts(facts.filter((f) => f.kind === 'count' && f.value !== null), (f) => f.value!);
  const dates = groupFacts(facts.filter((f) => f.kind === 'date' && f.from !== undefined && !f.tableId), (f) => f.from!);
  return { facts, idf, termsOf, termMap: (fact) => maps.get(fact)!, coverages, inReport: (term) => vocabulary.has(term), forms: (fact) => forms.get(fact) ?? formsOf(fact),
    sentenceOf: (fact) => sentences.get(sentenceKey(fact)) ?? [fact], countsOf: (value) => counts.get(value) ?? [], datesFrom: (month) => dates.get(month) ?? [] };
}

/** Facts grouped by a key, in the store's order (once at start-up, so requests look groups up instead of scanning). */
function groupFacts<K>(facts: readonly StoredFact[], keyOf: (fact: StoredFact) => K): Map<K, StoredFact[]> {
  const groups = new Map<K, StoredFact[]>();
  for (const fact of facts) {
    const key = keyOf(fact);
    const group = groups.get(key);
    if (group) group.push(fact);
    else groups.set(key, [fact]);
  }
  return groups;
}

function formsOf(fact: StoredFact): FactForms {
  const quote = compactForm(fact.quote);
  const window = compactForm(fact.window);
  return { text: compactForm(fact.text), window, quote, before: quote.split(window)[0] ?? '', metric: compactForm(fact.metric) };
}
