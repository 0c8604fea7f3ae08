import { createQuotedLines } from './answer/quoted-lines';
import type { Config } from './config';
import { createAnswerer } from './answer/answer-question';
import type { Retrieval } from './answer/answer-from-passages';
import type { Knowledge } from './answer/knowledge';
import { lookupFacts } from './answer/lookup-facts';
import { prepareRestatements } from './answer/restated-sources';
import type { Embedder } from './embed/embedder';
import { createFactStore } from './facts/fact-store';
import { createTermizer } from './facts/fact-terms';
import { loadReport } from './ingest/load-report';
import type { Logger } from './logger';
import { createLogger } from './logger';
import { embedderId, openEmbedder, STATIC_MODEL_FILES } from './open-embedder';
import { buildLexicon, type Lexicon } from './question/build-lexicon';
import { lexiconSha256, loadLexiconFiles } from './question/lexicon';
import type { ReadContext } from './question/read-question';
import { createBm25Index, type Bm25Index } from './search/bm25-index';
import { createHybridSearch, type HybridSearch } from './search/hybrid-search';
import { checkEmbedderDimensions, readIndex, type StoredIndex } from './search/index-store';
import { readVectorIndex } from './search/vector-index';
import { analyzeText } from './text/analyze-text';
import { compactForm } from './text/compact-form';
import { domainWords } from './text/domain-words';
import { createJiebaSegmenter } from './text/jieba-segmenter';
import type { Pipeline, ReportDocument, Table } from './types';
import { createFollowUpSuggester } from './answer/suggest-follow-ups';
import { sectionLabel } from './chunk/section-label';
import { memoizeRecent } from './memoize-recent';

/** Everything the answering core is made of, for the CLI's eval and bench. */
export interface PipelineParts {
  document: ReportDocument;
  index: StoredIndex;
  embedder: Embedder;
  bm25: Bm25Index;
  search: HybridSearch;
  lexicon: Lexicon;
  knowledge: Knowledge;
  read: ReadContext;
  analyze: (text: string) => string[];
}

/** A code written together (tc307) as the report prints it (tc 307), where the report never prints it together. */
function respeller(document: ReportDocument): (word: string) => string | undefined {
  const spellings = codeSpellings(document);
  const printed = new Set(compactForm(document.lines.join('\n')).match(/[a-z0-9]+/g) ?? []);
  return (word) => (printed.has(word) ? undefined : spellings.get(word));
}

/** The report's Latin codes printed with a space or a slash inside (TC 307, DC/EP), by their letters written together. */
function codeSpellings(document: ReportDocument): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const run of compactForm(document.lines.join('\n')).match(/[a-z0-9]+(?:[ /][a-z0-9]+)+/g) ?? []) {
    const joined = run.replace(/[ /]/g, '');
    if (!spellings.has(joined)) spellings.set(joined, run);
  }
  return spellings;
}

/** True when the report uses a word: every character pair of it occurs in the report. */
function reportVocabulary(document: ReportDocument): (word: string) => boolean {
  const text = compactForm(document.lines.join('\n'));
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) pairs.add(text.slice(i, i + 2));
  const whole = (form: string) => {
    for (let i = 0; i + 1 < form.length; i++) if (!pairs.has(form.slice(i, i + 2))) return false;
    return true;
  };
  // 「DeFi」「GDP」: a word of Latin letters is known only as a whole word the report prints (its letter pairs say nothing).
  const latin = new Set(text.match(/[a-z0-9]+/g) ?? []);
  // 「TC307」「DCEP」: a code the report prints with a space or a slash inside (TC 307, DC/EP) is the same word written together.
  for (const joined of codeSpellings(document).keys()) latin.add(joined);
  // 「工商登记」: a compound of two words the report uses (工商, 登记) is as known as they are, though it never writes them side by side.
  return (word) => {
    const form = compactForm(word);
    if (/^[a-z0-9]+$/.test(form)) return latin.has(form);
    if (whole(form)) return true;
    for (let at = 2; at + 2 <= form.length; at++) if (whole(form.slice(0, at)) && whole(form.slice(at))) return true;
    return false;
  };
}

/**
 * The one place that picks implementations: loads and checks the index against the corpus and the
 * configured embedder, opens the embedder, and wires the question stage, retrieval, the tables and
 * figures, and the answerers.
 * @throws AppError index_missing | index_stale | model_missing (start-up refuses a bad index).
 */
export async function createPipeline(config: Config, options: { logger?: Logger } = {}): Promise<Pipeline & { parts: PipelineParts }> {
  const logger = options.logger ?? createLogger(config.log.level);
  const document = loadReport(config.paths.corpus);
  const index = readIndex(config.paths.indexDir, { corpusSha256: document.sha256, embedderId: embedderId(config),
    lexiconSha256: lexiconSha256(config.paths.lexiconDir), files: config.embedding.model === 'static' ? STATIC_MODEL_FILES : [] });
  const segmenter = createJiebaSegmenter(domainWords(document));
  // Small on purpose: it serves the stages of one request, not repeated questions across requests.
  const analyze = memoizeRecent((text: string) => analyzeText(segmenter, text));
  const embedder = await openEmbedder(config, segmenter, { readFile: index.readFile, analyze });
  checkEmbedderDimensions(index.manifest, embedder.dimensions);
  const bm25 = createBm25Index(index.bm25);
  const vectors = readVectorIndex(index.vectorsPath, index.manifest.embedder.dimensions, index.chunks.length);
  const search = createHybridSearch({ chunks: index.chunks, bm25, vectors, embedder, analyze, bm25Weight: config.retrieval.bm25Weight });
  const lexicon = buildLexicon(loadLexiconFiles(config.paths.lexiconDir), index.knowledge.lexicon);
  const termsOf = createTermizer(segmenter);
  const tables = index.knowledge.tables;
  const chunkById = new Map(index.chunks.map((c) => [c.id, c]));
  const sections = new Map(document.sections.map((s) => [s.id, s]));
  const knowledge: Knowledge = {
    lexicon, tables: new Map(tables.map((t) => [t.id, t])), chunks: index.chunks, chunk: (id) => chunkById.get(id), sections,
    sectionLabel: (id) => sectionLabel(sections.get(id)),
    facts: createFactStore(index.knowledge.facts, termsOf, index.knowledge.terms),
    figures: document.figures, lineText: (line) => document.lines[line - 1] ?? '', quotedLines: createQuotedLines(document.lines),
  };
  prepareRestatements(knowledge);
  const read: ReadContext = { lexicon, segment: (text) => segmenter.cut(text), segmentKnown: (text) => segmenter.cutKnown(text), known: reportVocabulary(document), respell: respeller(document), maxChars: config.server.maxAnalyzedChars };
  const retrieval: Retrieval = { search: (query, limit) => search.search(query, limit), analyze, idf: bm25.idf };
  const answerer = createAnswerer({ knowledge, retrieval, read });
  const rawTables = new Map<string, Table>(document.tables.map((t) => [t.id, t]));
  const suggestFollowUps = createFollowUpSuggester({ chunks: index.chunks, facts: index.facts, tables: document.tables });
  // The LangChain/OpenAI client is loaded only when a chat model is configured.
  const llm = config.llm ? await openLlmAnswerer(config, logger) : null;
  logger.info('pipeline_ready', { chunks: index.chunks.length, embedder: embedder.id, llm: Boolean(llm) });

  return {
    parts: { document, index, embedder, bm25, search, lexicon, knowledge, read, analyze },
    async ask(messages, askOptions = {}) {
      const result = await answerer.answer(messages);
      // Suggested next questions ride on every answer (the widget shows them as buttons).
      const withSuggestions = (answer: typeof result.answer) => ({ ...answer,
        suggestions: suggestFollowUps(answer) });
      if (!llm || result.reading.kind !== 'question') return withSuggestions(result.answer);
      const question = result.reading.standalone;
      const hits = await search.search(question, 6);
      const sources = hits.map((hit, i) => ({ id: i + 1, chunkId: hit.chunk.id, section: hit.chunk.section, source: hit.chunk.source,
        quote: hit.chunk.text, line: hit.chunk.lineStart }));
      return withSuggestions(await llm.answer({ question, understood: result.answer.understood, sources, fallback: result.answer, signal: askOptions.signal }));
    },
    lookupFacts: (query) => ({ facts: lookupFacts(query, { knowledge, read, facts: index.facts }) }),
    listTables: () => document.tables.map((t) => ({ id: t.id, caption: t.caption, rows: t.rows.length })),
    getTable: (id) => rawTables.get(id.replace(/\s+/g, '')),
    health: () => ({ chunks: index.chunks.length, embedder: embedder.id, corpus: document.sha256 }),
    sectionLabel: (id) => sectionLabel(sections.get(id)),
  };
}

async function openLlmAnswerer(config: Config, logger: Logger) {
  const [{ createLlmAnswerer }, { createChatModel }] = await Promise.all([import('./answer/llm-answerer'), import('./answer/chat-model')]);
  return createLlmAnswerer({ model: createChatModel(config.llm!), promptsDir: config.paths.promptsDir, timeoutMs: config.llm!.timeoutMs, logger });
}
