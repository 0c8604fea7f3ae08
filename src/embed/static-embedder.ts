import type { Embedder } from './embedder';
import { readStaticModel } from './read-static-model';
import { PAD_TOKEN, UNK_TOKEN } from './train-static-model';

/** Options of {@link createStaticEmbedder}. */
export interface StaticEmbedderOptions {
  /** Folder written by `exportStaticModel`. */
  folder: string;
  /** Id for the index manifest. */
  id: string;
  /** Text preparation used at training time (`createStaticTextPreparer`). */
  prepareText: (text: string) => string;
  /** Reads the model's files (default: from disk); the pipeline passes the bytes it verified at start-up. */
  readFile?: (path: string) => Buffer;
}

/** The tokenizer's added tokens, which it splits out of the text before splitting on whitespace. */
const ADDED_TOKENS = new RegExp(`(${[PAD_TOKEN, UNK_TOKEN].map((token) => token.replace(/[[\]]/g, '\\$&')).join('|')})`);

/**
 * The forward pass of an exported static model in plain JavaScript: the model is one embedding
 * table lookup, so what transformers.js computes through onnxruntime — tokenize (added tokens, then
 * WhitespaceSplit, then WordLevel with [UNK]), Gather, mean over all tokens, L2 normalisation — is a
 * loop here, and serving the default embedder needs neither onnxruntime nor transformers.js in
 * memory. Reads the same files transformers.js loads; a test holds the two to within 1e-5.
 * Texts with no tokens, or only unknown ones, get a zero vector (as with `createTransformersEmbedder`).
 * @throws Error when the folder is not an exported static model.
 */
export function createStaticEmbedder(options: StaticEmbedderOptions): Embedder {
  const { vocabulary, vectors, dimensions } = readStaticModel(options.folder, options.readFile);
  const ids = new Map(vocabulary.map((term, id) => [term, id]));
  const unknown = ids.get(UNK_TOKEN)!;

  function embed(prepared: string): Float32Array {
    const sum = new Float64Array(dimensions);
    let count = 0;
    const add = (id: number) => {
      count++;
      const offset = id * dimensions;
      for (let k = 0; k < dimensions; k++) sum[k] += vectors[offset + k];
    };
    for (const section of prepared.split(ADDED_TOKENS)) {
      if (section === PAD_TOKEN || section === UNK_TOKEN) add(ids.get(section)!);
      else for (const token of section.match(/\S+/g) ?? []) add(ids.get(token) ?? unknown);
    }
    const vector = new Float32Array(dimensions);
    if (count === 0) return vector;
    // Like transformers.js: a float32 mean, then division by its float32 L2 norm.
    for (let k = 0; k < dimensions; k++) vector[k] = sum[k] / count;
    let squares = 0;
    for (let k = 0; k < dimensions; k++) squares += vector[k] * vector[k];
    const norm = Math.fround(Math.sqrt(squares));
    if (!(norm > 0)) return new Float32Array(dimensions);
    for (let k = 0; k < dimensions; k++) vector[k] /= norm;
    return vector;
  }

  return {
    id: options.id,
    dimensions,
    embedDocuments: async (texts) => texts.map((text) => embed(options.prepareText(text))),
    embedQuery: async (text) => embed(options.prepareText(text)),
  };
}
