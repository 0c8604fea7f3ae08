const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Characters a Chinese numeral is written with. */
export const CHINESE_NUMERAL = '零〇一二三四五六七八九十百千万亿两';

/**
 * Value of a Chinese numeral: '四万' → 40000, '一百二十' → 120, '十八' → 18, and digit-by-digit
 * years '二零二零' → 2020. Null when the text is not a numeral.
 */
export function chineseNumber(text: string): number | null {
  if (!text || [...text].some((c) => !CHINESE_NUMERAL.includes(c))) return null;
  // Digit-by-digit form (years, codes): no unit characters at all.
  if (text.length > 1 && [...text].every((c) => c in DIGITS)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c];
    else if (c in SMALL_UNITS) {
      section += (digit || 1) * SMALL_UNITS[c];
      digit = 0;
    } else if (c in BIG_UNITS) {
      total = (total + section + digit) * BIG_UNITS[c];
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}
