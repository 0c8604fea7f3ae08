import type { Figure } from '../types';
import { matchCaption, type ClassifiedLine } from './classify-lines';

/** Figures found in the report and the lines they occupy. */
export interface FigureScan {
  figures: Figure[];
  /** Caption lines and the lines of text printed inside figures. */
  consumed: Set<number>;
}

/**
 * Reads figure captions ('图 2-3 caption') and the text some figures print as tab-separated
 * lines (the industry map 图2-2). A figure's body comes before its caption, as its
 * 「数据来源」 line does, so a tab-separated block outside any table belongs to the figure
 * whose caption follows it past blank and 数据来源 lines, else to the one right above it.
 * `taken` holds lines already claimed by tables.
 */
export function parseFigures(
  lines: readonly ClassifiedLine[],
  taken: ReadonlySet<number>,
  sectionIdAt: (line: number) => string,
): FigureScan {
  const figures: Figure[] = [];
  const consumed = new Set<number>();
  const byLine = new Map<number, Figure>();

  for (const current of lines) {
    if (current.kind !== 'figure-caption' || taken.has(current.line)) continue;
    const caption = matchCaption(current.text, '图')!;
    const figure: Figure = { id: caption.id, caption: caption.caption, sectionId: sectionIdAt(current.line), line: current.line };
    figures.push(figure);
    byLine.set(current.line, figure);
    consumed.add(current.line);
  }

  for (const block of looseBlocks(lines, taken)) {
    const owner =
      byLine.get(captionNear(lines, block.at(-1)!.line, 1)) ?? byLine.get(captionNear(lines, block[0]!.line, -1));
    if (!owner) continue;
    const printed = block
      .filter((entry) => entry.kind === 'tabbed')
      .map((entry) => ({ line: entry.line, text: entry.raw.split('\t').map((cell) => cell.replace(/\*\*/g, '').trim()).filter(Boolean).join(' ') }))
      .filter((entry) => entry.text);
    const text = printed.map((entry) => entry.text).join('\n');
    owner.text = owner.text ? `${owner.text}\n${text}` : text;
    owner.lines = [...(owner.lines ?? []), ...printed];
    for (let line = block[0]!.line; line <= block.at(-1)!.line; line += 1) consumed.add(line);
  }
  return { figures, consumed };
}

/** Runs of tab-separated lines not claimed by a table, spanning blank lines. */
function looseBlocks(lines: readonly ClassifiedLine[], taken: ReadonlySet<number>): ClassifiedLine[][] {
  const blocks: ClassifiedLine[][] = [];
  let block: ClassifiedLine[] = [];
  for (const current of lines) {
    const loose = (current.kind === 'tabbed' || current.kind === 'separator') && !taken.has(current.line);
    if (loose) block.push(current);
    else if (current.kind !== 'blank' && block.length > 0) {
      blocks.push(block);
      block = [];
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** Line of the figure caption reached from `line` stepping over blank and 数据来源 lines; -1 if none. */
function captionNear(lines: readonly ClassifiedLine[], line: number, step: 1 | -1): number {
  for (let index = line - 1 + step; index >= 0 && index < lines.length; index += step) {
    const { kind } = lines[index]!;
    if (kind === 'figure-caption') return index + 1;
    if (kind !== 'blank' && kind !== 'data-source') return -1;
  }
  return -1;
}
