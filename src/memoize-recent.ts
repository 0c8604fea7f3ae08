/**
 * Caches the last `limit` results of a pure function of a string key. Sized for reuse within one
 * request (several stages look at the same question), not as a cache of answers across requests.
 */
export function memoizeRecent<T>(fn: (key: string) => T, limit = 16): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = fn(key);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
    }
    return value;
  };
}
