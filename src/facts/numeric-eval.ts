import { playConversation } from '../play-conversation';
import type { Pipeline } from '../types';

/** One item of tests/qa/numeric.jsonl. */
export interface NumericItem {
  id: string;
  /** User turns; only the last answer is scored. */
  turns: string[];
  /** Groups of alternatives; the answer must contain one alternative of every group. */
  must: string[][];
  must_not?: string[];
  kind?: string;
}

export interface NumericFailure {
  id: string;
  question: string;
  answer: string;
  problems: string[];
}

export interface NumericEvalResult {
  total: number;
  exact: number;
  failures: NumericFailure[];
}

/** The scorer's comparison form (tests/qa/README.md): no whitespace, lower case, no thousands separators or list punctuation. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/[|,，、:：;；"“”'‘’()（）《》<>〈〉[\]【】「」·]/g, '');
}

/** What an answer lacks (`must` groups) or wrongly contains (`must_not`). */
export function numericProblems(answer: string, must: string[][], mustNot: string[] = []): string[] {
  const text = normalizeForMatch(answer);
  const problems = must.filter((group) => !group.some((alt) => text.includes(normalizeForMatch(alt)))).map((group) => `missing ${group.join('|')}`);
  for (const banned of mustNot) if (text.includes(normalizeForMatch(banned))) problems.push(`contains ${banned}`);
  return problems;
}

/**
 * Exact-figure evaluation (tests/qa/numeric.jsonl): plays each item's turns through the pipeline
 * (its own answers as history) and counts the last answers that contain every `must` group and no
 * `must_not` string.
 */
export async function runNumericEval(pipeline: Pick<Pipeline, 'ask'>, items: NumericItem[]): Promise<NumericEvalResult> {
  const failures: NumericFailure[] = [];
  for (const item of items) {
    const last = (await playConversation(pipeline, item.turns)).at(-1) ?? null;
    const problems = numericProblems(last?.answer ?? '', item.must, item.must_not);
    if (problems.length) failures.push({ id: item.id, question: item.turns.join(' → '), answer: last?.answer ?? '', problems });
  }
  return { total: items.length, exact: items.length - failures.length, failures };
}
