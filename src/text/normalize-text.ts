/**
 * Normalises text for matching (never for quoting): NFKC (full-width → half-width), lower case,
 * digit groups printed with spaces joined ('5 402' → '5402'), spaces between Han characters and
 * digits/Latin removed ('2020 年' → '2020年', '1675 万美元' → '1675万美元'), runs of spaces collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\*\*/g, '')
    .replace(/(\d)[ \u00a0](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/([\p{Script=Han}（）《》“”，。、；：])\s+(?=[\p{Script=Han}\p{N}a-z（）《》“”])/gu, '$1')
    .replace(/([\p{N}a-z%])\s+(?=[\p{Script=Han}])/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes all whitespace and markdown emphasis: the form used to compare quotes with the corpus. */
export function compactText(text: string): string {
  return text.normalize('NFKC').replace(/\*\*/g, '').replace(/\s+/g, '');
}
