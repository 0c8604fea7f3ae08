import { describe, expect, it } from 'vitest';
import { parseSse } from './parse-sse';

function collect(chunks: string[]): [string, string][] {
  const events: [string, string][] = [];
  const parser = parseSse((event, data) => events.push([event, data]));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

describe('parseSse', () => {
  it('dispatches named events with their JSON data', () => {
    expect(collect(['event: meta\ndata: {"mode":"extractive"}\n\nevent: delta\ndata: {"text":"广东"}\n\n'])).toEqual([
      ['meta', '{"mode":"extractive"}'],
      ['delta', '{"text":"广东"}'],
    ]);
  });

  it('reassembles events split anywhere across chunks, including inside CRLF', () => {
    const frame = 'event: delta\r\ndata: {"text":"354 家"}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n';
    for (let cut = 1; cut < frame.length; cut++) {
      expect(collect([frame.slice(0, cut), frame.slice(cut)])).toEqual([['delta', '{"text":"354 家"}'], ['done', '{}']]);
    }
  });

  it('joins multi-line data, skips comments and defaults the event name to message', () => {
    expect(collect([': keep-alive\n\ndata: a\ndata: b\n\n'])).toEqual([['message', 'a\nb']]);
  });

  it('accepts bare CR line ends and a field without a space after the colon', () => {
    expect(collect(['event:delta\rdata:{"text":"x"}\r\r'])).toEqual([['delta', '{"text":"x"}']]);
  });

  it('drops an event that was never terminated by a blank line', () => {
    expect(collect(['event: delta\ndata: {"text":"half"}\n'])).toEqual([]);
  });
});
