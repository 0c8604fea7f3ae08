import type { Fact } from '../types';
import { formatNumber, type AnswerBuilder } from './answer-builder';
import type { FactIndex } from './fact-index';
import { findPeriods } from '../text/find-periods';
import { columnName, printed } from './table-columns';
import { countedNouns } from './counted-noun';

/** What a prose figure counts when its paragraph says so (新成立 vs all). */
export const SCOPE_WORDS = /新成立|新注册成立|新注册|新增加|新增|新公开|在工商备案|登记注册|具有投入产出/;

/** Clause window(s) of prose facts from one sentence, merged into one verbatim span. */
export function mergedWindow(index: FactIndex, facts: Fact[]): string {
  const windows = facts.map((fact) => index.window(fact)!).filter(Boolean);
  const start = Math.min(...windows.map((w) => w.start));
  let end = Math.max(...windows.map((w) => w.end));
  // 「…303 家，与 2019 年的 81 家，同比增长 274.07%」: the growth rate belongs with the figures it relates.
  const next = facts[0].quote.slice(end).match(/^[，,]\s*同比[^，,；;。]*\d[^，,；;。]*/);
  if (next && end - start + next[0].length <= 160) end += next[0].length;
  return facts[0].quote.slice(start, end).trim();
}

/** 「2020年上半年，」 unless the quoted text already states that period. */
export function periodPrefix(period: string, text: string): string {
  if (!period) return '';
  if (findPeriods(text).some((span) => span.label === period)) return '';
  return `${period}，`;
}

/** A table row's figures: 「据表6-1（我国区块链企业各地区分布数量及比例，截至2020年6月），广东的数量为 354 家，比例为 27.06%[1]」. */
export function rowPhrase(builder: AnswerBuilder, facts: Fact[]): string {
  const [first] = facts;
  const caption = first.caption ?? '';
  const when = first.period && !caption.includes(first.period.slice(0, 4)) ? `，${first.period}` : '';
  const parts = facts.map((fact) => `${columnName(fact.column ?? fact.metric)}为 ${printed(fact)}`);
  for (const fact of facts) builder.use(fact);
  return `据${first.source}（${caption}${when}），${first.subject}的${parts.join('，')}[${builder.cite(first)}]`;
}

/** A sentence's figures: the clause(s) holding them, verbatim, with the period in front when the clause lacks it. */
export function prosePhrase(index: FactIndex, builder: AnswerBuilder, facts: Fact[], options: { period?: boolean } = {}): string {
  const window = mergedWindow(index, facts).replace(/[，,；;。]$/, '');
  for (const fact of facts) builder.use(fact);
  // A member of a 分别 list (「分别落地 11、8 个项目」) is restated with its subject and unit.
  const listed = /分别/.test(window) ? facts.filter((fact) => fact.subject && !fact.subject.includes('、') && fact.value !== null) : [];
  const restated = listed.length ? `（其中${listed.map((fact) => `${fact.subject} ${formatNumber(fact.value!)}${fact.unit === '%' ? '%' : ` ${fact.unit}`}`).join('，')}）` : '';
  const prefix = options.period === false ? '' : periodPrefix(facts[0].period, window);
  // The subject carried from the sentence before (「广州作为…。…占全国…近 40%」) is named in front.
  const subject = facts[0].subject;
  const named = subject && !subject.includes('、') && !/^(全国|全球)$/.test(subject) && !facts[0].tableId
    && !window.includes(subject.replace(/(省|市)$/, '')) ? `${subject}：` : '';
  return `${prefix}${named}${window}${restated}[${builder.cite(facts[0])}]`;
}

/** What a prose figure counts, from its period and metric: 「按2020年上半年新成立企业统计」. */
export function proseScope(fact: Fact): string {
  const scope = fact.metric.match(SCOPE_WORDS)?.[0] ?? '';
  const noun = [...countedNouns(fact.metric)][0] ?? '';
  return scope || noun ? `按${fact.period}${scope}${noun}统计` : `按${fact.period}的数据`;
}
