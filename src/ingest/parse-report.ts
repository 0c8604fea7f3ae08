import { createHash } from 'node:crypto';
import type { ReportDocument } from '../types';
import { attachDataSources } from './attach-data-sources';
import { classifyLines } from './classify-lines';
import { labelFigures } from './label-figures';
import { parseFigures } from './parse-figures';
import { parseSections } from './parse-sections';
import { parseTables } from './parse-tables';
import { repairPageBreaks } from './repair-page-breaks';

/**
 * Parses the report markdown into its section tree, repaired paragraphs, tables and figures.
 * Every element keeps 1-based line numbers of `markdown`. `sha256` is the hash of the UTF-8
 * text (loadReport replaces it with the hash of the file's raw bytes).
 */
export function parseReport(markdown: string): ReportDocument {
  const lines = splitLines(markdown);
  const classified = classifyLines(lines);
  const tree = parseSections(classified);
  const tableScan = parseTables(classified, tree.sectionIdAt);
  const figureScan = parseFigures(classified, tableScan.consumed, tree.sectionIdAt);
  const { tables, figures } = attachDataSources(classified, tableScan.tables, figureScan.figures);
  const skip = new Set([...tree.headingLines, ...tableScan.consumed, ...figureScan.consumed]);
  const paragraphs = repairPageBreaks(classified, {
    skip,
    sectionIdAt: tree.sectionIdAt,
    sectionKind: (id) => tree.byId.get(id)?.kind ?? 'front',
  });
  return {
    sha256: createHash('sha256').update(markdown, 'utf8').digest('hex'),
    lines,
    sections: tree.sections,
    paragraphs: labelFigures(paragraphs, figures, lines),
    tables,
    figures,
  };
}

/** Raw lines: '\n' or '\r\n' separated; a final newline does not open another line. */
function splitLines(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
