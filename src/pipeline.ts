import type { Config } from './config';
import { createAnswerer } from './answer/answer-question';
import type { Embedder } from './embed/embedder';
import { buildEntityLexicon, type EntityLexicon } from './facts/entity-lexicon';
import { createFactBook } from './facts/fact-book';
import { loadReport } from './ingest/load-report';
import type { Logger } from './logger';
import { createLogger } from './logger';
import { embedderId, openEmbedder } from './open-embedder';
import { createBm25Index, type Bm25Index } from './search/bm25-index';
import { createHybridSearch, type HybridSearch } from './search/hybrid-search';
import { readIndex, type StoredIndex } from './search/index-store';
import { readVectorIndex } from './search/vector-index';
import { analyzeText } from './text/analyze-text';
import { domainWords } from './text/domain-words';
import { createJiebaSegmenter } from './text/jieba-segmenter';
import type { Pipeline, ReportDocument, Table } from './types';
import { createUnknownTermFinder } from './answer/unknown-terms';
import { suggestFollowUps } from './answer/suggest-follow-ups';
import { sectionLabel } from './chunk/section-label';
import { memoizeRecent } from './memoize-recent';

/** Everything the answering core is made of, for the CLI's eval and bench. */
export interface PipelineParts {
  document: ReportDocument;
  index: StoredIndex;
  embedder: Embedder;
  bm25: Bm25Index;
  search: HybridSearch;
  lexicon: EntityLexicon;
  analyze: (text: string) => string[];
}

/**
 * The one place that picks implementations: loads and checks the index against the corpus and the
 * configured embedder, opens the embedder, and wires retrieval, facts and the answerers.
 * @throws AppError index_missing | index_stale | model_missing (start-up refuses a bad index).
 */
export async function createPipeline(config: Config, options: { logger?: Logger } = {}): Promise<Pipeline & { parts: PipelineParts }> {
  const logger = options.logger ?? createLogger(config.log.level);
  const document = loadReport(config.paths.corpus);
  const index = readIndex(config.paths.indexDir, { corpusSha256: document.sha256, embedderId: embedderId(config) });
  const segmenter = createJiebaSegmenter(domainWords(document));
  // Small on purpose: it serves the stages of one request, not repeated questions across requests.
  const analyze = memoizeRecent((text: string) => analyzeText(segmenter, text));
  const embedder = await openEmbedder(config, segmenter);
  const bm25 = createBm25Index(index.bm25);
  const vectors = readVectorIndex(index.vectorsPath, index.manifest.embedder.dimensions, index.chunks.length);
  const search = createHybridSearch({ chunks: index.chunks, bm25, vectors, embedder, analyze, bm25Weight: config.retrieval.bm25Weight });
  const lexicon = buildEntityLexicon(document);
  const tables = new Map<string, Table>(document.tables.map((t) => [t.id, t]));
  const factBook = createFactBook({ facts: index.facts, document, chunks: index.chunks, lexicon });
  const unknownTerms = createUnknownTermFinder(segmenter, document.lines.join('\n'), (word) => lexicon.find(word).length > 0);
  const answerer = createAnswerer({ search, analyze, idf: bm25.idf, lexicon, tables, topK: config.retrieval.topK,
    answerFromFacts: factBook.answer, unknownTerms, chunks: index.chunks });
  // The LangChain/OpenAI client is loaded only when a chat model is configured.
  const llm = config.llm ? await openLlmAnswerer(config, logger) : null;
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  // Suggested next questions ride on every answer (the widget shows them as buttons).
  const withFollowUps = (ask: Pipeline['ask']): Pipeline['ask'] => async (messages, askOptions) => {
    const answer = await ask(messages, askOptions);
    return { ...answer, suggestions: suggestFollowUps(answer, { chunks: index.chunks, facts: index.facts, tables: document.tables }) };
  };
  logger.info('pipeline_ready', { chunks: index.chunks.length, embedder: embedder.id, llm: Boolean(llm) });

  return {
    parts: { document, index, embedder, bm25, search, lexicon, analyze },
    ask: withFollowUps(async (messages, askOptions = {}) => {
      const result = await answerer.answerMessages(messages);
      if (!llm || !result.question) return result.answer;
      const hits = await search.search(result.context ? `${result.question} ${result.context}` : result.question, 6);
      const sources = hits.map((hit, i) => ({ id: i + 1, chunkId: hit.chunk.id, section: hit.chunk.section, source: hit.chunk.source,
        quote: hit.chunk.text, line: hit.chunk.lineStart }));
      return llm.answer({ question: result.question, understood: result.answer.understood, sources, fallback: result.answer,
        signal: askOptions.signal });
    }),
    lookupFacts: (query) => ({ facts: factBook.lookup(query) }),
    listTables: () => document.tables.map((t) => ({ id: t.id, caption: t.caption, rows: t.rows.length })),
    getTable: (id) => tables.get(id.replace(/\s+/g, '')),
    health: () => ({ chunks: index.chunks.length, embedder: embedder.id, corpus: document.sha256 }),
    sectionLabel: (id) => sectionLabel(sections.get(id)),
  };
}

async function openLlmAnswerer(config: Config, logger: Logger) {
  const [{ createLlmAnswerer }, { createChatModel }] = await Promise.all([import('./answer/llm-answerer'), import('./answer/chat-model')]);
  return createLlmAnswerer({ model: createChatModel(config.llm!), promptsDir: config.paths.promptsDir, timeoutMs: config.llm!.timeoutMs, logger });
}

