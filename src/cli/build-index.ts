import { SingleBar, Presets } from 'cli-progress';
import { buildIndex, type BuildProgress } from '../build-index';
import type { Config } from '../config';

const STAGES: Record<BuildProgress['stage'], string> = {
  parse: '解析报告', chunk: '切分段落', bm25: 'BM25 索引', train: '训练向量模型', embed: '计算向量', vectors: 'HNSW 索引',
  facts: '抽取数值事实', write: '写入索引',
};

/** `npm run build-index`: rebuilds index/ with a progress bar on stderr. */
export async function runBuildIndex(config: Config): Promise<number> {
  const bar = new SingleBar({ format: '{stage} |{bar}| {value}/{total}', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  let current = '';
  let started = false;
  const result = await buildIndex(config, (progress) => {
    const stage = STAGES[progress.stage];
    if (stage !== current) {
      if (started) bar.stop();
      bar.start(Math.max(1, progress.total), progress.done, { stage: stage.padEnd(8, '　') });
      started = true;
      current = stage;
    } else bar.update(progress.done);
  });
  if (started) bar.stop();
  process.stderr.write(`索引已写入 ${config.paths.indexDir}: ${result.chunks} 个片段, ${result.facts} 条事实, ${result.dimensions} 维, 用时 ${result.seconds.toFixed(1)} 秒\n`);
  return 0;
}
