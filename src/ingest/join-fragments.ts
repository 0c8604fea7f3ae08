/**
 * Joining text that the PDF export cut at a page or cell break. The export often repeats
 * the last character(s) before the break at the start of the continuation
 * ('…融合发展' / '展，提高…'), so the repeated part is dropped.
 */

/** Result of a join: the text and where the continuation's own text starts in it. */
export interface JoinedText {
  text: string;
  /** Offset in `text` at which the (de-duplicated) continuation begins. */
  offset: number;
  /** Characters of the continuation dropped as a repetition of the previous tail. */
  repeated: string;
  /** Characters dropped from the end of the previous fragment ('。' before a repeated tail). */
  dropped: string;
}

// Sentence ends, possibly followed by closing quotes or brackets ('。”', '！）').
const SENTENCE_END = /[。！？!?；;：:…][”’」』）)》】\]]*$/;
const TRAILING_TERMINATOR = /[。！？!?；;…]+$/;
const MAX_REPEAT_LENGTH = 12;
// The export repeats Chinese characters; a Latin or digit overlap is a coincidence.
const REPEATABLE = /\p{Script=Han}/u;
const PUNCTUATION = /^[\p{P}]/u;
const ASCII_WORD_EDGE = /[A-Za-z0-9]$/;

/** Whether a line ends a sentence (so the next line is a new paragraph). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Longest tail of `previous` (1–12 chars, containing a Chinese character) that `next` starts with. */
export function findRepeat(previous: string, next: string): string {
  const limit = Math.min(MAX_REPEAT_LENGTH, previous.length, next.length);
  for (let length = limit; length >= 1; length -= 1) {
    const tail = previous.slice(previous.length - length);
    if (next.startsWith(tail) && REPEATABLE.test(tail)) return tail;
  }
  return '';
}

/**
 * How `next` continues a `previous` line across a break, or null when `next` starts a new
 * paragraph. A line that does not end a sentence always continues. A line that does end one
 * continues only when `next` repeats its tail (2+ chars) and then goes on with punctuation:
 * '…联合行动方案》。' / '案》，以高压态势…' — no paragraph starts with '案》，'.
 */
export function continuation(previous: string, next: string): 'plain' | 'after-terminator' | null {
  if (!endsSentence(previous)) return 'plain';
  const stem = previous.replace(TRAILING_TERMINATOR, '');
  if (stem === previous) return null;
  const repeat = findRepeat(stem, next);
  return repeat.length >= 2 && PUNCTUATION.test(next.slice(repeat.length)) ? 'after-terminator' : null;
}

/** Joins two fragments, dropping the repeated characters (and a terminator before them). */
export function joinFragments(previous: string, next: string, mode: 'plain' | 'after-terminator' = 'plain'): JoinedText {
  const stem = mode === 'after-terminator' ? previous.replace(TRAILING_TERMINATOR, '') : previous;
  const repeated = findRepeat(stem, next);
  const rest = next.slice(repeated.length);
  // Latin words and numbers on both sides of the break keep a space between them.
  const gap = ASCII_WORD_EDGE.test(stem) && /^[A-Za-z0-9]/.test(rest) ? ' ' : '';
  return {
    text: stem + gap + rest,
    offset: stem.length + gap.length,
    repeated,
    dropped: previous.slice(stem.length),
  };
}
