/** Settings of a {@link RateLimiter}: how many requests one client may make per window. */
export interface RateLimitOptions {
  /** Requests allowed per window and client (also the burst size). Default 10. */
  limit: number;
  /** Window length in milliseconds. Default one minute. */
  windowMs: number;
}

/** Outcome of one {@link RateLimiter.take}. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests per client key and decides whether another one is allowed. */
export interface RateLimiter {
  take(key: string): RateLimitDecision;
}

/** Defaults for public form submissions: 10 per minute per IP address. */
export const DEFAULT_FORM_RATE_LIMIT: RateLimitOptions = { limit: 10, windowMs: 60_000 };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * An in-memory token bucket per key: `limit` requests at once, refilled evenly over `windowMs`.
 * Unlike a fixed window it does not allow a double burst at a window boundary. Memory stays bounded:
 * buckets that have refilled completely carry no information and are swept once the map grows.
 * One process only — several public servers would each allow the full rate.
 */
export function createRateLimiter(
  { limit, windowMs }: RateLimitOptions = DEFAULT_FORM_RATE_LIMIT,
  now: () => number = Date.now,
  maxKeys = 10_000,
): RateLimiter {
  if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('Rate limit needs limit >= 1 and windowMs > 0');
  const buckets = new Map<string, Bucket>();
  const msPerToken = windowMs / limit;

  function refill(bucket: Bucket, at: number): void {
    const elapsed = Math.max(0, at - bucket.updatedAt);
    bucket.tokens = Math.min(limit, bucket.tokens + elapsed / msPerToken);
    bucket.updatedAt = at;
  }

  function sweep(at: number): void {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= limit) buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= maxKeys) sweep(at);
        bucket = { tokens: limit, updatedAt: at };
        buckets.set(key, bucket);
      } else {
        refill(bucket, at);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      const waitMs = (1 - bucket.tokens) * msPerToken;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
  };
}

/**
 * The key under which a client is counted. IPv6 clients usually control a whole /64, so they are
 * counted per /64 network; IPv4 (and IPv4-mapped IPv6) per address.
 */
export function rateLimitKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = (ip.toLowerCase().split('%')[0] ?? '').split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === '' ? [] : tail.split(':');
  const missing = Math.max(0, 8 - headParts.length - tailParts.length);
  const groups = ip.includes('::') ? [...headParts, ...Array<string>(missing).fill('0'), ...tailParts] : headParts;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
