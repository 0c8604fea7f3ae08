// The paraphrase bank is split into two halves by a hash of the item id, so the
// split is stable, needs no stored list, and cannot be steered by the writers:
// sha256(id) first byte < 128 → 'tune' (may be looked at while tuning),
// otherwise 'sealed' (only scored, never read while tuning).
import { createHash } from 'node:crypto';

export type BankSplit = 'tune' | 'sealed';

export function bankSplit(id: string): BankSplit {
  const first = createHash('sha256').update(id, 'utf8').digest()[0];
  return first < 128 ? 'tune' : 'sealed';
}
