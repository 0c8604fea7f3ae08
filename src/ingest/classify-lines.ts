/**
 * First pass over the corpus: what each raw line looks like on its own.
 * Headings are decided later (parse-sections) because they need the numbering sequence.
 */

export type LineKind =
  | 'blank'
  | 'toc-entry'
  | 'table-caption'
  | 'figure-caption'
  | 'data-source'
  | 'separator'
  | 'tabbed'
  | 'text';

export interface ClassifiedLine {
  /** 1-based line number in the corpus file. */
  line: number;
  raw: string;
  kind: LineKind;
  /** Trimmed text without markdown heading marks and bold markers. */
  text: string;
}

/** A caption such as '表 6-1 我国区块链企业…' or '图 2-3 …': prefix, id and caption text. */
export interface CaptionMatch {
  /** '表6-1' / '图2-3'. */
  id: string;
  caption: string;
}

const MAX_CAPTION_LENGTH = 80;
// Leader dots then a page number: '一、我国区块链政策环境现状.....\t1'.
const TOC_ENTRY = /(?:\.{3,}|…{2,}|·{3,})\s*\d+\s*$/;
const DATA_SOURCE = /^(?:数据来源|资料来源)\s*[：:]/;
// Markdown table rules left over by the export: '------\t--------\t----'.
const SEPARATOR = /^[\s|:\-–—]*-[\s|:\-–—]*$/;
const CAPTION = /^([表图])\s*(\d+)\s*[-－–—]\s*(\d+)(?!\d)\s*(.*)$/;

/** Classifies every raw line (index 0 is line 1). */
export function classifyLines(lines: readonly string[]): ClassifiedLine[] {
  return lines.map((raw, index) => {
    const text = cleanText(raw);
    return { line: index + 1, raw, kind: kindOf(raw, text), text };
  });
}

/** Trims a line and removes markdown heading marks ('## ') and bold markers ('**'). */
export function cleanText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\*\*/g, '')
    .trim()
    .replace(/^#{1,6}\s*/, '')
    .trim();
}

/** Parses a table or figure caption line; null for anything else (e.g. prose citing '表 2-2'). */
export function matchCaption(text: string, prefix: '表' | '图'): CaptionMatch | null {
  if (text.length > MAX_CAPTION_LENGTH || /[。；]$/.test(text)) return null;
  const match = CAPTION.exec(text);
  if (!match || match[1] !== prefix) return null;
  return { id: `${prefix}${match[2]}-${match[3]}`, caption: match[4]!.trim() };
}

function kindOf(raw: string, text: string): LineKind {
  if (text === '') return 'blank';
  if (TOC_ENTRY.test(text)) return 'toc-entry';
  if (matchCaption(text, '表')) return 'table-caption';
  if (matchCaption(text, '图')) return 'figure-caption';
  if (DATA_SOURCE.test(text)) return 'data-source';
  if (SEPARATOR.test(text)) return 'separator';
  if (raw.includes('\t')) return 'tabbed';
  return 'text';
}
