/** A ranked list from one retrieval arm. */
export type ArmResults = { doc: number; score: number }[];

/**
 * Weighted sum of max-normalised scores. A weighted sum beat reciprocal rank fusion (RRF k=60), which
 * ignores how far ahead the best BM25 match is; dividing by the maximum (floor 'zero') measured better
 * than min-max on tests/qa/retrieval.jsonl because min-max stretches small gaps among weak candidates.
 * A document missing from an arm gets 0 from that arm.
 */
export function fuseScores(bm25: ArmResults, dense: ArmResults, bm25Weight: number, floor: 'min' | 'zero' = 'zero'): { doc: number; score: number; bm25: number; dense: number }[] {
  const normalise = (list: ArmResults) => {
    const map = new Map<number, number>();
    if (!list.length) return map;
    const max = Math.max(...list.map((r) => r.score));
    const min = floor === 'zero' ? 0 : Math.min(...list.map((r) => r.score));
    const span = max - min || 1;
    for (const r of list) map.set(r.doc, (r.score - min) / span);
    return map;
  };
  const b = normalise(bm25);
  const d = normalise(dense);
  const docs = new Set([...b.keys(), ...d.keys()]);
  return [...docs]
    .map((doc) => {
      const bs = b.get(doc) ?? 0;
      const ds = d.get(doc) ?? 0;
      return { doc, score: bm25Weight * bs + (1 - bm25Weight) * ds, bm25: bs, dense: ds };
    })
    .sort((x, y) => y.score - x.score || x.doc - y.doc);
}
