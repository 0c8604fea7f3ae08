import type { EntityLexicon } from './entity-lexicon';
import type { FactIndex } from './fact-index';
import type { RowMatcher } from './match-rows';

/** What the fact book's answerers share. */
export interface FactContext {
  index: FactIndex;
  matcher: RowMatcher;
  lexicon: EntityLexicon;
  /** The province a city belongs to, from 表3-3's 省份/城市 columns ('深圳' → '广东'). */
  provinceOf(city: string): string | undefined;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 3 → '三', 12 → '十二': ordinals written out so an answer states no number the report does not print. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}
