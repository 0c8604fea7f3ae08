import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/build-index';
import { loadConfig } from '../../src/config';
import { AppError } from '../../src/errors';
import { createPipeline } from '../../src/pipeline';
import { ROOT } from '../support/corpus-text';

const COMMITTED = join(ROOT, 'index');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function withoutBuildTime(manifest: string): unknown {
  const { builtAt, ...rest } = JSON.parse(manifest) as { builtAt: string };
  expect(Number.isNaN(Date.parse(builtAt))).toBe(false);
  return rest;
}

describe('build-index', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'report-qa-index-'));
    await buildIndex(loadConfig({}, { QA_INDEX_DIR: dir }));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds exactly the committed index from the committed corpus (deterministic build)', () => {
    expect(listFiles(dir)).toEqual(listFiles(COMMITTED));
    for (const file of listFiles(dir)) {
      const built = readFileSync(join(dir, file));
      const committed = readFileSync(join(COMMITTED, file));
      if (file === 'manifest.json') expect(withoutBuildTime(built.toString())).toEqual(withoutBuildTime(committed.toString()));
      else expect(built.equals(committed), `${file} differs from the committed index; run npm run build-index`).toBe(true);
    }
  });

  it('leaves no temporary files behind', () => {
    expect(listFiles(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to start on an index built from another corpus, naming npm run build-index', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'report-qa-stale-'));
    try {
      cpSync(dir, stale, { recursive: true });
      const manifestPath = join(stale, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      manifest.corpus.sha256 = '0'.repeat(64);
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const error = await createPipeline(loadConfig({}, { QA_INDEX_DIR: stale, QA_LOG_LEVEL: 'silent' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('index_stale');
      expect((error as AppError).userMessage).toContain('npm run build-index');
      expect((error as AppError).message).toContain('npm run build-index');
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });

  it('refuses a damaged or missing index file', async () => {
    const damaged = mkdtempSync(join(tmpdir(), 'report-qa-damaged-'));
    try {
      cpSync(dir, damaged, { recursive: true });
      writeFileSync(join(damaged, 'chunks.json'), '[]');
      const error = await createPipeline(loadConfig({}, { QA_INDEX_DIR: damaged, QA_LOG_LEVEL: 'silent' })).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('index_missing');
      rmSync(join(damaged, 'manifest.json'));
      const missing = await createPipeline(loadConfig({}, { QA_INDEX_DIR: damaged, QA_LOG_LEVEL: 'silent' })).catch((e: unknown) => e);
      expect((missing as AppError).code).toBe('index_missing');
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });

  it('hashes the static model files in the manifest and refuses a damaged one', async () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(['model/onnx/model.onnx', 'model/tokenizer.json']));
    const damaged = mkdtempSync(join(tmpdir(), 'report-qa-model-'));
    try {
      cpSync(dir, damaged, { recursive: true });
      const tokenizer = join(damaged, 'model', 'tokenizer.json');
      writeFileSync(tokenizer, readFileSync(tokenizer, 'utf8').replace('"区块链"', '"区块"'));
      const error = await createPipeline(loadConfig({}, { QA_INDEX_DIR: damaged, QA_LOG_LEVEL: 'silent' })).catch((e: unknown) => e);
      expect((error as AppError).code).toBe('index_missing');
      expect((error as AppError).message).toContain('tokenizer.json');
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });

  it('refuses an index built for another embedder', async () => {
    const error = await createPipeline(loadConfig({}, { QA_INDEX_DIR: dir, QA_EMBED_MODEL: 'Xenova/bge-small-zh-v1.5', QA_LOG_LEVEL: 'silent' }))
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('index_stale');
  });
});
