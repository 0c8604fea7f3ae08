/** Types of scripts/dist-status.mjs for the tests. */
export const ROOT: string;
export function distStatus(options?: { root?: string; outdir?: string }): 'fresh' | 'missing' | 'stale';
