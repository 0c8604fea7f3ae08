/** Clause ends: a delta ends after one of these. */
const BREAKS = new Set(['。', '！', '？', '；', '，', '、', '：', '!', '?', ';', ',', ':', '\n']);

/**
 * Cuts an answer into small streaming pieces whose concatenation is exactly `text`: after each
 * clause mark, and at most `maxChars` characters each, never inside a citation marker `[n]`,
 * a number or a surrogate pair.
 */
export function splitAnswer(text: string, maxChars = 16): string[] {
  const tokens = text.match(/\[\d+\]|[\s\S]/gu) ?? [];
  const pieces: string[] = [];
  let piece = '';
  let length = 0;
  tokens.forEach((token, index) => {
    piece += token;
    length += 1;
    const next = tokens[index + 1] ?? '';
    const inNumber = /[\d.]$/.test(token) && /^[\d.%]/.test(next);
    // A marker right after a clause mark belongs to that clause: '……企业。[1]'.
    const markerFollows = /^\[\d+\]$/.test(next);
    if ((BREAKS.has(token) && !markerFollows) || (length >= maxChars && !inNumber && !markerFollows)) {
      pieces.push(piece);
      piece = '';
      length = 0;
    }
  });
  if (piece) pieces.push(piece);
  return pieces;
}
