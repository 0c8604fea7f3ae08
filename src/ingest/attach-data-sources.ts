import type { Figure, Table } from '../types';
import type { ClassifiedLine } from './classify-lines';

/**
 * Gives each 「数据来源：…」 line to the figure or table it belongs to. In this report a
 * figure's source line sits just above its caption and a table's just below its last row,
 * so the caption below wins, then the table right above, then a figure caption right above.
 * Returns copies of the tables and figures with `dataSource` set (the line as printed).
 */
export function attachDataSources(
  lines: readonly ClassifiedLine[],
  tables: readonly Table[],
  figures: readonly Figure[],
): { tables: Table[]; figures: Figure[] } {
  const tableByEnd = new Map(tables.map((table) => [table.lineEnd, { ...table }]));
  const figureByLine = new Map(figures.map((figure) => [figure.line, { ...figure }]));

  lines.forEach((current, index) => {
    if (current.kind !== 'data-source') return;
    const below = figureByLine.get(neighbour(lines, index, 1)?.line ?? -1);
    const aboveLine = neighbour(lines, index, -1)?.line ?? -1;
    const table = tableByEnd.get(aboveLine);
    const above = figureByLine.get(aboveLine);
    const owner = [below, table, above].find((candidate) => candidate && candidate.dataSource === undefined);
    if (owner) owner.dataSource = current.text;
  });

  return {
    tables: tables.map((table) => tableByEnd.get(table.lineEnd)!),
    figures: figures.map((figure) => figureByLine.get(figure.line)!),
  };
}

function neighbour(lines: readonly ClassifiedLine[], index: number, step: 1 | -1): ClassifiedLine | undefined {
  for (let at = index + step; at >= 0 && at < lines.length; at += step) {
    if (lines[at]!.kind !== 'blank') return lines[at];
  }
  return undefined;
}
