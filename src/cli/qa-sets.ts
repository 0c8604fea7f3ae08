import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RetrievalItem {
  id: string;
  question: string;
  lines: [number, number];
  alt_lines?: [number, number];
  kind: 'prose' | 'table';
  table?: string;
}

export interface TurnCheck {
  user: string;
  must?: string[][];
  must_not?: string[];
}

/** Reads one JSON-lines QA file of tests/qa. */
export function readQaSet<T>(root: string, name: string): T[] {
  return readFileSync(join(root, 'tests/qa', name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** The scorer's normalisation: NFKC, lower case, no whitespace, no thousands separators, common punctuation dropped. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/[|,，、:：;；"“”'‘’()（）《》<>〈〉[\]【】「」·]/g, '');
}

/** Which `must` groups an answer misses and which `must_not` strings it contains. */
export function checkAnswer(answer: string, must: string[][] = [], mustNot: string[] = []): string[] {
  const a = normalizeForMatch(answer);
  const problems = must.filter((group) => !group.some((alt) => a.includes(normalizeForMatch(alt)))).map((g) => `missing ${g.join('|')}`);
  for (const m of mustNot) if (normalizeForMatch(m) && a.includes(normalizeForMatch(m))) problems.push(`contains ${m}`);
  return problems;
}
