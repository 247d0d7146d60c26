/** Admits or turns away a new connection from an address. */
export type RateLimit = (address: string, now: number) => boolean;

/**
 * A token bucket per address: `burst` connections at once (a whole class behind one NAT logs in
 * within a minute), then `refillPerSecond` more each second. Addresses whose bucket is full again
 * are forgotten, so the table stays as small as the set of recent callers.
 */
export function createRateLimit(burst: number, refillPerSecond: number): RateLimit {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (address, now) => {
    const bucket = buckets.get(address) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    for (const [other, b] of buckets) if (b.tokens + ((now - b.at) / 1000) * refillPerSecond >= burst) buckets.delete(other);
    if (tokens < 1) {
      buckets.set(address, { tokens, at: now });
      return false;
    }
    buckets.set(address, { tokens: tokens - 1, at: now });
    return true;
  };
}
