import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { writeFileAtomic } from '../write-file-atomic';
import { PAD_TOKEN, UNK_TOKEN, type StaticModel } from './train-static-model';
import { gatherTableLayout } from './read-static-model';

const { onnx } = onnxProto;

/** Files of an exported static model, relative to its folder. */
export const STATIC_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'] as const;

/**
 * Writes a static model as a folder transformers.js loads like any hub model:
 * `onnx/model.onnx` (one Gather: input_ids int64 [batch, sequence] → last_hidden_state float32
 * [batch, sequence, dimensions]), a WordLevel `tokenizer.json` that only splits on whitespace
 * (texts must be prepared with `createStaticTextPreparer`), `tokenizer_config.json` and a
 * BERT-typed `config.json`. Every file is written atomically; equal models give equal bytes.
 */
export function exportStaticModel(model: StaticModel, folder: string): void {
  const { vocabulary, vectors, dimensions } = model;
  if (vocabulary[0] !== PAD_TOKEN || vocabulary[1] !== UNK_TOKEN) throw new Error('static model vocabulary must start with [PAD], [UNK]');
  if (vectors.length !== vocabulary.length * dimensions) throw new Error('static model vectors do not match vocabulary × dimensions');

  writeFileAtomic(join(folder, 'onnx', 'model.onnx'), encodeGatherModel(vectors, vocabulary.length, dimensions));
  writeFileAtomic(join(folder, 'tokenizer.json'), json(tokenizerJson(vocabulary)));
  writeFileAtomic(
    join(folder, 'tokenizer_config.json'),
    json({
      // The base class: BertTokenizer would add token_type_ids and imply WordPiece conventions.
      tokenizer_class: 'PreTrainedTokenizer',
      pad_token: PAD_TOKEN,
      unk_token: UNK_TOKEN,
      clean_up_tokenization_spaces: false,
      do_lower_case: false,
      padding_side: 'right',
    }),
  );
  writeFileAtomic(
    join(folder, 'config.json'),
    json({
      // transformers.js needs a known model_type for feature-extraction; 'bert' runs a plain encoder forward.
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dimensions,
      vocab_size: vocabulary.length,
      pad_token_id: 0,
      static_embedding: { method: 'lsa', pooling: 'mean' },
    }),
  );
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}

function tokenizerJson(vocabulary: string[]): unknown {
  const special = (id: number) => ({
    id,
    content: vocabulary[id],
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special(0), special(1)],
    // No normaliser: the prepared terms are already normalised and must reach the vocabulary unchanged.
    normalizer: null,
    pre_tokenizer: { type: 'WhitespaceSplit' },
    post_processor: null,
    decoder: null,
    // fromEntries defines own properties, so a term like '__proto__' cannot corrupt the object.
    model: { type: 'WordLevel', vocab: Object.fromEntries(vocabulary.map((term, id) => [term, id])), unk_token: UNK_TOKEN },
  };
}

/** ONNX model: last_hidden_state = Gather(embeddings, input_ids, axis 0). */
function encodeGatherModel(vectors: Float32Array, rows: number, dimensions: number): Uint8Array {
  // Explicit little-endian bytes, as ONNX raw_data requires, whatever the host byte order.
  const raw = new Uint8Array(vectors.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < vectors.length; i++) view.setFloat32(i * 4, vectors[i], true);

  const dim = (name: string) => ({ dimParam: name });
  // The model's doc string is padded until the table's raw data starts at a multiple of 4 bytes, so a
  // reader on a little-endian host can view it as a Float32Array without copying it.
  for (let pad = 0; ; pad++) {
    const bytes = encodeModel(raw, rows, dimensions, dim, ' '.repeat(pad));
    if (gatherTableLayout(bytes, 'model.onnx').raw.byteOffset % 4 === 0 || pad === 8) return bytes;
  }
}

function encodeModel(raw: Uint8Array, rows: number, dimensions: number, dim: (name: string) => { dimParam: string }, padding: string): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'report-qa static-lsa',
    docString: `Static embedding: last_hidden_state = Gather(embeddings, input_ids).${padding}`,
    graph: {
      name: 'static_embedding',
      node: [
        {
          name: 'lookup',
          opType: 'Gather',
          input: ['embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [
        { name: 'embeddings', dims: [rows, dimensions], dataType: onnx.TensorProto.DataType.FLOAT, rawData: raw },
      ],
      input: [
        {
          name: 'input_ids',
          type: { tensorType: { elemType: onnx.TensorProto.DataType.INT64, shape: { dim: [dim('batch_size'), dim('sequence_length')] } } },
        },
      ],
      output: [
        {
          name: 'last_hidden_state',
          type: {
            tensorType: {
              elemType: onnx.TensorProto.DataType.FLOAT,
              shape: { dim: [dim('batch_size'), dim('sequence_length'), { dimValue: dimensions }] },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
