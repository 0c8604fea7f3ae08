import type { ExportRow } from '../store/record-store';

const COLUMNS = ['id', 'time', 'origin', 'route', 'question', 'answer', 'grounded', 'mode', 'latency_ms', 'rating', 'reason', 'rated_at'];

/**
 * The owner's export as CSV (RFC 4180, CRLF, UTF-8 with a BOM so spreadsheet programs read the
 * Chinese). Text cells that a spreadsheet would run as a formula (=, +, -, @) get a leading `'`.
 */
export function recordsCsv(rows: ExportRow[]): string {
  const lines = [COLUMNS.join(',')];
  for (const row of rows) {
    lines.push([
      cell(row.id), cell(isoTime(row.at)), text(row.origin), cell(row.route), text(row.question), text(row.answer),
      cell(row.grounded === null ? '' : String(row.grounded)), cell(row.mode), cell(row.latencyMs === null ? '' : String(row.latencyMs)),
      cell(row.rating), text(row.reason), cell(row.ratedAt === null ? '' : isoTime(row.ratedAt)),
    ].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Visitor-written text: defused against formula injection, then quoted. */
function text(value: string | null): string {
  if (value === null) return '';
  return cell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

function cell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
