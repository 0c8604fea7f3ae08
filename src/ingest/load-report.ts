import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ReportDocument } from '../types';
import { parseReport } from './parse-report';

/** Reads and parses the report file; `sha256` is the hash of its raw bytes. Throws the fs error when unreadable. */
export function loadReport(path: string): ReportDocument {
  const bytes = readFileSync(path);
  const document = parseReport(bytes.toString('utf8'));
  return { ...document, sha256: createHash('sha256').update(bytes).digest('hex') };
}
