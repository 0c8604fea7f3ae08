import type { AnswerFact } from '../types';
import type { UiText } from './ui-text';
import { createElement } from './create-element';
import { formatNumber, renderBarChart } from './render-bar-chart';

/** A ranking or distribution is worth a chart from this many comparable values. */
const CHART_MIN = 3;

/**
 * Renders the facts an answer used as a small table, plus a bar chart when at least three of
 * them are numbers of the same metric and unit (a ranking or a distribution). Null when no facts.
 */
export function renderFacts(facts: AnswerFact[], text: UiText): HTMLElement | null {
  if (facts.length === 0) return null;
  const [subject, metric, value, period, source] = text.factColumns;
  const table = createElement('table', { className: 'facts-table' }, [
    createElement('caption', { text: text.factsCaption }),
    createElement('thead', {}, [createElement('tr', {}, [subject, metric, value, period, source]
      .map((heading) => createElement('th', { text: heading, attrs: { scope: 'col' } })))]),
    createElement('tbody', {}, facts.map((fact) => createElement('tr', {}, [
      createElement('td', { text: fact.subject }),
      createElement('td', { text: fact.metric }),
      createElement('td', { className: 'num', text: formatValue(fact) }),
      createElement('td', { text: fact.period }),
      createElement('td', { text: fact.source }),
    ]))),
  ]);
  const comparable = chartableFacts(facts);
  const chart = comparable.length >= CHART_MIN
    ? renderBarChart(comparable, text.chartLabel(chartTitle(comparable[0])))
    : null;
  return createElement('div', { className: 'facts' }, [chart, createElement('div', { className: 'facts-scroll' }, [table])]);
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

/** 「数量（家）」 already names its unit; 「投融资金额」 gets 「（亿元）」 added. */
function chartTitle(fact: AnswerFact): string {
  return !fact.unit || fact.metric.includes(fact.unit) ? fact.metric : `${fact.metric}（${fact.unit}）`;
}

function formatValue(fact: AnswerFact): string {
  if (fact.value === null) return '—';
  const value = typeof fact.value === 'number' ? formatNumber(fact.value) : fact.value;
  return fact.unit && !value.endsWith(fact.unit) ? `${value}${fact.unit}` : value;
}
