import { compactForm } from '../text/compact-form';

/** Clauses shorter than this match too many lines to say where an answer quoted from. */
const MIN_FRAGMENT = 6;
/** An answer's clause found in more lines than this is boilerplate (「2020年上半年」), not a quote. */
const MAX_LINES_PER_FRAGMENT = 3;
const MEMO = 32;
/** Digits and the characters of a period's words: what a clause stating only a period consists of. */
const PERIOD_ONLY = /[\d年月日号底末初截至止到上下半全季度前后以来同期]/g;

/**
 * The report lines an earlier answer quoted, found from its text alone (the client sends back the
 * answer, not its citations): every clause of it that stands verbatim in a line of the report.
 * A follow-up's figure is most often stated where the previous answer stood (「同比涨了多少」,
 * 「谁发的」). The report's lines are searched as one compact string, so a look-up is a few
 * `indexOf` calls; the last answers are memoised.
 */
export function createQuotedLines(lines: readonly string[]): (answer: string) => ReadonlySet<number> {
  const forms = lines.map(compactForm);
  const starts: number[] = [];
  let length = 0;
  for (const form of forms) {
    starts.push(length);
    length += form.length + 1;
  }
  const text = forms.join('\u0000');
  const lineAt = (offset: number): number => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
  const memo = new Map<string, ReadonlySet<number>>();
  return (answer) => {
    const known = memo.get(answer);
    if (known) return known;
    const found = new Set<number>();
    const fragments = compactForm(answer.replace(/\[\d+\]/g, '')).split(/[，,。；;：:！!？?（）()、「」“”"\n]/);
    for (const fragment of new Set(fragments)) {
      // A clause that only states a period (「截至2020年6月底」, which an answer puts before a figure) says nothing of where.
      if (fragment.length < MIN_FRAGMENT || !fragment.replace(PERIOD_ONLY, '')) continue;
      const hits: number[] = [];
      for (let at = text.indexOf(fragment); at >= 0 && hits.length <= MAX_LINES_PER_FRAGMENT; at = text.indexOf(fragment, at + 1)) {
        const line = lineAt(at);
        if (!hits.includes(line)) hits.push(line);
      }
      if (hits.length <= MAX_LINES_PER_FRAGMENT) for (const line of hits) found.add(line);
    }
    if (memo.size >= MEMO) memo.delete(memo.keys().next().value!);
    memo.set(answer, found);
    return found;
  };
}
