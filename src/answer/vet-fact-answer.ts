import type { EntityLexicon } from '../facts/entity-lexicon';
import type { Answer } from '../types';
import { NEWLY, type QuestionIntent } from './question-intent';

export interface VetOptions {
  question: string;
  intent: QuestionIntent;
  analyze: (text: string) => string[];
  idf: (term: string) => number;
  lexicon: EntityLexicon;
  /** Share of the question's idf mass the answer and its sources must cover. */
  minCoverage: number;
  /** Entities a follow-up replaced: an answer about them (and not the new ones) answers the old question. */
  replaced?: { text: string; type: string }[];
}

// Wording of the operation (rank, order, extremes) rather than the subject: a ranking answer lists names instead.
const OPERATION = /最|前[一二三四五六七八九十\d]|第|排|名|哪|几|多少|个省|[一二三四五六七八九十\d]个/;

const METRIC_NOUN = /产业园|专利|研究机构|高校|基金|落地项目|政策|标准|基站|企业/;

const squash = (text: string) => text.replace(/\s+/g, '').replace(/[—–－]/g, '-');

/**
 * Holds a structured answer from the fact store to the same requirements as any evidence: the
 * entities and years the question names, its 新成立-type qualifiers, a 《title》 when a name is asked
 * for, and enough of the question's wording in the answer and its cited sources. A fact answer that
 * falls short is dropped, and the question goes to retrieval instead of getting a confident wrong figure.
 */
export function vetFactAnswer(answer: Answer, options: VetOptions): boolean {
  const { question, intent, analyze, idf, lexicon, minCoverage } = options;
  const cited = answer.citations.map((c) => `${c.quote} ${c.source ?? ''}`).join(' ');
  const said = `${answer.answer.replace(/\[\d+\]/g, '')} ${answer.citations.map((c) => `${c.source ?? ''} ${c.section}`).join(' ')}`;
  const everything = squash(`${said} ${cited}`);
  for (const mention of lexicon.find(question)) {
    if (mention.type === 'table' || mention.type === 'domain' || (mention.type === 'year' && mention.name === '2020')) continue;
    const forms = mention.type === 'year' ? [mention.name] : [...lexicon.forms(mention.name), mention.text];
    if (!forms.some((f) => everything.includes(squash(f)))) return false;
  }
  for (const qualifier of intent.qualifiers) {
    const stem = qualifier.startsWith('新') ? NEWLY : new RegExp(qualifier);
    if (!stem.test(everything)) return false;
  }
  if (intent.asksTitle && !/《[^》]+》/.test(answer.answer)) return false;
  // What is counted (产业园, 专利, 企业 …) must be what the cited figures count.
  const counted = question.match(METRIC_NOUN)?.[0];
  if (counted && answer.grounded && !squash(cited + answer.citations.map((c) => c.section).join(' ')).includes(counted)) return false;
  const mentions = lexicon.find(question);
  for (const old of options.replaced ?? []) {
    const current = mentions.filter((m) => m.type === old.type).map((m) => squash(m.text));
    if (everything.includes(squash(old.text)) && !current.some((c) => everything.includes(c))) return false;
  }
  if (!answer.grounded) return true;
  const terms = [...new Set(analyze(question))].filter((t) => !OPERATION.test(t.replace(/^b:/, '')));
  // Fact answers are terse; the wording of the question is judged against the answer with its cited quotes.
  const present = new Set(analyze(`${said} ${cited}`));
  const total = terms.reduce((sum, t) => sum + idf(t), 0) || 1;
  const covered = terms.filter((t) => present.has(t)).reduce((sum, t) => sum + idf(t), 0);
  return covered / total >= minCoverage;
}
