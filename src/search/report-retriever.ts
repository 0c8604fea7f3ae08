import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { Document } from '@langchain/core/documents';
import type { HybridSearch, SearchMode } from './hybrid-search';

export interface ReportRetrieverInput extends BaseRetrieverInput {
  search: HybridSearch;
  k?: number;
  mode?: SearchMode;
}

/**
 * The report's retriever as a LangChain BaseRetriever: `Document`s whose metadata carries the chunk
 * id, section label, table caption and line range, so LangChain chains can cite exactly.
 */
export class ReportRetriever extends BaseRetriever {
  override lc_namespace = ['report_qa', 'retrievers'];
  private readonly hybrid: HybridSearch;
  private readonly k: number;
  private readonly mode: SearchMode;

  constructor(input: ReportRetrieverInput) {
    super(input);
    this.hybrid = input.search;
    this.k = input.k ?? 8;
    this.mode = input.mode ?? 'hybrid';
  }

  override async _getRelevantDocuments(query: string): Promise<Document[]> {
    const hits = await this.hybrid.search(query, this.k, this.mode);
    return hits.map(({ chunk, score, scores }) => new Document({
      pageContent: chunk.text,
      id: chunk.id,
      metadata: { chunkId: chunk.id, kind: chunk.kind, section: chunk.section, source: chunk.source,
        lineStart: chunk.lineStart, lineEnd: chunk.lineEnd, score, scores },
    }));
  }
}
