import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Config } from './config';
import { chunkReport } from './chunk/chunk-report';
import { exportStaticModel, STATIC_MODEL_FILES } from './embed/export-static-model';
import { trainStaticModel } from './embed/train-static-model';
import { extractFacts } from './facts/extract-facts';
import { storeFacts } from './facts/fact-store';
import { createTermizer } from './facts/fact-terms';
import type { KnowledgeData } from './facts/knowledge-data';
import { typeTables } from './facts/typed-tables';
import { buildLexicon } from './question/build-lexicon';
import { lexiconSha256, loadLexiconFiles } from './question/lexicon';
import { deriveReportLexicon } from './question/report-lexicon';
import { loadReport } from './ingest/load-report';
import { embedderId, openEmbedder, STATIC_MODEL_DIR, staticModelDir } from './open-embedder';
import { buildBm25 } from './search/bm25-index';
import { chunkSearchText } from './search/chunk-search-text';
import { INDEX_FILES, INDEX_FORMAT_VERSION, sha256, writeIndexFiles, writeManifest } from './search/index-store';
import { writeVectorIndex } from './search/vector-index';
import { analyzeText } from './text/analyze-text';
import { domainWords } from './text/domain-words';
import { createJiebaSegmenter } from './text/jieba-segmenter';

export interface BuildProgress {
  stage: 'parse' | 'chunk' | 'bm25' | 'train' | 'embed' | 'vectors' | 'facts' | 'write';
  done: number;
  total: number;
}

export interface BuildResult {
  seconds: number;
  chunks: number;
  facts: number;
  dimensions: number;
}

/**
 * Rebuilds index/ from the corpus: parse → chunk → BM25 → (train static model) → embed → HNSW →
 * facts → manifest. Every file is written atomically and the manifest last, so an interrupted
 * build is detected at start-up instead of serving a half-written index.
 */
export async function buildIndex(config: Config, onProgress: (p: BuildProgress) => void = () => {}): Promise<BuildResult> {
  const started = performance.now();
  const dir = config.paths.indexDir;
  onProgress({ stage: 'parse', done: 0, total: 1 });
  const document = loadReport(config.paths.corpus);
  const segmenter = createJiebaSegmenter(domainWords(document));
  onProgress({ stage: 'chunk', done: 0, total: 1 });
  const chunks = chunkReport(document);
  const texts = chunks.map(chunkSearchText);
  const terms = texts.map((text) => analyzeText(segmenter, text));
  onProgress({ stage: 'bm25', done: 0, total: 1 });
  const bm25 = buildBm25(terms);
  if (config.embedding.model === 'static') {
    onProgress({ stage: 'train', done: 0, total: 1 });
    // Row groups repeat their rows: training on them would double-count table vocabulary.
    const model = trainStaticModel(terms.filter((_, i) => chunks[i].kind !== 'table-rows'));
    const target = staticModelDir(dir);
    const temp = `${target}.${process.pid}.tmp`;
    rmSync(temp, { recursive: true, force: true });
    exportStaticModel(model, temp);
    rmSync(target, { recursive: true, force: true });
    renameSync(temp, target);
  }
  const embedder = await openEmbedder(config, segmenter);
  const vectors: Float32Array[] = [];
  const batch = 32;
  for (let i = 0; i < texts.length; i += batch) {
    vectors.push(...(await embedder.embedDocuments(texts.slice(i, i + batch))));
    onProgress({ stage: 'embed', done: Math.min(i + batch, texts.length), total: texts.length });
  }
  onProgress({ stage: 'vectors', done: 0, total: 1 });
  const vectorsTemp = join(dir, `${INDEX_FILES.vectors}.${process.pid}.tmp`);
  writeVectorIndex(vectors, embedder.dimensions, vectorsTemp);
  renameSync(vectorsTemp, join(dir, INDEX_FILES.vectors));
  onProgress({ stage: 'facts', done: 0, total: 1 });
  // Everything the answerer needs that depends only on the report (and the lexicons) is worked out here, once.
  const lexiconFiles = loadLexiconFiles(config.paths.lexiconDir);
  const reportLexicon = deriveReportLexicon(document, lexiconFiles);
  const lexicon = buildLexicon(lexiconFiles, reportLexicon);
  const facts = extractFacts(document, chunks, lexicon);
  const termsOf = createTermizer(segmenter);
  const knowledge: KnowledgeData = { version: 1, lexicon: reportLexicon, tables: typeTables(document, lexicon, chunks),
    facts: storeFacts(facts, chunks, lexicon, termsOf), terms: [...new Set(chunks.flatMap((c) => termsOf(c.text)))].sort() };
  onProgress({ stage: 'write', done: 0, total: 1 });
  const files = writeIndexFiles(dir, { chunks, bm25, facts, knowledge });
  files[INDEX_FILES.vectors] = sha256(readFileSync(join(dir, INDEX_FILES.vectors)));
  // The static model is part of the index: its files are hashed like the others and checked at start-up.
  if (config.embedding.model === 'static') {
    for (const file of STATIC_MODEL_FILES) files[`${STATIC_MODEL_DIR}/${file}`] = sha256(readFileSync(join(staticModelDir(dir), file)));
  }
  writeManifest(dir, {
    formatVersion: INDEX_FORMAT_VERSION,
    corpus: { file: basename(config.paths.corpus), sha256: document.sha256 },
    embedder: { id: embedderId(config), dimensions: embedder.dimensions },
    lexicon: { sha256: lexiconSha256(config.paths.lexiconDir) },
    counts: { sections: document.sections.length, paragraphs: document.paragraphs.length, tables: document.tables.length,
      chunks: chunks.length, facts: facts.length, terms: Object.keys(bm25.postings).length },
    files,
    builtAt: new Date().toISOString(),
  });
  return { seconds: (performance.now() - started) / 1000, chunks: chunks.length, facts: facts.length, dimensions: embedder.dimensions };
}
