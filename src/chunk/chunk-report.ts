import type { Chunk, Figure, LineOffset, Paragraph, ReportDocument, Section, Table } from '../types';
import { lineAt } from './line-at';
import { sectionLabel } from './section-label';
import { splitSentences } from './split-sentences';

/** Chunk sizes in characters. Defaults: 150–400 (the issue's range). */
export interface ChunkOptions {
  minChars?: number;
  maxChars?: number;
}

/**
 * Cuts the report into retrievable chunks: sentence-bounded prose chunks that never cross a
 * section, each table row on its own (row-level citations), and row groups that repeat the
 * caption and header. The table of contents is never chunked.
 */
export function chunkReport(document: ReportDocument, options: ChunkOptions = {}): Chunk[] {
  const { minChars = 150, maxChars = 400 } = options;
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  const chunks: Chunk[] = [];
  const bySection = new Map<string, Paragraph[]>();
  for (const paragraph of document.paragraphs) {
    const section = sections.get(paragraph.sectionId);
    if (!section || section.kind === 'toc') continue;
    const list = bySection.get(paragraph.sectionId) ?? [];
    list.push(paragraph);
    bySection.set(paragraph.sectionId, list);
  }
  for (const [sectionId, paragraphs] of bySection) {
    chunks.push(...chunkSection(sections.get(sectionId)!, paragraphs, minChars, maxChars));
  }
  for (const table of document.tables) chunks.push(...chunkTable(table, sections.get(table.sectionId), maxChars));
  for (const figure of document.figures) chunks.push(...chunkFigure(figure, sections.get(figure.sectionId), maxChars));
  return chunks;
}

/**
 * The text a figure prints (the industry map of 图2-2: one line per segment, its firms after it), line by line under
 * the figure's caption, so that what it lists can be found and quoted (「BaaS那栏有哪些公司」).
 */
function chunkFigure(figure: Figure, section: Section | undefined, maxChars: number): Chunk[] {
  const printed = figure.lines ?? [];
  if (!printed.length) return [];
  const label = sectionLabel(section);
  const source = `${figure.id} ${figure.caption}`;
  const chunks: Chunk[] = [];
  let group: { line: number; text: string }[] = [];
  const flush = () => {
    if (!group.length) return;
    let text = '';
    const lines: LineOffset[] = [];
    for (const entry of group) {
      if (text) text += '\n';
      lines.push({ line: entry.line, offset: text.length });
      text += entry.text;
    }
    chunks.push({
      id: `f${figure.id.replace(/^图/, '')}#${chunks.length + 1}`, kind: 'prose', sectionId: figure.sectionId, section: label, source, text,
      context: [section?.path.join(' ') ?? '', source].join(' '),
      lineStart: group[0].line, lineEnd: group[group.length - 1].line, lines,
    });
    group = [];
  };
  let length = 0;
  for (const entry of printed) {
    if (group.length && length + entry.text.length + 1 > maxChars) {
      flush();
      length = 0;
    }
    group.push(entry);
    length += entry.text.length + 1;
  }
  flush();
  return chunks;
}

interface Piece {
  text: string;
  line: number;
  paragraphStart: boolean;
  figures: string[];
}

function chunkSection(section: Section, paragraphs: Paragraph[], minChars: number, maxChars: number): Chunk[] {
  const pieces: Piece[] = [];
  for (const paragraph of paragraphs) {
    splitSentences(paragraph.text).forEach((sentence, index) => {
      pieces.push({ text: sentence.text, line: lineAt(paragraph.lines, sentence.start), paragraphStart: index === 0,
        figures: index === 0 ? paragraph.figures : [] });
    });
  }
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let length = 0;
  for (const piece of pieces) {
    const atBoundary = piece.paragraphStart && length >= minChars;
    if (current.length && (length + piece.text.length > maxChars || atBoundary)) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(piece);
    length += piece.text.length;
  }
  if (current.length) groups.push(current);
  const label = sectionLabel(section);
  return groups.map((group, index) => {
    let text = '';
    const lines: LineOffset[] = [];
    for (const piece of group) {
      if (text) text += piece.paragraphStart ? '\n' : '';
      lines.push({ line: piece.line, offset: text.length });
      text += piece.text;
    }
    const figures = group.flatMap((p) => p.figures);
    return {
      id: `s${section.id}#${index + 1}`, kind: 'prose', sectionId: section.id, section: label, text,
      context: [section.path.join(' '), ...figures].join(' '),
      lineStart: Math.min(...group.map((p) => p.line)), lineEnd: Math.max(...group.map((p) => p.line)), lines,
    } satisfies Chunk;
  });
}

/** Chunk id stem of a table: '表6-1' → 't6-1'. */
export function tableKey(tableId: string): string {
  return `t${tableId.replace(/^表/, '')}`;
}

function chunkTable(table: Table, section: Section | undefined, maxChars: number): Chunk[] {
  const key = tableKey(table.id);
  const label = sectionLabel(section);
  const source = `${table.id} ${table.caption}`;
  const rowText = (cells: string[]) => cells.filter((c) => c.trim()).join(' ');
  const header = table.columns.join(' ');
  const chunks: Chunk[] = table.rows.map((row, index) => ({
    id: `${key}#r${index + 1}`, kind: 'table-row', sectionId: table.sectionId, section: label, source,
    text: rowText(row.cells),
    context: `${source} ${table.columns.map((column, i) => `${column} ${row.cells[i] ?? ''}`).join(' ')}`,
    lineStart: row.line, lineEnd: row.lineEnd, lines: [{ line: row.line, offset: 0 }], tableId: table.id, rows: [index],
  }));
  let group: number[] = [];
  let length = header.length;
  const flush = () => {
    if (!group.length) return;
    let text = header;
    const lines: LineOffset[] = [{ line: table.line, offset: 0 }];
    for (const index of group) {
      text += '\n';
      lines.push({ line: table.rows[index].line, offset: text.length });
      text += rowText(table.rows[index].cells);
    }
    chunks.push({
      id: `${key}#g${chunks.length - table.rows.length + 1}`, kind: 'table-rows', sectionId: table.sectionId, section: label,
      source, text, context: `${source} ${label}`, lineStart: table.rows[group[0]].line,
      lineEnd: table.rows[group[group.length - 1]].lineEnd, lines, tableId: table.id, rows: [...group],
    });
    group = [];
    length = header.length;
  };
  table.rows.forEach((row, index) => {
    const size = rowText(row.cells).length + 1;
    if (group.length && length + size > maxChars) flush();
    group.push(index);
    length += size;
  });
  flush();
  return chunks;
}
