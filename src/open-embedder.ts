import { join } from 'node:path';
import type { Config } from './config';
import type { Embedder } from './embed/embedder';
import { createStaticTextPreparer } from './embed/static-text-preparer';
import { createTransformersEmbedder } from './embed/transformers-embedder';
import { AppError } from './errors';
import type { Segmenter } from './text/segmenter';

/** Manifest id of the model the project trains from the corpus. */
export const STATIC_EMBEDDER_ID = 'static-lsa';

/** Folder of the corpus-trained model inside the index folder. */
export function staticModelDir(indexDir: string): string {
  return join(indexDir, 'model');
}

/** Files of the corpus-trained model, relative to the index folder; each is hash-checked at start-up. */
export const STATIC_MODEL_FILES = ['model/config.json', 'model/tokenizer.json', 'model/tokenizer_config.json', 'model/onnx/model.onnx'] as const;

/** Manifest id the configured embedder will have (checked before loading anything). */
export function embedderId(config: Config): string {
  return config.embedding.model === 'static' ? STATIC_EMBEDDER_ID : config.embedding.model;
}

/**
 * Opens the configured embedder through the one transformers.js code path: the corpus-trained static
 * model (texts prepared as jieba words + bigrams), or any feature-extraction model by hub id or folder.
 * @throws AppError model_missing when the model is not on disk and remote loading is off.
 */
export async function openEmbedder(config: Config, segmenter: Segmenter): Promise<Embedder> {
  const isStatic = config.embedding.model === 'static';
  try {
    return await createTransformersEmbedder(isStatic
      ? { model: staticModelDir(config.paths.indexDir), id: STATIC_EMBEDDER_ID, prepareText: createStaticTextPreparer(segmenter),
          // One text per call is fastest for a Gather-only graph (no padding work).
          batchSize: 1 }
      : { model: config.embedding.model, allowRemote: config.embedding.allowRemote, cacheDir: config.embedding.cacheDir,
          queryPrefix: config.embedding.queryPrefix });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EMBEDDING_MODEL_NOT_FOUND' || code === 'EMBEDDING_MODEL_LOAD_FAILED') {
      throw new AppError('model_missing', (error as Error).message, { cause: error });
    }
    throw error;
  }
}
