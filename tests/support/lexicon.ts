import { fileURLToPath } from 'node:url';
import { loadReport } from '../../src/ingest/load-report';
import { buildLexicon, type Lexicon } from '../../src/question/build-lexicon';
import { loadLexiconFiles } from '../../src/question/lexicon';
import { deriveReportLexicon } from '../../src/question/report-lexicon';
import type { ReportDocument } from '../../src/types';

export const LEXICON_DIR = fileURLToPath(new URL('../../src/question/lexicon', import.meta.url));

/** The real lexicon: the hand files plus what the real report names (as build-index makes it). */
export function reportLexicon(document: ReportDocument = loadReport(fileURLToPath(new URL('../../corpus/report-2020H1-blockchain.md', import.meta.url)))): Lexicon {
  const files = loadLexiconFiles(LEXICON_DIR);
  return buildLexicon(files, deriveReportLexicon(document, files));
}
