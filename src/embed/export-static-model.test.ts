import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../text/analyze-text';
import { BASE_DOMAIN_WORDS } from '../text/domain-words';
import { createJiebaSegmenter } from '../text/jieba-segmenter';
import { exportStaticModel, STATIC_MODEL_FILES } from './export-static-model';
import { trainStaticModel } from './train-static-model';

const corpus = readFileSync(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url), 'utf8');
const paragraphs = [...new Set(corpus.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean))];
const segmenter = createJiebaSegmenter(BASE_DOMAIN_WORDS);
const documents = paragraphs.map((paragraph) => analyzeText(segmenter, paragraph));
const root = mkdtempSync(join(tmpdir(), 'export-static-model-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('exportStaticModel', () => {
  it('writes byte-identical folders for two trainings on the same input', () => {
    exportStaticModel(trainStaticModel(documents), join(root, 'first'));
    exportStaticModel(trainStaticModel(documents), join(root, 'second'));
    for (const file of STATIC_MODEL_FILES) {
      const first = readFileSync(join(root, 'first', file));
      expect(first.length, file).toBeGreaterThan(0);
      expect(readFileSync(join(root, 'second', file)).equals(first), file).toBe(true);
    }
  });

  it('maps every vocabulary term to its row with a whitespace-only WordLevel tokenizer', () => {
    const model = trainStaticModel(documents.slice(0, 100), { dimensions: 32 });
    const folder = join(root, 'small');
    exportStaticModel(model, folder);
    const tokenizer = JSON.parse(readFileSync(join(folder, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.normalizer).toBeNull();
    expect(tokenizer.pre_tokenizer).toEqual({ type: 'WhitespaceSplit' });
    expect(tokenizer.model.type).toBe('WordLevel');
    expect(tokenizer.model.unk_token).toBe('[UNK]');
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(model.vocabulary.length);
    expect(model.vocabulary.every((term, id) => Object.hasOwn(tokenizer.model.vocab, term) && tokenizer.model.vocab[term] === id)).toBe(true);
    const config = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 32, vocab_size: model.vocabulary.length });
  });

  it('stores the vectors as one float32 Gather initializer', () => {
    const model = trainStaticModel(documents.slice(0, 100), { dimensions: 32 });
    const folder = join(root, 'graph');
    exportStaticModel(model, folder);
    const path = join(folder, 'onnx', 'model.onnx');
    const decoded = onnxProto.onnx.ModelProto.decode(readFileSync(path));
    const graph = decoded.graph!;
    expect(graph.node!.map((node) => node.opType)).toEqual(['Gather']);
    expect(graph.input!.map((input) => input.name)).toEqual(['input_ids']);
    expect(graph.output!.map((output) => output.name)).toEqual(['last_hidden_state']);
    const [initializer] = graph.initializer!;
    expect(initializer.dims!.map(Number)).toEqual([model.vocabulary.length, 32]);
    const raw = initializer.rawData!;
    const stored = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    expect(Buffer.from(stored.buffer).equals(Buffer.from(model.vectors.buffer))).toBe(true);
    expect(statSync(path).size).toBeLessThan(model.vectors.byteLength + 1024);
  });

  it('rejects a model whose vectors do not match its vocabulary', () => {
    const model = trainStaticModel(documents.slice(0, 30), { dimensions: 8 });
    expect(() => exportStaticModel({ ...model, dimensions: 9 }, join(root, 'bad'))).toThrow(/vocabulary/);
  });
});
