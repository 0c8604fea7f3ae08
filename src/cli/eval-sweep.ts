import * as thresholds from '../answer/thresholds';
import type { Pipeline } from '../types';
import { bankSplit } from './bank-split';
import { scoreBank, type BankItem } from './eval-bank';

/** Factors each threshold is scaled by; whole-number settings (counts, ranks) are rounded. */
const FACTORS = [0.5, 0.75, 1.25, 1.5];

/** Every numeric setting of the answerer's threshold groups (thresholds.ts), by `group.name`. */
function settings(): { group: Record<string, unknown>; name: string; key: string; value: number }[] {
  const found: { group: Record<string, unknown>; name: string; key: string; value: number }[] = [];
  for (const [name, group] of Object.entries(thresholds)) {
    if (typeof group !== 'object' || group === null) continue;
    for (const [key, value] of Object.entries(group)) if (typeof value === 'number') found.push({ group: group as Record<string, unknown>, name, key, value });
  }
  return found;
}

/**
 * `npm run eval -- --sweep`: the tune half's strict score with each threshold scaled in turn (the sealed
 * half is never swept, so it stays a check of what the settings were not chosen on). A setting whose
 * neighbours score higher is worth a look; the comment beside it in thresholds.ts says what set it.
 */
export async function sweepThresholds(pipeline: Pick<Pipeline, 'ask'>, bank: BankItem[], out: (line: string) => void): Promise<void> {
  const tune = bank.filter((item) => bankSplit(item.id) === 'tune');
  const strict = async () => {
    const { tune: score } = await scoreBank(pipeline, tune);
    return score.items ? (100 * score.strict) / score.items : 0;
  };
  const base = await strict();
  out(`\n# 阈值扫描 threshold sweep (tune half, ${tune.length} items; base ${base.toFixed(1)}%)`);
  out(`setting${' '.repeat(30)}value     ${FACTORS.map((f) => `×${f}`.padEnd(9)).join('')}`);
  for (const setting of settings()) {
    const cells: string[] = [];
    for (const factor of FACTORS) {
      const scaled = Number.isInteger(setting.value) ? Math.max(1, Math.round(setting.value * factor)) : setting.value * factor;
      setting.group[setting.key] = scaled;
      try {
        const score = await strict();
        cells.push(`${score.toFixed(1)}${score > base ? '↑' : score < base ? '↓' : ' '}`.padEnd(9));
      } finally {
        setting.group[setting.key] = setting.value;
      }
    }
    out(`${`${setting.name}.${setting.key}`.padEnd(37)}${String(setting.value).padEnd(10)}${cells.join('')}`);
  }
}
