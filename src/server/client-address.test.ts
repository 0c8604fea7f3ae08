import { describe, expect, it } from 'vitest';
import { createClientAddress } from './client-address';

describe('createClientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted (the default)', () => {
    const address = createClientAddress(null);
    expect(address('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(address('::ffff:127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('walks back a hop count: one proxy in front yields the last entry it appended', () => {
    const oneHop = createClientAddress({ hops: 1 });
    expect(oneHop('10.0.0.2', '198.51.100.7')).toBe('198.51.100.7');
    // A client-written entry in front of the proxy's one is not believed.
    expect(oneHop('10.0.0.2', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(createClientAddress({ hops: 2 })('10.0.0.2', '198.51.100.7, 10.0.0.1')).toBe('198.51.100.7');
    expect(oneHop('10.0.0.2', undefined)).toBe('10.0.0.2');
    expect(oneHop('10.0.0.2', 'not-an-ip')).toBe('10.0.0.2');
  });

  it('believes only listed proxies (addresses and CIDRs), so a spoofed header from anyone else is ignored', () => {
    const address = createClientAddress({ addresses: ['127.0.0.1', '10.0.0.0/8', '::1'] });
    expect(address('127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(address('::ffff:127.0.0.1', '198.51.100.7')).toBe('198.51.100.7');
    expect(address('::1', '198.51.100.7')).toBe('198.51.100.7');
    expect(address('127.0.0.1', '198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
    expect(address('127.0.0.1', '6.6.6.6, 198.51.100.7')).toBe('198.51.100.7');
    expect(address('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
  });
});
