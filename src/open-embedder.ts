import { join } from 'node:path';
import type { Config } from './config';
import type { Embedder } from './embed/embedder';
import { createStaticEmbedder } from './embed/static-embedder';
import { createStaticTextPreparer } from './embed/static-text-preparer';
import { STATIC_MODEL_FILES as MODEL_FILES } from './embed/export-static-model';
import { AppError } from './errors';
import type { Segmenter } from './text/segmenter';

/** Manifest id of the model the project trains from the corpus. */
export const STATIC_EMBEDDER_ID = 'static-lsa';

/** Folder of the corpus-trained model inside the index folder, relative to it. */
export const STATIC_MODEL_DIR = 'model';

/** Folder of the corpus-trained model inside the index folder. */
export function staticModelDir(indexDir: string): string {
  return join(indexDir, STATIC_MODEL_DIR);
}

/** Files of the corpus-trained model, relative to the index folder; each is hash-checked at start-up. */
export const STATIC_MODEL_FILES: readonly string[] = MODEL_FILES.map((file) => `${STATIC_MODEL_DIR}/${file}`);

/** Manifest id the configured embedder will have (checked before loading anything). */
export function embedderId(config: Config): string {
  return config.embedding.model === 'static' ? STATIC_EMBEDDER_ID : config.embedding.model;
}

/**
 * Opens the configured embedder. The corpus-trained static model (texts prepared as jieba words +
 * bigrams) is served by its plain-JavaScript forward pass, so onnxruntime and transformers.js are
 * never loaded for it; any other model (hub id or folder) goes through transformers.js, which is
 * imported only then. The static model's files are the ones transformers.js loads too, and a test
 * checks that both give the same vectors.
 * @throws AppError model_missing when the model is not on disk (or does not load) and remote loading is off.
 */
export async function openEmbedder(config: Config, segmenter: Segmenter,
  options: { readFile?: (path: string) => Buffer; analyze?: (text: string) => string[] } = {}): Promise<Embedder> {
  const { readFile, analyze } = options;
  if (config.embedding.model === 'static') {
    const folder = staticModelDir(config.paths.indexDir);
    try {
      return createStaticEmbedder({ folder, id: STATIC_EMBEDDER_ID, prepareText: createStaticTextPreparer(segmenter, analyze), readFile });
    } catch (error) {
      throw new AppError('model_missing', `static model in ${folder} does not load: ${(error as Error).message}`, { cause: error });
    }
  }
  try {
    const { createTransformersEmbedder } = await import('./embed/transformers-embedder');
    return await createTransformersEmbedder({ model: config.embedding.model, allowRemote: config.embedding.allowRemote,
      cacheDir: config.embedding.cacheDir, queryPrefix: config.embedding.queryPrefix });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EMBEDDING_MODEL_NOT_FOUND' || code === 'EMBEDDING_MODEL_LOAD_FAILED') {
      throw new AppError('model_missing', (error as Error).message, { cause: error });
    }
    throw error;
  }
}
