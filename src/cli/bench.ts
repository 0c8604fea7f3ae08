import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config';
import { loadReport } from '../ingest/load-report';
import { createPipeline } from '../pipeline';
import type { ChatMessage } from '../types';
import { timeBuildIndex } from './bench-build';
import { devConversations, readDevTurns } from './bench-dev-set';
import { benchLoad, percentile, type BenchLoadResult } from './bench-load';
import { readCpuMs, readMemoryMb, referenceCommand, serviceCommand, startBenchServer, type Command } from './bench-process';
import { generateBenchQuestions } from './bench-questions';
import { formatBenchSummary, type BenchResults } from './bench-summary';
import { searchWorstInputs } from './bench-worst';

const PARTS = ['startup', 'load', 'worst', 'inprocess', 'build'] as const;
type Part = (typeof PARTS)[number];

const USAGE = `npm run bench -- [options]
  --only startup,load,worst,inprocess,build   parts to run (default: all)
  --duration 10            seconds per load run
  --connections 1,8,32     connection counts of the load runs (targets are judged at 8)
  --requests 20000         requests served before the "RSS after requests" reading
  --runs 5                 start-up runs (median reported)
  --worst-budget 120       adversarial requests in the worst-input search
  --build-scale 10         the larger corpus of the build timing (report × N)
  --build-timeout 600      seconds before a build is killed and reported as timeout
  --start npm|tsx          npm: npm start's command when it is a plain node command whose entry exists (dist/ once built); tsx: src/ through tsx
  --dev <file>             dev set (default ../shared/eval/dev.jsonl, used when present)
  --seed 42                question order and phrasing
  --json <file>            also write every figure as JSON`;

/** Env of every server under test: no rate limit (one client sends everything), only error logs. */
const SERVER_ENV = { QA_RATE_LIMIT: '0', QA_LOG_LEVEL: 'error' };

const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
const single = (content: string): ChatMessage[] => [{ role: 'user', content }];

/**
 * `npm run bench`: the real HTTP service in its own process under autocannon with varied questions
 * (and the same load against a bare Hono reference), start-up time and memory, a worst-input search,
 * build-index timing at ×1 and ×N, and in-process latency. Prints each part, then the targets with pass/fail.
 */
export async function runBench(config: Config, args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, strict: true, options: {
      only: { type: 'string' }, duration: { type: 'string' }, connections: { type: 'string' }, requests: { type: 'string' },
      runs: { type: 'string' }, 'worst-budget': { type: 'string' }, 'build-scale': { type: 'string' }, 'build-timeout': { type: 'string' },
      start: { type: 'string' }, dev: { type: 'string' }, seed: { type: 'string' }, json: { type: 'string' }, help: { type: 'boolean' },
    } }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const only = new Set((values.only ?? PARTS.join(',')).split(',').map((p) => p.trim()));
  const unknown = [...only].filter((p) => !PARTS.includes(p as Part));
  if (unknown.length) {
    process.stderr.write(`unknown part(s): ${unknown.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const duration = number(values.duration, 10);
  const connections = (values.connections ?? '1,8,32').split(',').map(Number).filter((n) => n > 0);
  const seed = number(values.seed, 42);
  const root = config.paths.root;
  const service = serviceCommand(root, 'serve', values.start === 'tsx' ? 'tsx' : 'npm');
  const reference = referenceCommand();
  const results: BenchResults = {
    machine: { cpus: cpus().length, node: process.version, platform: `${process.platform} ${process.arch}`, serviceCommand: service.label, referenceCommand: reference.label,
      loadAverage: { start: loadavg(), end: [] } },
  };

  const document = loadReport(config.paths.corpus);
  const generated = generateBenchQuestions(document, { seed }).map((q) => q.text);
  const devTurns = readDevTurns(resolve(root, values.dev ?? '../shared/eval/dev.jsonl')) ?? [];

  if (only.has('startup')) {
    const runs = number(values.runs, 5);
    const startMs: number[] = [];
    const rss: number[] = [];
    const cpuMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`start-up ${i + 1}/${runs}`);
      const server = await startBenchServer(root, service, SERVER_ENV);
      startMs.push(Math.round(server.startMs));
      rss.push(Math.round(readMemoryMb(server.pid).rssMb * 10) / 10);
      cpuMs.push(Math.round(readCpuMs(server.pid)));
      await server.stop();
    }
    results.startup = { runs, medianMs: median(startMs), startMs, medianCpuMs: median(cpuMs), rssAfterStartMb: rss, medianRssMb: median(rss) };
  }

  if (only.has('load')) {
    results.load = await runLoad(root, service, reference, { generated, devTurns, duration, connections, target: number(values.requests, 20_000), results });
  }

  if (only.has('worst')) {
    progress('worst input: starting the service');
    const server = await startBenchServer(root, service, SERVER_ENV);
    try {
      // Warm as under load (the JIT has seen thousands of requests), then the last 40 questions, never sent, as the baseline.
      progress('worst input: warm-up, 8 connections, 5 s');
      await benchLoad({ url: server.url, conversations: generated.slice(0, -40).map(single), connections: 8, durationSeconds: 5 });
      progress('worst input: searching');
      results.worst = await searchWorstInputs({ url: server.url, pid: server.pid, document, normalQuestions: generated.slice(-40),
        budget: number(values['worst-budget'], 120), maxChars: config.server.maxQuestionChars, seed });
    } finally {
      await server.stop();
    }
  }

  if (only.has('inprocess')) {
    progress('in process: loading the pipeline');
    const pipeline = await createPipeline(loadConfig(process.env, { QA_LOG_LEVEL: 'error' }));
    for (const question of generated.slice(-20)) await pipeline.ask(single(question)); // warm-up
    const retrieval: number[] = [];
    const answers: number[] = [];
    for (const question of generated) {
      let started = performance.now();
      await pipeline.parts.search.search(question, config.retrieval.topK);
      retrieval.push(performance.now() - started);
      started = performance.now();
      await pipeline.ask(single(question));
      answers.push(performance.now() - started);
    }
    retrieval.sort((a, b) => a - b);
    answers.sort((a, b) => a - b);
    results.inProcess = { questions: generated.length, retrievalMs: { p50: percentile(retrieval, 50), p95: percentile(retrieval, 95) },
      answerMs: { p50: percentile(answers, 50), p95: percentile(answers, 95) } };
  }

  if (only.has('build')) {
    const build = serviceCommand(root, 'build-index', values.start === 'tsx' ? 'tsx' : 'npm');
    results.build = [];
    for (const scale of [1, number(values['build-scale'], 10)]) {
      progress(`build-index on the report ×${scale}`);
      results.build.push(await timeBuildIndex(root, build, config.paths.corpus, scale, number(values['build-timeout'], 600)));
    }
  }

  results.machine.loadAverage.end = loadavg();
  const summary = formatBenchSummary(results);
  process.stdout.write(`${summary}\n`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
  return 0;
}

/**
 * The load part: the service (fresh process) at each connection count with every distinct question
 * in turn, the dev set alone at 8 connections, then more requests until `target` have been served
 * for the memory reading; then the reference server under the same runs.
 */
async function runLoad(root: string, service: Command, reference: Command, options: {
  generated: string[]; devTurns: string[][]; duration: number; connections: number[]; target: number; results: BenchResults;
}): Promise<NonNullable<BenchResults['load']>> {
  const { generated, devTurns, duration, connections, target } = options;
  progress('load: starting the service');
  const server = await startBenchServer(root, service, SERVER_ENV);
  const afterStartMb = readMemoryMb(server.pid).rssMb;
  const serviceRuns: BenchLoadResult[] = [];
  let served = 0;
  let dev: ChatMessage[][] = [];
  let devOnly: BenchLoadResult | undefined;
  let memory;
  let conversations: ChatMessage[][] = [];
  try {
    dev = await devConversations(server.url, devTurns);
    served += dev.filter((c) => c.length > 1).length;
    const seen = new Set<string>();
    conversations = [...generated.map(single), ...dev].filter((c) => {
      const key = JSON.stringify(c);
      return !seen.has(key) && seen.add(key);
    });
    options.results.questions = { generated: generated.length, devItems: devTurns.length, devConversations: dev.length, distinct: conversations.length };
    // A server that has run for a while has compiled every path: each distinct request once, then 2 s more.
    progress(`load: warm-up, 8 connections, ${conversations.length} distinct requests once, then 2 s`);
    served += (await benchLoad({ url: server.url, conversations, connections: 8, amount: conversations.length })).requests;
    served += (await benchLoad({ url: server.url, conversations, connections: 8, durationSeconds: 2 })).requests;
    for (const count of connections) {
      progress(`load: service, ${count} connections, ${duration} s`);
      const run = await benchLoad({ url: server.url, conversations, connections: count, durationSeconds: duration, serverPid: server.pid });
      serviceRuns.push(run);
      served += run.requests;
    }
    if (dev.length) {
      progress(`load: service, dev set only, 8 connections, ${duration} s`);
      devOnly = await benchLoad({ url: server.url, conversations: dev, connections: 8, durationSeconds: duration, serverPid: server.pid });
      served += devOnly.requests;
    }
    if (served < target) {
      progress(`load: ${target - served} more requests for the memory reading`);
      served += (await benchLoad({ url: server.url, conversations, connections: 8, amount: target - served })).requests;
    }
    const { rssMb, peakMb } = readMemoryMb(server.pid);
    memory = { afterStartMb: round(afterStartMb), requests: served, afterRequestsMb: round(rssMb), peakMb: round(peakMb) };
  } finally {
    await server.stop();
  }

  progress('load: starting the reference');
  const ref = await startBenchServer(root, reference, SERVER_ENV);
  try {
    await benchLoad({ url: ref.url, conversations, connections: 8, durationSeconds: 2 });
    const runs = [];
    for (const [index, count] of connections.entries()) {
      progress(`load: reference, ${count} connections, ${duration} s`);
      const run = await benchLoad({ url: ref.url, conversations, connections: count, durationSeconds: duration, serverPid: ref.pid });
      runs.push({ connections: count, service: serviceRuns[index], reference: run });
    }
    return { durationSeconds: duration, runs, devOnly, memory };
  } finally {
    await ref.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
