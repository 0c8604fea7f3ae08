import { checkNumbers, numbersIn } from '../facts/number-guard';
import type { Answer, AnswerFact, Citation } from '../types';
import type { Claim, PartAnswer } from './claims';

const TERMINAL = /[。；;，,：:！!？?]+$/;

/** Keeps table cells apart before the guard compacts whitespace: '1309 100%' must not read as 1309100. */
function separateCells(text: string): string {
  return text.replace(/(\d)[ \t\u00a0]+(?=\d)/g, '$1｜');
}

/**
 * Writes the answer from the claims of every part, in order: each claim ends with the markers of the
 * passages that state it (numbered by first appearance, so the reader meets [1], [2], [3] … in
 * order), then its punctuation. The number guard then checks every number against the cited quotes,
 * their sections and captions, the question and the derived values; an answer that fails is never sent.
 */
export function composeAnswer(parts: PartAnswer[], options: { question: string; understood?: string }): Answer | null {
  let current = parts;
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = compose(current, options);
    if (result.answer) return result.answer;
    // A claim stating a number no cited passage states is dropped; the rest of the answer stands.
    const unsupported = new Set(result.unsupported);
    current = current.map((part) => ({ ...part, claims: part.claims.filter((claim) => !numbersIn(claim.text).some((n) => unsupported.has(n))) }));
    if (!current.some((part) => part.claims.length)) return null;
  }
  return null;
}

function compose(parts: PartAnswer[], options: { question: string; understood?: string }): { answer: Answer | null; unsupported: string[] } {
  const citations: Citation[] = [];
  const keyOf = (chunkId: string, line: number, quote: string) => `${chunkId}\u0000${line}\u0000${quote}`;
  const ids = new Map<string, number>();
  const pieces: string[] = [];
  const derived: string[] = [];
  const facts: AnswerFact[] = [];
  // A later part repeating what an earlier one said (the same framing, the same row) adds nothing: skipped.
  const said = new Set<string>();
  const stated = new Set<string>();
  const cited = new Set<string>();
  const all = parts.flatMap((part) => part.claims);
  // multi-part: a later part quoting more of the same sentence (its clause window widened to the attribute it asks, 牵头)
  // says what the earlier claim said and more; the wider quote stands in the earlier one's place.
  // A label put before the same words (另一口径：, another part's second scope) quotes nothing more: the plain claim stands.
  const labelled = (other: Claim, claim: Claim) => /：$/.test(other.text.trim().slice(0, other.text.trim().length - claim.text.trim().length)) && other.text.trim().endsWith(claim.text.trim());
  // A longer list of rows (「A、B、C」 of all the table's standards) is no wider quote of a list of some of them (「A、B」, those in 起草阶段).
  // A scope gloss closing a claim (「（指新成立区块链企业）」) is no part of what it quotes: the claim that goes on (「…，占全国的8.91%（指…）」) is wider.
  const quoted = (claim: Claim) => claim.text.trim().replace(/（指[^（）]*）$/, '');
  const wider = (claim: Claim) => all.find((other) => other !== claim && other.text.length > claim.text.length && quoted(other).includes(quoted(claim)) && !labelled(other, claim)
    && other.sources.length <= claim.sources.length
    && other.sources.some((s) => claim.sources.some((c) => c.chunkId === s.chunkId && c.line === s.line)));
  // Each claim belongs to the part that first says it (a wider quote standing in for an earlier claim takes that claim's part).
  const partOf = new Map<Claim, number>();
  parts.forEach((part, i) => { for (const claim of part.claims) { const kept = wider(claim) ?? claim; if (!partOf.has(kept)) partOf.set(kept, i); } });
  const claims: Claim[] = all.map((claim) => wider(claim) ?? claim).filter((claim) => {
    const keys = claim.sources.map((s) => keyOf(s.chunkId, s.line, s.quote));
    // A clause quoted after a figure (「（原文：…分别有 12、10 个）」) states no figure of this claim's own.
    const numbers = numbersIn(claim.text.replace(/（原文：[^）]*）/g, ''));
    const repeated = said.has(claim.text) || (keys.length > 0 && keys.every((k) => cited.has(k)) && numbers.length > 0 && numbers.every((n) => stated.has(n)));
    said.add(claim.text);
    for (const k of keys) cited.add(k);
    for (const n of numbers) stated.add(n);
    return !repeated;
  });
  // multi-part: a part's lead-in (「据表3-3（…），截至2020年6月」) whose own claims all repeated an earlier part's is left
  // dangling; it introduces nothing and is dropped.
  const leads = (claim: Claim) => claim.end === '，' || claim.end === '：';
  for (let i = claims.length - 1; i >= 0; i--) {
    const claim = claims[i];
    const next = claims[i + 1];
    if (leads(claim) && partOf.has(claim) && (!next || partOf.get(next) !== partOf.get(claim))) claims.splice(i, 1);
  }
  claims.forEach((claim, i) => {
    const markers: number[] = [];
    for (const source of claim.sources) {
      const key = keyOf(source.chunkId, source.line, source.quote);
      let id = ids.get(key);
      if (id === undefined) {
        id = citations.length + 1;
        ids.set(key, id);
        citations.push({ id, chunkId: source.chunkId, section: source.section, ...(source.source ? { source: source.source } : {}), quote: source.quote, line: source.line });
      }
      if (!markers.includes(id)) markers.push(id);
    }
    derived.push(...(claim.derived ?? []));
    const text = claim.text.replace(TERMINAL, '');
    const end = claim.end ?? (i === claims.length - 1 ? '。' : '。');
    pieces.push(`${text}${markers.map((m) => `[${m}]`).join('')}${end}`);
  });
  for (const part of parts) for (const fact of part.facts) {
    if (!facts.some((f) => f.source === fact.source && f.subject === fact.subject && f.metric === fact.metric && f.value === fact.value)) facts.push(fact);
  }
  let answer = pieces.join('').replace(/([。；，：])\1+/g, '$1').replace(/[，；：]$/, '。');
  if (!/[。！？]$/.test(answer)) answer += '。';
  const support = [options.question, ...citations.flatMap((c) => [separateCells(c.quote), c.section, c.source ?? ''])];
  const check = checkNumbers(answer, support, derived);
  if (!check.ok) return { answer: null, unsupported: check.unsupported };
  const grounded = parts.some((part) => part.status === 'answered' && part.claims.some((claim) => claim.sources.length));
  return { answer: { answer, citations, facts, grounded, mode: 'extractive', ...(options.understood ? { understood: options.understood } : {}) }, unsupported: [] };
}
