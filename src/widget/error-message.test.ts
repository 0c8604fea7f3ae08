import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message';
import { parseRetryAfter } from './stream-chat';
import { uiText } from './ui-text';

const zh = uiText('zh-CN');

describe('errorMessage', () => {
  it('says the connection is down when offline', () => {
    expect(errorMessage({ kind: 'offline' }, zh)).toBe('网络连接已断开，请检查网络后重试。');
  });

  it('includes the Retry-After wait for 429', () => {
    expect(errorMessage({ kind: 'http', status: 429, message: '请求过于频繁，请稍后再试。', retryAfterSeconds: 42 }, zh))
      .toBe('请求过于频繁，请 42 秒后再试。');
    expect(errorMessage({ kind: 'http', status: 429 }, zh)).toBe('请求过于频繁，请稍后再试。');
  });

  it('names the 403 for a site that is not allowed, also when CORS hid the response', () => {
    expect(errorMessage({ kind: 'http', status: 403, message: '此网站未被允许调用问答服务。' }, zh)).toBe('此网站未被允许使用问答服务（403）。');
    expect(errorMessage({ kind: 'blocked' }, zh)).toBe('此网站未被允许使用问答服务（403）。');
  });

  it('uses the server message when it sent one, else a generic sentence for 5xx and an unreachable server', () => {
    expect(errorMessage({ kind: 'http', status: 413, message: '问题或对话过长，请缩短后再试。' }, zh)).toBe('问题或对话过长，请缩短后再试。');
    expect(errorMessage({ kind: 'http', status: 503, message: '回答超时，请稍后再试。' }, zh)).toBe('回答超时，请稍后再试。');
    expect(errorMessage({ kind: 'http', status: 502 }, zh)).toBe('服务暂时不可用，请稍后再试。');
    expect(errorMessage({ kind: 'unreachable' }, zh)).toBe('服务暂时不可用，请稍后再试。');
    expect(errorMessage({ kind: 'stream', code: 'internal', message: '服务暂时不可用，请稍后再试。' }, zh)).toBe('服务暂时不可用，请稍后再试。');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, rounding up to at least one second', () => {
    const now = Date.parse('2020-07-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('0', now)).toBe(1);
    expect(parseRetryAfter('Wed, 01 Jul 2020 00:00:09 GMT', now)).toBe(9);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
