import type { ChatMessage, ReportDocument } from '../types';
import { percentile } from './bench-load';
import { readCpuNs } from './bench-process';
import { seededRandom, shuffle } from './bench-questions';

/** One adversarial input and what it cost the server. */
export interface WorstInput {
  family: string;
  /** Characters (code points) of the last user message. */
  chars: number;
  messages: number;
  cpuMs: number;
  wallMs: number;
  status: number;
  /** The question's first characters, for the report. */
  preview: string;
  /** The whole last user message (in --json), to replay it. */
  question: string;
}

/** A costly candidate measured again: what the input costs, apart from a collection or a neighbour landing on one sample. */
export interface ConfirmedInput {
  family: string;
  chars: number;
  /** CPU of the single sample that made it a candidate. */
  firstCpuMs: number;
  /** Median CPU of `repeats` variants (the message with a different filler word before it, so no cache answers it). */
  medianCpuMs: number;
  preview: string;
  question: string;
  /** The whole conversation sent (in --json), to replay it. */
  messages: ChatMessage[];
}

export interface WorstInputResult {
  /** Server CPU per request of ordinary generated questions, sent the same way. */
  normal: { requests: number; medianCpuMs: number; p95CpuMs: number; maxCpuMs: number };
  /** Every candidate measured, costliest first. */
  candidates: WorstInput[];
  /** The costliest distinct candidates measured again, by median, costliest first. */
  confirmed: ConfirmedInput[];
  repeats: number;
}

type Family = (random: () => number, length: number) => ChatMessage[];

/** Cuts to at most `length` code points (the service's limit counts code points). */
const cut = (text: string, length: number) => [...text].slice(0, length).join('');
const user = (content: string): ChatMessage[] => [{ role: 'user', content }];

/**
 * Openers a user may put before anything (function words the reading skips): a variant of a message
 * costs what the message costs, but is a new text to every per-text cache (retrieval's, the analyser's).
 */
const FILLERS = ['嗯，', '请问', '那么', '哦，', '好的，', '麻烦问下', '另外', '还有', '对了，'];
const variant = (messages: ChatMessage[], i: number): ChatMessage[] => messages.map((m) => {
  // Every user turn changes (earlier ones too: a conversation never sent before is read whole), each as long as it was
  // (the service refuses a message over its limit, and cost grows with length).
  if (m.role !== 'user') return m;
  const filler = FILLERS[i % FILLERS.length];
  const chars = [...m.content];
  return { ...m, content: filler + chars.slice(Math.min([...filler].length, Math.max(0, chars.length - 2))).join('') };
});

/** Generators of long or odd inputs from the report's own words, cells, numbers and titles. */
function families(document: ReportDocument): Record<string, Family> {
  const prose = document.paragraphs.map((p) => p.text).filter((t) => t.length > 40);
  const cells = document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c && c.length <= 40);
  const titles = [...new Set(document.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).flatMap((c) => c.match(/《[^》]+》/g) ?? []))];
  const regions = document.tables.find((t) => t.id === '表6-1')?.rows.map((r) => r.cells[0]).filter((c) => c !== '总计') ?? ['广东'];
  const numbers = [...new Set(prose.flatMap((t) => t.match(/\d+(?:\.\d+)?\s*(?:%|家|项|个|亿元|万元|件|笔|年|月)/g) ?? []))];
  const take = <T>(random: () => number, list: T[]) => list[Math.floor(random() * list.length)];
  const fill = (random: () => number, length: number, part: () => string, joiner = '') => {
    let text = '';
    while ([...text].length < length) text += (text ? joiner : '') + part();
    return cut(text, length);
  };
  const fragment = (random: () => number) => {
    const text = take(random, prose);
    const start = Math.floor(random() * (text.length - 6));
    return text.slice(start, start + 2 + Math.floor(random() * 5));
  };
  return {
    'report words': (random, length) => user(fill(random, length, () => fragment(random))),
    'report sentences': (random, length) => user(fill(random, length, () => take(random, prose))),
    'table cells': (random, length) => user(fill(random, length, () => take(random, cells), ' ')),
    'numbers': (random, length) => user(fill(random, length, () => take(random, numbers), random() < 0.5 ? '，' : ' ')),
    'punctuation runs': (random, length) => user(fill(random, length, () =>
      random() < 0.2 ? take(random, regions) : '？！。，、；：“”《》（）…—·'.repeat(2).slice(Math.floor(random() * 10)).slice(0, 3 + Math.floor(random() * 12)))),
    'repeated entity': (random, length) => { const region = take(random, regions); return user(fill(random, length, () => region)); },
    'all regions': (random, length) => user(`${cut(fill(random, length - 16, () => take(random, regions), random() < 0.5 ? '、' : '和'), length - 16)}哪个区块链企业最多，各有多少家？`),
    'many titles': (random, length) => user(fill(random, length, () => take(random, titles))),
    'mixed scripts': (random, length) => user(fill(random, length, () => take(random,
      ['区块链', 'blockchain', 'BaaS', 'ブロックチェーン', '블록체인', 'блокчейн', '🚀', '２０２０', 'ＧＤＰ', fragment(random), take(random, regions), '%$#@', 'Σ∑', '\u200b']), random() < 0.5 ? ' ' : '')),
    'question list': (random, length) => user(fill(random, length, () => `${take(random, regions)}有多少家区块链企业？`)),
    // A long conversation: earlier turns count toward follow-up resolution (kept under the 16 KB body limit).
    'long conversation': (random, length) => {
      const messages: ChatMessage[] = [];
      for (let i = 0; i < 4; i++) {
        messages.push({ role: 'user', content: fill(random, Math.min(length, 300), () => fragment(random)) });
        messages.push({ role: 'assistant', content: fill(random, 300, () => take(random, prose)) });
      }
      messages.push({ role: 'user', content: fill(random, length, () => take(random, cells)) });
      return messages;
    },
  };
}

/** Server CPU (all threads, ns resolution) and wall time of one request, sent alone. */
async function measureOne(url: string, pid: number, messages: ChatMessage[]): Promise<{ cpuMs: number; wallMs: number; status: number }> {
  const body = JSON.stringify({ messages });
  const before = readCpuNs(pid);
  const started = performance.now();
  const response = await fetch(new URL('/api/chat', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await response.arrayBuffer();
  const wallMs = performance.now() - started;
  return { cpuMs: (readCpuNs(pid) - before) / 1e6, wallMs, status: response.status };
}

/**
 * Searches for inputs that cost the server the most CPU: every family at 100, 250 and the maximum
 * length, then new samples of the costliest families at the maximum length until `budget` requests
 * have been sent. Requests are sequential, so each CPU delta is one request's. `normalQuestions`
 * (distinct, never sent before) are measured the same way for the comparison.
 */
export async function searchWorstInputs(options: {
  url: string; pid: number; document: ReportDocument; normalQuestions: string[];
  budget?: number; maxChars?: number; seed?: number; confirm?: number; repeats?: number;
}): Promise<WorstInputResult> {
  const { url, pid, document, normalQuestions, budget = 120, maxChars = 500, seed = 7, confirm = 8, repeats = 7 } = options;
  const random = seededRandom(seed);
  const normalCpu: number[] = [];
  // Each ordinary question as it is and in two variants, so its median is taken over as many samples as a candidate's.
  for (let i = 0; i < 3; i++) {
    for (const question of normalQuestions) normalCpu.push((await measureOne(url, pid, i ? variant(user(question), i) : user(question))).cpuMs);
  }
  normalCpu.sort((a, b) => a - b);

  const generators = families(document);
  const seen = new Set<string>();
  const candidates: WorstInput[] = [];
  const sent = new Map<WorstInput, ChatMessage[]>();
  const trial = async (family: string, length: number) => {
    const messages = generators[family](random, length);
    const key = JSON.stringify(messages);
    if (seen.has(key)) return;
    seen.add(key);
    const { cpuMs, wallMs, status } = await measureOne(url, pid, messages);
    const last = messages.at(-1)!.content;
    const candidate = { family, chars: [...last].length, messages: messages.length, cpuMs: round(cpuMs), wallMs: round(wallMs), status,
      preview: cut(last, 40).replace(/\s+/g, ' '), question: last };
    candidates.push(candidate);
    sent.set(candidate, messages);
  };
  for (const family of shuffle(Object.keys(generators), random)) {
    for (const length of [100, 250, maxChars]) await trial(family, length);
  }
  for (let attempt = 0; candidates.length < budget && attempt < budget * 4; attempt++) {
    const costliest = [...new Set([...candidates].sort((a, b) => b.cpuMs - a.cpuMs).map((c) => c.family))].slice(0, 3);
    await trial(costliest[Math.floor(random() * costliest.length)], maxChars - Math.floor(random() * 50));
  }
  candidates.sort((a, b) => b.cpuMs - a.cpuMs);
  // One sample is the input's cost plus whatever landed on it (a collection, the machine's other work): ordinary questions
  // show single samples ten times their median too. The costliest candidates are measured again and ranked by median.
  const confirmed: ConfirmedInput[] = [];
  for (const candidate of candidates.slice(0, confirm)) {
    const messages = sent.get(candidate)!;
    const samples: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const { cpuMs, status } = await measureOne(url, pid, variant(messages, i));
      if (status === 200) samples.push(cpuMs);
    }
    if (!samples.length) continue;
    samples.sort((a, b) => a - b);
    confirmed.push({ family: candidate.family, chars: candidate.chars, firstCpuMs: candidate.cpuMs, medianCpuMs: round(percentile(samples, 50)),
      preview: candidate.preview, question: candidate.question, messages });
  }
  return {
    normal: { requests: normalCpu.length, medianCpuMs: round(percentile(normalCpu, 50)), p95CpuMs: round(percentile(normalCpu, 95)),
      maxCpuMs: round(normalCpu.at(-1) ?? 0) },
    candidates, confirmed: confirmed.sort((a, b) => b.medianCpuMs - a.medianCpuMs), repeats,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
