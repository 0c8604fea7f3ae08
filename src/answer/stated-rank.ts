import type { Part } from '../question/reading';
import { chineseNumber } from '../text/chinese-number';
import { compactForm } from '../text/compact-form';
import { factAnswer, scoreFacts } from './answer-from-facts';
import { answered, type PartAnswer } from './claims';
import { sentenceSource, type Knowledge } from './knowledge';
import { FACT_MATCH } from './thresholds';

/** A place the report states in words: 位列第三, 排名升至第四, 排名第二, 仅次于美国的…第二大. */
const STATED_PLACE = /(位列|位居|排名|排在|排|居|列|升至|降至)[^，。；]{0,4}第[一二三四五六七八九十\d]+|仅次于[^，。；]{1,12}第[二三四五]大/;
/** Kinds of thing a ranked clause may be about instead of the subject. */
const OTHER_SUBJECTS = new Set(['region', 'city', 'country', 'organization', 'cluster']);
/** How many clauses after a figure's own the place may stand in its sentence (「…259 亿美元，较…增长 12.7%，高于…，为仅次于美国的…第二大」). */
const CLAUSES_AFTER = 3;

const rankPhraseSets = new WeakMap<Knowledge, Set<string>>();

/** The lexicon's phrases of the rank and position operations (排名, 第几名, 名次), compact; once per lexicon. */
function rankPhrases(knowledge: Knowledge): Set<string> {
  let phrases = rankPhraseSets.get(knowledge);
  if (!phrases) {
    phrases = new Set(knowledge.lexicon.files.operations.filter((o) => ['rank', 'position'].includes(o.operation)).flatMap((o) => o.phrases.map(compactForm)));
    rankPhraseSets.set(knowledge, phrases);
  }
  return phrases;
}

/**
 * prose-figure (rank): 「上海产业园排第几」「山东专利排名升到第几」 — the place the prose states in words beside the subject's
 * figure (「上海有 4 个区块链产业园，位列第三」), when no table ranks the subject. Answers the figure's clause through the
 * clause that states the place, citing its sentence. Null when no fitting figure of the subject has a place stated beside it.
 */
export function statedRank(part: Part, knowledge: Knowledge): PartAnswer | null {
  const subject = part.subjects[0];
  if (part.operation !== 'position' || part.subjects.length !== 1 || !subject) return null;
  const candidates = scoreFacts({ ...part, operation: 'lookup', quantity: true }, knowledge, subject, part.periods[0]).slice(0, 5);
  for (const candidate of candidates) {
    if (candidate.score < FACT_MATCH.minimum) break;
    const { fact } = candidate;
    const at = fact.quote.indexOf(fact.window);
    if (at < 0) continue;
    const end = at + fact.window.length;
    const rest = fact.quote.slice(end).split(/(?<=[，；。])/).slice(0, CLAUSES_AFTER + 1);
    let upto = STATED_PLACE.test(fact.window) ? 0 : -1;
    let length = 0;
    for (let i = 0; i < rest.length && upto < 0; i++) {
      length += rest[i].length;
      if (STATED_PLACE.test(rest[i])) {
        upto = length;
        break;
      }
      if (/[；。]$/.test(rest[i])) break;
    }
    if (upto < 0) continue;
    // The figure is the subject's (scored for it); the place is too when the clauses after the figure name no other place or
    // company (「…，浪潮以 274 件专利排名第三」 is 浪潮's); the one it comes after (仅次于美国) is no subject of it.
    const text = fact.quote.slice(at, end + upto).replace(/[，；。]$/, '');
    const others = knowledge.lexicon.mentions(compactForm(fact.quote.slice(end, end + upto)).replace(/仅次于[^，。；]{1,12}?的/g, ''))
      .filter((m) => m.entity.id !== subject.entity.id && OTHER_SUBJECTS.has(m.entity.kind));
    if (others.length) continue;
    return factAnswer({ ...fact, window: text }, knowledge, subject.entity.name);
  }
  return null;
}

/** The place a clause states in words (位列第一, 排名第二), as a number; undefined when it states none. */
function placeStated(clause: string): number | undefined {
  const m = /(?:位列|位居|排名|排在|排|居|列|升至|降至)[^，。；]{0,4}第([一二三四五六七八九十\d]+)/.exec(clause);
  return m ? chineseNumber(m[1]) ?? undefined : undefined;
}

/**
 * follow-up (rank): 「第二名呢」 after an answer quoting a sentence that states places in words (「阿里巴巴以 1457 件专利位列第一，
 * 腾讯以 872 件专利排名第二，…」): the figure whose clause states that place, of the lines the conversation quoted. Null when no
 * quoted figure's clause states it.
 */
export function quotedPlace(part: Part, knowledge: Knowledge): PartAnswer | null {
  if (part.operation !== 'rank' || part.subjects.length || part.rank === undefined || part.order === 'asc' || !part.after) return null;
  const quoted = knowledge.quotedLines(part.after);
  if (!quoted.size) return null;
  for (const fact of knowledge.facts.facts) {
    if (!quoted.has(fact.line) || fact.value === null || fact.kind === 'date') continue;
    const at = fact.quote.indexOf(fact.window);
    if (at < 0) continue;
    // The figure's own clause, through the place it states (「腾讯以 872 件专利排名第二」).
    const clause = fact.quote.slice(at).split(/(?<=[，；。])/)[0];
    if (placeStated(clause) !== part.rank) continue;
    return factAnswer({ ...fact, window: clause.replace(/[，；。]$/, '') }, knowledge);
  }
  return null;
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** A place or a count of places in words, as the report writes them (第六). */
const inWords = (n: number) => NUMERALS[n] ?? String(n);

/** A sentence that ranks things by listing them in order (「排名前五的省份是广东、北京、浙江、上海、江苏」). */
interface OrderedList {
  chunkId: string;
  line: number;
  quote: string;
  /** Entity ids in the order listed: the place is the position. */
  names: string[];
  /** The years the sentence names (its period). */
  years: number[];
}

/** Words that make a listing of names an order of places: 排名, 前五, 分列, 依次. */
const RANKING_CUE = /排名|排行|前[三四五六七八九十\d]+(位|名)?|分列|依次/;
const LISTED_KINDS = new Set(['region', 'city', 'organization', 'country']);
const orderedLists = new WeakMap<Knowledge, OrderedList[]>();

/** Every prose sentence that lists at least three places or companies in ranking order, found once per knowledge. */
function listsOf(knowledge: Knowledge): OrderedList[] {
  let lists = orderedLists.get(knowledge);
  if (lists) return lists;
  lists = [];
  for (const chunk of knowledge.chunks) {
    if (chunk.kind !== 'prose') continue;
    let start = 0;
    for (const sentence of chunk.text.split(/(?<=[。！？])/)) {
      const at = start;
      start += sentence.length;
      if (!RANKING_CUE.test(sentence) || !sentence.includes('、')) continue;
      const compact = compactForm(sentence);
      const names: string[] = [];
      for (const mention of knowledge.lexicon.mentions(compact)) {
        // Only names standing in an enumeration (「广东、北京」), not the sentence's other words.
        const before = compact[mention.at - 1] ?? '';
        const after = compact[mention.at + mention.form.length] ?? '';
        const listed = before === '、' || after === '、' || /[省市]?、/.test(compact.slice(mention.at + mention.form.length, mention.at + mention.form.length + 2));
        if (LISTED_KINDS.has(mention.entity.kind) && listed && !names.includes(mention.entity.id)) names.push(mention.entity.id);
      }
      if (names.length < 3) continue;
      const line = [...chunk.lines].reverse().find((l) => l.offset <= at + (sentence.length - sentence.trimStart().length))?.line ?? chunk.lineStart;
      lists.push({ chunkId: chunk.id, line, quote: sentence.trim(), names, years: (sentence.match(/(?<!\d)20[12]\d(?!\d)/g) ?? []).map(Number) });
    }
  }
  orderedLists.set(knowledge, lists);
  return lists;
}

/**
 * prose-figure (rank): 「广东专利排第几」「沪专利排名比19年升了还是降了」 — the place of the subject in a sentence that lists
 * names in ranking order, of the period asked (else the report's latest), and of the period compared with, with the change.
 */
export function listedRank(part: Part, knowledge: Knowledge): PartAnswer | null {
  const subject = part.subjects[0];
  // A comparison with another period that asks no amount (「排名比19年升了还是降了」) compares places too.
  const places = part.operation === 'position' || (['compare', 'difference'].includes(part.operation) && Boolean(part.versus?.length) && !part.quantity);
  if (!places || part.subjects.length !== 1 || !subject) return null;
  // The words asking for a place (排名, 名次) are the lexicon's rank phrases, not words a ranking sentence must hold.
  const asking = rankPhrases(knowledge);
  const words = [...part.words, part.noun ?? ''].map(compactForm).filter((w) => w.length >= 2 && ![...asking].some((p) => w.includes(p)));
  const fits = listsOf(knowledge).filter((l) => l.names.includes(subject.entity.id) && words.every((w) => compactForm(l.quote).includes(w)));
  if (!fits.length) return null;
  const yearOf = (p: { from: number; to: number }) => Math.floor(p.from / 100);
  const pick = (year: number | undefined) => (year === undefined
    ? [...fits].sort((a, b) => Math.max(0, ...b.years) - Math.max(0, ...a.years))[0]
    : fits.find((l) => l.years.includes(year)));
  const asked = pick(part.periods[0] ? yearOf(part.periods[0]) : undefined);
  if (!asked) return null;
  const versus = part.versus?.[0] ? pick(yearOf(part.versus[0])) : undefined;
  const chosen = versus && versus !== asked ? [asked, versus] : [asked];
  const placeOf = (l: OrderedList) => l.names.indexOf(subject.entity.id) + 1;
  // The place is read off the names the sentence lists before the subject, named in the answer so it can be checked.
  const claims = chosen.map((l) => {
    const ahead = l.names.slice(0, placeOf(l) - 1).map((id) => knowledge.lexicon.entities.get(id)?.name ?? id);
    const period = l.years.length ? `${Math.max(...l.years)}年${/上半年/.test(l.quote) ? '上半年' : ''}` : '';
    return { text: `按报告所列的排名，${period}${subject.entity.name}排第${inWords(placeOf(l))}${ahead.length ? `（排在前面的是${ahead.join('、')}）` : ''}`,
      sources: [sentenceSource(knowledge, l.chunkId, l.quote, l.line)], end: '；' };
  });
  if (chosen.length === 2) {
    const change = placeOf(chosen[1]) - placeOf(chosen[0]);
    claims.push({ text: change === 0 ? '名次不变' : `名次${change > 0 ? '上升' : '下降'}了${Math.abs(change) === 2 ? '两' : inWords(Math.abs(change))}位`, sources: [], end: '。' });
  }
  claims[claims.length - 1].end = '。';
  return answered(claims);
}
