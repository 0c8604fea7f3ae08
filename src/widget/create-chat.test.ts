import { describe, expect, it } from 'vitest';
import type { Turn } from './conversation-store';
import { requestMessages } from './create-chat';

describe('requestMessages', () => {
  it('drops empty (stopped) answers and keeps the latest twelve, starting with a question', () => {
    const turns: Turn[] = [];
    for (let i = 0; i < 10; i++) turns.push({ role: 'user', content: `问${i}` }, { role: 'assistant', content: i === 9 ? '' : `答${i}` });
    turns.push({ role: 'user', content: '那江苏呢？' });
    const messages = requestMessages(turns);
    expect(messages.length).toBeLessThanOrEqual(12);
    expect(messages[0].role).toBe('user');
    expect(messages.at(-1)).toEqual({ role: 'user', content: '那江苏呢？' });
    expect(messages.some((message) => message.content === '')).toBe(false);
  });
});
