import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { AppError } from './errors';
import { openEmbedder } from './open-embedder';
import { BASE_DOMAIN_WORDS } from './text/domain-words';
import { createJiebaSegmenter } from './text/jieba-segmenter';

const root = resolve(import.meta.dirname, '..');
const segmenter = createJiebaSegmenter(BASE_DOMAIN_WORDS);
const scratch = mkdtempSync(join(tmpdir(), 'open-embedder-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs `code` (an ES module) in a fresh Node process from the repository root and returns its stdout. */
function runNode(code: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
}

describe('openEmbedder', () => {
  it.runIf(existsSync('/proc/self/maps'))('serves the static model without loading onnxruntime (transformers.js would map it)', () => {
    const output = runNode(`
      import { readFileSync } from 'node:fs';
      const { loadConfig } = await import('./src/config.ts');
      const { openEmbedder } = await import('./src/open-embedder.ts');
      const { createJiebaSegmenter } = await import('./src/text/jieba-segmenter.ts');
      const { BASE_DOMAIN_WORDS } = await import('./src/text/domain-words.ts');
      const onnxruntime = () => /onnxruntime/.test(readFileSync('/proc/self/maps', 'utf8'));
      const embedder = await openEmbedder(loadConfig({}), createJiebaSegmenter(BASE_DOMAIN_WORDS));
      const vector = await embedder.embedQuery('区块链专利');
      const served = onnxruntime();
      await import('@huggingface/transformers');
      console.log(JSON.stringify({ id: embedder.id, length: vector.length, served, afterImport: onnxruntime() }));
    `);
    expect(JSON.parse(output)).toEqual({ id: 'static-lsa', length: 256, served: false, afterImport: true });
  }, 60_000);

  it('opens a model folder given by path through transformers.js, like a pretrained model', async () => {
    const folder = join(scratch, 'my-model');
    cpSync(join(root, 'index', 'model'), folder, { recursive: true });
    const embedder = await openEmbedder(loadConfig({}, { QA_EMBED_MODEL: folder }), segmenter);
    expect(embedder.id).toBe('my-model');
    expect(embedder.dimensions).toBe(256);
  });

  it('reports model_missing for a missing pretrained model and for a damaged static model', async () => {
    const missing = await openEmbedder(loadConfig({}, { QA_EMBED_MODEL: join(scratch, 'nowhere') }), segmenter).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).code).toBe('model_missing');
    const index = join(scratch, 'index');
    cpSync(join(root, 'index', 'model'), join(index, 'model'), { recursive: true });
    writeFileSync(join(index, 'model', 'onnx', 'model.onnx'), 'not an onnx model');
    const damaged = await openEmbedder(loadConfig({}, { QA_INDEX_DIR: index }), segmenter).catch((e: unknown) => e);
    expect((damaged as AppError).code).toBe('model_missing');
  });
});
