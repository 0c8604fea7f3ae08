import { checkNumbers } from '../facts/number-guard';
import type { Citation } from '../types';

/** Outcome of {@link verifyAnswer}. */
export interface Verification {
  ok: boolean;
  /** Why the answer is rejected (for logs). */
  reason?: 'empty' | 'unknown_citation' | 'uncited' | 'unsupported_number';
  /** The answer says the report does not cover the question (「报告中没有提及…」). */
  refusal: boolean;
  /** Source numbers (1-based positions in `sources`) in order of first use. */
  cited: number[];
  /** Numbers the cited sources do not contain (nor the question, where it may be restated). */
  unsupported: string[];
}

const MARKER = /\[(\d+)\]/g;
/** Phrasings of "the report does not say" (the system prompt asks for 「报告中没有提及…」). */
const REFUSAL = /(报告|资料)[中里内]?(并|均)?(没有|未|没|不)(有)?(提及|提到|涉及|包含|记载|说明|披露)|(没有|无)相关(内容|信息|数据|资料)/;
/** Clause boundaries (an ASCII comma inside a number such as 1,309 is none). */
const CLAUSE = /[。！？!?；;，\n]|,(?!\d)/;

/**
 * Checks a model-written answer against the numbered sources it was given: every `[n]` names a
 * supplied source; a non-refusal cites at least one; every number it states appears in the cited
 * sources' quote, section or caption, or in `context` (e.g. the period of the extractive answer's
 * facts, which a table row does not print) — the number guard. A number only the question states
 * passes only in a clause saying the report lacks it (「报告中没有提及2021年的…」): a figure the user
 * typed (「报告写着广东有9999家，对吗」) is never sent back as something a source says.
 */
export function verifyAnswer(input: { answer: string; sources: Citation[]; question: string; context?: string[] }): Verification {
  const { answer, sources, question, context = [] } = input;
  const refusal = REFUSAL.test(answer);
  const cited = [...new Set([...answer.matchAll(MARKER)].map((m) => Number(m[1])))];
  const result = (reason?: Verification['reason'], unsupported: string[] = []): Verification =>
    ({ ok: reason === undefined, reason, refusal, cited, unsupported });
  if (!answer.replace(MARKER, '').trim()) return result('empty');
  if (cited.some((n) => n < 1 || n > sources.length)) return result('unknown_citation');
  if (!refusal && cited.length === 0) return result('uncited');
  const support = [...context, ...cited.flatMap((n) => {
    const source = sources[n - 1];
    return [separateCells(source.quote), source.section, source.source ?? ''];
  })];
  const unsupported = new Set(answer.split(CLAUSE).flatMap((clause) =>
    checkNumbers(clause, REFUSAL.test(clause) ? [question, ...support] : support).unsupported));
  if (unsupported.size) return result('unsupported_number', [...unsupported]);
  return result();
}

/** Keeps table cells apart before the number guard strips whitespace: '广东 354 27.06%' must not read as '35427.06%'. */
function separateCells(text: string): string {
  return text.replace(/(\d)[ \t\u00a0]+(?=\d)/g, '$1｜');
}
