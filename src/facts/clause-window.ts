import type { Fact } from '../types';

/** A clause window of a sentence around a figure: what an answer quotes inline. */
export interface Window {
  start: number;
  end: number;
  text: string;
}

const CLAUSE_END = /[，,；;。！？!?]/;


const OPENING = /[（(《“【]/;
const CLOSING = /[）)》”】]/;

/**
 * Clause spans of a sentence (each ends after its punctuation). Punctuation inside brackets, titles or quotes (「（IEEE Digital
 * Finance and Economy Standards Committee, IEEE DFESC）」) ends no clause: the clause goes on after them.
 */
export function clauseSpans(text: string, ends: RegExp = CLAUSE_END): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (OPENING.test(text[i])) depth++;
    else if (CLOSING.test(text[i])) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ends.test(text[i])) {
      spans.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/**
 * The clause that holds a prose figure, widened to the clause before when it does not name the
 * figure's subject, names nothing it counts, says too little on its own, or only compares
 * (「占比 29.26%」 → 「其次是珠江三角洲聚集区，占比 29.26%」; 「与 2019 年上半年的 4.95 亿元相比」 →
 * 「规模达到了 17.15 亿元，与…」). Never wider than the cell for a figure inside a table cell.
 * Leading connectives (但、其中、其次是) are left out.
 */
export function clauseWindow(fact: Fact, cellStart: number, countsSomething: (text: string) => boolean): Window {
  const text = fact.quote;
  const spans = clauseSpans(text).filter(([, b]) => b > cellStart).map(([a, b]): [number, number] => [Math.max(a, cellStart), b]);
  const own = Math.max(0, spans.findIndex(([a, b]) => fact.offset! >= a && fact.offset! < b));
  let first = own;
  const subject = fact.tableId ? '' : fact.subject.split('、')[0].replace(/(省|市)$/, '');
  const slice = (from: number) => text.slice(spans[from][0], spans[own][1]);
  const counts = /^\d|家|项|个|所|条|件|笔/.test(fact.unit) && !/%|元/.test(fact.unit);
  const wanting = (from: number) => (subject && subject !== '全国' && !slice(from).includes(subject))
    || slice(from).replace(/[\d.%\s，,；;。]/g, '').length < 8
    || /^\s*(与|较|比|同比)/.test(slice(from))
    || (counts && !countsSomething(slice(from)));
  while (first > 0 && own - first < 2 && wanting(first)) first--;
  let start = spans[first][0];
  const lead = text.slice(start).match(/^\s*(但是|但|而且|而|且|并且|并|其中|其次是|其次|此外|另外|同时|也)\s*[，,]?\s*/);
  if (lead && start + lead[0].length < fact.offset!) start += lead[0].length;
  let end = spans[own][1];
  while (end > start && /[，,；;。！？!?\s]/.test(text[end - 1])) end--;
  return { start, end, text: text.slice(start, end) };
}

/** The clauses of a text as strings (each with its closing punctuation), brackets and titles kept whole. */
export function clausesOf(text: string, ends: RegExp = CLAUSE_END): string[] {
  return clauseSpans(text, ends).map(([a, b]) => text.slice(a, b));
}
