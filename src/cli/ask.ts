import type { Config } from '../config';
import type { Logger } from '../logger';
import { createPipeline } from '../pipeline';

/** `npm run ask -- "问题"`: the answer, then numbered sources with section and line. */
export async function runAsk(config: Config, question: string, options: { json: boolean; logger: Logger }): Promise<number> {
  if (!question.trim()) {
    process.stderr.write('问题不能为空。用法: npm run ask -- "2020年上半年中国公开了多少区块链专利？"\n');
    return 2;
  }
  const pipeline = await createPipeline(config, { logger: options.logger });
  const answer = await pipeline.ask([{ role: 'user', content: question }]);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  const lines = [answer.answer];
  if (answer.understood) lines.push(`（按“${answer.understood}”理解）`);
  if (answer.citations.length) {
    lines.push('', '来源：');
    for (const c of answer.citations) {
      lines.push(`[${c.id}] ${c.section}${c.source ? ` · ${c.source}` : ''} · 第 ${c.line} 行`, `    ${c.quote}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
