// `npm start` and the production entry point: `node scripts/start.mjs serve` is one node process
// (no npm, no TypeScript loader between a supervisor's signal and the server). It builds dist/ first
// when dist/ is missing or older than src/, then runs dist/main.js in this same process.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { distStatus, ROOT } from './dist-status.mjs';

const status = existsSync(join(ROOT, 'src')) ? distStatus() : 'fresh';
if (status !== 'fresh') {
  process.stderr.write(status === 'missing'
    ? '正在编译 dist/ (building dist/, first start)…\n'
    : 'src/ 有改动，正在重新编译 dist/ (dist/ is older than src/, rebuilding)…\n');
  try {
    const { buildDist } = await import('./build.mjs');
    await buildDist();
  } catch (error) {
    process.stderr.write(`编译 dist/ 失败，请运行 npm run build 查看原因 (build failed: ${String(error?.message ?? error).split('\n')[0]})\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(join(ROOT, 'dist', 'main.js')).href);
