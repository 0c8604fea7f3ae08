import type { Config } from '../config';
import type { Logger } from '../logger';
import { createPipeline } from '../pipeline';
import type { SearchMode } from '../search/hybrid-search';
import { readBank, scoreBank } from './eval-bank';
import { sweepThresholds } from './eval-sweep';
import { readQaSet, type RetrievalItem } from './qa-sets';

/** recall@1, recall@5 and MRR of one retrieval mode over the QA set. */
export interface RetrievalScores {
  mode: SearchMode;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  misses: string[];
}

type Pipeline = Awaited<ReturnType<typeof createPipeline>>;

const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

/** Retrieval quality on tests/qa/retrieval.jsonl: a hit is a chunk whose line range overlaps the gold range. */
export async function evaluateRetrieval(pipeline: Pipeline, items: RetrievalItem[], mode: SearchMode): Promise<RetrievalScores> {
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const item of items) {
    const hits = await pipeline.parts.search.search(item.question, 10, mode);
    const rank = hits.findIndex((h) => [item.lines, item.alt_lines].some((g) => g && overlaps([h.chunk.lineStart, h.chunk.lineEnd], g)));
    if (rank === 0) at1++;
    if (rank >= 0 && rank < 5) at5++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank !== 0) misses.push(`${item.id} rank=${rank < 0 ? '>10' : rank + 1} ${item.question}`);
  }
  const n = items.length || 1;
  return { mode, recallAt1: at1 / n, recallAt5: at5 / n, mrr: reciprocal / n, misses };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** `npm run eval`: retrieval (BM25, dense, fused) on tests/qa/retrieval.jsonl and the paraphrase bank's tune and sealed halves. */
export async function runEval(config: Config, flags: Record<string, string | true>, logger?: Logger): Promise<number> {
  const pipeline = await createPipeline(config, { logger });
  const root = config.paths.root;
  const retrieval = readQaSet<RetrievalItem>(root, 'retrieval.jsonl');
  const verbose = flags.verbose === true;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`# 检索 retrieval (${retrieval.length} questions, tests/qa/retrieval.jsonl)`);
  out('mode     recall@1  recall@5  MRR');
  for (const mode of ['bm25', 'dense', 'hybrid'] as SearchMode[]) {
    const s = await evaluateRetrieval(pipeline, retrieval, mode);
    out(`${mode.padEnd(9)}${pct(s.recallAt1).padEnd(10)}${pct(s.recallAt5).padEnd(10)}${s.mrr.toFixed(3)}`);
    if (verbose && mode === 'hybrid') for (const m of s.misses) out(`  miss ${m}`);
  }
  const bank = readBank(root);
  const only = typeof flags.capability === 'string' ? flags.capability : undefined;
  const scores = await scoreBank(pipeline, only ? bank.filter((item) => item.capability === only) : bank);
  out(`\n# 改写题库 paraphrase bank (tests/qa/bank, ${bank.length} items, split by a hash of the id)`);
  out('half     items  strict');
  for (const half of ['tune', 'sealed'] as const) {
    const s = scores[half];
    out(`${half.padEnd(9)}${String(s.items).padEnd(7)}${pct(s.items ? s.strict / s.items : 0)}`);
  }
  const gap = scores.tune.items && scores.sealed.items ? 100 * (scores.tune.strict / scores.tune.items - scores.sealed.strict / scores.sealed.items) : 0;
  out(`tune − sealed: ${gap.toFixed(1)} points${gap > 3 ? ' (more than 3: rules follow wording, not meaning)' : ''}`);
  out('\ncapability            tune          sealed');
  const capabilities = [...new Set(bank.map((item) => item.capability))].sort();
  for (const capability of capabilities) {
    const cell = (half: 'tune' | 'sealed') => {
      const c = scores[half].byCapability.get(capability);
      return c ? `${c.strict}/${c.items}`.padEnd(14) : '-'.padEnd(14);
    };
    out(`${capability.padEnd(22)}${cell('tune')}${cell('sealed')}`);
  }
  // Failure kinds are counts only, so the sealed half can point at a mechanism (false refusals, a wrong figure, a later turn
  // of a conversation) without its questions being read.
  out('\nfailed turns by kind  tune          sealed');
  const kinds = (half: 'tune' | 'sealed') => {
    const counts = new Map<string, number>();
    for (const f of scores[half].failures) {
      const seen = new Set(f.problems.map((p) => p.split(' ')[0]).map((k) => (k === 'not' ? 'not declined' : k)));
      if (f.turn > 1) seen.add('(a later turn)');
      for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return counts;
  };
  const tuneKinds = kinds('tune');
  const sealedKinds = kinds('sealed');
  for (const k of [...new Set([...tuneKinds.keys(), ...sealedKinds.keys()])].sort()) out(`${k.padEnd(22)}${String(tuneKinds.get(k) ?? 0).padEnd(14)}${sealedKinds.get(k) ?? 0}`);
  // Only the tune half is ever shown item by item: the sealed half stays unseen.
  if (verbose) for (const f of scores.tune.failures) out(`  fail ${f.id}#${f.turn} ${f.user} → ${f.answer.replace(/\n/g, ' ').slice(0, 160)} (${f.problems.join('; ')})`);
  if (flags.sweep === true) await sweepThresholds(pipeline, bank, out);
  return 0;
}
