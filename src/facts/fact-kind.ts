import type { Fact } from '../types';
import type { QuantityKind } from '../text/find-quantities';

const MONEY = /元|美元|人民币/;
const COUNT_UNITS = /^(家|项|个|笔|所|条|件|次|类|种|位|名|座|款|人)$/;

/** The kind of value a fact holds, from its unit. */
export function factKind(fact: Fact): QuantityKind | 'text' {
  if (fact.unit === '%') return 'percent';
  if (MONEY.test(fact.unit)) return 'money';
  if (/^年/.test(fact.unit)) return 'date';
  if (fact.unit === '倍') return 'multiple';
  if (COUNT_UNITS.test(fact.unit)) return 'count';
  return 'text';
}

