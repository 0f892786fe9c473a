import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitKey } from './rate-limiter';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('createRateLimiter', () => {
  it('allows the limit at once and refuses the next request with a Retry-After', () => {
    const { now } = clock();
    const limiter = createRateLimiter({ limit: 10, windowMs: 60_000 }, now);
    for (let i = 0; i < 10; i += 1) expect(limiter.take('203.0.113.5')).toEqual({ allowed: true });
    expect(limiter.take('203.0.113.5')).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('counts clients separately', () => {
    const { now } = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 }, now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('gives back one request per window/limit of elapsed time, never more than the limit', () => {
    const { now, advance } = clock();
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 }, now);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    advance(30_000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    advance(10 * 60_000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps counting a limited client while idle clients are swept to bound memory', () => {
    const { now, advance } = clock();
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 }, now, 3);
    limiter.take('busy');
    advance(61_000);
    limiter.take('idle-1');
    limiter.take('idle-2');
    limiter.take('busy');
    // The map is full; adding a client sweeps the refilled ones but keeps the limited one.
    limiter.take('new');
    expect(limiter.take('busy').allowed).toBe(false);
  });
});

describe('rateLimitKey', () => {
  it('uses an IPv4 address as is, also when IPv4-mapped', () => {
    expect(rateLimitKey('203.0.113.5')).toBe('203.0.113.5');
    expect(rateLimitKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
  });

  it('groups IPv6 addresses by their /64 network', () => {
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
  });
});
