import type { WireFact } from '../server/wire-types';
import type { AnswerFact } from '../types';
import { createSvgElement } from './create-element';

const ROW = 22;
const LABEL_WIDTH = 76;
const VALUE_WIDTH = 64;
const WIDTH = 320;
const MAX_BARS = 12;

/**
 * Draws numeric facts as a horizontal bar chart in inline SVG (no library, no inline style, so it
 * passes a strict style-src). Colours come from the widget stylesheet through class names.
 */
export function renderBarChart(facts: AnswerFact[], label: string): SVGElement {
  const bars = facts.slice(0, MAX_BARS);
  const max = Math.max(...bars.map((fact) => Number(fact.value)), 0) || 1;
  const height = bars.length * ROW + 4;
  const track = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const svg = createSvgElement('svg', { viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': label, class: 'chart' });
  svg.append(createSvgElement('title', {}, [label]));
  bars.forEach((fact, index) => {
    const value = Number(fact.value);
    const y = index * ROW + 2;
    const width = Math.max(1, (Math.max(0, value) / max) * track);
    svg.append(
      createSvgElement('text', { x: LABEL_WIDTH - 6, y: y + ROW / 2, class: 'chart-label', 'text-anchor': 'end', 'dominant-baseline': 'middle' },
        [truncate(fact.subject, 6)]),
      createSvgElement('rect', { x: LABEL_WIDTH, y: y + 3, width: width.toFixed(1), height: ROW - 6, rx: 3, class: 'chart-bar' }),
      createSvgElement('text', { x: LABEL_WIDTH + width + 4, y: y + ROW / 2, class: 'chart-value', 'dominant-baseline': 'middle' },
        [(fact as WireFact).text ?? `${formatNumber(value)}${fact.unit === '%' ? '%' : ''}`]),
    );
  });
  return svg;
}

/** Plain digits (no locale grouping) with at most two decimals, as the report prints them. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}
