import { CHINESE_NUMERAL, chineseNumber } from './chinese-number';

/** Kinds of value a quantity can be; what a question's 「多少家」「占多少」「多少钱」「什么时候」 asks for. */
export type QuantityKind = 'count' | 'percent' | 'money' | 'date' | 'multiple';

/** A quantity stated in text, with its span. */
export interface Quantity {
  start: number;
  end: number;
  /** As printed, spaces kept: '四万余家', '近 120 条', '17.15 亿元', '2020 年 6 月'. */
  text: string;
  /** Counts are multiplied out (40 万个 → 400000, unit 个); money keeps its printed magnitude (17.15, unit 亿元);
   * dates are year + month/100 + day/10000 (2020.0225). Null when the text gives no value (数千万). */
  value: number | null;
  unit: string;
  kind: QuantityKind;
  /** '近', '约', '超过', '余', '多', '以上', '数' … as printed. */
  qualifier?: string;
}

const CN = `[${CHINESE_NUMERAL}]`;
const DIGITS = String.raw`\d+(?:[ ,]\d{3}(?!\d))*(?:\.\d+)?`;
const PREFIX = '近|约有|约为|约|超过|超|逾|将近|接近|大约|不到|不足|多达|高达|仅';
const COUNT_UNITS = '家|项|个|笔|所|条|件|次|类|种|位|名|座|款|倍|人';
const MONEY_UNITS = '亿美元|万美元|美元|亿元|万元|元|亿人民币|万人民币|人民币';

const QUANTITY = new RegExp(
  [
    // 数千万人民币, 数百万美元: an order of magnitude without a value.
    String.raw`(?<vague>数)(?<vagueMagnitude>[十百千万亿]+)\s*(?<vagueUnit>${MONEY_UNITS}|${COUNT_UNITS})`,
    // 2020 年 6 月 (6 日), 二零二零年十月.
    String.raw`(?<year>(?:19|20)\d{2}|${CN}{4})\s*年\s*(?<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?<day>\d{1,2})\s*日)?`,
    // 近 120 条, 四万余家, 50 多个, 17.15 亿元, 超过 40 万个, 40 家以上, 246.46%.
    String.raw`(?:(?<prefix>${PREFIX})\s*)?(?<number>${DIGITS}|${CN}{2,}|${CN}(?=[余多]))\s*(?<magnitude>[万亿])?\s*(?<approx>余|多)?\s*` +
      String.raw`(?<unit>%|％|${MONEY_UNITS}|${COUNT_UNITS})(?:\s*(?<suffix>以上|左右|之多))?`,
  ].join('|'),
  'gu',
);

function parseNumber(text: string): number | null {
  const digits = text.replace(/[ ,]/g, '');
  if (/^\d+(\.\d+)?$/.test(digits)) return Number(digits);
  return chineseNumber(text);
}

/**
 * Every quantity stated in a text: counts (家/项/个/笔/所/条/件 …, with 万 multiplied out), shares
 * and growth rates in %, money (元/万元/亿元/美元/人民币), year–month dates, and the approximate or
 * Chinese-numeral forms (「四万余家」「近120条」「数千万人民币」「超过40万个」「二零二零年十月」)
 * with their wording kept in `text` and `qualifier`.
 */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const g = match.groups!;
    const start = match.index!;
    const printed = match[0];
    const end = start + printed.length;
    const before = text.slice(Math.max(0, start - 2), start);
    const after = text.slice(end, end + 1);
    if (g.vague) {
      const money = new RegExp(`^(${MONEY_UNITS})$`).test(g.vagueUnit);
      const unit = money ? `${g.vagueMagnitude.includes('亿') ? '亿' : g.vagueMagnitude.includes('万') ? '万' : ''}${g.vagueUnit}` : g.vagueUnit;
      found.push({ start, end, text: printed, value: null, unit, kind: money ? 'money' : 'count', qualifier: '数' });
      continue;
    }
    if (g.year) {
      const year = parseNumber(g.year);
      const month = parseNumber(g.month);
      if (year === null || month === null || month < 1 || month > 12) continue;
      const day = g.day ? Number(g.day) : 0;
      found.push({ start, end, text: printed, value: Number((year + month / 100 + day / 10_000).toFixed(4)), unit: day ? '年月日' : '年月', kind: 'date' });
      continue;
    }
    // Ordinals (第十八次, 第 1 部分), model numbers (3.0 项目), and numbers glued to Latin text are not quantities.
    if (/第\s*$/.test(before) || /[A-Za-z/.\-]$/.test(before.trim().slice(-1)) && /^\d/.test(g.number)) continue;
    if (g.unit === '项' && after === '目') continue;
    if (g.unit === '人' && after === '民') continue;
    const number = parseNumber(g.number);
    if (number === null) continue;
    const qualifier = [g.prefix, g.approx, g.suffix].filter(Boolean).join('') || undefined;
    const unit = g.unit === '％' ? '%' : g.unit;
    let kind: QuantityKind = 'count';
    let value: number = number;
    let printedUnit = unit;
    if (unit === '%') kind = 'percent';
    else if (new RegExp(`^(${MONEY_UNITS})$`).test(unit)) {
      kind = 'money';
      printedUnit = `${g.magnitude ?? ''}${unit}`;
    } else {
      if (unit === '倍') kind = 'multiple';
      if (g.magnitude) value = number * (g.magnitude === '万' ? 10_000 : 100_000_000);
    }
    found.push({ start, end, text: printed, value: Number(value.toFixed(6)), unit: printedUnit, kind, qualifier });
  }
  return found;
}
