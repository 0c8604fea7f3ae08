import { describe, expect, it } from 'vitest';
import * as thresholds from '../answer/thresholds';
import { loadConfig } from '../config';
import { createPipeline } from '../pipeline';
import { bankSplit } from './bank-split';
import { readBank } from './eval-bank';
import { sweepThresholds } from './eval-sweep';

const config = loadConfig({}, { QA_LOG_LEVEL: 'silent' });

describe('sweepThresholds', () => {
  it('scores the tune half with every threshold scaled, never the sealed half, and restores every value', async () => {
    const pipeline = await createPipeline(config);
    const bank = readBank(config.paths.root);
    // A few items of each half keep the test quick; the sweep must skip the sealed ones.
    const sample = [...bank.filter((i) => bankSplit(i.id) === 'tune').slice(0, 3), ...bank.filter((i) => bankSplit(i.id) === 'sealed').slice(0, 3)];
    const before = JSON.stringify(thresholds);
    const lines: string[] = [];
    await sweepThresholds(pipeline, sample, (line) => lines.push(line));
    expect(JSON.stringify(thresholds)).toBe(before);
    expect(lines.join('\n')).toContain('tune half, 3 items');
    expect(lines.some((l) => l.startsWith('FACT_MATCH.minimum'))).toBe(true);
    expect(lines.some((l) => l.startsWith('PASSAGES.minCoverage'))).toBe(true);
  }, 120_000);
});
