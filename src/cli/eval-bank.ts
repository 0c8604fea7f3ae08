import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { numbersIn, supportedNumbers } from '../facts/number-guard';
import { playConversation } from '../play-conversation';
import type { Answer, Pipeline } from '../types';
import { bankSplit, type BankSplit } from './bank-split';
import { normalizeForMatch } from './qa-sets';

/** One turn of a bank item, as tests/qa/bank/README.md defines it. */
export interface BankTurn {
  user: string;
  must?: string[][];
  must_not?: string[];
  refuse?: boolean;
  lines?: [number, number][];
  derived?: boolean;
  note?: string;
}

export interface BankItem {
  id: string;
  capability: string;
  style: string;
  turns: BankTurn[];
}

/** Capabilities whose answers are a figure or a row: held to the scorer's 220-character limit (others 500). */
const SHORT = new Set(['prose-figure', 'table-lookup', 'table-attribute', 'table-count', 'table-extreme', 'table-sum', 'table-difference',
  'share', 'compare', 'two-figure', 'currency', 'table-topk', 'table-groupby', 'near-miss']);
const DECLINE = /报告中没有|报告没有|没有提到|没有提及|未提及|未给出|没有给出|不能执行|超出了本报告|不提供|不能完成|抱歉|请输入/;

export function readBank(root: string): BankItem[] {
  const dir = join(root, 'tests/qa/bank');
  return readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as BankItem));
}

/** Why a turn's answer fails the strict check (empty: it passes). */
export function checkTurn(turn: BankTurn, answer: Answer, capability: string): string[] {
  const problems: string[] = [];
  const text = normalizeForMatch(answer.answer);
  const declined = !answer.grounded || DECLINE.test(answer.answer.slice(0, 40));
  if (turn.refuse) {
    if (!declined) problems.push('not declined');
  } else {
    if (!answer.grounded) problems.push('declined');
    for (const group of turn.must ?? []) if (!group.some((alt) => text.includes(normalizeForMatch(alt)))) problems.push(`missing ${group.join('|')}`);
    if (!answer.citations.length) problems.push('uncited');
    else if (turn.lines?.length && !answer.citations.some((c) => turn.lines!.some(([a, b]) => c.line >= a - 2 && c.line <= b + 2))) problems.push('cites elsewhere');
    const limit = SHORT.has(capability) ? 220 : 500;
    if (answer.answer.length > limit) problems.push(`long ${answer.answer.length}`);
  }
  for (const banned of turn.must_not ?? []) if (normalizeForMatch(banned) && text.includes(normalizeForMatch(banned))) problems.push(`contains ${banned}`);
  // Table cells are separate figures: '1309 100%' is 1309 and 100, not 1309100 (as the composer and the traceability test read them).
  const cells = (c: Answer['citations'][number]) => (/#[rg]\d+$/.test(c.chunkId) ? c.quote.replace(/(\d)\s+(?=\d)/g, '$1｜') : c.quote);
  const support = new Set([turn.user, ...answer.citations.flatMap((c) => [cells(c), c.section, c.source ?? ''])].flatMap(supportedNumbers));
  support.add(String(answer.citations.length));
  // A count of rows is supported by the rows its own sentence cites (「共7个：…[1]…[7]」), as the traceability test reads it.
  for (const sentence of answer.answer.split(/(?<=[。；])/)) support.add(String((sentence.match(/\[\d+\]/g) ?? []).length));
  // Arithmetic the answer shows on supported operands supports its result (「多30家（100−70=30）」).
  for (const match of answer.answer.matchAll(/(\d+(?:\.\d+)?(?:\s*[+\-−×÷]\s*\d+(?:\.\d+)?)+)\s*[=＝]\s*(\d+(?:\.\d+)?)/g)) {
    const operands = match[1].split(/[+\-−×÷]/).map((n) => n.trim());
    // An operand may count cited rows (「4÷9」 with the nine rows cited), as the traceability test reads it.
    const counted = (n: string) => Number.isInteger(Number(n)) && Number(n) <= answer.citations.length;
    if (operands.every((n) => support.has(n) || counted(n))) for (const n of [match[2], ...operands]) support.add(n);
  }
  const unsupported = numbersIn(answer.answer).filter((n) => !support.has(n));
  if (unsupported.length) problems.push(`unsupported ${unsupported.join(',')}`);
  return problems;
}

export interface BankScore {
  items: number;
  strict: number;
  byCapability: Map<string, { items: number; strict: number }>;
  failures: { id: string; turn: number; user: string; answer: string; problems: string[] }[];
}

/** Plays every item (conversations turn by turn) and scores each half of the bank separately. */
export async function scoreBank(pipeline: Pick<Pipeline, 'ask'>, items: BankItem[]): Promise<Record<BankSplit, BankScore>> {
  const empty = (): BankScore => ({ items: 0, strict: 0, byCapability: new Map(), failures: [] });
  const scores: Record<BankSplit, BankScore> = { tune: empty(), sealed: empty() };
  for (const item of items) {
    const score = scores[bankSplit(item.id)];
    const answers = await playConversation(pipeline, item.turns.map((t) => t.user));
    let ok = true;
    item.turns.forEach((turn, i) => {
      const problems = checkTurn(turn, answers[i], item.capability);
      if (problems.length) {
        ok = false;
        score.failures.push({ id: item.id, turn: i + 1, user: turn.user, answer: answers[i].answer, problems });
      }
    });
    score.items++;
    if (ok) score.strict++;
    const capability = score.byCapability.get(item.capability) ?? { items: 0, strict: 0 };
    capability.items++;
    if (ok) capability.strict++;
    score.byCapability.set(item.capability, capability);
  }
  return scores;
}
