import { existsSync, readFileSync } from 'node:fs';
import type { ChatMessage } from '../types';

/**
 * The user turns of each item of the shared dev set (`../shared/eval/dev.jsonl`, JSON lines with
 * `turns: string[]`), read at run time; null when the file is not there.
 */
export function readDevTurns(path: string): string[][] | null {
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { turns: string[] }).turns)
    .filter((turns) => Array.isArray(turns) && turns.length > 0);
}

/**
 * Dev items as the conversations a client sends: each turn after the first carries the earlier turns
 * and the service's own answers to them (asked once from `url` now, so the load replays real replies).
 */
export async function devConversations(url: string, items: string[][]): Promise<ChatMessage[][]> {
  const out: ChatMessage[][] = [];
  for (const turns of items) {
    const messages: ChatMessage[] = [];
    for (const [index, turn] of turns.entries()) {
      messages.push({ role: 'user', content: turn });
      out.push([...messages]);
      if (index === turns.length - 1) break;
      const response = await fetch(new URL('/api/chat', url), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages }),
      });
      const reply = (await response.json()) as { answer?: string };
      messages.push({ role: 'assistant', content: reply.answer ?? '' });
    }
  }
  return out;
}
