import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { benchLoad } from './bench-load';
import { readCpuMs, readCpuNs, readMemoryMb, referenceCommand, startBenchServer, type BenchServer } from './bench-process';

let reference: BenchServer;
beforeAll(async () => { reference = await startBenchServer(loadConfig({}).paths.root, referenceCommand(), { QA_LOG_LEVEL: 'error' }); });
afterAll(async () => { await reference?.stop(); });

describe('benchLoad', () => {
  it('cycles conversations through /api/chat of a server process and reads its CPU from /proc', async () => {
    const conversations = [[{ role: 'user' as const, content: '广东有多少家区块链企业？' }],
      [{ role: 'user' as const, content: '广东呢？' }, { role: 'assistant' as const, content: '……' }, { role: 'user' as const, content: '那江苏呢？' }]];
    const result = await benchLoad({ url: reference.url, conversations, connections: 2, durationSeconds: 1, serverPid: reference.pid });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.statusCodes['200']).toBe(result.requests);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
    expect(result.latencyMs.p95).toBeLessThanOrEqual(result.latencyMs.p99);
    expect(result.cpuMsPerRequest).toBeGreaterThanOrEqual(0);
  });
});

describe('process readings', () => {
  it('reads CPU and memory of a running process', () => {
    expect(readCpuMs(reference.pid)).toBeGreaterThan(0);
    expect(readCpuNs(reference.pid)).toBeGreaterThan(0);
    const { rssMb, peakMb } = readMemoryMb(reference.pid);
    expect(rssMb).toBeGreaterThan(1);
    expect(peakMb).toBeGreaterThanOrEqual(rssMb);
  });
});
