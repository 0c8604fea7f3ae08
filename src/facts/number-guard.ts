import { memoizeRecent } from '../memoize-recent';
import { normalizeText } from '../text/normalize-text';

/** Result of {@link checkNumbers}. */
export interface NumberCheck {
  ok: boolean;
  /** Numbers stated in the answer that no supporting text contains. */
  unsupported: string[];
}

const CITATION_MARK = /\[\d+\]/g;
const LIST_NUMBER = /^\s*\d+[.、)）]\s*/gm;
const NUMBER = /\d+(?:\.\d+)?/g;

function readNumbers(text: string): readonly string[] {
  const body = normalizeText(text.replace(CITATION_MARK, ' ').replace(LIST_NUMBER, ' '));
  return [...new Set(body.match(NUMBER) ?? [])];
}
// The supporting texts are the report's own sentences, checked again on every answer that cites them:
// sized to hold a report's sentences, so a request reads each number once.
const cachedNumbers = memoizeRecent(readNumbers, 8192);

/** Numbers an answer states, ignoring citation markers [n] and list numbering. */
export function numbersIn(answer: string): readonly string[] {
  return cachedNumbers(answer);
}

/**
 * Numbers a supporting text states: its numbers, and the year and month of a date printed with dots
 * (a table's 2018.04 states 2018年 and 4月 too).
 */
export function supportedNumbers(text: string): string[] {
  const numbers = [...numbersIn(text)];
  for (const date of text.matchAll(/(?<![\d.])((?:19|20)\d{2})\s*[.\-/]\s*(\d{1,2})(?:\s*[.\-/]\s*(\d{1,2}))?(?![\d.])/g)) {
    numbers.push(date[1], String(Number(date[2])), ...(date[3] ? [String(Number(date[3]))] : []));
  }
  return numbers;
}

/**
 * The number guard: every number in `answer` must appear in one of the supporting texts
 * (cited quotes, their section and caption, the user's question) or be an explicitly derived
 * value whose inputs are cited (`derived`). An answer that fails is never sent.
 * Numbers are compared as tokens read the same way from both sides, so 12 never matches 2012
 * and a date like 2020.03.13 matches itself.
 */
export function checkNumbers(answer: string, support: string[], derived: string[] = []): NumberCheck {
  const allowed = new Set([...support.flatMap((text) => supportedNumbers(text)), ...derived.map((d) => normalizeText(d))]);
  const unsupported = numbersIn(answer).filter((n) => !allowed.has(n));
  return { ok: unsupported.length === 0, unsupported };
}
