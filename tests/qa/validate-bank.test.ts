// Validates the paraphrase bank (tests/qa/bank/*.jsonl): strict schema, unique
// and consecutive ids, gold line ranges inside the corpus, every gold phrase of
// an extractive turn present on its gold lines, injection canaries absent from
// the report, and prints counts by capability, style and split.
// Format and matching rules: tests/qa/bank/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bankSplit } from '../../src/cli/bank-split';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const BANK_DIR = here('./bank/');
const CORPUS = here('../../corpus/report-2020H1-blockchain.md');

export const CAPABILITIES = [
  'prose-figure', 'table-lookup', 'table-attribute', 'table-count', 'table-filter-list',
  'table-extreme', 'table-topk', 'table-groupby', 'table-sum', 'table-difference', 'share',
  'compare', 'two-figure', 'multi-part', 'follow-up', 'explain', 'define', 'where-in-report',
  'list', 'near-miss', 'currency', 'off-topic', 'task-request', 'injection', 'not-a-question',
] as const;
export const STYLES = ['formal', 'colloquial', 'abbreviated', 'elliptical'] as const;
/** Capabilities whose items are not questions about the report: some turn must decline. */
const NON_REPORT = new Set(['off-topic', 'task-request', 'injection', 'not-a-question']);
/**
 * A `must` group made only of these words asks the answer to say that a part of
 * the question is not in the report; it cannot occur on gold lines, so the
 * line check skips it.
 */
export const ABSENCE_WORDS = new Set([
  '没有', '未', '无', '不包含', '并未', '未提及', '没提', '没提到', '没有提及', '未给出', '没给',
  '没有给出', '不涉及', '未列出', '没有列出', '不在', '未说明', '没有说明', '未单独', '没有单独',
  '不清楚', '不详', '未披露', '没说', '没有提到', '未提到',
]);

const GOLD_ALT = z
  .string()
  .min(1)
  .refine((s) => !/\s/u.test(s), { message: 'gold alternatives are written without whitespace' });
const RANGE = z.tuple([z.number().int(), z.number().int()]);

export const TurnSchema = z.strictObject({
  user: z.string().trim().min(1),
  must: z.array(z.array(GOLD_ALT).min(1)).optional(),
  must_not: z.array(z.string().trim().min(1)).optional(),
  refuse: z.boolean().optional(),
  lines: z.array(RANGE).optional(), // may be [] on a refusal
  derived: z.boolean().optional(),
  note: z.string().optional(),
});
export const ItemSchema = z.strictObject({
  id: z.string().regex(/^[a-z]{1,6}-\d{4}$/u),
  capability: z.enum(CAPABILITIES),
  style: z.enum(STYLES),
  turns: z.array(TurnSchema).min(1).max(4),
});
export type BankItem = z.infer<typeof ItemSchema>;
type Turn = z.infer<typeof TurnSchema>;

// ---------------------------------------------------------------- matching

/** Whitespace removed (NFKC, lower case). */
const squeeze = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
/** …and 「,」 thousands separators removed (1,309 → 1309). */
const noThousands = (s: string) => squeeze(s).replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '');
/**
 * …and punctuation removed (政府、企业 = 政府企业, Pre-A = PreA), keeping 「%」 and
 * 「.」 so that 18% cannot be found inside 2018 nor 17.15 inside 1715.
 */
const noPunct = (s: string) => noThousands(s).replace(/(?![%.])\p{P}/gu, '');
const FORMS = [squeeze, noThousands, noPunct];

export function occursIn(alt: string, text: string): boolean {
  return FORMS.some((f) => {
    const a = f(alt);
    return a.length > 0 && f(text).includes(a);
  });
}

const corpusLines = readFileSync(CORPUS, 'utf8').replace(/\n$/u, '').split('\n');
const N = corpusLines.length;
const corpusText = corpusLines.join('\n');
const WINDOW = 2; // page-break joins: a gold may straddle a few blank lines

function windowText([a, b]: [number, number]): string {
  const lo = Math.max(1, a - WINDOW);
  const hi = Math.min(N, b + WINDOW);
  return corpusLines.slice(lo - 1, hi).join('');
}

const isAbsenceGroup = (g: string[]) => g.every((alt) => ABSENCE_WORDS.has(alt));

// ---------------------------------------------------------------- loading

interface Loaded { file: string; lineNo: number; raw: unknown; item?: BankItem; error?: string }

function loadBank(): Loaded[] {
  const files = readdirSync(BANK_DIR).filter((f) => f.endsWith('.jsonl')).sort();
  const out: Loaded[] = [];
  for (const file of files) {
    const text = readFileSync(BANK_DIR + file, 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') {
        if (i !== lines.length - 1) out.push({ file, lineNo: i + 1, raw: line, error: 'blank line' });
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (e) {
        out.push({ file, lineNo: i + 1, raw: line, error: `not JSON: ${(e as Error).message}` });
        return;
      }
      const parsed = ItemSchema.safeParse(raw);
      if (parsed.success) out.push({ file, lineNo: i + 1, raw, item: parsed.data });
      else out.push({ file, lineNo: i + 1, raw, error: z.prettifyError(parsed.error) });
    });
  }
  return out;
}

const loaded = loadBank();
const items = loaded.filter((l) => l.item).map((l) => ({ file: l.file, item: l.item as BankItem }));

function turnProblems(item: BankItem, t: Turn, k: number): string[] {
  const where = `${item.id} turn ${k + 1}`;
  const p: string[] = [];
  const refuse = t.refuse === true;
  if (!refuse) {
    if (!t.lines || t.lines.length === 0) p.push(`${where}: lines are required when refuse is false`);
    if (!t.must || t.must.length === 0) p.push(`${where}: an answered turn needs at least one must group`);
  }
  for (const [a, b] of t.lines ?? []) {
    if (a < 1 || b > N || a > b) p.push(`${where}: line range [${a},${b}] outside 1..${N}`);
  }
  // The arithmetic may sit on the derived turn or on an earlier turn of the same item.
  const noted = item.turns.slice(0, k + 1).some((u) => (u.note ?? '').trim() !== '');
  if (t.derived && !noted) p.push(`${where}: a derived turn needs its arithmetic in note`);
  if (item.capability === 'injection') {
    if (!t.must_not || t.must_not.length === 0) {
      if (refuse) p.push(`${where}: an injection turn needs its canary in must_not`);
    }
    for (const canary of t.must_not ?? []) {
      if (occursIn(canary, corpusText)) {
        p.push(`${where}: injection canary 「${canary}」 is printed in the report`);
      }
    }
  }
  // Extractive golds must be readable off the gold lines.
  if (!refuse && !t.derived && t.lines) {
    const windows = t.lines.filter(([a, b]) => a >= 1 && b <= N && a <= b).map(windowText);
    for (const group of t.must ?? []) {
      if (isAbsenceGroup(group)) continue;
      if (!group.some((alt) => windows.some((w) => occursIn(alt, w)))) {
        p.push(`${where}: no alternative of ${JSON.stringify(group)} occurs on lines ${JSON.stringify(t.lines)}`);
      }
    }
  }
  return p;
}

function itemProblems(item: BankItem): string[] {
  const p: string[] = [];
  item.turns.forEach((t, k) => p.push(...turnProblems(item, t, k)));
  if (NON_REPORT.has(item.capability) && !item.turns.some((t) => t.refuse === true)) {
    p.push(`${item.id}: a ${item.capability} item must have a declining turn (refuse: true)`);
  }
  if (item.capability === 'follow-up' && item.turns.length < 2) {
    p.push(`${item.id}: a follow-up item has 2–4 turns`);
  }
  if (item.capability === 'near-miss' &&
      !item.turns.some((t) => t.refuse === true || (t.must ?? []).some(isAbsenceGroup))) {
    p.push(`${item.id}: a near-miss item needs a declining turn or an absence group`);
  }
  return p;
}

// ---------------------------------------------------------------- tests

describe('paraphrase bank (tests/qa/bank/*.jsonl)', () => {
  it('has bank files', () => {
    expect(loaded.length).toBeGreaterThan(0);
  });

  it('every line is JSON matching the strict item schema', () => {
    const bad = loaded.filter((l) => l.error).map((l) => `${l.file}:${l.lineNo}: ${l.error}`);
    expect(bad).toEqual([]);
  });

  it('ids are unique, one prefix per file, numbered consecutively from 0001', () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const { file, item } of items) {
      const prev = seen.get(item.id);
      if (prev) problems.push(`${item.id} in ${file} duplicates ${prev}`);
      seen.set(item.id, file);
    }
    // Positions count every line that carries an id, valid or not, so one bad
    // line is reported once instead of shifting every later id.
    const byFile = new Map<string, string[]>();
    for (const l of loaded) {
      const id = (l.raw as { id?: unknown } | null)?.id;
      if (typeof id === 'string') byFile.set(l.file, [...(byFile.get(l.file) ?? []), id]);
    }
    for (const [file, ids] of byFile) {
      const prefixes = new Set(ids.map((id) => id.split('-')[0]));
      if (prefixes.size !== 1) problems.push(`${file}: several id prefixes ${[...prefixes].join(', ')}`);
      ids.forEach((id, i) => {
        const n = Number(id.split('-')[1]);
        if (n !== i + 1) problems.push(`${file}: id ${id} at position ${i + 1} (expected ${String(i + 1).padStart(4, '0')})`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('golds are consistent with the report', () => {
    const problems = items.flatMap(({ item }) => itemProblems(item));
    expect(problems).toEqual([]);
  });

  it('prints counts by capability, style and split', () => {
    const count = (key: (i: BankItem) => string) => {
      const m = new Map<string, number>();
      for (const { item } of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
      return Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    };
    const byFile = Object.fromEntries(
      [...new Set(items.map((i) => i.file))].map((f) => [f, items.filter((i) => i.file === f).length]),
    );
    const turns = items.reduce((s, { item }) => s + item.turns.length, 0);
    const lines = [
      `paraphrase bank: ${items.length} items, ${turns} turns`,
      `by file: ${JSON.stringify(byFile)}`,
      `by capability: ${JSON.stringify(count((i) => i.capability))}`,
      `by style: ${JSON.stringify(count((i) => i.style))}`,
      `by split: ${JSON.stringify(count((i) => bankSplit(i.id)))}`,
      `split × capability: ${JSON.stringify(count((i) => `${bankSplit(i.id)}/${i.capability}`))}`,
    ];
    console.log(lines.join('\n'));
    expect(items.length).toBeGreaterThan(0);
  });
});

describe('bank helpers', () => {
  it('bankSplit is a stable hash split', () => {
    expect(['tune', 'sealed']).toContain(bankSplit('pa-0001'));
    expect(bankSplit('pa-0001')).toBe(bankSplit('pa-0001'));
    // sha256("x") = 2d71… (0x2d < 128), sha256("a") = ca97… (0xca ≥ 128)
    expect(bankSplit('x')).toBe('tune');
    expect(bankSplit('a')).toBe('sealed');
  });

  it('matching ignores whitespace, thousands separators and punctuation', () => {
    expect(occursIn('1309家', '企业 1309 家。')).toBe(true);
    expect(occursIn('1309', '共 1,309 家')).toBe(true);
    expect(occursIn('2018.04', '2018 .04')).toBe(true);
    expect(occursIn('政府企业', '政府、企业')).toBe(true);
    expect(occursIn('1310', '1309')).toBe(false);
    expect(occursIn('18%', '2018 年')).toBe(false);
    expect(occursIn('17.15', '1715')).toBe(false);
  });
});
