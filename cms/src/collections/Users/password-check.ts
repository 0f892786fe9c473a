import crypto from 'node:crypto';

/**
 * Payload's stored password hashes (payload/dist/auth/strategies/local/generatePasswordSaltHash.js): current ones
 * are `pbkdf2-sha256-v1:<hex>` with 600,000 iterations and 32 bytes; older ones are bare hex with 25,000 and 512.
 * The login's timing equaliser does the current format's work, the same as checking any account created now.
 */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:';
export const CURRENT_HASH_WORK = { iterations: 600_000, keyLength: 32 } as const;
const LEGACY_HASH_WORK = { iterations: 25_000, keyLength: 512 } as const;

function pbkdf2(password: string, salt: string, iterations: number, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => crypto.pbkdf2(password, salt, iterations, keyLength, 'sha256', (error, key) => (error ? reject(error) : resolve(key))));
}

/** True when `password` matches a stored Payload hash and salt (constant-time comparison). */
export async function passwordMatches(password: string, stored: { hash?: unknown; salt?: unknown }): Promise<boolean> {
  const { hash, salt } = stored;
  if (typeof hash !== 'string' || typeof salt !== 'string') return false;
  const current = hash.startsWith(CURRENT_PREFIX);
  const work = current ? CURRENT_HASH_WORK : LEGACY_HASH_WORK;
  const expected = Buffer.from(current ? hash.slice(CURRENT_PREFIX.length) : hash, 'hex');
  const actual = await pbkdf2(password, salt, work.iterations, work.keyLength);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

const DUMMY_SALT = crypto.randomBytes(32).toString('hex');

/** Hashes `password` against a throwaway salt: the same work as checking a real account's password. */
export async function hashForNothing(password: string): Promise<void> {
  await pbkdf2(password, DUMMY_SALT, CURRENT_HASH_WORK.iterations, CURRENT_HASH_WORK.keyLength);
}
