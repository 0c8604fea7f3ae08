import type { Config } from '../config';
import type { Logger } from '../logger';
import { createPipeline } from '../pipeline';
import type { SearchMode } from '../search/hybrid-search';
import { playConversation } from '../play-conversation';
import { checkAnswer, readQaSet, type RetrievalItem, type TurnCheck } from './qa-sets';

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

/** Plays conversations turn by turn (the assistant's own answers as history) and checks every turn. */
export async function evaluateConversations(pipeline: Pipeline, items: { id: string; turns: TurnCheck[] }[]) {
  let turns = 0;
  let passed = 0;
  const failures: string[] = [];
  for (const item of items) {
    const answers = await playConversation(pipeline, item.turns.map((t) => t.user));
    for (const [i, turn] of item.turns.entries()) {
      const answer = answers[i];
      const problems = checkAnswer(answer.answer, turn.must, turn.must_not);
      turns++;
      if (problems.length) failures.push(`${item.id}#${i + 1} ${turn.user} → ${answer.answer.slice(0, 80)} (${problems.join('; ')})`);
      else passed++;
    }
  }
  return { turns, passed, failures };
}

/** Questions the report cannot answer must be declined (grounded false). */
export async function evaluateRefusals(pipeline: Pipeline, items: { id: string; turns: string[]; must_not?: string[] }[]) {
  const failures: string[] = [];
  for (const item of items) {
    const last = (await playConversation(pipeline, item.turns)).at(-1);
    const problems = checkAnswer(last!.answer, [], item.must_not);
    if (last!.grounded || problems.length) failures.push(`${item.id} ${item.turns.at(-1)} → ${last!.answer.slice(0, 80)}`);
  }
  return { total: items.length, refused: items.length - failures.length, failures };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** `npm run eval`: retrieval (BM25, dense, fused), numeric answers, refusals and conversations on tests/qa. */
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
  const { runNumericEval } = await import('../facts/numeric-eval').catch(() => ({ runNumericEval: null }));
  if (runNumericEval) {
    const numeric = readQaSet<Parameters<typeof runNumericEval>[1][number]>(root, 'numeric.jsonl');
    const result = await runNumericEval(pipeline, numeric);
    out(`\n# 数值问答 numeric (${result.total}): exact ${result.exact}/${result.total} = ${pct(result.exact / result.total)}`);
    if (verbose) for (const f of result.failures) out(`  fail ${typeof f === 'string' ? f : JSON.stringify(f)}`);
  }
  const refusals = await evaluateRefusals(pipeline, readQaSet(root, 'unanswerable.jsonl'));
  out(`\n# 拒答 unanswerable (${refusals.total}): declined ${refusals.refused}/${refusals.total}`);
  for (const f of refusals.failures) out(`  fail ${f}`);
  const conversations = await evaluateConversations(pipeline, readQaSet(root, 'conversations.jsonl'));
  out(`\n# 多轮对话 conversations: ${conversations.passed}/${conversations.turns} turns correct`);
  if (verbose) for (const f of conversations.failures) out(`  fail ${f}`);
  return 0;
}
