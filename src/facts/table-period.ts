import { splitSentences } from '../chunk/split-sentences';
import type { ReportDocument, Table } from '../types';
import { findPeriods } from './find-periods';

/**
 * The period a table's figures refer to, as the report states it: from the caption
 * ('2020 年上半年…'), else from the sentence that introduces the table ('…如表 8-1 所示'), else from
 * the first stock period (截至…) or period stated in its section before the table. '' when none.
 */
export function tablePeriod(document: ReportDocument, table: Table): string {
  const fromCaption = findPeriods(table.caption)[0];
  if (fromCaption) return fromCaption.label;
  const paragraphs = document.paragraphs.filter((p) => p.sectionId === table.sectionId && p.lineStart < table.line);
  const mention = new RegExp(`表\\s*${table.id.replace(/^表/, '').replace('-', '\\s*[-－]\\s*')}(?!\\d)`);
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(paragraph.text)) {
      if (!mention.test(sentence.text)) continue;
      const before = sentence.text.slice(0, sentence.text.search(mention));
      const period = findPeriods(before).at(-1) ?? findPeriods(sentence.text)[0];
      if (period) return period.label;
    }
  }
  const periods = paragraphs.flatMap((p) => findPeriods(p.text));
  const stock = periods.find((p) => p.label.startsWith('截至'));
  return (stock ?? periods[0])?.label ?? '';
}
