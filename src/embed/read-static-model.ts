import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { PAD_TOKEN, UNK_TOKEN, type StaticModel } from './train-static-model';

/**
 * Reads back a folder written by `exportStaticModel`: the vocabulary from `tokenizer.json` and the
 * embedding table from the Gather initializer of `onnx/model.onnx`, without onnxruntime or a
 * protobuf library (the file is decoded with a minimal reader of the protobuf wire format, for the
 * few ONNX fields involved). Anything other than the exporter's layout — another graph, another
 * tokenizer type, a vocabulary that does not match the table — is rejected.
 * @throws Error naming the file and what does not match.
 */
export function readStaticModel(folder: string, readFile: (path: string) => Buffer = (path) => readFileSync(path)): StaticModel {
  const vocabulary = readVocabulary(join(folder, 'tokenizer.json'), readFile);
  const modelPath = join(folder, 'onnx', 'model.onnx');
  const { rows, dimensions, vectors } = readGatherTable(readFile(modelPath), modelPath);
  if (rows !== vocabulary.length) throw new Error(`${modelPath}: ${rows} rows for ${vocabulary.length} vocabulary entries`);
  return { vocabulary, vectors, dimensions };
}

interface TokenizerJson {
  normalizer?: unknown;
  pre_tokenizer?: { type?: string };
  added_tokens?: { id: number; content: string }[];
  model?: { type?: string; unk_token?: string; vocab?: Record<string, number> };
}

function readVocabulary(path: string, readFile: (path: string) => Buffer): string[] {
  const tokenizer = JSON.parse(readFile(path).toString('utf8')) as TokenizerJson;
  const { model } = tokenizer;
  const specials = (tokenizer.added_tokens ?? []).map((token) => `${token.id}:${token.content}`).join(',');
  if (model?.type !== 'WordLevel' || tokenizer.pre_tokenizer?.type !== 'WhitespaceSplit' || tokenizer.normalizer !== null
    || model.unk_token !== UNK_TOKEN || specials !== `0:${PAD_TOKEN},1:${UNK_TOKEN}` || !model.vocab) {
    throw new Error(`${path} is not the WordLevel + WhitespaceSplit tokenizer of a static model`);
  }
  const vocabulary: string[] = [];
  for (const [term, id] of Object.entries(model.vocab)) vocabulary[id] = term;
  if (vocabulary.length !== Object.keys(model.vocab).length || vocabulary.some((term) => term === undefined)
    || vocabulary[0] !== PAD_TOKEN || vocabulary[1] !== UNK_TOKEN) {
    throw new Error(`${path}: vocabulary ids are not 0 … n − 1 starting with ${PAD_TOKEN}, ${UNK_TOKEN}`);
  }
  return vocabulary;
}

/** A length-delimited or scalar protobuf field: wire type 0 → value, 2 → bytes. */
type Field = { number: number; value: number } | { number: number; bytes: Uint8Array };

/** A position in a protobuf message. */
interface Cursor { bytes: Uint8Array; at: number; path: string }

/** One base-128 varint (exact up to 2^53, far beyond any tensor dimension). */
function readVarint(cursor: Cursor): number {
  let value = 0;
  for (let scale = 1; ; scale *= 128) {
    if (cursor.at >= cursor.bytes.length || scale > 2 ** 63) throw new Error(`${cursor.path}: truncated or malformed protobuf`);
    const byte = cursor.bytes[cursor.at++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
  }
}

/** Fields of one protobuf message, in order (https://protobuf.dev/programming-guides/encoding/). */
function fields(bytes: Uint8Array, path: string): Field[] {
  const cursor: Cursor = { bytes, at: 0, path };
  const result: Field[] = [];
  while (cursor.at < bytes.length) {
    const key = readVarint(cursor);
    const number = Math.floor(key / 8);
    const wireType = key % 8;
    if (wireType === 0) result.push({ number, value: readVarint(cursor) });
    else if (wireType === 2) {
      const length = readVarint(cursor);
      if (cursor.at + length > bytes.length) throw new Error(`${path}: truncated protobuf`);
      result.push({ number, bytes: bytes.subarray(cursor.at, cursor.at + length) });
      cursor.at += length;
    } else if (wireType === 1) cursor.at += 8;
    else if (wireType === 5) cursor.at += 4;
    else throw new Error(`${path}: unsupported protobuf wire type ${wireType}`);
  }
  if (cursor.at !== bytes.length) throw new Error(`${path}: truncated protobuf`);
  return result;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (field: Field) => ('bytes' in field ? field.bytes : new Uint8Array(0));

// Field numbers of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto).
const MODEL_GRAPH = 7;
const GRAPH_NODE = 1;
const GRAPH_INITIALIZER = 5;
const NODE_INPUT = 1;
const NODE_OP_TYPE = 4;
const TENSOR_DIMS = 1;
const TENSOR_DATA_TYPE = 2;
const TENSOR_NAME = 8;
const TENSOR_RAW_DATA = 9;
const DATA_TYPE_FLOAT = 1;

/** The table of a one-node Gather(table, input_ids) graph: float32, little-endian raw data. */
function readGatherTable(model: Uint8Array, path: string): { rows: number; dimensions: number; vectors: Float32Array } {
  const { rows, dimensions, raw } = gatherTableLayout(model, path);
  // ONNX raw data is little-endian whatever the host. The exporter aligns it to 4 bytes, so on a
  // little-endian host the table is a view of the file's bytes: no copy (a 13 MB copy cost ~60 ms of start-up).
  if (endianness() === 'LE' && raw.byteOffset % 4 === 0) return { rows, dimensions, vectors: new Float32Array(raw.buffer, raw.byteOffset, rows * dimensions) };
  const vectors = new Float32Array(rows * dimensions);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let i = 0; i < vectors.length; i++) vectors[i] = view.getFloat32(i * 4, true);
  return { rows, dimensions, vectors };
}

/**
 * Where the Gather table of a static model lies in its ONNX bytes: its shape and its raw data (a
 * subarray of `model`, so `raw.byteOffset` is its offset in the file when `model` starts at 0).
 */
export function gatherTableLayout(model: Uint8Array, path: string): { rows: number; dimensions: number; raw: Uint8Array } {
  const graphs = fields(model, path).filter((field) => field.number === MODEL_GRAPH);
  if (graphs.length !== 1) throw new Error(`${path}: expected one graph`);
  const graph = fields(bytesOf(graphs[0]), path);
  const nodes = graph.filter((field) => field.number === GRAPH_NODE).map((field) => fields(bytesOf(field), path));
  const opTypes = nodes.map((node) => node.filter((field) => field.number === NODE_OP_TYPE).map((field) => text(bytesOf(field))).join());
  if (opTypes.join() !== 'Gather') throw new Error(`${path}: expected a single Gather node, found [${opTypes.join(', ')}]`);
  const tableName = nodes[0].find((field) => field.number === NODE_INPUT);
  const tensors = graph.filter((field) => field.number === GRAPH_INITIALIZER).map((field) => fields(bytesOf(field), path));
  const table = tensors.find((tensor) => tensor.some((field) => field.number === TENSOR_NAME && tableName && text(bytesOf(field)) === text(bytesOf(tableName))));
  if (!table) throw new Error(`${path}: the Gather table is not an initializer`);

  const dims: number[] = [];
  for (const field of table.filter((f) => f.number === TENSOR_DIMS)) {
    if ('value' in field) dims.push(field.value);
    else for (const cursor = { bytes: field.bytes, at: 0, path }; cursor.at < field.bytes.length;) dims.push(readVarint(cursor));
  }
  const dataType = table.find((field) => field.number === TENSOR_DATA_TYPE);
  const raw = table.find((field) => field.number === TENSOR_RAW_DATA);
  if (dims.length !== 2 || !dataType || !('value' in dataType) || dataType.value !== DATA_TYPE_FLOAT || !raw || !('bytes' in raw)
    || raw.bytes.length !== dims[0] * dims[1] * 4) {
    throw new Error(`${path}: the Gather table is not a 2-D float32 tensor with raw data`);
  }
  const [rows, dimensions] = dims;
  return { rows, dimensions, raw: raw.bytes };
}
