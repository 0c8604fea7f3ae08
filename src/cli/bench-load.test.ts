import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postChat, startService, type StartedService } from '../../tests/e2e/service-helpers';
import { benchLoad } from './bench-load';

let service: StartedService;
beforeAll(async () => {
  service = await startService();
  // Warm up so the short run measures answers, not first-call compilation.
  for (const content of ['广东有多少家区块链企业？', '金融领域落地了多少个项目？']) await (await postChat(service.url, { messages: [{ role: 'user', content }] })).text();
});
afterAll(async () => { await service?.close(); });

describe('benchLoad', () => {
  it('measures throughput and latency percentiles of /api/chat on the real service', async () => {
    // The blank question comes first in the rotation, so the run always includes 400 empty_question replies.
    const result = await benchLoad({ url: service.url, questions: ['   ', '广东有多少家区块链企业？', '金融领域落地了多少个项目？'],
      connections: 4, durationSeconds: 2 });
    expect(result.requests).toBeGreaterThan(3);
    expect(result.requestsPerSecond).toBeGreaterThan(0);
    expect(result.latencyMs.p50).toBeGreaterThan(0);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
    expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBeGreaterThan(0);
    expect(result.statusCodes['400']).toBe(result.non2xx);
    expect(result.statusCodes['200']).toBe(result.requests - result.non2xx);
    expect(result.statusCodes['200']).toBeGreaterThan(0);
  });
});
