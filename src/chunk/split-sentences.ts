/** A sentence with its character range in the source text. */
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Sentence ends: 。！？ (and ； which in this report separates independent statements), plus a
// closing quote or bracket that directly follows them.
const SENTENCE_END = /[。！？!?；;]+[”’」』）)]*/g;

/**
 * Splits Chinese prose into sentences, keeping each sentence's offsets so citations can be
 * mapped back to source lines. Newlines also end a sentence (paragraph and list boundaries).
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const push = (start: number, end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
  };
  let start = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const lineStart = start;
    let cursor = lineStart;
    SENTENCE_END.lastIndex = 0;
    for (const match of line.matchAll(SENTENCE_END)) {
      const end = lineStart + (match.index ?? 0) + match[0].length;
      push(cursor, end);
      cursor = end;
    }
    push(cursor, lineStart + line.length);
    start += line.length;
  }
  return spans;
}
