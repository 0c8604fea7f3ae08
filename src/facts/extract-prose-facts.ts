import { lineAt } from '../chunk/line-at';
import { splitSentences } from '../chunk/split-sentences';
import type { Chunk, Fact, LineOffset, ReportDocument } from '../types';
import type { EntityLexicon } from './entity-lexicon';
import { sentenceQuantities } from './sentence-quantities';

/** Words that say what a figure counts (新成立 vs all registered); moved into the metric. */
const SCOPE = /新成立|新注册成立|新注册|新增加|新增|新公开|在工商备案|登记注册|具有投入产出/;
const NEW_SCOPE = /新成立|新注册成立|新注册|新增加|新增/;

/** One sentence-like text whose quantities become facts. */
export interface ProseFactInput {
  text: string;
  /** Where `text` starts inside `quote` (0 when the quote is the text). */
  textOffset?: number;
  period: string;
  quote: string;
  line: number;
  chunkId: string;
  /** '表4-2' or a section id like '2.1'. */
  source: string;
  lexicon: EntityLexicon;
  defaultSubject?: string;
  idPrefix: string;
}

/** The quantities of one text as facts citing `quote` (used for running-text table cells). */
export function proseFactsOf(input: ProseFactInput): Fact[] {
  const { quantities } = sentenceQuantities(input.text, input.period, input.lexicon, input.defaultSubject);
  const offset = input.textOffset ?? Math.max(0, input.quote.indexOf(input.text));
  return quantities.map((q, i) => ({
    id: `${input.idPrefix}@${offset + q.start}${quantities.filter((o, j) => j < i && o.start === q.start).length ? `~${i}` : ''}`,
    source: input.source, subject: q.subject, metric: q.metric, text: q.text.trim(), value: q.value, unit: q.unit,
    period: q.period, ...(q.qualifier ? { qualifier: q.qualifier } : {}), quote: input.quote, offset: offset + q.start,
    line: input.line, chunkId: input.chunkId,
  }));
}

/**
 * Every quantity stated in the report's prose (counts, shares, growth rates, money, dates) as a
 * fact: subject, metric, value and unit, the period in force (carried through a paragraph), the
 * sentence as the quote with its line, and the prose chunk that holds it.
 */
export function extractProseFacts(document: ReportDocument, chunks: Chunk[], lexicon: EntityLexicon): Fact[] {
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  const proseChunks = chunks.filter((c) => c.kind === 'prose');
  const facts: Fact[] = [];
  let carried = '';
  let section = '';
  for (const paragraph of document.paragraphs) {
    if (sections.get(paragraph.sectionId)?.kind === 'toc') continue;
    // The period in force carries through a section (「细分比较各大地区…」 continues the section's 2020 H1 view).
    if (paragraph.sectionId !== section) carried = '';
    section = paragraph.sectionId;
    const metricByUnit = new Map<string, string>();
    let topic = '';
    for (const sentence of splitSentences(paragraph.text)) {
      const line = lineAt(paragraph.lines, sentence.start);
      const chunk = proseChunks.find((c) => c.sectionId === paragraph.sectionId && line >= c.lineStart && line <= c.lineEnd && c.text.includes(sentence.text));
      // 「广州作为…排名第一。…重点发展区块链企业服务，占全国…近 40%」: a sentence naming no one continues
      // the one before when that one opens with its subject.
      const named = lexicon.find(sentence.text).filter((m) => m.type === 'region' || m.type === 'organization');
      const result = sentenceQuantities(sentence.text, carried, lexicon, named.length ? '' : topic);
      carried = result.carried;
      topic = named[0]?.type === 'region' && named[0].index === 0 ? named[0].name : '';
      if (!chunk) continue;
      result.quantities.forEach((q, i) => {
        const duplicate = result.quantities.some((o, j) => j < i && o.start === q.start);
        // 「其次是江苏省71家」 counts what the figures before it in the paragraph count.
        let metric = q.metric || (q.kind !== 'date' ? metricByUnit.get(q.unit) ?? '' : '');
        if (q.kind === 'count' && q.metric && !lexicon.namesCountedNoun(q.metric) && lexicon.namesCountedNoun(metricByUnit.get(q.unit) ?? '')) metric = `${q.metric}${metricByUnit.get(q.unit)}`;
        if (q.metric.length >= 3 && q.kind !== 'date') metricByUnit.set(q.unit, q.metric);
        const clause = sentence.text.slice(0, q.end).split(/[，,；;。]/).pop() ?? '';
        // A flow figure (「2020年上半年…100家」) takes what a later sentence says the figures count; a stock (截至…) does not.
        const flow = (q.kind === 'count' || q.kind === 'percent') && !q.period.startsWith('截至');
        const scope = clause.match(SCOPE)?.[0] ?? (flow ? paragraph.text.slice(sentence.end).match(NEW_SCOPE)?.[0] : undefined);
        if (scope && !metric.includes(scope)) metric = `${scope}${metric}`;
        facts.push({
          id: `${chunk.id}@${paragraph.lineStart}+${sentence.start + q.start}${duplicate ? `~${i}` : ''}`, source: paragraph.sectionId, subject: q.subject, metric,
          text: q.text.trim(), value: q.value, unit: q.unit, period: q.period, ...(q.qualifier ? { qualifier: q.qualifier } : {}),
          quote: sentence.text, offset: q.start, line, ...printedAt(paragraph.lines, sentence.start, q.start, line), chunkId: chunk.id,
        });
      });
    }
  }
  return facts;
}

/** A figure printed after a page break inside its sentence (…已颁|布实施的…有 26 项): the line that prints it, where that line starts in the sentence. */
function printedAt(lines: readonly LineOffset[], start: number, at: number, line: number): { printed?: { line: number; offset: number } } {
  const entry = [...lines].reverse().find((e) => e.offset <= start + at);
  return entry && entry.line !== line && entry.offset > start ? { printed: { line: entry.line, offset: entry.offset - start } } : {};
}
