import type { Paragraph, SectionKind } from '../types';
import type { ClassifiedLine } from './classify-lines';
import { continuation, joinFragments } from './join-fragments';

export interface RepairOptions {
  /** Lines that are not prose: headings, tables, figures. */
  skip: ReadonlySet<number>;
  sectionIdAt(line: number): string;
  sectionKind(sectionId: string): SectionKind;
}

/**
 * Builds prose paragraphs from the remaining text lines. Each markdown line is a paragraph,
 * except where the PDF page break cut one: a line that does not end a sentence, followed only
 * by blank or whitespace-only lines, then the continuation (see `continuation`). Repeated
 * characters at the cut are dropped. Blank lines, 数据来源 lines, captions and the table of
 * contents never become paragraphs. Front matter and the committee page are lists of names,
 * so they keep one paragraph per line.
 */
export function repairPageBreaks(lines: readonly ClassifiedLine[], options: RepairOptions): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | null = null;

  for (const entry of lines) {
    if ((entry.kind !== 'text' && entry.kind !== 'tabbed') || options.skip.has(entry.line)) continue;
    const sectionId = options.sectionIdAt(entry.line);
    const kind = options.sectionKind(sectionId);
    if (kind === 'toc') continue;
    const text = entry.kind === 'tabbed' ? entry.text.split('\t').map((cell) => cell.trim()).filter(Boolean).join(' ') : entry.text;

    const joinable =
      current !== null &&
      current.sectionId === sectionId &&
      kind !== 'front' &&
      kind !== 'committee' &&
      onlyBlankBetween(lines, current.lineEnd, entry.line);
    const mode = joinable ? continuation(current!.text, text) : null;
    if (current && mode) {
      const joined = joinFragments(current.text, text, mode);
      current.text = joined.text;
      current.lineEnd = entry.line;
      current.lines.push({ line: entry.line, offset: joined.offset });
      continue;
    }
    current = { sectionId, text, lineStart: entry.line, lineEnd: entry.line, lines: [{ line: entry.line, offset: 0 }], figures: [] };
    paragraphs.push(current);
  }
  return paragraphs;
}

function onlyBlankBetween(lines: readonly ClassifiedLine[], from: number, to: number): boolean {
  for (let line = from + 1; line < to; line += 1) {
    if (lines[line - 1]!.kind !== 'blank') return false;
  }
  return true;
}
