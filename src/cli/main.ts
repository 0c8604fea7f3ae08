import { statSync } from 'node:fs';
import { ConfigError, loadConfig, type ConfigOverrides } from '../config';
import { AppError } from '../errors';
import { createLogger } from '../logger';

const USAGE = `用法 (usage):
  npm start                      启动问答服务 (serve the chat API, widget and demo page)
  npm run build-index            从语料重建 index/ (rebuild the index from corpus/)
  npm run ask -- "问题"          在终端提问 (ask one question; --json prints the API reply)
  npm run eval                   检索与问答评测 (retrieval and QA evaluation on tests/qa)
  npm run bench                  性能测试 (HTTP load vs a reference, start-up, memory, worst input, index build; --help)`;

/** Splits `--name value` / `--flag` options from positional arguments. */
function parseArguments(args: string[]): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) positional.push(arg);
    else if (arg.includes('=')) flags[arg.slice(2, arg.indexOf('='))] = arg.slice(arg.indexOf('=') + 1);
    else if (args[i + 1] !== undefined && !args[i + 1].startsWith('--') && ['index-dir', 'model', 'port', 'duration'].includes(arg.slice(2))) flags[arg.slice(2)] = args[++i];
    else flags[arg.slice(2)] = true;
  }
  return { positional, flags };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { positional, flags } = parseArguments(rest);
  const overrides: ConfigOverrides = {};
  if (typeof flags['index-dir'] === 'string') overrides.QA_INDEX_DIR = flags['index-dir'];
  if (typeof flags.model === 'string') overrides.QA_EMBED_MODEL = flags.model;
  if (typeof flags.port === 'string') overrides.PORT = flags.port;
  const config = loadConfig(process.env, overrides);
  const logger = createLogger(command === 'serve' ? config.log.level : 'error');
  if (['serve', 'build-index', 'ask', 'eval', 'bench'].includes(command)) checkCorpus(config.paths.corpus);
  switch (command) {
    case 'serve': {
      const { serve } = await import('./serve');
      await serve(config, logger);
      return -1;
    }
    case 'build-index': {
      const { runBuildIndex } = await import('./build-index');
      return runBuildIndex(config);
    }
    case 'ask': {
      const { runAsk } = await import('./ask');
      return runAsk(config, positional.join(' '), { json: flags.json === true, logger });
    }
    case 'eval': {
      const { runEval } = await import('./eval');
      return runEval(config, flags, logger);
    }
    case 'bench': {
      const { runBench } = await import('./bench');
      return runBench(config, rest);
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return command ? 2 : 0;
  }
}

/** @throws AppError corpus_missing when QA_CORPUS is not a readable file (before anything is loaded). */
function checkCorpus(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new AppError('corpus_missing', `no file at ${path} (QA_CORPUS)`);
  if (!stat.isFile()) throw new AppError('corpus_missing', `${path} is not a file (QA_CORPUS)`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof AppError) process.stderr.write(`${error.userMessage} (${error.code}: ${error.message})\n`);
    else if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
    // One line, never a stack: the detail names what failed (file, code), which is what an operator acts on.
    else process.stderr.write(`出错了 (unexpected error: ${oneLine(error)})\n`);
    process.exitCode = 1;
  },
);

function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}${'code' in error ? ` ${String(error.code)}` : ''}: ${error.message}` : String(error);
  return text.replace(/\s*\n\s*/g, ' ').slice(0, 500);
}
