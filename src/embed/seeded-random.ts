/**
 * mulberry32 (Tommy Ettinger, public domain; https://gist.github.com/tommyettinger/46a874533244883189143505d203312c):
 * a reproducible uniform generator on [0, 1). Integer arithmetic only (Math.imul, shifts), so every platform and
 * Node version draws the same sequence for a seed.
 */
export function seededUnitRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same sequence on [-1, 1) (2u − 1 is exact in a double, so the draws are bit-for-bit those of before). */
export function seededRandom(seed: number): () => number {
  const unit = seededUnitRandom(seed);
  return () => 2 * unit() - 1;
}
