import { piecesOf } from './select-evidence';
import { numbersIn } from '../facts/number-guard';
import { compactText } from '../text/normalize-text';
import type { Answer, Chunk } from '../types';

// A period label as answers state it: 截至2020年6月, 2020年上半年, 2019年底, 2016–2020年.
const PERIOD = /(截至|截止到|截止|到)?\s*(19|20)\d{2}(?![.\d])\s*年?\s*([-—–~至]\s*(19|20)?\d{2}\s*年?)?\s*(\d{1,2}\s*([-—–~至]\s*\d{1,2}\s*)?月份?)?\s*(底|末|上半年|下半年|全年|以来)?/g;

/**
 * Table rows do not print the period their figures refer to (表6-1's 「截至 2020 年 6 月」 is stated in the
 * prose above it), so an answer that labels a figure with its period must also cite the sentence
 * that states it. For each period label whose numbers no citation contains, this finds that sentence in
 * the cited chunks' sections and cites it right after the label; labels it cannot support are left
 * for the number guard to reject.
 */
export function citePeriods(answer: Answer, question: string, chunks: readonly Chunk[]): Answer {
  const supported = () => new Set([question, ...answer.citations.flatMap((c) => [c.quote, c.section, c.source ?? ''])].flatMap(numbersIn));
  let text = answer.answer;
  const citations = [...answer.citations];
  const sections = new Set(citations.map((c) => chunks.find((chunk) => chunk.id === c.chunkId)?.sectionId).filter(Boolean));
  for (const match of [...text.matchAll(PERIOD)].reverse()) {
    const label = match[0].trim();
    const have = supported();
    const missing = numbersIn(label).filter((n) => !have.has(n));
    if (!missing.length) continue;
    const sentence = findSentence(chunks, sections, numbersIn(label), /上半年/.test(label) ? '上半年' : /下半年/.test(label) ? '下半年' : '');
    if (!sentence) continue;
    let id = citations.find((c) => c.chunkId === sentence.chunk.id && c.line === sentence.line && c.quote === sentence.text)?.id;
    if (!id) {
      id = citations.length + 1;
      citations.push({ id, chunkId: sentence.chunk.id, section: sentence.chunk.section, source: sentence.chunk.source,
        quote: sentence.text, line: sentence.line });
    }
    const end = (match.index ?? 0) + match[0].trimEnd().length;
    if (!text.slice(end).startsWith(`[${id}]`)) text = `${text.slice(0, end)}[${id}]${text.slice(end)}`;
  }
  return { ...answer, answer: text, citations };
}

/** The first sentence, in the cited sections first, stating every number of the label (and its half-year word). */
function findSentence(chunks: readonly Chunk[], sections: Set<string | undefined>, numbers: string[], half: string) {
  const candidates = chunks.filter((c) => c.kind === 'prose' && sections.has(c.sectionId));
  for (const chunk of [...candidates, ...chunks.filter((c) => c.kind === 'prose' && !sections.has(c.sectionId))]) {
    for (const piece of piecesOf(chunk)) {
      const stated = new Set(numbersIn(piece.text));
      if (numbers.every((n) => stated.has(n)) && (!half || compactText(piece.text).includes(half))) return { chunk, ...piece };
    }
  }
  return null;
}
