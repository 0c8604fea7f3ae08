// Whether dist/ holds a build of the current sources (no esbuild here: a fresh start loads nothing more).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Whether `outdir` holds a build of the current sources: 'fresh', 'missing', or 'stale' (a bundled
 * source file changed or disappeared; a new file matters only once a bundled one imports it).
 */
export function distStatus({ root = ROOT, outdir = join(root, 'dist') } = {}) {
  let info;
  try {
    info = JSON.parse(readFileSync(join(outdir, 'build-info.json'), 'utf8'));
    readFileSync(join(outdir, 'main.js'));
  } catch {
    return 'missing';
  }
  for (const [input, hash] of Object.entries(info.inputs ?? {})) {
    let text;
    try {
      text = readFileSync(join(root, input));
    } catch {
      return 'stale';
    }
    if (sha256(text) !== hash) return 'stale';
  }
  return 'fresh';
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}
