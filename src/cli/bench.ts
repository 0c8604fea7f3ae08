import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIndex } from '../build-index';
import { loadConfig, type Config } from '../config';
import { createPipeline } from '../pipeline';
import { benchLoad } from './bench-load';
import { readQaSet, type RetrievalItem } from './qa-sets';

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const freePort = () => new Promise<number>((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => done(port));
  });
});

/** The load questions: the shared dev set's first turns when it is beside the repo, else the project's own QA set. */
function loadQuestions(config: Config): { questions: string[]; source: string } {
  const dev = resolve(config.paths.root, '../shared/eval/dev.jsonl');
  if (existsSync(dev)) {
    const questions = readFileSync(dev, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { turns: string[] }).turns[0]);
    return { questions, source: dev };
  }
  return { questions: readQaSet<RetrievalItem>(config.paths.root, 'retrieval.jsonl').map((i) => i.question), source: 'tests/qa/retrieval.jsonl' };
}

/**
 * `npm run bench`: index build time, query latency (retrieval alone and whole answers) and the HTTP
 * service under load with autocannon (8 connections, rate limit off) against a child `serve` process.
 */
export async function runBench(config: Config, flags: Record<string, string | true>): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const duration = Number(flags.duration ?? 10);
  const dir = mkdtempSync(join(tmpdir(), 'report-qa-bench-'));
  try {
    const build = await buildIndex(loadConfig(process.env, { QA_INDEX_DIR: dir }));
    out(`index build: ${build.seconds.toFixed(2)} s (${build.chunks} chunks, ${build.facts} facts, ${build.dimensions} dims)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pipeline = await createPipeline(loadConfig(process.env, { QA_LOG_LEVEL: 'error' }));
  const { questions, source } = loadQuestions(config);
  for (const q of questions.slice(0, 10)) await pipeline.ask([{ role: 'user', content: q }]); // warm-up
  const retrieval: number[] = [];
  const answers: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const question of questions) {
      let t = performance.now();
      await pipeline.parts.search.search(question, config.retrieval.topK);
      retrieval.push(performance.now() - t);
      t = performance.now();
      await pipeline.ask([{ role: 'user', content: question }]);
      answers.push(performance.now() - t);
    }
  }
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  out(`questions: ${questions.length} from ${source}, 5 rounds, in process`);
  out(`retrieval alone: p50 ${ms(percentile(retrieval, 50))}  p95 ${ms(percentile(retrieval, 95))}`);
  out(`whole answer:    p50 ${ms(percentile(answers, 50))}  p95 ${ms(percentile(answers, 95))}`);

  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(config.paths.root, 'src/cli/main.ts'), 'serve'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QA_RATE_LIMIT: '0', QA_LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 120; i++) {
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const load = await benchLoad({ url, questions, connections: 8, durationSeconds: duration });
    out(`load (autocannon, 8 connections, ${duration} s, POST /api/chat, extractive, rate limit off):`);
    out(`  ${load.requestsPerSecond.toFixed(0)} requests/s, ${load.requests} requests, p50 ${ms(load.latencyMs.p50)} p95 ${ms(load.latencyMs.p95)} p99 ${ms(load.latencyMs.p99)}, errors ${load.errors}, non-2xx ${load.non2xx}`);
  } finally {
    child.kill('SIGTERM');
  }
  return 0;
}
