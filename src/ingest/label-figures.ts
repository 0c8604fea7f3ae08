import type { Figure, Paragraph } from '../types';

/**
 * Labels paragraphs with the captions of the figures they describe: the paragraph of the
 * same chapter nearest to the caption that mentions the figure ('如图 1-1 所示', '详见图2-3'),
 * else the last paragraph before the caption. The label is the caption as printed
 * ('图 2-3 2020 年上半年我国区块链企业地区分布数量及比例'). Returns labelled copies.
 */
export function labelFigures(paragraphs: readonly Paragraph[], figures: readonly Figure[], lines: readonly string[]): Paragraph[] {
  const labelled = paragraphs.map((paragraph) => ({ ...paragraph, figures: [...paragraph.figures] }));
  for (const figure of figures) {
    const chapter = chapterOf(figure.sectionId);
    const candidates = labelled.filter((paragraph) => chapterOf(paragraph.sectionId) === chapter);
    const mention = mentionPattern(figure.id);
    const target =
      nearest(candidates.filter((paragraph) => mention.test(paragraph.text)), figure.line) ??
      candidates.filter((paragraph) => paragraph.lineEnd < figure.line).at(-1) ??
      nearest(candidates, figure.line);
    target?.figures.push(lines[figure.line - 1]!.replace(/\*\*/g, '').trim());
  }
  return labelled;
}

/** '图2-3' matches '图 2-3' and '图2-3' but not '图 2-31'. */
function mentionPattern(id: string): RegExp {
  const [chapter, index] = id.replace(/^图/, '').split('-');
  return new RegExp(`图\\s*${chapter}\\s*[-－–—]\\s*${index}(?!\\d)`);
}

function nearest(paragraphs: readonly Paragraph[], line: number): Paragraph | undefined {
  let best: Paragraph | undefined;
  let bestDistance = Infinity;
  for (const paragraph of paragraphs) {
    const distance = paragraph.lineEnd < line ? line - paragraph.lineEnd : paragraph.lineStart - line;
    // Ties go to the paragraph before the caption, which comes first in this loop.
    if (distance < bestDistance) {
      best = paragraph;
      bestDistance = distance;
    }
  }
  return best;
}

function chapterOf(sectionId: string): string {
  return sectionId.split('.')[0]!;
}
