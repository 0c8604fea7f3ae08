/**
 * A reproducible uniform generator on [-1, 1): mulberry32 (Tommy Ettinger, public domain;
 * https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). Integer arithmetic only
 * (Math.imul, shifts), so every platform and Node version draws the same sequence for a seed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // An unsigned 32-bit integer scaled by 2^-31 and shifted is exact in a double.
    return ((t ^ (t >>> 14)) >>> 0) / 2147483648 - 1;
  };
}
