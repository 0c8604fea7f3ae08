import type { Chunk } from '../types';

/** What BM25 and the embedder see of a chunk: its search context (headings, caption, columns) then its text. */
export function chunkSearchText(chunk: Chunk): string {
  return chunk.kind === 'table-row' ? chunk.context : `${chunk.context}\n${chunk.text}`;
}
