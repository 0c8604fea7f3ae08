/**
 * Recognises the numbering of a heading line. Levels come from the numbering style,
 * never from the markdown '#' count, which the PDF export sets inconsistently.
 */

/** Numbering styles, outermost first: 一、 / （一） / 1. / (1). */
export type NumberStyle = 'chapter' | 'section' | 'dot' | 'paren';

/** Front-matter parts recognised by their heading words. */
export type FrontMatterKind = 'preface' | 'committee' | 'toc';

export interface HeadingMatch {
  style: NumberStyle;
  /** The number as a value: 一 → 1, （三） → 3, 2. → 2. */
  value: number;
  /** Numbering normalised: '一、', '（一）', '1.', '(1)'. */
  number: string;
  title: string;
}

const MAX_TITLE_LENGTH = 50;
const CHINESE_DIGITS = '零一二三四五六七八九';

const PATTERNS: ReadonlyArray<{ style: NumberStyle; pattern: RegExp }> = [
  { style: 'chapter', pattern: /^([一二三四五六七八九十]{1,3})\s*、\s*(.+)$/ },
  // The export mixes full-width （一） and half-width (一) parentheses.
  { style: 'section', pattern: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.+)$/ },
  // '(?!\d)' keeps decimals such as '1.5 亿元' out.
  { style: 'dot', pattern: /^(\d{1,2})\s*[.．]\s*(?!\d)(.+)$/ },
  { style: 'paren', pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*(.+)$/ },
];

/** Value of a Chinese numeral from 一 to 九十九; null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return null;
  const [, tensOrUnit, ten, unit] = match;
  if (!ten) return unit ? null : CHINESE_DIGITS.indexOf(tensOrUnit!);
  const tens = tensOrUnit ? CHINESE_DIGITS.indexOf(tensOrUnit) : 1;
  return tens * 10 + (unit ? CHINESE_DIGITS.indexOf(unit) : 0);
}

/** Numbering and title of a heading line (markdown marks already removed), or null. */
export function matchHeading(text: string): HeadingMatch | null {
  for (const { style, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const title = match[2]!.trim();
    if (!looksLikeTitle(title)) return null;
    const value = style === 'chapter' || style === 'section' ? parseChineseNumeral(match[1]!) : Number(match[1]);
    if (value === null || value === 0) return null;
    return { style, value, number: formatNumber(style, match[1]!), title };
  }
  return null;
}

/** Which front-matter part a heading line opens, by its words ('前 言', '目 录', '…编写委员会'). */
export function matchFrontMatter(text: string): FrontMatterKind | null {
  const compact = text.replace(/\s+/g, '');
  if (/^(目录|目次)$/.test(compact)) return 'toc';
  if (/^(前言|序言|引言|序)$/.test(compact)) return 'preface';
  if (compact.length <= 60 && /(编写委员会|编委会|编写组)$/.test(compact)) return 'committee';
  return null;
}

/**
 * A title is short and is not a sentence: prose such as '一是…' or a line that ends
 * with a full stop or comma never counts as a heading.
 */
function looksLikeTitle(title: string): boolean {
  return (
    title.length <= MAX_TITLE_LENGTH &&
    !title.includes('\t') &&
    !title.includes('。') &&
    !/[；;：:，,、]$/.test(title) &&
    /[\p{Script=Han}A-Za-z]/u.test(title)
  );
}

function formatNumber(style: NumberStyle, digits: string): string {
  switch (style) {
    case 'chapter':
      return `${digits}、`;
    case 'section':
      return `（${digits}）`;
    case 'dot':
      return `${Number(digits)}.`;
    case 'paren':
      return `(${Number(digits)})`;
  }
}
