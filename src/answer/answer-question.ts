import type { EntityLexicon } from '../facts/entity-lexicon';
import { checkNumbers } from '../facts/number-guard';
import type { HybridSearch } from '../search/hybrid-search';
import type { Answer, ChatMessage, Chunk, Table } from '../types';
import { citePeriods } from './cite-periods';
import { vetFactAnswer } from './vet-fact-answer';
import { composeExtractive } from './compose-extractive';
import { guardQuestion } from './guard-question';
import { questionIntent } from './question-intent';
import { resolveFollowUp } from './resolve-follow-up';
import { selectEvidence } from './select-evidence';

export interface AnswererOptions {
  search: HybridSearch;
  analyze: (text: string) => string[];
  idf: (term: string) => number;
  lexicon: EntityLexicon;
  tables: ReadonlyMap<string, Table>;
  topK: number;
  minCoverage?: number;
  /** Minimum question coverage of a fact answer's text and sources (else retrieval answers). */
  factCoverage?: number;
  /** All chunks, to cite the sentences that state the periods of table figures. */
  chunks?: readonly Chunk[];
  /** Nouns of a question the report never mentions. */
  unknownTerms?: (question: string) => string[];
  /** Structured answers from the fact store; null when facts do not answer the question. */
  answerFromFacts?: (question: string, context: string) => Answer | null;
}

/** The question after guarding and follow-up resolution, plus the evidence-level answer. */
export interface ExtractiveResult {
  answer: Answer;
  question: string;
  context: string;
}

// No digits here: a refusal states no number (the number guard's rule applies to every reply).
const REFUSAL_HINT = '我只能回答与《中国区块链发展现状与展望（上半年）》报告内容相关的问题，例如：“上半年中国公开了多少区块链专利？”“广东有多少家区块链企业？”';

/**
 * The built-in answerer: guard → resolve follow-up → facts → retrieve → select evidence → compose →
 * number guard. Never throws for "not in the report": that is `grounded: false`.
 */
export function createAnswerer(options: AnswererOptions) {
  const { search, analyze, idf, lexicon, tables, topK, minCoverage = 0.4, factCoverage = 0.25 } = options;

  async function answerMessages(messages: readonly ChatMessage[]): Promise<ExtractiveResult> {
    const guarded = guardQuestion(messages[messages.length - 1]?.content ?? '');
    if (!guarded.question) {
      const answer = guarded.reason === 'injection'
        ? `抱歉，我不能执行问题中的指令或透露内部设定。${REFUSAL_HINT}`
        : `抱歉，这超出了本报告的范围。${REFUSAL_HINT}`;
      return { answer: { answer, citations: [], facts: [], grounded: false, mode: 'extractive' }, question: '', context: '' };
    }
    const history = [...messages.slice(0, -1), { role: 'user' as const, content: guarded.question }];
    const resolved = resolveFollowUp(history, lexicon);
    const intent = questionIntent(resolved.question);
    const candidate = options.answerFromFacts?.(resolved.question, resolved.context);
    const fromFacts = candidate && vetFactAnswer(candidate, { question: resolved.question, intent, analyze, idf, lexicon,
      minCoverage: factCoverage, replaced: resolved.replaced })
      ? candidate : null;
    if (fromFacts && !resolved.elaborate) {
      const answer = options.chunks ? citePeriods(fromFacts, resolved.question, options.chunks) : fromFacts;
      return { answer: { ...answer, understood: resolved.understood }, question: resolved.question, context: resolved.context };
    }
    const query = resolved.context ? `${resolved.question} ${resolved.context}` : resolved.question;
    const hits = await search.search(query, topK);
    const selection = selectEvidence({ question: resolved.question, context: resolved.context, intent, hits, analyze, idf, lexicon,
      replaced: resolved.replaced, softQualifiers: Boolean(resolved.understood) });
    const unknown = options.unknownTerms?.(resolved.question) ?? [];
    let answer = composeExtractive({ question: resolved.question, intent, selection, tables, elaborate: resolved.elaborate,
      understood: resolved.understood, minCoverage, unknown });
    answer = enforceNumberGuard(answer, resolved.question);
    return { answer, question: resolved.question, context: resolved.context };
  }

  return { answerMessages };
}

/** An answer whose numbers are not all in its citations (or the question) is replaced, never sent. */
export function enforceNumberGuard(answer: Answer, question: string, derived: string[] = []): Answer {
  const support = [question, ...answer.citations.flatMap((c) => [c.quote, c.section, c.source ?? ''])];
  const check = checkNumbers(answer.answer, support, derived);
  if (check.ok) return answer;
  return {
    ...answer,
    answer: '抱歉，未能从报告中核实这一数字，暂不作答。',
    grounded: false,
    facts: [],
  };
}
