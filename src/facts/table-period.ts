import { lineAt } from '../chunk/line-at';
import { splitSentences } from '../chunk/split-sentences';
import type { ReportDocument, Table } from '../types';
import { findPeriods } from '../text/find-periods';

/** The period a table's figures refer to, and the prose sentence that states it (none when the caption does). */
export interface TablePeriod {
  label: string;
  sentence?: { text: string; line: number; sectionId: string };
}

/**
 * The period a table's figures refer to, as the report states it: from the caption
 * ('2020 年上半年…'), else from the sentence that introduces the table ('…如表 8-1 所示'), else from
 * the first stock period (截至…) or period stated in its section before the table.
 */
export function findTablePeriod(document: ReportDocument, table: Table): TablePeriod {
  const fromCaption = findPeriods(table.caption)[0];
  if (fromCaption) return { label: fromCaption.label };
  const paragraphs = document.paragraphs.filter((p) => p.sectionId === table.sectionId && p.lineStart < table.line);
  const mention = new RegExp(`表\\s*${table.id.replace(/^表/, '').replace('-', '\\s*[-－]\\s*')}(?!\\d)`);
  const sentences = paragraphs.flatMap((p) => splitSentences(p.text).map((s) => ({ ...s, line: lineAt(p.lines, s.start), sectionId: p.sectionId })));
  for (const sentence of sentences) {
    if (!mention.test(sentence.text)) continue;
    const before = sentence.text.slice(0, sentence.text.search(mention));
    const period = findPeriods(before).at(-1) ?? findPeriods(sentence.text)[0];
    if (period) return { label: period.label, sentence: { text: sentence.text, line: sentence.line, sectionId: sentence.sectionId } };
  }
  const stated = sentences.flatMap((s) => findPeriods(s.text).map((period) => ({ period, sentence: s })));
  const chosen = stated.find((p) => p.period.label.startsWith('截至')) ?? stated[0];
  return chosen ? { label: chosen.period.label, sentence: { text: chosen.sentence.text, line: chosen.sentence.line, sectionId: chosen.sentence.sectionId } }
    : { label: '' };
}

/** The period label alone (see {@link findTablePeriod}). */
export function tablePeriod(document: ReportDocument, table: Table): string {
  return findTablePeriod(document, table).label;
}
