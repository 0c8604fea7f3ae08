import { existsSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { env, LogLevel, pipeline, type FeatureExtractionPipeline, type Tensor } from '@huggingface/transformers';
import type { Embedder } from './embedder';

/** Options of {@link createTransformersEmbedder}. */
export interface TransformersEmbedderOptions {
  /** Hub id ('Xenova/bge-small-zh-v1.5', looked up under cacheDir) or a local folder ('/abs/path', './rel'). */
  model: string;
  /** Download missing files from the hub. Default false: everything must already be on disk. */
  allowRemote?: boolean;
  /** Where hub ids are found (and downloaded to, when allowed). Default: transformers.js's own cache. */
  cacheDir?: string;
  /** Applied to every text before the tokenizer (the static model needs `createStaticTextPreparer`). Default identity. */
  prepareText?: (text: string) => string;
  /** Prepended to prepared queries, e.g. bge's '为这个句子生成表示以用于检索相关文章：'. Default ''. */
  queryPrefix?: string;
  /** Texts per model call (sorted by length first). Default 8; 1 is fastest for the static model. */
  batchSize?: number;
  /** Id for the index manifest. Default: the hub id, or the folder name of a local model. */
  id?: string;
}

/** Error codes thrown by {@link createTransformersEmbedder}. */
export type EmbeddingErrorCode = 'EMBEDDING_MODEL_NOT_FOUND' | 'EMBEDDING_MODEL_LOAD_FAILED';

/** An Error carrying a machine-readable code (the lead maps codes to user messages). */
export type EmbeddingError = Error & { code: EmbeddingErrorCode };

// The library's own defaults, so a factory call without cacheDir is not steered by an earlier call's.
const DEFAULT_CACHE_DIR = env.cacheDir;
const DEFAULT_LOCAL_MODEL_PATH = env.localModelPath;

/** Files without which no feature-extraction model loads (fp32 weights). */
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'onnx/model.onnx'];

/**
 * Loads a feature-extraction model with transformers.js (fp32, mean pooling, L2-normalised) and
 * returns it as an {@link Embedder}. Local folders and cached hub ids go through the same loader.
 * Texts whose prepared form is empty, or holds only unknown tokens, get a zero vector.
 * @throws EmbeddingError 'EMBEDDING_MODEL_NOT_FOUND' when allowRemote is false and files are missing;
 *   'EMBEDDING_MODEL_LOAD_FAILED' when the files exist but do not load.
 */
export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  const { allowRemote = false, cacheDir, prepareText = (text: string) => text, queryPrefix = '', batchSize = 8 } = options;
  const isFolder = isAbsolute(options.model) || /^\.\.?[\\/]/.test(options.model);
  const model = isFolder ? resolve(options.model) : options.model;
  const id = options.id ?? (isFolder ? basename(model) : model);

  // transformers.js keeps its settings in a global; this factory is the only place that writes it.
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  env.logLevel = LogLevel.ERROR;
  // Hub ids resolve to <localModelPath>/<id>/…, the same layout the file cache writes into cacheDir.
  env.cacheDir = cacheDir ? resolve(cacheDir) : DEFAULT_CACHE_DIR;
  env.localModelPath = cacheDir ? resolve(cacheDir) : DEFAULT_LOCAL_MODEL_PATH;

  if (!allowRemote) {
    const roots = [env.localModelPath, env.cacheDir].filter((root): root is string => Boolean(root));
    const candidates = isFolder ? [model] : [...new Set(roots.map((root) => join(root, model)))];
    const found = candidates.find((folder) => REQUIRED_FILES.every((file) => existsSync(join(folder, file))));
    if (!found) {
      const missing = REQUIRED_FILES.filter((file) => !existsSync(join(candidates[0], file)));
      throw embeddingError(
        'EMBEDDING_MODEL_NOT_FOUND',
        `embedding model "${options.model}" not found locally (looked in ${candidates.join(', ')}; missing ${missing.join(', ')}) and remote downloads are disabled`,
      );
    }
  }

  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', model, {
      dtype: 'fp32',
      local_files_only: !allowRemote,
      ...(cacheDir ? { cache_dir: resolve(cacheDir) } : {}),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw embeddingError('EMBEDDING_MODEL_LOAD_FAILED', `embedding model "${options.model}" failed to load: ${detail}`, error);
  }

  const probe = (await extractor(['probe'], { pooling: 'mean', normalize: true })) as Tensor;
  const dimensions = probe.dims[1];

  async function embed(prepared: string[]): Promise<Float32Array[]> {
    const vectors = prepared.map(() => new Float32Array(dimensions));
    // Batches pad to their longest text, and transformers.js pools padded positions too (masked), so
    // grouping texts of similar length keeps batches cheap. The order is deterministic (stable sort).
    const pending = prepared
      .flatMap((text, index) => (text.trim() ? [index] : []))
      .sort((a, b) => prepared[a].length - prepared[b].length);
    for (let start = 0; start < pending.length; start += batchSize) {
      const indexes = pending.slice(start, start + batchSize);
      const output = (await extractor(indexes.map((index) => prepared[index]), { pooling: 'mean', normalize: true })) as Tensor;
      const data = output.data as Float32Array;
      indexes.forEach((index, row) => {
        const vector = data.slice(row * dimensions, (row + 1) * dimensions);
        // Only unknown tokens: mean pooling gives 0 and normalising 0/0 gives NaN; keep the zero vector.
        if (vector.every(Number.isFinite)) vectors[index] = vector;
      });
    }
    return vectors;
  }

  return {
    id,
    dimensions,
    embedDocuments: (texts) => embed(texts.map(prepareText)),
    async embedQuery(text) {
      const prepared = prepareText(text);
      const [vector] = await embed([prepared.trim() ? queryPrefix + prepared : '']);
      return vector;
    },
  };
}

function embeddingError(code: EmbeddingErrorCode, message: string, cause?: unknown): EmbeddingError {
  const error = new Error(message, cause === undefined ? undefined : { cause }) as EmbeddingError;
  error.name = 'EmbeddingError';
  error.code = code;
  return error;
}
