import { findPeriods } from '../text/find-periods';
import type { Part, Reading } from '../question/reading';
import { compactForm, printedSpan } from '../text/compact-form';
import type { Chunk, Hit } from '../types';
import type { TypedRow, TypedTable } from '../facts/typed-tables';
import { clausesOf } from '../facts/clause-window';
import { PLACE_KINDS, type AttributeId } from '../question/lexicon';
import { answered, missing, type Claim, type PartAnswer } from './claims';
import { glossedTerm, usesTerm } from './glossed-term';
import type { Knowledge } from './knowledge';
import { PASSAGES } from './thresholds';
import { formsOfNoun } from '../question/read-message';
import { withoutReportTopic } from '../question/question-words';

const REPORT_TOPIC = '区块链';

/** Retrieval as the answerer uses it. */
export interface Retrieval {
  search(query: string, limit: number): Promise<Hit[]>;
  analyze(text: string): string[];
  idf(term: string): number;
}

/** A sentence of a retrieved prose chunk, or a table row. */
export interface Passage {
  chunk: Chunk;
  text: string;
  line: number;
  order: number;
  coverage: number;
  score: number;
}

interface ChunkTerms {
  context: Set<string>;
  /** Section title and source, compact (where a name may stand instead of the sentence). */
  heading: string;
  pieces: { text: string; form: string; line: number; order: number; terms: Set<string> }[];
}

// Chunks never change while an index is served: their analysed sentences are computed once.
const termCache = new WeakMap<Chunk, ChunkTerms>();

function piecesOf(chunk: Chunk): { text: string; line: number; order: number }[] {
  if (chunk.kind !== 'prose') return [{ text: chunk.text, line: chunk.lineStart, order: 0 }];
  return chunk.lines.map((entry, i) => ({
    text: chunk.text.slice(entry.offset, chunk.lines[i + 1]?.offset ?? chunk.text.length).trim(), line: entry.line, order: i,
  })).filter((p) => p.text);
}

/** The sentence before a passage's: in its chunk, or the last of the section's chunk before it. */
function sentenceBefore(passage: Passage, knowledge: Knowledge): Passage | undefined {
  const own = piecesOf(passage.chunk).find((p) => p.order === passage.order - 1);
  if (own) return { chunk: passage.chunk, ...own, coverage: 0, score: 0 };
  const at = knowledge.chunks.indexOf(passage.chunk);
  const chunk = at > 0 ? knowledge.chunks[at - 1] : undefined;
  if (!chunk || chunk.kind !== 'prose' || chunk.sectionId !== passage.chunk.sectionId) return undefined;
  const last = piecesOf(chunk).at(-1);
  return last ? { chunk, ...last, coverage: 0, score: 0 } : undefined;
}

const compactTexts = new WeakMap<Chunk, string>();

function compactText(chunk: Chunk): string {
  let form = compactTexts.get(chunk);
  if (form === undefined) compactTexts.set(chunk, (form = compactForm(chunk.text)));
  return form;
}

function termsOf(chunk: Chunk, retrieval: Retrieval): ChunkTerms {
  let cached = termCache.get(chunk);
  if (!cached) {
    cached = {
      context: new Set(retrieval.analyze(`${chunk.section} ${chunk.source ?? ''} ${chunk.kind === 'prose' ? chunk.context : ''}`)),
      heading: compactForm(`${chunk.section}${chunk.source ?? ''}`),
      pieces: piecesOf(chunk).map((p) => ({ ...p, form: compactForm(p.text), terms: new Set(retrieval.analyze(p.text)) })),
    };
    termCache.set(chunk, cached);
  }
  return cached;
}

const MAX_CLAUSE_QUERY_CHARS = 80;

/** The text retrieval searches for a part: what it names, its content words, the figures it states. */
export function partQuery(part: Part, reading: Reading): string {
  const names = part.subjects.map((s) => s.entity.name);
  // The clause itself too: words the lexicon reads as cues (印发, 部门) still help find the sentence.
  // A where-question's clause is its topic without the where-words (哪部分讲的): those name no sentence (where-in-report).
  // A question's clause runs to a few dozen characters; a pasted text is cut (retrieval cost grows with the query's terms).
  // An explanation's clause is searched without the words that ask for it (起到什么作用): those find sentences saying 作用 of anything.
  // 「今年专利为啥涨得稳」: a period said relative to now is the report's own year (今年 → 2020年), as the report prints it — the
  // word 今年 itself finds the one sentence that looks ahead (预计今年四季度…), not the year's figures.
  const dated = part.periods.reduce((text, p) => (p.dated ? text.split(p.text).join(p.dated) : text), part.text);
  const asked = (part.cues ?? []).reduce((text, cue) => text.split(cue).join(' '), dated);
  const clause = (part.operation === 'where' && part.topic ? part.topic : asked).slice(0, MAX_CLAUSE_QUERY_CHARS);
  const words = [...names, ...part.groups.map((g) => g.entity.name), ...part.words, part.noun ?? '', ...part.figures, clause];
  // Joined by punctuation: spaces vanish in normalisation, and a bigram across two pieces (区块链|区块链是 → 链区) matches nothing asked.
  const query = words.filter(Boolean).join('；');
  return query.length >= 2 ? query : reading.standalone;
}

/**
 * Ranks the sentences and rows of the retrieved chunks by the idf-weighted share of the part's words
 * they cover (their section heading and caption count half), the retrieval score, and what the part
 * requires of them: every subject it names and every figure it states must be in the sentence or
 * its heading.
 */
export async function rankPassages(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval, limit = PASSAGES.topK): Promise<Passage[]> {
  const query = partQuery(part, reading);
  let hits = await retrieval.search(query, limit);
  if (part.section) {
    const inSection = knowledge.chunks.filter((c) => c.kind === 'prose' && (c.sectionId === part.section || c.sectionId.startsWith(`${part.section}.`)));
    // An explanation sought within the section whose heading names its topic: the section is what was found, each of its
    // sentences a candidate alike (the one saying how or why, 有助于, need not be the one retrieval liked).
    const retrieved = part.operation === 'explain' ? [] : hits.filter((h) => inSection.includes(h.chunk));
    hits = [...retrieved, ...inSection.filter((c) => !retrieved.some((h) => h.chunk === c)).map((chunk) => ({ chunk, score: 0 }))];
  }
  const required = part.subjects.map((s) => knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2 || /[a-z0-9]/.test(f)));
  // define: the sentence that says what the subject is (「新型基础设施是以…」) answers before ones that only use it. A term no
  // entry names (区块链是啥) is defined by a sentence that opens with the words asked; a word that common is weak in retrieval,
  // so prose chunks that hold such a sentence join the candidates.
  // 「区块链公共服务平台指的是啥」: words asked one after another in the question (区块链|公共|服务平台) are one term together,
  // as the report's defining sentence opens with it (「区块链公共服务平台是…」).
  const defines = part.operation !== 'define' ? [] : required.flat().length ? required.flat() : termsAsked(part);
  if (defines.length) {
    const defining = knowledge.chunks.filter((c) => c.kind === 'prose' && !hits.some((h) => h.chunk === c)
      && defines.some((f) => compactText(c).includes(`${f}是`)) && termsOf(c, retrieval).pieces.some((p) => defines.some((f) => definition(p.form, f))));
    // Holding a sentence that defines the asked words, such a chunk is as good a candidate as the best retrieved.
    hits = [...hits, ...defining.map((chunk) => ({ chunk, score: hits[0]?.score ?? 0 }))];
  }
  // 「企业主要分布在哪几个省」 (mainly): the sentences that say where things of the noun concentrate (集中在, 聚集在, 分布于 places)
  // join the candidates — retrieval favours the words around them (主要, 分布), which many sentences share.
  const concentrated = [...mainlyPlaced(part, knowledge), ...reasonsNaming(part, knowledge)];
  if (concentrated.length) {
    const chunks = new Set(concentrated.map((p) => p.chunk).filter((c) => !hits.some((h) => h.chunk === c)));
    hits = [...hits, ...[...chunks].map((chunk) => ({ chunk, score: hits[0]?.score ?? 0 }))];
  }
  const terms = [...new Set(retrieval.analyze(query))];
  // The words that say an explanation is asked (有啥帮助) still find the passage, but a sentence using them (「帮助运营商…」)
  // covers nothing of the topic by it: they weigh nothing in coverage.
  const cueTerms = new Set(retrieval.analyze((part.cues ?? []).join(' ')));
  // 「BaaS那栏有哪些公司」 (list): the noun listed is the kind of the members asked, which a line naming them need not say.
  if (part.operation === 'list' && part.noun && part.subjects.length) {
    const forms = knowledge.lexicon.files.nouns.find((n) => n.noun === part.noun)?.forms ?? [part.noun];
    for (const term of retrieval.analyze(forms.join(' '))) cueTerms.add(term);
  }
  const weights = new Map(terms.filter((t) => !cueTerms.has(t)).map((t) => [t, retrieval.idf(t)]));
  const words = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  // 「分哪几类」: the kinds asked are a part of what is asked, covered by a sentence that says how many kinds there are.
  const kinds = part.kinds ? PASSAGES.kindsWeight * words : 0;
  const fields = part.attributes.includes('field') ? PASSAGES.kindsWeight * words : 0;
  // 「司法上有哪些应用场景」「政务服务有哪些场景」 (list): the members asked are named where an enumeration closes with the word
  // asked (「在电子存证、立案审查、知识产权保护等场景」「…等众多应用场景」), wherever retrieval ranked that sentence.
  const closing = part.operation === 'list' ? closingEnumeration(part, knowledge) : undefined;
  const total = words + kinds + fields;
  const figures = part.figures.map(compactForm);
  const previous = part.after ? knowledge.quotedLines(part.after) : undefined;
  // 「啥叫新基建」: a sentence naming a subject by another of its forms (新型基础设施, 人民银行) covers the subject's name as well.
  const aliased = new Map<string, string[]>();
  // 「央行数字货币在哪试点」: the words of every form the question names it by (央行数字货币, and 数字货币 its synonym gave) are
  // covered alike by a sentence naming it by another (「DC/EP 先行在深圳…」): the subject is one thing, however it is called.
  const said = compactForm(query);
  part.subjects.forEach((s, i) => {
    // A definition is of the form asked (「DC/EP是个啥」): only the entry's own name stands for the others there.
    const names = part.operation === 'define' ? [s.entity.name]
      : [...new Set([s.entity.name, s.text, ...required[i].filter((f) => f.length >= 2 && said.includes(compactForm(f)))])];
    for (const name of names) {
      // Its other forms only: the name itself is matched by its own words (「中国杭州区块链产业园」 holds 「杭州区块链产业园」).
      const others = required[i].filter((f) => f !== compactForm(name) && !compactForm(name).includes(f));
      for (const term of new Set(retrieval.analyze(name))) if (weights.has(term) && others.length) aliased.set(term, [...new Set([...(aliased.get(term) ?? []), ...others])]);
    }
  });
  // 「研究机构主要在哪些城市」: where a place is asked, the word asking it (城市, 地方) is answered by a sentence that names a place.
  const placeWords = new Set(retrieval.analyze(part.attributes.filter((a) => PLACE_ATTRIBUTES.has(a))
    .flatMap((a) => knowledge.lexicon.attributes.get(a)?.phrases ?? []).join(' ')));
  // (Asked where a thing is, not a ranking of places: 「数量前三的地域」 is answered by figures, not by any sentence naming a place.)
  const placeTerms = part.operation === 'lookup' ? [...weights.keys()].filter((t) => placeWords.has(t)) : [];
  // Words asked one after another (认证|中心) are one term as the sentence lists it (「三中心是认证中心、登记中心…」).
  const topic = [...required.flat(), ...termsAsked(part)].filter((w) => w.length >= 2);
  const subjectForms = required.flat().map(compactForm).filter((w) => w.length >= 2);
  // classify: the thing whose kind is asked is a word (区块链) or a subject (云计算) — one the classing sentence lists (the kind
  // noun asked, 基础设施, is not listed there).
  const named = new Set([...required.flat(), ...part.subjects.map((s) => compactForm(s.entity.name))]);
  const classified = part.classify ? part.words.map(compactForm).filter((w) => w.length >= 2 && !named.has(w)) : [];
  const listedForms = part.classify ? [...classified, ...required.flat()] : [];
  const passages: Passage[] = [];
  hits.forEach((hit, rank) => {
    const { context, pieces, heading } = termsOf(hit.chunk, retrieval);
    // An explanation is told by a paragraph: a subject its sentence does not name but its paragraph does (司法存证: 「…保证司法中
    // 上传数据的真实性」, 存证 in the next sentence) is half missing (explain).
    const paragraph = part.operation === 'explain' && hit.chunk.kind === 'prose' ? compactText(hit.chunk) : '';
    for (const piece of pieces) {
      let matched = 0;
      const placed = placeTerms.length > 0 && placeTerms.some((t) => !piece.terms.has(t)) && namesPlace(piece, knowledge);
      for (const [term, weight] of weights) {
        if (placed && placeTerms.includes(term) && !piece.terms.has(term)) {
          matched += weight;
          continue;
        }
        // For a definition the name and its other forms are one thing: the defining sentence most often uses the full form.
        const alias = part.operation === 'define' ? 1 : PASSAGES.aliasShare;
        // The whole a thing is classed in (classify: 新基建) is what the heading over the classing sentence names: covered by it in full.
        matched += piece.terms.has(term) ? weight : aliased.get(term)?.some((f) => piece.form.includes(f)) ? alias * weight
          : context.has(term) ? (part.classify ? 1 : 0.5) * weight : 0;
      }
      if (kinds && KIND_COUNT.test(piece.form)) matched += kinds;
      // 「投融资主要流向哪些领域」: fields asked are named where an enumeration closes with the word 领域 (「企业服务及金融领域」).
      if (fields && FIELD_LIST.test(piece.form)) matched += fields;
      const coverage = matched / total;
      const text = piece.form;
      const defined = defines.some((f) => definition(text, f));
      const missing = required.filter((forms) => forms.length && !forms.some((f) => text.includes(f) || heading.includes(f)))
        .reduce((sum, forms) => sum + (paragraph && forms.some((f) => paragraph.includes(f)) ? 0.5 : 1), 0)
        + figures.filter((f) => !text.includes(f)).length
        // The thing whose kind is asked (classify: 区块链 in 「区块链在新基建里属于哪一类」) is named by the sentence that classes it.
        + (part.classify ? classified.filter((w) => !text.includes(w)).length : 0);
      // An explanation or definition is told by a sentence about the thing asked: one that opens with its words (「大数据分析中心实现对…」),
      // not one naming it among others (「三中心是认证中心、登记中心和大数据分析中心」).
      // A sentence naming it only as an item of an enumeration (「信息安全、智能合约等方面」) says nothing of it in particular.
      const about = ['explain', 'define'].includes(part.operation)
        // The kind a thing belongs to (classify) is told exactly where it is named as an item (「以人工智能、云计算、区块链等为代表的…」).
        ? PASSAGES.topicBonus * opening(text, weights) / words + (part.classify ? (listedForms.some((f) => onlyListed(text, [f])) ? PASSAGES.classifiedBonus : 0)
          : onlyListed(text, topic) ? -PASSAGES.listedPenalty : 0)
        // list: 「司法领域主要在哪些方面落地」 — the members asked are enumerated where the subject is what the sentence is about, not
        // where it is one item among others (「在金融领域、政务服务、司法领域…等众多领域落地」).
        : part.operation === 'list' && subjectForms.length && onlyItem(text, subjectForms) ? -PASSAGES.listedPenalty : 0;
      const score = coverage + 0.3 * hit.score + 0.02 * (hits.length - rank) / hits.length - 0.5 * missing + about
        + (previous?.has(piece.line) && !otherPeriod(piece.text, part) ? PASSAGES.previousLine : 0)
        + (defined ? PASSAGES.definitionBonus : 0)
        + (part.operation === 'explain' && !part.classify && piece.form.match(EXPLANATORY) ? PASSAGES.explanatoryBonus : 0)
        + (part.why && piece.form.match(CAUSAL) ? PASSAGES.causalBonus : 0)
        + (closing?.test(piece.form) ? PASSAGES.closingBonus : 0);
      passages.push({ chunk: hit.chunk, text: piece.text, line: piece.line, order: piece.order, coverage: missing ? coverage * 0.5 : coverage, score });
    }
  });
  return passages.sort((a, b) => b.score - a.score || a.line - b.line);
}

/** An enumeration (compact form) closed by 等 and the kind of members the list part asks for (listed), or its last two characters (应用场景 → 场景), a
 *  quantifier or 应用 between at most (「…等众多应用场景」; not 「等众多领域落地」 for 落地). */
function closingEnumeration(part: Part, knowledge: Knowledge): RegExp | undefined {
  // Only of a subject (政务服务有哪些场景): with none, 「…等企业」 closes the kinds of firms of some segment, not the members asked.
  if ((!part.listed && !part.noun) || !part.subjects.length) return undefined;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = compactForm(part.listed ?? '');
  const listed = (word.length > 2 ? [word, word.slice(-2)] : word ? [word] : []).map(escape).join('|');
  // 「知名企业包括A、B、C」 opens the enumeration with the word asked or a form of the noun it counts (哪些大公司 → 企业).
  const nouns = part.noun ? [...formsOfNoun(part.noun, knowledge.lexicon)].filter((f) => f.length >= 2) : [];
  const opening = [...new Set([...(listed ? [listed] : []), ...nouns.map(escape)])].join('|');
  // 「…等众多应用场景」 closes it with the word asked.
  const closing = listed ? `、[^，。；,;]{1,30}等(众多|多个|几个|主要|重要|多种|各类|各种|多)?(应用|落地)?(${listed})` : '';
  return new RegExp([closing, `(${opening})(包括|主要包括|主要有|涵盖)[^，。；,;]{1,20}、`].filter(Boolean).join('|'));
}

/** A part's own words (compact, two characters or more), once each. */
function wordsAsked(part: Part): string[] {
  return [...new Set(part.words.map(compactForm).filter((w) => w.length >= 2))];
}

/** A define part's words (compact), and the run of them that stands together in its text as one longer term. */
function termsAsked(part: Part): string[] {
  const words = part.words.map(compactForm).filter((w) => w.length >= 2);
  const joined = words.join('');
  return words.length > 1 && compactForm(part.text).includes(joined) ? [joined, ...words] : words;
}

/** Every asked word a sentence (compact form) names stands as an item of an enumeration (、X, X、, X等); some are named. */
function onlyListed(text: string, words: string[]): boolean {
  // A form inside a longer one found (合约 in 智能合约) stands where the longer one does.
  const named = words.filter((w) => text.includes(w));
  const found = named.filter((w) => !named.some((o) => o.length > w.length && o.includes(w)));
  return found.length > 0 && found.every((w) => {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      if (!(text[at - 1] === '、' || /^[、等]/.test(text.slice(at + w.length)))) return false;
    }
    return true;
  });
}

/**
 * Every subject form a sentence (compact form) names stands as an item of an enumeration: after 、, before 、 or 等, or after the
 * 和/及/与 that closes one (「金融、政务服务和司法领域」); some are named.
 */
function onlyItem(text: string, forms: string[]): boolean {
  const named = forms.filter((w) => text.includes(w));
  const found = named.filter((w) => !named.some((o) => o.length > w.length && o.includes(w)));
  return found.length > 0 && found.every((w) => {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      const closing = /[和及与]/.test(text[at - 1] ?? '') && /、[^，。；]*$/.test(text.slice(0, at - 1));
      if (!(text[at - 1] === '、' || /^[、等]/.test(text.slice(at + w.length)) || closing)) return false;
    }
    return true;
  });
}

/** The weight of the asked words a sentence (compact form) opens with, one after another. */
function opening(text: string, weights: ReadonlyMap<string, number>): number {
  let at = 0;
  let weight = 0;
  for (;;) {
    let next = '';
    for (const term of weights.keys()) if (!term.startsWith('b:') && term.length > next.length && text.startsWith(term, at)) next = term;
    if (!next) return weight;
    weight += weights.get(next)!;
    at += next.length;
  }
}

/**
 * follow-up 「那2020年上半年呢」 after 「2019年前五是哪几个省」: a sentence the conversation quoted that states only other
 * periods than the part asks is where the turn before stood, not where this one does (no weight for having been quoted).
 */
function otherPeriod(text: string, part: Part): boolean {
  if (!part.periods.length) return false;
  const stated = findPeriods(text);
  return stated.length > 0 && !stated.some((s) => part.periods.some((p) => s.from <= p.to && p.from <= s.to));
}

/**
 * What a sentence says when it explains (explain): what a thing does or is for (作用, 有助于, 能够), why (由于, 因此, 致使, 受…影响),
 * what it solves (解决, 痛点) — the report's own explanatory wording, not the question's.
 */
const EXPLANATORY = /作用|有助于|能够|可以|意义|(?<!存)在于|由于|因为|因此|从而|解决|痛点|优势|目的是|旨在|为了|致使|导致|受[^。，；]{0,12}影响/;

/**
 * A sentence (compact form) that opens with an asked word as what acts and says what it can do (「区块链技术能将…记录上链」,
 * 「利用区块链…可以…」): it tells what the thing brings, which an explanation of why it suits a use asks.
 */
function agentive(text: string, words: readonly string[]): boolean {
  const body = text.replace(/^(利用|通过|借助|基于|运用|依托)/, '');
  return words.some((w) => body.startsWith(w) && AGENT_MODAL.test(body.slice(w.length)));
}

const INSTRUMENTS = ['利用', '通过', '借助', '运用', '依托'];

/** A sentence (compact form) that opens with an asked word acting, said with what it can do (agentive) or by what it is done (「通过区块链技术，将…」). */
function acting(text: string, words: readonly string[]): boolean {
  return agentive(text, words) || INSTRUMENTS.some((i) => text.startsWith(i) && words.some((w) => text.startsWith(w, i.length)));
}

/** What follows an acting subject (and a few words naming it: 技术, 的特性) when the sentence says what it can do. */
const AGENT_MODAL = /^[^，。；]{0,4}?(能够|(?<!赋)能(?!力|源|耗)|可以|可(?!信|靠|控)|有助于)/;

/** A sentence that opens by pointing back at the one before for its cause (这是由于, 这主要是因为). */
const ANAPHORIC = /^(这|此)(是|主要是|也是)?(由于|因为)/;

/** What a sentence says when it gives a reason or purpose (why): 由于, 因为, 是…的需要, 为了, 旨在, 致使, 受…影响 — the report's wording. */
const CAUSAL = /由于|因为|因此|所以|的需要|满足了?[^。，；]{0,20}需求|为了|旨在|目的是|原因|致使|导致|受[^。，；]{0,12}影响|得益于|(大环境|背景|推动|带动|影响|支持)下|随着[^。；]{0,60}(之后|以来)[，,]/;
/** A circumstance a thing came about under (在政府大力支持下): a cause only right before the sentence a why found (not scored). */
const CIRCUMSTANCE = /(支持|扶持|推动|带动|引导)下[，,]/;

/**
 * A sentence (compact form) that says how many kinds a thing has (「可分为四大类」「包括3个方面」「主要有两大类」) or names
 * them closing with the kind word (「集中在工业互联网平台、工业供应链管理和安全等方面」).
 */
const KIND_COUNT = /(分为|分成|包括|主要有|有|共)[^。，；]{0,4}[一二三四五六七八九十两\d]+(大)?(类|种|个方面|方面|大块|部分)|、[^，。；]{1,30}等(几个|主要|重要)?方面/;

/** A sentence (compact form) naming fields: an enumeration closing with 领域 (「企业服务、电子商务等领域」「企业服务及金融领域」). */
const FIELD_LIST = /[、及和与][^，。；、]{1,12}(等)?(领域|行业)/;

/** The answer quotes a sentence that says how many kinds there are or names them (KIND_COUNT). */
export function statesKinds(answer: PartAnswer): boolean {
  return answer.claims.some((c) => c.sources.some((s) => KIND_COUNT.test(compactForm(s.quote))));
}

/** An item of a numbered enumeration in prose (「一是企业核心技术持续迭代升级。」). */
const NUMBERED_ITEM = /^[一二三四五六七八九十]是/;

/**
 * 「企业核心竞争力体现在哪些方面」 (kinds): the section whose heading holds every word of the part (企业核心竞争力不断增强) names
 * its aspects as the items it numbers (一是…，二是…): those items, each cited. Null when no heading holds them all, or its
 * section numbers fewer than two items.
 */
export function itemsOfSection(part: Part, knowledge: Knowledge): PartAnswer | null {
  const words = part.words.map(withoutReportTopic).filter((w) => w.length >= 2 && w !== '区块链' && !knowledge.lexicon.isFunctionWord(w));
  if (!words.length || part.subjects.length || part.table) return null;
  let found: { id: string; level: number } | undefined;
  for (const section of knowledge.sections.values()) {
    const heading = compactForm(section.title);
    if (words.every((w) => heading.includes(w)) && (!found || section.level > found.level)) found = { id: section.id, level: section.level };
  }
  if (!found) return null;
  const [run] = numberedRuns(found.id, knowledge);
  return run ? runAnswer(run, part.words) : null;
}

/** A sentence whose clause after a comma or colon opens a numbered enumeration (「…来看，一是…」). */
const FIRST_ITEM_INSIDE = /[，,：:]一是/;

/** The item sentences (一是…, 二是…) of a section, in runs numbered one after another from 一; only runs of two items or more. */
function numberedRuns(sectionId: string, knowledge: Knowledge): ReturnType<typeof prosePieces>[] {
  const runs: ReturnType<typeof prosePieces>[] = [];
  for (const piece of prosePieces(knowledge)) {
    if (piece.chunk.sectionId !== sectionId) continue;
    // The first item may open inside the sentence that leads to it (「从…内容上来看，一是工业和信息化部主推…」).
    const index = NUMBERED_ITEM.test(piece.form) ? ITEM_NUMERALS.indexOf(piece.form[0]) : FIRST_ITEM_INSIDE.test(piece.form) ? 0 : -1;
    if (index < 0) continue;
    const run = runs[runs.length - 1];
    if (index === 0) runs.push([piece]);
    else if (run && run.length === index) run.push(piece);
  }
  return runs.filter((run) => run.length >= 2);
}

/**
 * 「数据作为生产要素的作用有哪几点」「赋能实体经济体现在哪几个方面」 (kinds): the sentence that fits best stands before an
 * enumeration its section numbers over paragraphs of their own (一是…。…二是…。…三是…): the aspects asked are those items,
 * each item's own sentence quoted. The run the best sentence opens, heads, or stands before; the sentences inside an item's
 * paragraph (after its head) say something of that item alone, and are no cue. Null when none fits.
 */
export async function itemsAfterBest(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer | null> {
  if (!part.kinds || part.operation !== 'list' || part.table) return null;
  const [best] = (await rankPassages(part, reading, knowledge, retrieval)).filter((p) => p.chunk.kind === 'prose' && !/^图/.test(p.chunk.source ?? ''));
  // The numbered run is evidence of its own that aspects are listed: a sentence covering less than an answer needs will do.
  if (!best || best.coverage < PASSAGES.minCoverage * PASSAGES.itemsCoverageShare) return null;
  const form = compactForm(best.text);
  // A sentence that names the kinds itself (「可分为四大类：…」) answers as it is.
  if (KIND_COUNT.test(form) && !/[一二三四五六七八九十]是/.test(form)) return null;
  const runs = numberedRuns(best.chunk.sectionId, knowledge);
  // Inside an item's paragraph, after its head: about that item — unless the section's heading names what is asked (数据…生产要素:
  // the aspects of the section's topic are its items).
  const heads = runs.flat();
  const head = heads.some((h) => h.chunk === best.chunk && h.order === best.order);
  const heading = compactForm(best.chunk.section);
  const ofSection = wordsAsked(part).some((w) => w !== '区块链' && heading.includes(w));
  if (!head && !ofSection && heads.some((h) => h.chunk === best.chunk && h.order < best.order)) return null;
  const run = runs.find((r) => r.some((h) => h.chunk === best.chunk && h.order === best.order)) ?? runs.find((r) => r[0].line >= best.line);
  if (!run) return null;
  return runAnswer(run, part.words);
}

/** The items of a numbered run, each from its numeral on (the first one's leading words aside), each cited at its sentence. */
function runAnswer(run: ReturnType<typeof prosePieces>, words: string[]): PartAnswer {
  const fromNumeral = (text: string) => {
    const at = text.search(/(\*\*)?一是/);
    return (at > 0 && !NUMBERED_ITEM.test(compactForm(text)) ? text.slice(at) : text).trim();
  };
  return answered(run.map((item, i) => ({ text: trim(fromNumeral(item.text).replace(/[。；;]$/, ''), words), sources: [sourceOf({ ...item, coverage: 0, score: 0 })],
    end: i === run.length - 1 ? '。' : '；' })));
}

/** A sentence (compact form) that defines a term: it opens with the term followed by 是/指/即, or says 所谓 term. */
function definition(text: string, form: string): boolean {
  return (text.startsWith(form) && /^(是|指|即|就是|作为|，是)/.test(text.slice(form.length))) || text.includes(`所谓${form}`) || text.includes(`${form}是指`);
}

/** A clause that is only a date (「2019年10月，」「2020 年 6 月，」). */
const BARE_DATE = /^(?=[^，,]*\d)\s*((19|20)\d{2}\s*年)?\s*(\d{1,2}\s*月)?\s*(\d{1,2}\s*日)?(底|初|末|中旬|上旬|下旬)?\s*[，,]$/;

/** Keeps the clause window of a long sentence that holds the most of the part's words (whole clauses, verbatim); a window
 *  holding `wanted` (a document's 《title》 when one is asked) before any other. */
function trim(text: string, words: string[], wanted?: RegExp): string {
  if (text.length <= PASSAGES.maxClauseChars) return text;
  // What a colon announces (「分布于四大聚集区：以北京、山东为主的环渤海聚集区，…以及…湘黔渝聚集区」), up to the next 「；」, is one
  // clause: its items are quoted together or not at all.
  const clauses: string[] = [];
  let announced = false;
  let open = false;
  for (const clause of clausesOf(text, /[，,；;：:]/)) {
    if (open && clauses[clauses.length - 1].length + clause.length <= PASSAGES.maxClauseChars) clauses[clauses.length - 1] += clause;
    else {
      clauses.push(clause);
      open = announced;
    }
    announced = /[：:]$/.test(clause);
    if (announced || /[；;]$/.test(clause)) open = false;
  }
  let best = { score: -1, from: 0, to: clauses.length };
  for (let from = 0; from < clauses.length; from++) {
    let length = 0;
    for (let to = from; to < clauses.length; to++) {
      length += clauses[to].length;
      if (length > PASSAGES.maxClauseChars && to > from) break;
      const window = clauses.slice(from, to + 1).join('');
      // A figure with its counter or unit (「12 个」「5 项」) answers more than a date or a serial number does; words are
      // compared in compact form (「p3801」), the quote keeps the report's own case and spacing.
      const score = words.filter((w) => compactForm(window).includes(compactForm(w))).length * 10 + (/\d\s*(个|家|项|所|条|件|笔|亿|万|%)/.test(window) ? 3 : /\d/.test(window) ? 2 : 0) - (to - from) * 0.1
        + (wanted?.test(window) ? 100 : 0)
        // 「…分布于四大聚集区：以北京、山东为主的环渤海聚集区，…」: a window that stops at a colon cuts off what it announces.
        - (/[：:]$/.test(clauses[to]) && to + 1 < clauses.length ? PASSAGES.announcingCut : 0);
      if (score > best.score) best = { score, from, to: to + 1 };
    }
  }
  // A bare date the sentence opens with (「2019年10月，」) says when the window's clauses happened: it stays with them.
  if (best.from > 0 && BARE_DATE.test(clauses[best.from - 1])) best.from--;
  const window = clauses.slice(best.from, best.to).join('').replace(/[，,；;：:]$/, '');
  return best.from > 0 ? window.replace(/^(并且|而且|同时|且|并|而|及)/, '') : window;
}

/** A sentence that opens by saying what its subject means without naming it (「主要是指…」「是指…」): the one before names it. */
const SUBJECTLESS = /^(\*\*)?(主要|这)?(是指|指的是)/;

/**
 * A label that opens a list on the lines after it (「指导单位：（排名不分先后）」), its note in brackets aside (list); a short
 * line that is only a name and its bracketed note (「编写人员（排名不分先后）」) labels the lines after it as well.
 */
const LABEL = /[：:]\s*(（[^）]*）)?\s*$|^[^，。；,;：:（）\s]{2,12}（[^）]*）$/;
const ENUMERATION_START = new RegExp(`(一是|首先|第一)[^。；]*[。；]?$|包括\\s*\\d+\\s*个|以下(几|\\d)|${LABEL.source}`);
const ENUMERATION_ITEM = /^(\*\*)?([二三四五六七八九十]是|其次|再次|最后|第[二三四五六七八九十])/;

const explain0 = (part: Part, reading: Reading) => ['explain', 'define'].includes(part.operation) || Boolean(reading.elaborate);

function sourceOf(passage: Passage) {
  return { chunkId: passage.chunk.id, quote: passage.text, line: passage.line, section: passage.chunk.section,
    ...(passage.chunk.source ? { source: passage.chunk.source } : {}) };
}

/** Lines a sentence a page break splits runs on for, past the line it starts on (the break leaves blank lines between). */
const PAGE_BREAK_LINES = 6;

/**
 * A sentence a page break splits (「…分布于四大聚集区：以北京、」 382, 「山东为主的环渤海聚集区，…」 385) is cited at its start and,
 * for what is quoted of it, at the last line the quote runs on — as a figure is cited at the line that prints it.
 */
function continuedSource(passage: Passage, text: string, knowledge: Knowledge): ReturnType<typeof sourceOf>[] {
  if (passage.chunk.kind !== 'prose') return [];
  const lines = [...knowledge.quotedLines(text)].filter((line) => line > passage.line && line <= passage.line + PAGE_BREAK_LINES);
  if (!lines.length) return [];
  const line = Math.max(...lines);
  const quote = knowledge.lineText(line).trim().replace(/(?<=。)[^]*$/, '');
  return quote ? [{ ...sourceOf(passage), quote, line }] : [];
}

/**
 * Answers a part from the report's sentences: the best sentence for a fact or a definition, it and
 * the sentences that follow it for an explanation, an enumeration read on to its last item for a list —
 * each sentence quoted (long ones cut to the clauses that answer) and cited. Null when nothing covers
 * enough of the part.
 */
export const PLACE_ATTRIBUTES: ReadonlySet<string> = new Set(['city', 'region', 'province']);

/** A passage names a city or a region (other than the country as a whole). */
function namesPlace(passage: { text: string }, knowledge: Knowledge): boolean {
  return knowledge.lexicon.mentions(compactForm(passage.text)).some((m) => m.entity.kind === 'city' || m.entity.kind === 'region');
}

export async function answerFromPassages(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval, minCoverage = PASSAGES.minCoverage,
  within?: ReadonlySet<number>): Promise<PartAnswer | null> {
  // `within`: only these lines may answer (a follow-up picking one of the lines the previous answer quoted).
  // A figure's printed lines (图2-2: a segment and its firms) list names; they explain or define nothing.
  const listsOnly = (p: Passage) => explain0(part, reading) && p.chunk.kind === 'prose' && /^图/.test(p.chunk.source ?? '');
  const ranked = (await rankPassages(part, reading, knowledge, retrieval)).filter((p) => (!within || within.has(p.line)) && !listsOnly(p));
  let best = ranked[0];
  if (!best) return null;
  let unnamedReason = false;
  // follow-up (为啥这么多 after a figure): within the section the figure was quoted from, the sentence that says why, of the
  // subjects asked, tells it — the section's best-scored sentence may only restate the figure.
  if (part.ofAnswer && part.section) {
    const forms = part.subjects.map((s) => knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2 || /[a-z0-9]/.test(f)));
    const names = (p: Passage) => forms.every((f) => f.some((form) => compactForm(p.text).includes(form)));
    const told = ranked.find((p) => p.chunk.kind === 'prose' && names(p) && EXPLANATORY.test(compactForm(p.text)));
    if (told) best = told;
    // 「为啥这么少」 after a row's figure (宁夏 0 家): where no sentence of the section names the subject, the one that says why
    // the figures stand as they do (这是由于…) tells it; the row only restates the figure.
    else if (best.chunk.kind !== 'prose' || !names(best)) {
      const reason = ranked.find((p) => p.chunk.kind === 'prose' && CAUSAL.test(compactForm(p.text)));
      if (reason) {
        best = reason;
        unnamedReason = true;
      }
    }
  }
  // Prose list: the items asked for are where the report enumerates them — a near-best sentence that opens an
  // enumeration (or, kinds asked, says how many there are: 「可分为四大类：…」) answers 「有哪几类」 better than one that
  // merely mentions the topic.
  // 「有哪些应用场景」: an enumeration closed by the word asked (「…等场景」) opens the list as well.
  const closing = part.operation === 'list' ? closingEnumeration(part, knowledge) : undefined;
  const opens = (p: Passage) => ENUMERATION_START.test(p.text) || (part.kinds === true && KIND_COUNT.test(compactForm(p.text))) || Boolean(closing?.test(compactForm(p.text)));
  if (part.operation === 'list' && !opens(best)) {
    const opener = ranked.find((p) => p.chunk.kind === 'prose' && p.coverage >= best.coverage && p.score >= PASSAGES.enumerationShare * best.score
      && opens(p) && !LABEL.test(p.text));
    if (opener) best = opener;
  }
  // 「为啥京粤这些地方搞区块链的企业特别多」: a sentence giving a reason (这是由于…) of every subject asked answers a why, though the
  // question's everyday words (这些地方, 特别) leave much of it uncovered.
  const reasonOfSubjects = part.why && part.subjects.length > 0 && best.chunk.kind === 'prose' && CAUSAL.test(compactForm(best.text))
    && part.subjects.every((s) => knowledge.lexicon.formsOf(s.entity.id).some((f) => (f.length >= 2 || /[a-z0-9]/.test(f)) && compactForm(best.text).includes(f)));
  if (best.coverage < (reasonOfSubjects ? minCoverage * PASSAGES.reasonCoverageShare : minCoverage)) return null;
  // 「在哪试点」: where something is asked (a place), a sentence that names places answers; one naming none only mentions it.
  if (part.attributes.some((a) => PLACE_ATTRIBUTES.has(a)) && part.operation === 'lookup' && !namesPlace(best, knowledge)) {
    // A follow-up's sentence on a line the answer before quoted (「先在哪些地方试点」 after DC/EP's date, 1238) lacks the words it
    // inherited only because they were said there already: its place in the ranking, not its coverage, is its fit.
    const quoted = part.after ? knowledge.quotedLines(part.after) : undefined;
    const fits = (p: Passage) => p.coverage >= PASSAGES.placeShare * best.coverage || (quoted?.has(p.line) === true && p.score >= PASSAGES.placeShare * best.score);
    const placed = ranked.find((p) => fits(p) && namesPlace(p, knowledge));
    if (placed) best = placed;
  }
  // An explanation is told in prose: a table row (one case) gives way to a sentence that explains (EXPLANATORY) and covers nearly as much of the part.
  if (part.operation === 'explain' && best.chunk.kind !== 'prose') {
    const prose = ranked.find((p) => p.chunk.kind === 'prose' && p.coverage >= PASSAGES.explainProseShare * best.coverage && EXPLANATORY.test(compactForm(p.text)));
    if (prose) best = prose;
  }
  // 「区块链咋解决善款去向不明的问题」 (how): what a thing asked does is told where it acts — a sentence of the best one's section
  // that opens with it (「区块链技术能将…」「通过区块链技术，将…」) — not where the problem it meets is stated or a case is listed.
  const actors = wordsAsked(part);
  if (part.operation === 'explain' && !part.why && !part.classify && !acting(compactForm(best.text), actors)) {
    const acts = ranked.find((p) => p.chunk.kind === 'prose' && p.chunk.sectionId === best.chunk.sectionId && acting(compactForm(p.text), actors)
      && p.score >= PASSAGES.followerShare * 0.5 * best.score);
    if (acts) best = acts;
  }
  // 「为啥产业规模增速放缓了」 (why): a sentence giving a reason about the thing asked (由于疫情…对区块链产业…规模达到) answers
  // before one that shares the words of the change said (放缓) but is about another thing (智慧城市支出规模的增速…放缓).
  const about = part.why ? topicTerms(part, knowledge, retrieval) : [];
  const tells = (p: Passage) => about.every((t) => compactForm(p.text).includes(t));
  if (about.length && !tells(best)) {
    // What the thing asked can do (agentive: 「区块链技术能将…记录上链」) is the reason it is used, as in the rule below.
    const reason = ranked.find((p) => p.chunk.kind === 'prose' && (CAUSAL.test(compactForm(p.text)) || agentive(compactForm(p.text), wordsAsked(part))) && tells(p)
      && p.score >= PASSAGES.reasonScoreShare * best.score);
    if (reason) best = reason;
  }
  // 「国家为什么要发行DC/EP」 (why): a sentence that gives a reason (是…的需要) and nearly matches the best one answers before it.
  // 「为啥区块链适合做公益」: what the thing asked can do (「区块链技术能将…记录上链」, agentive) is the reason it suits the use.
  if (part.why && !CAUSAL.test(compactForm(best.text)) && !agentive(compactForm(best.text), actors)) {
    const reason = ranked.find((p) => p.chunk.kind === 'prose' && (CAUSAL.test(compactForm(p.text)) || agentive(compactForm(p.text), actors))
      && p.score >= PASSAGES.followerShare * best.score && p.coverage >= PASSAGES.followerShare * best.coverage);
    // 「为什么广东的区块链企业最多」: a sentence giving a reason (这是由于…) of every subject asked tells why, where the best one only
    // restates the figure — though it says the subjects' figure in words of its own (沿海地区…发展超前), covering less of the part.
    const forms = part.subjects.map((s) => knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2 || /[a-z0-9]/.test(f)));
    const ofSubjects = forms.length > 0 ? ranked.find((p) => p.chunk.kind === 'prose' && CAUSAL.test(compactForm(p.text))
      && forms.every((f) => f.some((form) => compactForm(p.text).includes(form)))
      && p.score >= PASSAGES.reasonScoreShare * best.score && p.coverage >= PASSAGES.minCoverage * PASSAGES.reasonCoverageShare) : undefined;
    if (reason ?? ofSubjects) best = (reason ?? ofSubjects)!;
  }
  // 「美国的区块链政策怎么样」 (explain): a place's thing asked (政策) is what the sentence must say of it, not only the place
  // (「…仅次于美国」 says nothing of its 政策).
  if (part.operation === 'explain' && part.noun && part.subjects.length && part.subjects.every((s) => ['region', 'city'].includes(s.entity.kind))) {
    const nouns = [...formsOfNoun(part.noun, knowledge.lexicon)].filter((f) => f.length >= 2);
    if (nouns.length && !nouns.some((f) => compactForm(`${best.text}${best.chunk.section}${best.chunk.source ?? ''}`).includes(f))) return null;
  }
  // 「日本区块链政策怎么样」: a sentence that names none of the subjects (nor does its heading) is about something else.
  const named = (forms: string[]) => forms.some((f) => compactForm(best.text).includes(f) || compactForm(`${best.chunk.section}${best.chunk.source ?? ''}`).includes(f));
  if (!unnamedReason && part.subjects.some((s) => !named(knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2 || /[a-z0-9]/.test(f))))) return null;
  const explain = explain0(part, reading);
  // The kind a thing is classed in (classify) is one sentence: the one that names it among the kind's items.
  // A list answered by the enumeration closed by the word asked (「…等场景」) is that sentence.
  const limit = reading.elaborate ? 4 : part.classify || (part.operation === 'list' && closing?.test(compactForm(best.text))) ? 1 : part.operation === 'explain' ? PASSAGES.explainSentences : part.operation === 'list' ? PASSAGES.listSentences
    : part.operation === 'define' ? 2 : PASSAGES.factSentences;
  const chosen: Passage[] = [best];
  const same = (p: Passage) => p.chunk.id === best.chunk.id;
  // 「投融资为啥增速放缓」 (why): a sentence giving the reason (受疫情影响…) answers; the sentences after it that give none (the
  // table they introduce, what the firms invested) are no part of the reason — unless one states the thing asked about itself
  // (covering more of the part than the reason: 「二是农业农村部持续在政策上发力…」 before 「为了贯彻落实…」).
  const reasonOnly = (p: Passage) => Boolean(part.why) && CAUSAL.test(compactForm(best.text)) && ((!CAUSAL.test(compactForm(p.text)) && p.coverage <= best.coverage)
    // A reason given elsewhere is one of the things asked about only where it names them (「智慧城市…增速…受疫情影响」 is not 投融资's).
    || (!same(p) && whyNoun.length > 0 && !whyNoun.some((f) => compactForm(p.text).includes(f))));
  const whyNoun = part.why && part.noun ? [...formsOfNoun(part.noun, knowledge.lexicon)].filter((f) => f.length >= 2) : [];
  // 「区块链在司法里为啥好用」: the sentence just before the best one in its paragraph that also explains (「…的特性，可以从源头上
  // 保证…真实性」 before 「…具有…的优势」) opens the explanation, on the terms a sentence after it joins (explain).
  if (part.operation === 'explain' && best.chunk.kind === 'prose') {
    const before = ranked.find((p) => same(p) && p.order === best.order - 1);
    // 「专利为啥平稳增长」 (why): the sentence just before that says under what it came about (在政府大力支持下…) opens the reason.
    if (before && before.score >= PASSAGES.followerShare * 0.5 * best.score && (EXPLANATORY.test(compactForm(before.text))
      || (part.why && (CAUSAL.test(compactForm(before.text)) || CIRCUMSTANCE.test(compactForm(before.text)))))) chosen.unshift(before);
    // A sentence that opens by pointing back for its cause (「这是由于…」) explains the one before it — which may end the
    // section's chunk before — and is read with it.
    else if (ANAPHORIC.test(compactForm(best.text))) {
      const previous = before ?? sentenceBefore(best, knowledge);
      if (previous) chosen.unshift(previous);
    }
  }
  if (explain && best.chunk.kind === 'prose') {
    for (const next of ranked.filter((p) => same(p) && p.order > best.order).sort((a, b) => a.order - b.order)) {
      if (chosen.length >= limit || next.order > chosen[chosen.length - 1].order + 1) break;
      if (next.score >= PASSAGES.followerShare * 0.5 * best.score && !reasonOnly(next)) chosen.push(next);
    }
  }
  // 「上中下游分别是干啥的」: the later sentences of the best one's paragraph that each name an asked word no chosen sentence
  // names yet (上游…；中游…；下游…) complete a list or an explanation.
  let completed = 0;
  if (['list', 'explain'].includes(part.operation) && !part.classify && best.chunk.kind === 'prose') {
    const asked = wordsAsked(part);
    const unnamed = (piece: { text: string }) => asked.filter((w) => compactForm(piece.text).includes(w) && !chosen.some((c) => compactForm(c.text).includes(w)));
    for (const piece of piecesOf(best.chunk).filter((p) => p.order > best.order).sort((a, b) => a.order - b.order)) {
      if (chosen.length >= PASSAGES.completingSentences) break;
      if (chosen.some((c) => same(c) && c.order === piece.order) || !unnamed(piece).length) continue;
      chosen.push(ranked.find((p) => same(p) && p.order === piece.order) ?? { chunk: best.chunk, ...piece, coverage: 0, score: 0 });
      completed++;
    }
  }
  // An enumeration opened by the best sentence or by one read after it (「…发挥了重要作用。利用…，一是…；二是…；三是…」)
  // is read on to its last item.
  const opener = chosen.find((p) => p.chunk.kind === 'prose' && ENUMERATION_START.test(p.text));
  if (opener) {
    const items = piecesOf(opener.chunk).filter((p) => p.order > opener.order);
    let next = opener.order + 1;
    for (const item of items) {
      if (chosen.length >= 8 || item.order > next + 1 || (LABEL.test(opener.text) && LABEL.test(item.text))) break;
      if (!ENUMERATION_ITEM.test(item.text) && !LABEL.test(opener.text)) continue;
      const passage = ranked.find((p) => p.chunk.id === opener.chunk.id && p.order === item.order) ?? { chunk: opener.chunk, ...item, coverage: 0, score: 0 };
      if (!chosen.includes(passage)) chosen.push(passage);
      next = item.order + 1;
    }
  }
  // Sentences that completed the paragraph take no room from the other passages that answer.
  for (const candidate of ranked.slice(1)) {
    if (chosen.length - completed >= limit) break;
    if (chosen.some((c) => c.chunk.id === candidate.chunk.id && c.order === candidate.order)) continue;
    if (part.operation === 'lookup' && !reading.elaborate) break;
    // A sentence of another topic that shares a few words (大数据 … 分析) is no part of the answer: it covers nearly as much as the best one.
    if (candidate.chunk.kind === 'prose' && candidate.score >= PASSAGES.followerShare * best.score && candidate.coverage >= PASSAGES.followerShare * best.coverage
      && !reasonOnly(candidate)) chosen.push(candidate);
  }
  // 「主要是指…新技术基础设施」: a sentence that opens by saying what its (unsaid) subject means is read with the sentence before
  // it that names the subject (「…一是信息基础设施。」).
  for (const passage of [...chosen]) {
    if (passage.chunk.kind !== 'prose' || !SUBJECTLESS.test(passage.text)) continue;
    const before = piecesOf(passage.chunk).find((p) => p.order === passage.order - 1);
    if (before && !chosen.some((c) => c.chunk.id === passage.chunk.id && c.order === before.order)) {
      chosen.push(ranked.find((p) => p.chunk.id === passage.chunk.id && p.order === before.order) ?? { chunk: passage.chunk, ...before, coverage: 0, score: 0 });
    }
  }
  chosen.sort((a, b) => (a.chunk.id === b.chunk.id ? a.order - b.order : a.line - b.line));
  // The attribute asked (牵头, 主导) marks the clause that answers it as much as the topic's words do.
  const asked = part.attributes.flatMap((a) => knowledge.lexicon.attributes.get(a)?.phrases ?? []).filter((w) => w.length >= 2 && !/[谁哪啥什么多少几吗]/.test(w));
  const words = [...part.subjects.map((s) => s.entity.name), ...part.words, ...asked];
  // 「…是在哪份文件中」: the title asked is the clause that prints it in 《》.
  const wanted = part.attributes.includes('title') ? /《[^》]+》/ : undefined;
  const claims: Claim[] = chosen.map((passage) => {
    // 「东软在报告里算啥角色」: a bare item of a labelled list (the front matter's 联合发布单位：… 东软集团) says nothing by itself:
    // the label it stands under says what the item is.
    const label = LABEL.test(passage.text) || chosen.some((c) => LABEL.test(c.text)) ? null : listLabelOf(passage, knowledge);
    if (label) return { text: `${label.text.replace(LABEL, '')}：${passage.text}`, sources: [sourceOf(label), sourceOf(passage)] };
    const text = chosen.length === 1 && !explain ? trim(passage.text, words, wanted) : passage.text.length > 2 * PASSAGES.maxClauseChars ? trim(passage.text, words, wanted) : passage.text;
    return { text, sources: [sourceOf(passage), ...continuedSource(passage, text, knowledge)] };
  });
  // 「监管沙盒是啥」: a term the report only uses (「监管沙盒持续扩容」) is said to be undefined before the sentences that use it.
  // 「BaaS是什么」: a technology the lexicon names is undefined alike when no form of it is glossed anywhere.
  const domain = part.subjects.length === 1 && part.subjects[0].entity.kind === 'domain' ? part.subjects[0].entity : undefined;
  const undefinedTerm = part.operation !== 'define' ? null : !part.subjects.length ? usedOnly(termsAsked(part)[0] ?? '', compactForm(part.text), (part.cues ?? []).map(compactForm), chosen, knowledge)
    : domain && !part.words.length ? domainUsedOnly(knowledge.lexicon.formsOf(domain.id), chosen, knowledge) : null;
  if (undefinedTerm) claims.unshift({ text: `报告没有给出「${undefinedTerm}」的定义，只是在下面提到它`, sources: [], end: '：' });
  return answered(claims);
}

/**
 * What a why-question is about, as words a sentence about it says: the subjects' names and the part's words (cut into the
 * report's words: 产业规模 → 产业, 规模), without the change asked about (放缓, 增长: `change` function words) or the report's topic.
 */
function topicTerms(part: Part, knowledge: Knowledge, retrieval: Retrieval): string[] {
  const words = part.words.filter((w) => !knowledge.lexicon.isFunctionWord(w, 'change') && compactForm(w) !== REPORT_TOPIC);
  const terms = retrieval.analyze(words.join(' ')).filter((t) => !t.startsWith('b:') && t.length >= 2 && t !== REPORT_TOPIC
    && !knowledge.lexicon.isFunctionWord(t, 'change') && !knowledge.lexicon.isFunctionWord(t));
  return [...new Set(terms)];
}

/** A technology's form as the chosen sentences print it, when the report glosses none of its forms; null when it glosses one. */
function domainUsedOnly(forms: string[], chosen: Passage[], knowledge: Knowledge): string | null {
  const report = reportText(knowledge);
  const named = forms.filter((f) => (f.length >= 2 || /[a-z0-9]/.test(f)) && usesTerm(report, f));
  if (!named.length || named.some((f) => glossedTerm(report, f))) return null;
  for (const form of named) {
    const printed = chosen.map((p) => printedSpan(p.text, form)).find((s) => s !== null);
    if (printed) return printed;
  }
  return null;
}

/** The asked term as the chosen sentences print it, when the report never says what it is (define); null when it does. */
function usedOnly(asked: string, question: string, cues: readonly string[], chosen: Passage[], knowledge: Knowledge): string | null {
  // The segmenter may leave a character of the term out (零 of 零知识证明, T of T-Bridge): the term is the longest run of the
  // question around the asked word that the chosen sentences print as well — not into the words that ask (区块链|是啥: 「区块链是…」).
  const texts = chosen.map((p) => compactForm(p.text));
  const holds = (run: string) => texts.some((t) => t.includes(run));
  let from = question.indexOf(asked);
  if (asked.length < 2 || from < 0 || !holds(asked)) return null;
  let to = from + asked.length;
  while (from > 0 && holds(question.slice(from - 1, to))) from--;
  while (to < question.length && holds(question.slice(from, to + 1))) to++;
  // 「一币是指什么」「区块链是啥」: the run may end inside the words that ask (是指什么, 是啥), which the sentence prints next as its
  // gloss: it is cut where such words begin. Words of the reading's cues that stand wholly inside the run (公证人机制) are the term's.
  for (const cue of cues) {
    for (let at = question.indexOf(cue, from + 1); at >= 0 && at < to; at = question.indexOf(cue, at + 1)) if (at + cue.length > to) to = at;
  }
  const term = question.slice(from, to);
  const printed = chosen.map((p) => printedSpan(p.text, term)).find((s) => s !== null);
  return printed && !glossedTerm(reportText(knowledge), term) ? printed : null;
}

/** A bare list item is a short line with no clause punctuation (a name). */
const BARE_ITEM = /^[^，。；,;：:]{1,40}$/;
/** How many lines above an item its list's label may stand. */
const MAX_LIST_ITEMS = 24;
const chunkIndexes = new WeakMap<readonly Chunk[], Map<string, number>>();

/**
 * The label line a bare list item stands under (「联合发布单位：（排名不分先后）」 above 「东软集团」), read back over the other
 * bare items of its list, into the chunks before it in the same section; null when the line is no item of a labelled list.
 */
function listLabelOf(passage: Passage, knowledge: Knowledge): Passage | null {
  if (passage.chunk.kind !== 'prose' || !BARE_ITEM.test(passage.text)) return null;
  let indexes = chunkIndexes.get(knowledge.chunks);
  if (!indexes) chunkIndexes.set(knowledge.chunks, (indexes = new Map(knowledge.chunks.map((c, i) => [c.id, i]))));
  let at = indexes.get(passage.chunk.id);
  let chunk = passage.chunk;
  let pieces = piecesOf(chunk).filter((p) => p.order < passage.order);
  for (let seen = 0; seen < MAX_LIST_ITEMS;) {
    const piece = pieces.pop();
    if (!piece) {
      const previous = at === undefined ? undefined : knowledge.chunks[at - 1];
      if (!previous || previous.kind !== 'prose' || previous.sectionId !== chunk.sectionId) return null;
      at = at! - 1;
      chunk = previous;
      pieces = piecesOf(chunk);
      continue;
    }
    if (LABEL.test(piece.text)) return { chunk, ...piece, coverage: 0, score: 0 };
    if (!BARE_ITEM.test(piece.text)) return null;
    seen++;
  }
  return null;
}

const ITEM_NUMERALS = '一二三四五六七八九十';
/** An item of an enumeration too short to say what it is (「二是融合基础设施。」) is read with the sentence after it. */
const SHORT_ITEM_CHARS = 30;

/**
 * follow-up 「第二个是啥」 after a list the prose enumerated: the k-th item (「二是…」「第二…」) of the enumeration in a
 * paragraph the previous answer quoted — the item sentence, and the one after it when the item is only a heading.
 */
export function enumeratedItem(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.item === undefined || !part.after || part.item < 1 || part.item > ITEM_NUMERALS.length) return null;
  const quoted = knowledge.quotedLines(part.after);
  if (!quoted.size) return null;
  const numeral = ITEM_NUMERALS[part.item - 1];
  const item = new RegExp(`(^|[：:，,；;。])(\\*\\*)?(${numeral}是|第${numeral}[，、,])`);
  for (const chunk of knowledge.chunks) {
    if (chunk.kind !== 'prose' || chunk.lineEnd < Math.min(...quoted) || chunk.lineStart > Math.max(...quoted)) continue;
    const pieces = piecesOf(chunk);
    if (!pieces.some((p) => quoted.has(p.line) && (ENUMERATION_START.test(p.text) || ENUMERATION_ITEM.test(p.text)))) continue;
    const at = pieces.findIndex((p) => item.test(p.text));
    if (at < 0) continue;
    const chosen = [pieces[at]];
    const after = pieces[at + 1];
    if (after && compactForm(pieces[at].text).length < SHORT_ITEM_CHARS && !ENUMERATION_ITEM.test(after.text)) chosen.push(after);
    return answered(chosen.map((p) => ({ text: p.text, sources: [{ chunkId: chunk.id, quote: p.text, line: p.line, section: chunk.section,
      ...(chunk.source ? { source: chunk.source } : {}) }] })));
  }
  return null;
}

/**
 * The deepest section whose heading names every subject of the part (「区块链为啥适合搞金融」 →
 * 「四、（一）金融领域应用更加成熟」): where a why/how question is answered when no sentence covers
 * its everyday words.
 */
/**
 * 「下半年区块链会怎么发展」: the section whose heading states the period a part asks about beyond the report's own (七、2020 年
 * 下半年区块链发展新形势; 八、…趋势展望) — where the report looks ahead to it. Of several, the one whose heading holds most
 * of the part's words, then the broader one, then the later one (the outlook, 八, follows the situation, 七).
 */
export function sectionOfPeriod(part: Part, knowledge: Knowledge, after: number): string | undefined {
  const period = part.periods.find((p) => p.from > after);
  if (!period) return undefined;
  const words = part.words.map(compactForm).filter((w) => w.length >= 2);
  let found: { id: string; level: number; words: number } | undefined;
  for (const section of knowledge.sections.values()) {
    if (section.level < 1 || !findPeriods(section.title).some((p) => p.from <= period.to && period.from <= p.to && p.from > after)) continue;
    const heading = compactForm(section.title);
    const held = words.filter((w) => heading.includes(w)).length;
    if (!found || held > found.words || (held === found.words && section.level <= found.level)) found = { id: section.id, level: section.level, words: held };
  }
  return found?.id;
}

/** A part's words without an everyday word beside the report's word it stands for (区块链公司 beside 区块链企业): the latter says it. */
export function reportWordsOf(part: Part, knowledge: Knowledge): string[] {
  const said = new Set(part.words.map(compactForm));
  return part.words.filter((w) => !said.has(compactForm(knowledge.lexicon.synonyms.get(compactForm(w)) ?? '')));
}

export function sectionNaming(part: Part, knowledge: Knowledge): string | undefined {
  // 「区块链企业为什么增加这么多」: naming no subject, a why or how asked with two words of its own or more is told in the section
  // whose heading says them all (企业数量快速增加) — the heading leaves the report's topic (区块链) unsaid.
  const words = part.subjects.length || part.operation !== 'explain' ? []
    : [...new Set(reportWordsOf(part, knowledge).map(withoutReportTopic).filter((w) => w.length >= 2 && w !== REPORT_TOPIC && !knowledge.lexicon.isFunctionWord(w)))];
  if (!part.subjects.length && words.length < 2) return undefined;
  const forms = part.subjects.length ? part.subjects.map((s) => knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2)) : words.map((w) => [w]);
  let found: { id: string; level: number } | undefined;
  for (const section of knowledge.sections.values()) {
    const heading = compactForm(section.title);
    if (section.level < 1 || !forms.every((f) => f.some((form) => heading.includes(form)))) continue;
    if (!found || section.level > found.level) found = { id: section.id, level: section.level };
  }
  return found?.id;
}

/** A list the report prints under a label (the front matter's 「联合发布单位：（排名不分先后）」 and the lines after it). */
export interface LabelledList {
  /** The label's compact form, its note and colon aside (「联合发布单位」). */
  label: string;
  /** The label line, and the lines of the items (a label and its items on one line: 「顾问：朱晔罡 邢春晓…」 is both). */
  lines: Passage[];
  /** The members, one per item line, or one per name where a line prints several names spaced apart. */
  members: string[];
  /** The members are personal names (a line of short names spaced apart). */
  persons: boolean;
}

/** A line of several personal names spaced apart (「孙小越 刘宗媛 徐苗苗」): each a member. */
const NAME_LINE = /^\p{Script=Han}{2,4}(\s+\p{Script=Han}{2,4})+$/u;
/** A label and its items on one line (「顾问：朱晔罡 邢春晓」「主任：刘权」). */
const INLINE_LIST = /^([^，。；,;：:\s（）]{2,12})[：:]\s*(\S.*)$/;
const listCache = new WeakMap<readonly Chunk[], LabelledList[]>();
const reportTexts = new WeakMap<readonly Chunk[], string>();

/** The whole report's prose and rows in compact form, joined once per index. */
function reportText(knowledge: Knowledge): string {
  let text = reportTexts.get(knowledge.chunks);
  if (text === undefined) reportTexts.set(knowledge.chunks, (text = knowledge.chunks.map(compactText).join('\n')));
  return text;
}

function membersOf(text: string): { members: string[]; persons: boolean } {
  const line = text.trim();
  return NAME_LINE.test(line) ? { members: line.split(/\s+/), persons: true } : { members: [line], persons: false };
}

/**
 * Every labelled list the report prints (list, count): a label line and the bare item lines after it within its section, or
 * a label with its items on one line. Depends on the report only: computed once per index.
 */
export function labelledLists(knowledge: Knowledge): LabelledList[] {
  const cached = listCache.get(knowledge.chunks);
  if (cached) return cached;
  const lists: LabelledList[] = [];
  let open: (LabelledList & { sectionId: string }) | null = null;
  const close = () => {
    if (open && open.members.length) lists.push({ label: open.label, lines: open.lines, members: open.members, persons: open.persons });
    open = null;
  };
  for (const chunk of knowledge.chunks) {
    if (chunk.kind !== 'prose') { close(); continue; }
    for (const piece of piecesOf(chunk)) {
      const passage: Passage = { chunk, ...piece, coverage: 0, score: 0 };
      const inline = INLINE_LIST.exec(piece.text);
      if (LABEL.test(piece.text)) {
        close();
        open = { label: compactForm(piece.text.replace(/（[^）]*）\s*$/, '').replace(/[：:]\s*(（[^）]*）)?\s*$/, '')), lines: [passage], members: [], persons: true, sectionId: chunk.sectionId };
      } else if (inline && BARE_ITEM.test(inline[2])) {
        close();
        const { members, persons } = membersOf(inline[2]);
        lists.push({ label: compactForm(inline[1]), lines: [passage], members, persons });
      } else if (open && open.sectionId === chunk.sectionId && BARE_ITEM.test(piece.text)) {
        const { members, persons } = membersOf(piece.text);
        open.lines.push(passage);
        open.members.push(...members);
        open.persons &&= persons;
      } else close();
    }
  }
  close();
  listCache.set(knowledge.chunks, lists);
  return lists;
}

/** Each list as 「label：members」, cited at its lines, in the order given. */
function listsAnswer(lists: readonly LabelledList[]): PartAnswer {
  return answered(lists.map((list, i) => ({ text: `${list.label}：${list.members.join('、')}`, sources: list.lines.map(sourceOf), end: i === lists.length - 1 ? '。' : '；' })));
}

/**
 * 「联合发布单位有几家」「编写人员都有谁」 (list, count): the one labelled list whose label holds every content word the part
 * names (the words of its section's heading aside) — its members listed, or counted (the count derived from the cited lines).
 * Null when no list, or more than one, fits.
 */
export function answerFromLabelledList(part: Part, knowledge: Knowledge, counting: boolean): PartAnswer | null {
  if (part.subjects.length || part.groups.length || part.filters.length || part.periods.length || part.table || part.figures.length) return null;
  if (part.labels?.length) return answerFromLabels(part, part.labels, knowledge, counting);
  const words = [...new Set(part.words.map(compactForm).filter((w) => w.length >= 2))];
  if (!words.length) return null;
  // A word the report never prints (the everyday 编委会 beside the report's 编写委员会) says nothing against a list.
  const report = reportText(knowledge);
  const joined = words.join('');
  // 「主任和副主任分别是谁」: several labels named each in full are all asked (副主任 holds 主任, yet both are named).
  const exact = labelledLists(knowledge).filter((list) => words.includes(list.label));
  if (exact.length >= 2 && !counting) {
    return listsAnswer(exact);
  }
  // 「编写委员会里都有谁」: words that together name the section's heading name all of its lists, not the one label holding one of them.
  const namesHeading = (list: LabelledList) => words.length > 1 && compactForm(list.lines[0].chunk.section).includes(joined) && !list.label.includes(joined);
  const fits = labelledLists(knowledge).filter((list) => {
    const heading = compactForm(list.lines[0].chunk.section);
    if (namesHeading(list)) return false;
    return words.some((w) => list.label.includes(w)) && words.every((w) => list.label.includes(w) || heading.includes(w) || !report.includes(w));
  });
  // 「主任和副主任分别是谁」: jieba reads 副主任 as 副 + 主任, so labels holding the one word asked (主任, 副主任) are each given,
  // the label that is the word itself first.
  if (fits.length > 1 && fits.length <= 3 && !counting && words.some((w) => fits.every((list) => list.label.includes(w)))) {
    const ordered = [...fits].sort((a, b) => Number(words.includes(b.label)) - Number(words.includes(a.label)));
    return listsAnswer(ordered);
  }
  if (fits.length !== 1) {
    // 「组织单位和委托单位分别是谁」: several lists, each named by a word no other label holds, that together hold every word.
    if (counting || fits.length) return null;
    const lists = labelledLists(knowledge);
    const own = lists.filter((list) => words.some((w) => list.label.includes(w) && lists.filter((o) => o.label.includes(w)).length === 1));
    if (own.length < 2 && !lists.some((list) => !namesHeading(list) && words.some((w) => list.label.includes(w)))) {
      // 「编委会都有谁」: no label named, but the heading of a section printing several lists (顾问, 主任, 编写人员 …) — all of them.
      const section = (list: LabelledList) => compactForm(list.lines[0].chunk.section);
      const whole = lists.filter((list) => words.some((w) => section(list).includes(w)));
      if (new Set(whole.map(section)).size !== 1 || whole.length < 2) return null;
      return listsAnswer(whole);
    }
    if (own.length < 2 || !words.every((w) => own.some((list) => list.label.includes(w)) || !report.includes(w))) return null;
    return listsAnswer(own);
  }
  const [list] = fits;
  if (!counting) return listsAnswer([list]);
  return countedList(list);
}

function countedList(list: LabelledList): PartAnswer {
  // A count is read off the members cited one by one (each name quoted where its line prints it), so the sentence's
  // citations are as many as the count it states.
  const unit = list.persons ? '人' : '个';
  const count = String(list.members.length);
  const cited = list.members.map((member) => ({ ...sourceOf(list.lines.find((l) => l.text.includes(member)) ?? list.lines[0]), quote: member }));
  return answered(list.members.map((member, i) => ({
    text: i === 0 ? `${list.label}共${count}${unit}：${member}` : member,
    sources: [cited[i]],
    ...(i === 0 ? { derived: [count] } : {}),
    end: i === list.members.length - 1 ? '。' : '、',
  })));
}

/**
 * 「主任和副主任叫啥」「顾问、主任、副主任各是谁」「编写人员一共几个人」: the lists whose labels the part names, in the order named —
 * listed, or the one list counted — whatever the which-word (谁, 叫啥, 都是谁) made of the operation. Null when a word of the part
 * other than a label is one the report prints outside the lists' section heading (「主任刘权是哪个单位的」 asks about 刘权).
 */
const LIST_ATTRIBUTES = new Set<string>(['title', 'count', 'enterprise']);

function answerFromLabels(part: Part, labels: readonly string[], knowledge: Knowledge, counting: boolean): PartAnswer | null {
  // Only the members' names or their number are asked of a list (主任是哪个单位的 asks what the report does not print).
  if (part.unknown.length || part.attributes.some((a) => !LIST_ATTRIBUTES.has(a))) return null;
  const all = labelledLists(knowledge);
  const lists = labels.map((label) => all.find((list) => list.label === label)).filter((list): list is LabelledList => Boolean(list));
  if (!lists.length) return null;
  const report = reportText(knowledge);
  const heading = compactForm(lists[0].lines[0].chunk.section);
  const isLabel = (word: string) => all.some((list) => list.label === word);
  const others = part.words.map(compactForm).filter((w) => w.length >= 2 && !isLabel(w));
  if (others.some((w) => report.includes(w) && !heading.includes(w))) return null;
  // 「第三个是谁」 after a list: its k-th member, quoted where its line prints it.
  const picked = part.item ?? part.ordinal;
  if (picked !== undefined && lists.length === 1 && !counting) {
    const [list] = lists;
    const member = list.members[picked - 1];
    if (!member) return null;
    const line = list.lines.find((l) => l.text.includes(member)) ?? list.lines[0];
    return answered([{ text: `${list.label}的第${picked}位是${member}`, sources: [{ ...sourceOf(line), quote: member }], derived: [String(picked)] }]);
  }
  if (!counting) return listsAnswer(lists);
  return lists.length === 1 ? countedList(lists[0]) : null;
}

/**
 * 「刘权是谁」「付刚在编委会里担任啥」: a person the front matter's lists name is said to be what the list's label says, quoted
 * where the name is printed. Anything else asked of the person (哪个单位的, 职称, 干什么的) the lists do not print: declined, the
 * label given as what the report does say. Null when the part names no such person, or names other things too.
 */
export function answerAboutPerson(part: Part, knowledge: Knowledge): PartAnswer | null {
  const people = part.people ?? [];
  if (!people.length || part.subjects.length || part.groups.length || part.table || part.periods.length || part.figures.length) return null;
  const all = labelledLists(knowledge);
  const found = people.flatMap((person) => {
    const list = all.find((l) => l.label === person.label && l.members.includes(person.name));
    return list ? [{ person, list }] : [];
  });
  if (!found.length) return null;
  const said = found.map(({ person, list }) => {
    const line = list.lines.find((l) => l.text.includes(person.name)) ?? list.lines[0];
    const committee = list.lines[0].chunk.section.replace(/《[^》]*》/g, '').trim();
    return { text: `${committee}名单中${person.name}列为${list.label}`, sources: [{ ...sourceOf(line), quote: person.name }] };
  });
  const names = new Set(found.map(({ person }) => compactForm(person.name)));
  const heading = compactForm(found[0].list.lines[0].chunk.section);
  // 「编委会」 shortens the heading's 编写委员会: a word whose characters the heading holds in order names the heading.
  const inHeading = (w: string) => {
    let at = 0;
    for (const ch of w) if ((at = heading.indexOf(ch, at) + 1) === 0) return false;
    return true;
  };
  const others = part.words.map(compactForm).filter((w) => w.length >= 2 && !names.has(w) && !all.some((l) => l.label === w) && !inHeading(w));
  if (!part.attributes.length && !part.unknown.length && !others.length && !part.noun) return answered(said.map((claim, i) => ({ ...claim, end: i === said.length - 1 ? '。' : '；' })));
  const attribute = part.attributes.map((a) => knowledge.lexicon.attributes.get(a)).find((a) => a?.kind === 'absent')?.label ?? '其他信息';
  return missing([{ text: `报告中没有提到${[...names].join('、')}的${attribute}`, sources: [], end: '；' },
    ...said.map((claim, i) => ({ ...claim, text: i === 0 ? `报告只写到${claim.text}` : claim.text, end: i === said.length - 1 ? '。' : '；' }))]);
}

const piecesCache = new WeakMap<readonly Chunk[], { chunk: Chunk; text: string; form: string; line: number; order: number }[]>();

/** Every sentence of the report's prose with its compact form, once per index. */
function prosePieces(knowledge: Knowledge): { chunk: Chunk; text: string; form: string; line: number; order: number }[] {
  let pieces = piecesCache.get(knowledge.chunks);
  if (!pieces) {
    pieces = knowledge.chunks.filter((c) => c.kind === 'prose').flatMap((chunk) => piecesOf(chunk).map((p) => ({ chunk, ...p, form: compactForm(p.text) })));
    piecesCache.set(knowledge.chunks, pieces);
  }
  return pieces;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * 「杭州主要靠哪些公司」 (list of a counted noun about a subject): the sentence naming every subject that enumerates members
 * closed by 等 and a form of the noun (「杭州市依靠阿里巴巴、万向集团、嘉楠耘智等重点科技公司…」) names them, wherever retrieval
 * ranked it. Of several, the one naming the subject earliest in it. Null when no sentence does.
 */
export function membersNamed(part: Part, knowledge: Knowledge, nounForms: ReadonlySet<string>): PartAnswer | null {
  const asksNames = part.operation === 'list' || (part.operation === 'lookup' && part.attributes.includes('enterprise'));
  if (!asksNames || part.quantity || !part.subjects.length || !nounForms.size || part.filters.length || part.table) return null;
  const forms = [...nounForms].filter((f) => f.length >= 2).sort((a, b) => b.length - a.length).map(escape);
  if (!forms.length) return null;
  const closing = new RegExp(`[、和及与][^，。；、]{1,20}等[^，。；、等]{0,6}(${forms.join('|')})`);
  const subjects = part.subjects.map((s) => knowledge.lexicon.formsOf(s.entity.id).map(compactForm).filter((f) => f.length >= 2));
  let best: { piece: ReturnType<typeof prosePieces>[number]; at: number } | null = null;
  for (const piece of prosePieces(knowledge)) {
    const match = closing.exec(piece.form);
    if (!match) continue;
    // The subject the sentence is about stands before the members, not among them (「金融、政务服务和司法等领域」 lists it).
    const about = (form: string) => {
      for (let i = piece.form.indexOf(form); i >= 0 && i < match.index; i = piece.form.indexOf(form, i + 1)) {
        if (!/[、和及与]/.test(piece.form[i - 1] ?? '') && !/[、和及与]/.test(piece.form[i + form.length] ?? '')) return i;
      }
      return Infinity;
    };
    const at = Math.max(...subjects.map((f) => Math.min(...f.map(about))));
    if (at === Infinity) continue;
    if (!best || at < best.at) best = { piece, at };
  }
  if (!best) return null;
  const passage: Passage = { ...best.piece, coverage: 0, score: 0 };
  return answered([{ text: trim(passage.text, [...part.subjects.map((s) => s.entity.name), ...part.words]), sources: [sourceOf(passage)] }]);
}

/**
 * 「华为云的区块链平台叫啥」「蚂蚁的联盟链叫什么」 (lookup of a name): an item of a prose enumeration that names the subject, then a
 * short name, then the noun asked (「…、华为云 BCS 平台、…」) gives the subject's thing by name. The item is the answer, its
 * sentence the citation. Null when no sentence holds exactly one such item for the subject.
 */
export function itemNaming(part: Part, knowledge: Knowledge, nounForms: ReadonlySet<string>): PartAnswer | null {
  if (part.operation !== 'lookup' || part.subjects.length !== 1 || part.quantity || part.filters.length || part.table) return null;
  const forms = [...nounForms].filter((f) => f.length >= 2).sort((a, b) => b.length - a.length).map(escape);
  const subjects = knowledge.lexicon.formsOf(part.subjects[0].entity.id).map(compactForm).filter((f) => f.length >= 2).sort((a, b) => b.length - a.length).map(escape);
  if (!forms.length || !subjects.length) return null;
  // An item of a 、-enumeration (or the one opening it after 有/包括/：): the subject, a short name, the noun.
  const item = new RegExp(`(?:^|[、：:]|有|包括)((?:${subjects.join('|')})[^、，。；：:]{1,12}?(?:${forms.join('|')}))(?=[、，。；]|等)`, 'g');
  const found: { piece: ReturnType<typeof prosePieces>[number]; item: string }[] = [];
  for (const piece of prosePieces(knowledge)) {
    if (!piece.form.includes('、')) continue;
    for (const match of piece.form.matchAll(item)) found.push({ piece, item: match[1] });
  }
  if (found.length !== 1) return null;
  const [{ piece, item: name }] = found;
  // The item as the report prints it (its spaces kept): the shortest span of the sentence whose compact form is the item.
  const printed = printedSpan(piece.text, name) ?? name;
  const passage: Passage = { ...piece, coverage: 0, score: 0 };
  return answered([{ text: `${part.subjects[0].entity.name}的${part.noun ?? ''}是「${printed}」`, sources: [sourceOf(passage)], end: '；' },
    { text: trim(passage.text, [printed]), sources: [sourceOf(passage)] }]);
}

/**
 * 「海南那个专项政策是哪个部门印发的」 (table-attribute): a table lists the subject's row (表1-2: 海南省, 2020 年 5 月, 《…》) but no
 * column holding what is asked (发布主体); the prose sentence that names the row's title (「海南省工信厅印发《海南省加快…》」)
 * is where the report says it. Null when no row of the subject lacks the column, or no sentence names its title.
 */
export function titledRowInProse(part: Part, knowledge: Knowledge, rowsOf: (table: TypedTable, subject: Part['subjects'][number]) => TypedRow[],
  columnFor: (table: TypedTable, attribute: AttributeId) => number): PartAnswer | null {
  if (part.operation !== 'lookup' || part.subjects.length !== 1 || !part.attributes.length || part.filters.length || part.table) return null;
  const asked = part.attributes.filter((a) => a !== 'count' && a !== 'title');
  if (!asked.length) return null;
  const titles = new Set<string>();
  for (const table of knowledge.tables.values()) {
    const title = columnFor(table, 'title');
    if (title < 0 || asked.some((a) => columnFor(table, a) >= 0) || (part.noun && !table.rowNouns.includes(part.noun))) continue;
    for (const row of rowsOf(table, part.subjects[0])) {
      const name = compactForm(row.cells[title]?.bare ?? '');
      if (name.length >= 6) titles.add(name);
    }
  }
  if (!titles.size) return null;
  const found = prosePieces(knowledge).filter((p) => [...titles].some((t) => p.form.includes(t)));
  if (found.length !== 1) return null;
  const passage: Passage = { ...found[0], coverage: 0, score: 0 };
  const title = [...titles].find((t) => found[0].form.includes(t))!;
  return answered([{ text: trim(passage.text, [title, ...part.words]), sources: [sourceOf(passage)] }]);
}

/** Places a clause names (cities, regions, the clusters the report measures), each once. */
function placesIn(text: string, knowledge: Knowledge): Set<string> {
  return new Set(knowledge.lexicon.mentions(compactForm(text)).filter((m) => PLACE_KINDS.has(m.entity.kind) || m.entity.kind === 'cluster').map((m) => m.entity.id));
}

/** A clause saying where things concentrate: a verb of gathering, then the places (「主要聚集在广东、江苏…」「集中于黄渤海、长三角…」). */
const GATHERED = /(集中|聚集|分布)(在|于)/;
const gatheredCache = new WeakMap<readonly Chunk[], ReturnType<typeof prosePieces>>();

/** The report's sentences saying where things concentrate, two places or more named after the verb; once per index. */
function gatheredSentences(knowledge: Knowledge): ReturnType<typeof prosePieces> {
  let found = gatheredCache.get(knowledge.chunks);
  if (!found) {
    found = prosePieces(knowledge).filter((p) => {
      const at = p.form.search(GATHERED);
      return at >= 0 && placesIn(p.form.slice(at), knowledge).size >= 2;
    });
    gatheredCache.set(knowledge.chunks, found);
  }
  return found;
}

const causalCache = new WeakMap<readonly Chunk[], ReturnType<typeof prosePieces>>();

/** The report's sentences that give a reason (由于, 受…影响, 这是由于 …); once per index. */
function causalSentences(knowledge: Knowledge): ReturnType<typeof prosePieces> {
  let found = causalCache.get(knowledge.chunks);
  if (!found) {
    found = prosePieces(knowledge).filter((p) => CAUSAL.test(p.form));
    causalCache.set(knowledge.chunks, found);
  }
  return found;
}

/**
 * 「企业为啥扎堆在广东」 (why, of places): the sentences giving a reason that name every place asked (「这是由于北京、广东…属于
 * 沿海地区」) — retrieval favours the everyday words around them (集中, 聚集), which sentences restating the figure share.
 */
function reasonsNaming(part: Part, knowledge: Knowledge): ReturnType<typeof prosePieces> {
  // Places only: a technology (云计算) is named in reasons of everything it is listed with.
  if (!part.why || !part.subjects.length || !part.subjects.every((s) => PLACE_KINDS.has(s.entity.kind))) return [];
  const forms = part.subjects.map((s) => knowledge.lexicon.formsOf(s.entity.id).filter((f) => f.length >= 2 || /[a-z0-9]/.test(f)));
  return causalSentences(knowledge).filter((p) => forms.every((f) => f.some((form) => p.form.includes(form))));
}

/** Asked where things of a noun mainly are (mainly, places asked, no subject): the sentences saying where things of the noun concentrate. */
function mainlyPlaced(part: Part, knowledge: Knowledge): ReturnType<typeof prosePieces> {
  if (!part.mainly || part.subjects.length || !part.noun || part.noun === PLACE_NOUN || !part.attributes.some((a) => PLACE_ATTRIBUTES.has(a))) return [];
  const forms = [...formsOfNoun(part.noun, knowledge.lexicon)].filter((f) => f.length >= 2);
  return gatheredSentences(knowledge).filter((p) => forms.some((f) => p.form.includes(f)));
}

/**
 * 「研究机构主要分布在哪些城市」「企业大多集中在哪几个省」 (mainly, places asked of a counted noun): the report's own sentence that
 * names the things (a form of the noun) and the places they concentrate in (two or more) answers — not every row of a table
 * that lists the places of all of them. The best such sentence of the ranking, as long as it fits the part nearly as well as
 * the best sentence found. Null when none does.
 */
export async function mainPlaces(part: Part, reading: Reading, knowledge: Knowledge, retrieval: Retrieval): Promise<PartAnswer | null> {
  if (part.groups.length || part.table || part.filters.length || part.qualifiers.length || part.quantity) return null;
  const gathered = mainlyPlaced(part, knowledge);
  if (!gathered.length) return null;
  const ranked = (await rankPassages(part, reading, knowledge, retrieval)).filter((p) => p.chunk.kind === 'prose');
  // A sentence about the places of one region named before (「该地区…主要分布在四川省和重庆市」) is no answer about all of them.
  const found = ranked.find((p) => gathered.some((g) => g.chunk === p.chunk && g.line === p.line && g.text === p.text)
    && !SCOPED_BEFORE.test(compactForm(p.text).split(GATHERED)[0]) && p.coverage >= PASSAGES.minCoverage / 2);
  if (!found) return null;
  // A long sentence is cut to the clauses that name the places (and the things, where they fit).
  const form = compactForm(found.text);
  const places = knowledge.lexicon.mentions(form.slice(form.search(GATHERED))).map((m) => m.form);
  const forms = [...formsOfNoun(part.noun!, knowledge.lexicon)].filter((f) => f.length >= 2);
  return answered([{ text: trim(found.text, [...places, ...places, ...part.words, ...forms], GATHERED), sources: [sourceOf(found)] }]);
}

/** A sentence scoped by pointing back at one place named before it (该地区, 该聚集区, 这些省市). */
const SCOPED_BEFORE = /[该此这](些)?(地区|聚集区|区域|省份|省市|省|城市|市)/;

/** The noun of places themselves (省, 城市, 地方): places asked of no other thing. */
const PLACE_NOUN = '地区';

/** A sentence (compact) enumerating things of a noun: items closed by one of its forms (「A平台、B平台」), or closed by 等 and the form. */
function enumeratesNoun(form: string, nounForms: readonly string[]): boolean {
  if (!form.includes('、')) return false;
  const items = form.split(/[、，。；]/);
  if (items.filter((item) => nounForms.some((f) => item.endsWith(f) || new RegExp(`^[^，。；]{1,20}?${escape(f)}(等|$)`).test(item))).length >= 2) return true;
  return nounForms.some((f) => new RegExp(`、[^，。；、]{1,20}等[^，。；、等]{0,6}${escape(f)}`).test(form));
}

/**
 * 「国内的区块链公共服务平台有哪些」 (list of a counted noun): sentences found that say what the thing is but name none of them
 * are completed by the sentence of the same paragraph, after them, that enumerates things of the noun (「国内主要有腾讯区块链
 * TBaaS 平台、阿里云 BaaS 平台…」). The answer unchanged when a quoted sentence already enumerates them or none follows.
 */
export function withMembers(answer: PartAnswer, part: Part, knowledge: Knowledge, nounForms: ReadonlySet<string>): PartAnswer {
  if (part.operation !== 'list' || part.subjects.length || answer.status !== 'answered') return answer;
  const forms = [...nounForms].filter((f) => f.length >= 2);
  const sources = answer.claims.flatMap((c) => c.sources).filter((s) => !/#[rg]\d+$/.test(s.chunkId));
  if (!forms.length || !sources.length || sources.some((s) => enumeratesNoun(compactForm(s.quote), forms))) return answer;
  const last = sources[sources.length - 1];
  const chunk = knowledge.chunk(last.chunkId);
  if (!chunk || chunk.kind !== 'prose') return answer;
  const after = piecesOf(chunk).filter((p) => p.line >= last.line && !sources.some((s) => s.quote === p.text));
  // The paragraph goes on at most a few sentences after the last one quoted.
  const next = after.slice(0, 3).find((p) => enumeratesNoun(compactForm(p.text), forms));
  if (!next) return answer;
  const passage: Passage = { chunk, ...next, coverage: 0, score: 0 };
  return { ...answer, claims: [...answer.claims, { text: trim(passage.text, part.words), sources: [sourceOf(passage)] }] };
}

/**
 * 「珠三角那个聚集区以哪几个城市为中心」 (list of places asked of a subject): the sentence found names the subject but no place;
 * the next sentence of its paragraph that names places and nothing else of the subject's kind goes on about the subject
 * (「…珠江三角洲聚集区，占比 29.26%…。形成了以广东广州、深圳为中心，辐射东莞、海口、厦门的…」) and is added.
 */
export function withPlacesAfter(answer: PartAnswer, part: Part, knowledge: Knowledge): PartAnswer {
  if (answer.status !== 'answered' || part.subjects.length !== 1 || !part.attributes.some((a) => PLACE_ATTRIBUTES.has(a))) return answer;
  const subject = part.subjects[0].entity;
  if (PLACE_KINDS.has(subject.kind)) return answer;
  const sources = answer.claims.flatMap((c) => c.sources).filter((s) => !/#[rg]\d+$/.test(s.chunkId));
  const mentions = (text: string) => knowledge.lexicon.mentions(compactForm(text));
  const places = (text: string) => mentions(text).filter((m) => PLACE_KINDS.has(m.entity.kind));
  const kin = (text: string) => new Set(mentions(text).filter((m) => m.entity.kind === subject.kind).map((m) => m.entity.id));
  // A sentence about the subject alone names it and nothing else of its kind (not 「珠江三角洲聚集区以及…湘黔渝聚集区」).
  const alone = (text: string) => { const ids = kin(text); return ids.size === 1 && ids.has(subject.id); };
  if (!sources.length || sources.some((s) => alone(s.quote) && places(s.quote).length)) return answer;
  // The sentence after one about the subject that names places and nothing of the subject's kind goes on about it.
  const following = (chunk: Chunk, text: string) => {
    const pieces = piecesOf(chunk);
    const next = pieces[pieces.findIndex((p) => p.text === text) + 1];
    return next && places(next.text).length >= 2 && !kin(next.text).size ? next : undefined;
  };
  const last = sources[sources.length - 1];
  const chunk = knowledge.chunk(last.chunkId);
  const after = chunk?.kind === 'prose' && !sources.some((s) => places(s.quote).length) && alone(last.quote) ? following(chunk, last.quote) : undefined;
  if (after) return { ...answer, claims: [...answer.claims, { text: after.text, sources: [sourceOf({ chunk: chunk!, ...after, coverage: 0, score: 0 })] }] };
  // The sentences found name the subject among others of its kind: the report's sentence about it alone, and the one after it.
  if (!sources.every((s) => kin(s.quote).size > 1 || !kin(s.quote).has(subject.id))) return answer;
  const about = prosePieces(knowledge).filter((p) => alone(p.text)).map((p) => ({ piece: p, next: following(p.chunk, p.text) })).filter((f) => f.next);
  if (about.length !== 1) return answer;
  const [{ piece, next }] = about;
  return answered([{ text: piece.text, sources: [sourceOf({ ...piece, coverage: 0, score: 0 })] },
    { text: next!.text, sources: [sourceOf({ chunk: piece.chunk, ...next!, coverage: 0, score: 0 })] }]);
}
