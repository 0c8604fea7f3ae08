import { describe, expect, it } from 'vitest';
import { conversationStore, type Turn } from './conversation-store';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => { items.delete(key); },
    setItem: (key, value) => { items.set(key, String(value)); },
  };
}

describe('conversationStore', () => {
  it('round-trips turns and the open flag through storage, per endpoint', () => {
    const storage = memoryStorage();
    const turns: Turn[] = [{ role: 'user', content: '广东有多少家区块链企业？' }, { role: 'assistant', content: '354家[1]。' }];
    conversationStore('http://a', () => storage).save({ turns, open: true });
    expect(conversationStore('http://a', () => storage).load()).toEqual({ turns, open: true });
    expect(conversationStore('http://b', () => storage).load()).toEqual({ turns: [], open: false });
  });

  it('ignores foreign or corrupt data and keeps working in memory when storage throws', () => {
    const storage = memoryStorage();
    storage.setItem('report-qa-widget:http://a', '{not json');
    expect(conversationStore('http://a', () => storage).load().turns).toEqual([]);
    const broken = conversationStore('http://a', () => { throw new Error('SecurityError'); });
    broken.save({ turns: [{ role: 'user', content: '问' }] });
    expect(broken.load().turns).toHaveLength(1);
  });
});
