// `npm run build`: compiles the service (src/cli/main.ts and what it imports) into dist/ with esbuild,
// so production starts with plain `node` (one process, no TypeScript loader). Pure-JS dependencies of
// the serving path are bundled; the rest stay in node_modules (see EXTERNAL). dist/build-info.json records a sha256 of every source file bundled,
// which scripts/start.mjs compares to decide whether dist/ is older than src/.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

import { ROOT } from './dist-status.mjs';

export { ROOT };

/**
 * Builds into `outdir` (default dist/) through a temporary sibling folder renamed at the end, so a
 * failed or concurrent build never leaves a half-written dist/.
 * @returns the number of source files bundled.
 */
export async function buildDist({ root = ROOT, outdir = join(root, 'dist') } = {}) {
  const temp = `${outdir}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: { main: join(root, 'src/cli/main.ts') },
      outdir: temp,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Pure-JS dependencies of the serving path are bundled (zod alone took ~100 ms to resolve and load
      // file by file at start-up); native addons, the wasm segmenter (loads its .wasm beside itself) and the
      // packages loaded only on demand (transformers.js, LangChain, the dev tools) stay in node_modules.
      external: EXTERNAL,
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceFolders(join(root, 'src'), outdir)],
    });
    const inputs = {};
    for (const input of Object.keys(result.metafile.inputs).sort()) inputs[input] = sha256(readFileSync(join(root, input)));
    writeFileSync(join(temp, 'build-info.json'), `${JSON.stringify({ inputs }, null, 2)}\n`);
    rmSync(outdir, { recursive: true, force: true });
    renameSync(temp, outdir);
    return Object.keys(inputs).length;
  } finally {
    rmSync(temp, { recursive: true, force: true });
    // esbuild's service process would otherwise outlive the build as a child of the server.
    await stop();
  }
}

const EXTERNAL = ['better-sqlite3', 'hnswlib-node', 'jieba-wasm', '@huggingface/transformers', 'onnxruntime-node', '@langchain/*',
  'openai', 'esbuild', 'tsx', 'autocannon', 'playwright-core', '@sparticuz/chromium', 'axe-core', 'vitest', 'cli-progress'];

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Source files find their folders through `import.meta.dirname` (the repository root from config.ts,
 * the widget's entry from build-widget.ts). Bundled, that would be dist/: rewrite it to the source
 * folder, relative to the output folder, so the build works wherever the checkout is.
 */
function sourceFolders(srcDir, outdir) {
  return {
    name: 'source-folders',
    setup(context) {
      context.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(srcDir)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.dirname')) return undefined;
        const fromOut = JSON.stringify(`/${relative(outdir, dirname(args.path))}`);
        return { contents: text.replaceAll('import.meta.dirname', `(import.meta.dirname + ${fromOut})`), loader: 'ts' };
      });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = performance.now();
  buildDist().then((files) => {
    process.stderr.write(`已编译到 dist/：${files} 个源文件，用时 ${Math.round(performance.now() - started)} ms (built dist/)\n`);
  }, (error) => {
    process.stderr.write(`编译失败 (build failed): ${String(error?.message ?? error).split('\n')[0]}\n`);
    process.exitCode = 1;
  });
}
