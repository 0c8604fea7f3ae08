import { resolve } from 'node:path';
import { build } from 'esbuild';

const ENTRY = resolve(import.meta.dirname, 'widget.ts');

/**
 * Bundles the browser widget (src/widget/widget.ts) into one minified IIFE for ES2019 browsers,
 * in memory. Output is ASCII (non-ASCII escaped) so it survives being re-served with a wrong charset.
 */
export async function buildWidget(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    charset: 'ascii',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
