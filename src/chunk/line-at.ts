import type { LineOffset } from '../types';

/** The source line on which the character at `offset` of a repaired text stands. */
export function lineAt(lines: readonly LineOffset[], offset: number): number {
  let line = lines[0]?.line ?? 0;
  for (const entry of lines) {
    if (entry.offset > offset) break;
    line = entry.line;
  }
  return line;
}
