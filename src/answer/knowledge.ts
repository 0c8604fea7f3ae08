import type { Lexicon } from '../question/build-lexicon';
import type { Chunk, Figure, Section } from '../types';
import type { FactStore } from '../facts/fact-store';
import type { TypedTable } from '../facts/typed-tables';
import type { Source } from './claims';

/** Everything the answerer reads from the report (built once at start-up from the index). */
export interface Knowledge {
  lexicon: Lexicon;
  tables: ReadonlyMap<string, TypedTable>;
  chunks: readonly Chunk[];
  chunk(id: string): Chunk | undefined;
  sections: ReadonlyMap<string, Section>;
  /** Display heading path of a section ('六、（二）企业分布阶梯化明显'). */
  sectionLabel(sectionId: string): string;
  facts: FactStore;
  figures: readonly Figure[];
  /** A line of the report as printed (1-based): what a heading or caption citation quotes. */
  lineText(line: number): string;
  /** The report lines an earlier answer quoted, found from its text (quoted-lines.ts). */
  quotedLines(answer: string): ReadonlySet<number>;
}

/** A table row as a citation source. */
export function rowSource(knowledge: Knowledge, chunkId: string): Source {
  const chunk = knowledge.chunk(chunkId)!;
  return { chunkId, quote: chunk.text, line: chunk.lineStart, section: chunk.section, source: chunk.source };
}

/** A sentence of a chunk as a citation source. */
export function sentenceSource(knowledge: Knowledge, chunkId: string, quote: string, line: number): Source {
  const chunk = knowledge.chunk(chunkId)!;
  return { chunkId, quote, line, section: chunk.section, ...(chunk.source ? { source: chunk.source } : {}) };
}
