/**
 * The form in which questions and report names are compared: NFKC (full-width → half-width), lower
 * case, no markdown emphasis, one kind of dash, and no whitespace except one space between two
 * Latin letters or digits (「CoolBitX Technology」 keeps its two words). 「B 轮」 reads as 「b轮」,
 * 「2020 年 6 月」 as 「2020年6月」.
 */
const HAN_ONLY = /^[\u4e00-\u9fff]*$/;

export function compactForm(text: string): string {
  // Most words compared are Han characters only, which every step below leaves as they are (NFKC keeps U+4E00–U+9FFF).
  if (HAN_ONLY.test(text)) return text;
  return text.normalize('NFKC').toLowerCase().replace(/\*\*/g, '').replace(/[—–－]/g, '-')
    .replace(/\s+/g, (space, at: number, whole: string) => (/[a-z0-9]/.test(whole[at - 1] ?? '') && /[a-z0-9]/.test(whole[at + space.length] ?? '') ? ' ' : ''));
}

/** The span of `text` as printed whose compact form is `compact` (its first, shortest), or null when none is. */
export function printedSpan(text: string, compact: string): string | null {
  for (let from = 0; from < text.length; from++) {
    if (compactForm(text[from]) !== compact[0]) continue;
    for (let to = from + 1; to <= text.length; to++) {
      const form = compactForm(text.slice(from, to));
      if (form === compact) return text.slice(from, to);
      if (form.length >= compact.length) break;
    }
  }
  return null;
}
