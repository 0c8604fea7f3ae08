import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReport } from './load-report';
import { parseReport } from './parse-report';

const corpus = fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url));

describe('loadReport', () => {
  it('hashes the raw bytes and keeps the raw lines, line 1 first', () => {
    const bytes = readFileSync(corpus);
    const report = loadReport(corpus);
    expect(report.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.lines).toHaveLength(bytes.toString('utf8').split('\n').length);
    expect(report.lines[2]).toBe('# 2020 年中国区块链 发展现状与展望（上半年）');
    expect(report.lines[1134]).toBe('表 6-1 我国区块链企业各地区分布数量及比例');
  });

  it('parses deterministically', () => {
    const markdown = readFileSync(corpus, 'utf8');
    expect(JSON.stringify(parseReport(markdown))).toBe(JSON.stringify(parseReport(markdown)));
  });

  it('keeps line numbers with CRLF line ends and a final newline', () => {
    const markdown = readFileSync(corpus, 'utf8');
    const crlf = parseReport(`${markdown.replace(/\n/g, '\r\n')}\r\n`);
    const plain = parseReport(markdown);
    expect(crlf.lines).toHaveLength(plain.lines.length);
    expect(crlf.tables.map((table) => [table.id, table.line, table.rows.length])).toEqual(
      plain.tables.map((table) => [table.id, table.line, table.rows.length]),
    );
    expect(crlf.paragraphs.map((paragraph) => paragraph.text)).toEqual(plain.paragraphs.map((paragraph) => paragraph.text));
  });
});
