import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { Chunk, Fact } from '../types';
import { writeFileAtomic } from '../write-file-atomic';
import type { Bm25Data } from './bm25-index';

/** Bumped whenever the layout of index/ changes; a mismatch refuses to start. */
export const INDEX_FORMAT_VERSION = 1;

export const INDEX_FILES = { chunks: 'chunks.json', bm25: 'bm25.json', vectors: 'vectors.hnsw', facts: 'facts.json' } as const;

export interface IndexManifest {
  formatVersion: number;
  corpus: { file: string; sha256: string };
  embedder: { id: string; dimensions: number };
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
  vectorsPath: string;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with sorted-stable formatting so rebuilds are byte-identical. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/** Writes the JSON artefacts atomically and returns their hashes (the vector file is written by its builder). */
export function writeIndexFiles(dir: string, parts: { chunks: Chunk[]; bm25: Bm25Data; facts: Fact[] }): Record<string, string> {
  const files: Record<string, string> = {};
  const write = (name: string, text: string) => {
    writeFileAtomic(join(dir, name), text);
    files[name] = sha256(text);
  };
  write(INDEX_FILES.chunks, toJson(parts.chunks));
  write(INDEX_FILES.bm25, toJson(parts.bm25));
  write(INDEX_FILES.facts, toJson(parts.facts));
  return files;
}

/** Written last, so an interrupted build leaves the old manifest (and start-up then detects the mismatch). */
export function writeManifest(dir: string, manifest: IndexManifest): void {
  writeFileAtomic(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * Loads index/ and checks it against the corpus and the configured embedder.
 * @throws AppError index_missing (no or unreadable manifest/file, hash mismatch) or index_stale
 *   (format version, corpus sha256 or embedder differ).
 */
export function readIndex(dir: string, expected: { corpusSha256: string; embedderId: string }): StoredIndex {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new AppError('index_missing', `no manifest at ${manifestPath}; run npm run build-index`);
  let manifest: IndexManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as IndexManifest;
  } catch (cause) {
    throw new AppError('index_missing', `manifest ${manifestPath} is not valid JSON; run npm run build-index`, { cause });
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
  const read = (name: string): Buffer => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new AppError('index_missing', `missing ${path}; run npm run build-index`);
    const data = readFileSync(path);
    if (manifest.files[name] !== sha256(data)) throw new AppError('index_missing', `${path} is damaged (sha256 mismatch); run npm run build-index`);
    return data;
  };
  const chunks = JSON.parse(read(INDEX_FILES.chunks).toString('utf8')) as Chunk[];
  const bm25 = JSON.parse(read(INDEX_FILES.bm25).toString('utf8')) as Bm25Data;
  const facts = JSON.parse(read(INDEX_FILES.facts).toString('utf8')) as Fact[];
  read(INDEX_FILES.vectors);
  // Every other listed artefact (the static model's files, read by the embedder) is checked as well.
  const known = new Set<string>(Object.values(INDEX_FILES));
  for (const name of Object.keys(manifest.files)) if (!known.has(name)) read(name);
  return { manifest, chunks, bm25, facts, vectorsPath: join(dir, INDEX_FILES.vectors) };
}
