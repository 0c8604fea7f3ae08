import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distStatus } from '../../scripts/dist-status.mjs';

describe('distStatus (what npm start checks before running dist/)', () => {
  const root = mkdtempSync(join(tmpdir(), 'report-qa-status-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is missing without a build, fresh after one, stale once a bundled source changes or disappears', () => {
    const outdir = join(root, 'dist');
    const source = 'export const a = 1;\n';
    mkdirSync(join(root, 'src'));
    writeFileSync(join(root, 'src/a.ts'), source);
    expect(distStatus({ root, outdir })).toBe('missing');
    mkdirSync(outdir);
    writeFileSync(join(outdir, 'main.js'), '');
    writeFileSync(join(outdir, 'build-info.json'),
      JSON.stringify({ inputs: { 'src/a.ts': createHash('sha256').update(source).digest('hex') } }));
    expect(distStatus({ root, outdir })).toBe('fresh');
    writeFileSync(join(root, 'src/a.ts'), 'export const a = 2;\n');
    expect(distStatus({ root, outdir })).toBe('stale');
    rmSync(join(root, 'src/a.ts'));
    expect(distStatus({ root, outdir })).toBe('stale');
  });
});
