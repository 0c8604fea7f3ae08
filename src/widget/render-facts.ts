import type { WireFact } from '../server/wire-types';
import type { AnswerFact, Citation } from '../types';
import type { UiText } from './ui-text';
import { createElement } from './create-element';
import { formatNumber, renderBarChart } from './render-bar-chart';

/** A ranking or distribution is worth a chart from this many comparable values. */
const CHART_MIN = 3;
/** A section id as the fact store writes it ('2.1', '3.1.2'): not something to show a reader. */
const SECTION_ID = /^\d+(\.\d+)*$/;

/**
 * Renders the facts an answer used as a small table that fits the bubble (columns whose value is
 * the same on every row move into the caption; long text wraps), plus a bar chart with a visible
 * title when at least three of them are numbers of the same metric and unit. Null when no facts.
 * Values are shown as printed (`text`) and origins by name (`section`, the caption's id, or the
 * section of a citation) — never an internal section id.
 */
export function renderFacts(facts: WireFact[], citations: Citation[], text: UiText, idPrefix: string): HTMLElement | null {
  if (facts.length === 0) return null;
  const [subjectHeading, metricHeading, valueHeading, periodHeading, sourceHeading] = text.factColumns;
  const origins = facts.map((fact) => originOf(fact, citations));
  const same = (values: string[]) => values.every((value) => value === values[0]);
  const oneMetric = same(facts.map((fact) => fact.metric));
  const onePeriod = same(facts.map((fact) => fact.period));
  const oneOrigin = same(origins);
  // At most three columns: a period or origin that differs between rows goes under the metric (or the subject).
  const meta = (fact: WireFact, index: number) => [onePeriod ? '' : fact.period, oneOrigin ? '' : origins[index]].filter(Boolean).join(' · ');
  const withMeta = (value: string, fact: WireFact, index: number): (string | HTMLElement)[] => {
    const extra = meta(fact, index);
    return extra ? [value, createElement('span', { className: 'fact-meta', text: extra })] : [value];
  };
  const columns: { heading: string; cell: (fact: WireFact, index: number) => (string | HTMLElement)[]; numeric?: boolean }[] = [
    { heading: subjectHeading, cell: (fact, index) => (oneMetric ? withMeta(fact.subject || '—', fact, index) : [fact.subject || '—']) },
    ...(oneMetric ? [] : [{ heading: metricHeading, cell: (fact: WireFact, index: number) => withMeta(fact.metric, fact, index) }]),
    { heading: oneMetric && facts[0].metric ? facts[0].metric : valueHeading, cell: (fact) => [valueText(fact)], numeric: true },
  ];
  const notes = [onePeriod ? facts[0].period : '', oneOrigin && origins[0] ? `${sourceHeading}：${origins[0]}` : ''].filter(Boolean);
  const metaHeading = [onePeriod ? '' : periodHeading, oneOrigin ? '' : sourceHeading].filter(Boolean).join(' · ');
  const table = createElement('table', { className: 'facts-table' }, [
    createElement('caption', {}, [text.factsCaption, notes.length ? createElement('span', { className: 'facts-note', text: ` · ${notes.join(' · ')}` }) : null]),
    createElement('thead', {}, [createElement('tr', {}, columns.map((column, index) =>
      createElement('th', { attrs: { scope: 'col' }, className: column.numeric ? 'num' : undefined }, [column.heading,
        // The column that carries period/origin says so in its heading.
        metaHeading && index === (oneMetric ? 0 : 1) ? createElement('span', { className: 'fact-meta', text: metaHeading }) : null])))]),
    createElement('tbody', {}, facts.map((fact, index) => createElement('tr', {}, columns.map((column) =>
      createElement('td', { className: column.numeric ? 'num' : undefined }, column.cell(fact, index)))))),
  ]);
  const comparable = chartableFacts(facts);
  let chart: HTMLElement | null = null;
  if (comparable.length >= CHART_MIN) {
    const title = chartTitle(comparable[0]);
    const titleId = `${idPrefix}-chart`;
    chart = createElement('figure', { className: 'chart-figure' }, [
      // Visible title; the SVG carries the same words as its accessible name.
      createElement('figcaption', { className: 'chart-title', text: title, attrs: { id: titleId, 'aria-hidden': 'true' } }),
      renderBarChart(comparable, text.chartLabel(title)),
    ]);
  }
  return createElement('div', { className: 'facts' }, [chart, table]);
}

/** The largest group of numeric facts sharing metric and unit, in the server's order (a ranking stays ranked, years stay chronological). */
export function chartableFacts(facts: AnswerFact[]): AnswerFact[] {
  const groups = new Map<string, AnswerFact[]>();
  for (const fact of facts) {
    if (typeof fact.value !== 'number' || !Number.isFinite(fact.value)) continue;
    const key = `${fact.metric}\u0000${fact.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  let best: AnswerFact[] = [];
  for (const group of groups.values()) if (group.length > best.length) best = group;
  return best;
}

/**
 * Where a fact comes from, by name: its `section` when the service sends one, a table id as printed
 * (「表6-1」), or — for a bare section id — the heading of the citation quoting that section.
 */
export function originOf(fact: WireFact, citations: Citation[]): string {
  if (fact.section) return fact.source && !SECTION_ID.test(fact.source) ? `${fact.source} · ${fact.section}` : fact.section;
  if (!SECTION_ID.test(fact.source)) return fact.source;
  const cited = citations.find((citation) => citation.chunkId.startsWith(`s${fact.source}#`));
  return cited?.section ?? '';
}

/** The value as the report prints it (`text`), else the number with its unit. */
export function valueText(fact: WireFact): string {
  if (fact.text) return fact.text;
  if (fact.value === null) return '—';
  const value = typeof fact.value === 'number' ? formatNumber(fact.value) : fact.value;
  return fact.unit && !value.endsWith(fact.unit) ? `${value}${fact.unit}` : value;
}

/** 「数量（家）」 already names its unit; 「投融资金额」 gets 「（亿元）」 added. */
function chartTitle(fact: AnswerFact): string {
  return !fact.unit || fact.metric.includes(fact.unit) ? fact.metric : `${fact.metric}（${fact.unit}）`;
}
