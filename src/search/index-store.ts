import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { Chunk, Fact } from '../types';
import { writeFileAtomic } from '../write-file-atomic';
import type { KnowledgeData } from '../facts/knowledge-data';
import type { Bm25Data } from './bm25-index';

/** Bumped whenever the layout of index/ changes; a mismatch refuses to start. */
export const INDEX_FORMAT_VERSION = 3;

export const INDEX_FILES = { chunks: 'chunks.json', bm25: 'bm25.json', vectors: 'vectors.hnsw', facts: 'facts.json', knowledge: 'knowledge.json' } as const;

export interface IndexManifest {
  formatVersion: number;
  corpus: { file: string; sha256: string };
  embedder: { id: string; dimensions: number };
  /** sha256 of the question lexicons the index was built with (src/question/lexicon). */
  lexicon: { sha256: string };
  counts: { sections: number; paragraphs: number; tables: number; chunks: number; facts: number; terms: number };
  /** sha256 of every artefact, so a damaged file is caught at start-up. */
  files: Record<string, string>;
  builtAt: string;
}

export interface StoredIndex {
  manifest: IndexManifest;
  chunks: Chunk[];
  bm25: Bm25Data;
  facts: Fact[];
  knowledge: KnowledgeData;
  vectorsPath: string;
  /**
   * Reads a file of the index (an absolute path) as verified at start-up, without reading it again
   * (the static model's 13 MB were read twice); other paths are read from disk.
   */
  readFile(path: string): Buffer;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with sorted-stable formatting so rebuilds are byte-identical. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Writes the JSON artefacts atomically and returns their hashes (the vector file is written by its builder). */
export function writeIndexFiles(dir: string, parts: { chunks: Chunk[]; bm25: Bm25Data; facts: Fact[]; knowledge: KnowledgeData }): Record<string, string> {
  const files: Record<string, string> = {};
  const write = (name: string, text: string) => {
    writeFileAtomic(join(dir, name), text);
    files[name] = sha256(text);
  };
  write(INDEX_FILES.chunks, toJson(parts.chunks));
  write(INDEX_FILES.bm25, toJson(parts.bm25));
  write(INDEX_FILES.facts, toJson(parts.facts));
  write(INDEX_FILES.knowledge, toJson(parts.knowledge));
  return files;
}

/** Written last, so an interrupted build leaves the old manifest (and start-up then detects the mismatch). */
export function writeManifest(dir: string, manifest: IndexManifest): void {
  writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Loads index/ and checks it against the corpus and the configured embedder. Every file the manifest
 * lists is hash-checked (the static model's files too), and `expected.files` must all be listed.
 * @throws AppError index_missing (no or unreadable manifest/file, hash mismatch) or index_stale
 *   (format version, corpus sha256 or embedder differ, a required file not listed).
 */
export function readIndex(dir: string, expected: { corpusSha256: string; embedderId: string; lexiconSha256?: string; files?: readonly string[] }): StoredIndex {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new AppError('index_missing', `no manifest at ${manifestPath}; run npm run build-index`);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as IndexManifest;
  } catch (cause) {
    throw new AppError('index_missing', `manifest ${manifestPath} is not valid JSON; run npm run build-index`, { cause });
  }
  if (!isManifestShape(manifest)) {
    throw new AppError('index_missing', `manifest ${manifestPath} lacks files, corpus or embedder fields; run npm run build-index`);
  }
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new AppError('index_stale', `index format ${manifest.formatVersion} != ${INDEX_FORMAT_VERSION}; run npm run build-index`);
  }
  if (manifest.corpus?.sha256 !== expected.corpusSha256) {
    throw new AppError('index_stale', 'index was built from a different corpus (sha256 mismatch); run npm run build-index');
  }
  if (manifest.embedder?.id !== expected.embedderId) {
    throw new AppError('index_stale', `index embedder ${manifest.embedder?.id} != configured ${expected.embedderId}; run npm run build-index`);
  }
  if (expected.lexiconSha256 && manifest.lexicon?.sha256 !== expected.lexiconSha256) {
    throw new AppError('index_stale', 'index was built with other question lexicons (src/question/lexicon changed); run npm run build-index');
  }
  const read = (name: string): Buffer => {
    const path = join(dir, name);
    if (!existsSync(path) || !statSync(path).isFile()) throw new AppError('index_missing', `missing ${path}; run npm run build-index`);
    const data = readFileSync(path);
    if (manifest.files[name] !== sha256(data)) throw new AppError('index_missing', `${path} is damaged (sha256 mismatch); run npm run build-index`);
    return data;
  };
  for (const name of [...Object.values(INDEX_FILES), ...(expected.files ?? [])]) {
    if (!(name in manifest.files)) throw new AppError('index_stale', `manifest does not list ${name}; run npm run build-index`);
  }
  // Files only checked here (the model is opened by its engine, the vectors by hnswlib), before anything reads them.
  const verified = new Map<string, Buffer>();
  for (const name of Object.keys(manifest.files)) {
    if (!([INDEX_FILES.chunks, INDEX_FILES.bm25, INDEX_FILES.facts, INDEX_FILES.knowledge, INDEX_FILES.vectors] as string[]).includes(name)) {
      verified.set(join(dir, name), read(name));
    } else if (name === INDEX_FILES.vectors) read(name);
  }
  const chunks = JSON.parse(read(INDEX_FILES.chunks).toString('utf8')) as Chunk[];
  const bm25 = JSON.parse(read(INDEX_FILES.bm25).toString('utf8')) as Bm25Data;
  const facts = JSON.parse(read(INDEX_FILES.facts).toString('utf8')) as Fact[];
  const knowledge = JSON.parse(read(INDEX_FILES.knowledge).toString('utf8')) as KnowledgeData;
  // Handed out once: the buffers are not kept beyond the reader that asks for them.
  const readFile = (path: string) => {
    const data = verified.get(path);
    verified.delete(path);
    return data ?? readFileSync(path);
  };
  return { manifest, chunks, bm25, facts, knowledge, vectorsPath: join(dir, INDEX_FILES.vectors), readFile };
}

function isManifestShape(value: unknown): value is IndexManifest {
  const manifest = value as Partial<IndexManifest> | null;
  return !!manifest && typeof manifest === 'object'
    && !!manifest.files && typeof manifest.files === 'object' && Object.values(manifest.files).every((hash) => typeof hash === 'string')
    && !!manifest.corpus && typeof manifest.corpus === 'object'
    && !!manifest.embedder && typeof manifest.embedder === 'object' && Number.isInteger(manifest.embedder.dimensions);
}

/**
 * Refuses an embedder whose vectors do not have the length the index was built with (an edited
 * manifest, or another model in the same folder): every query would fail or match garbage.
 * @throws AppError index_stale
 */
export function checkEmbedderDimensions(manifest: IndexManifest, dimensions: number): void {
  if (manifest.embedder.dimensions !== dimensions) {
    throw new AppError('index_stale', `index has ${manifest.embedder.dimensions}-dimensional vectors, the embedder gives ${dimensions}; run npm run build-index`);
  }
}
