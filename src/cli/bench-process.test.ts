import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceCommand } from './bench-process';

const root = mkdtempSync(join(tmpdir(), 'report-qa-bench-process-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const packageWithStart = (start: string) => writeFileSync(join(root, 'package.json'), JSON.stringify({ scripts: { start } }));

describe('serviceCommand', () => {
  it("runs npm start's node command without npm, once its entry file exists", () => {
    packageWithStart('node --enable-source-maps dist/cli/main.js serve');
    expect(serviceCommand(root).label).toBe('node --import tsx src/cli/main.ts serve');
    mkdirSync(join(root, 'dist/cli'), { recursive: true });
    writeFileSync(join(root, 'dist/cli/main.js'), '');
    expect(serviceCommand(root).argv).toEqual([process.execPath, '--enable-source-maps', 'dist/cli/main.js', 'serve']);
    expect(serviceCommand(root, 'build-index').label).toBe('node --enable-source-maps dist/cli/main.js build-index');
    expect(serviceCommand(root, 'serve', 'tsx').label).toBe('node --import tsx src/cli/main.ts serve');
  });

  it('passes the variables npm start sets before node (MALLOC_ARENA_MAX=2) as its environment', () => {
    packageWithStart('MALLOC_ARENA_MAX=2 node --heap-growing-percent=50 dist/cli/main.js serve');
    const command = serviceCommand(root);
    expect(command.argv).toEqual([process.execPath, '--heap-growing-percent=50', 'dist/cli/main.js', 'serve']);
    expect(command.env).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(command.label).toBe('MALLOC_ARENA_MAX=2 node --heap-growing-percent=50 dist/cli/main.js serve');
  });

  it('falls back to tsx when npm start is not a plain node command', () => {
    packageWithStart('npm run build && node dist/cli/main.js serve');
    expect(serviceCommand(root).label).toBe('node --import tsx src/cli/main.ts serve');
  });
});
