/** Invisible characters a question gains from copy and paste (or adds on purpose): zero-width, bidi, BOM. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Four or more of the same non-digit character ('？？？？？', '啊啊啊啊'); digits are figures and stay exact. */
const REPEATS = /(\D)\1{3,}/gu;

/**
 * The text handed to the answering core: control and invisible characters dropped, runs of
 * whitespace collapsed (a newline kept when the run had one), any character other than a digit
 * repeated at most three times, then at most `maxChars` code points — the head and the tail with
 * 「…」 between, since a long message usually states its subject first and asks last. Bounds the
 * work one request can cause (QA_MAX_ANALYZED_CHARS) without refusing the request.
 */
export function boundText(text: string, maxChars: number): string {
  const normalised = text
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(/[^\S\n]*\n\s*/g, '\n')
    .replace(/[^\S\n]{2,}/g, ' ')
    .replace(REPEATS, '$1$1$1')
    .trim();
  const points = Array.from(normalised);
  if (points.length <= maxChars) return normalised;
  const head = Math.floor((maxChars - 1) / 2);
  const tail = maxChars - 1 - head;
  return `${points.slice(0, head).join('')}…${points.slice(points.length - tail).join('')}`;
}
