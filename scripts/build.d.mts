/** Types of scripts/build.mjs for the tests that build the service. */
export const ROOT: string;
export function buildDist(options?: { root?: string; outdir?: string }): Promise<number>;
