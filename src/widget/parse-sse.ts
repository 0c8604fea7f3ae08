/** Receives one dispatched Server-Sent Event. */
export type SseListener = (event: string, data: string) => void;

/**
 * Incremental Server-Sent Events parser for fetch() bodies (EventSource cannot POST).
 * Follows https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation:
 * CRLF/CR/LF line ends, multi-line data, comments, `event` defaulting to `message`.
 */
export function parseSse(listener: SseListener): { push(text: string): void; end(): void } {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  const dispatch = () => {
    if (data.length > 0) listener(event || 'message', data.join('\n'));
    event = '';
    data = [];
  };

  const processLine = (line: string) => {
    if (line === '') return dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  const drain = (final: boolean) => {
    for (;;) {
      const match = /\r\n|\r|\n/.exec(buffer);
      if (!match) break;
      // A lone CR at the very end may be the first half of a CRLF split across chunks.
      if (match[0] === '\r' && match.index === buffer.length - 1 && !final) break;
      processLine(buffer.slice(0, match.index));
      buffer = buffer.slice(match.index + match[0].length);
    }
  };

  return {
    push(text) {
      buffer += text;
      drain(false);
    },
    end() {
      drain(true);
      // An unterminated last event is discarded, as the spec says.
      buffer = '';
      event = '';
      data = [];
    },
  };
}
