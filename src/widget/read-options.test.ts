import { describe, expect, it } from 'vitest';
import { readOptions } from './read-options';

describe('readOptions', () => {
  const script = (dataset: Record<string, string>, src = 'https://qa.example.com/widget.js') =>
    ({ dataset, src }) as unknown as HTMLScriptElement;

  it('defaults the endpoint to the script origin and fills every default', () => {
    expect(readOptions(script({}), 'https://news.example.org/a')).toEqual({
      endpoint: 'https://qa.example.com', title: '报告问答', theme: 'auto', position: 'right', open: false, lang: 'zh-CN',
      maxChars: 500,
    });
  });

  it('reads the data attributes and ignores values outside the allowed sets', () => {
    const options = readOptions(script({ endpoint: 'https://api.example.com/qa/', title: '问报告', theme: 'dark', position: 'left',
      open: 'true', lang: 'en', maxChars: '300' }), 'https://news.example.org/a');
    expect(options).toEqual({ endpoint: 'https://api.example.com/qa', title: '问报告', theme: 'dark', position: 'left', open: true, lang: 'en',
      maxChars: 300 });
    expect(readOptions(script({ maxChars: '-5' }), 'https://x.org/').maxChars).toBe(500);
    expect(readOptions(script({ theme: 'neon', position: 'top', open: 'no' }), 'https://x.org/').theme).toBe('auto');
  });
});
