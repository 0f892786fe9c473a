import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Tokens of the alert subscriptions. Nothing that works as a link is stored:
 * - the confirmation token is random (256 bits); the row keeps only its SHA-256 and an expiry;
 * - the private manage/unsubscribe token is `<id>.<HMAC(secret, id, nonce)>`: reproducible by the server for every
 *   letter (the campaigns put it in List-Unsubscribe) without being stored; a new `manageNonce` revokes them all.
 */

/** A fresh random token and the form stored of it. */
export function newConfirmToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The stored form of a confirmation token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh random manage nonce (rotated on unsubscribe-all or when links must be revoked). */
export function newManageNonce(): string {
  return randomBytes(16).toString('base64url');
}

function manageMac(secret: string, id: string, nonce: string): string {
  return createHmac('sha256', secret).update(`alert-manage\u0000${id}\u0000${nonce}`).digest('base64url');
}

/** The private manage/unsubscribe token of a subscription row. */
export function manageTokenFor(secret: string, id: number | string, nonce: string): string {
  return `${String(id)}.${manageMac(secret, String(id), nonce)}`;
}

const MANAGE_TOKEN = /^([A-Za-z0-9_-]{1,40})\.([A-Za-z0-9_-]{43})$/;

/** The row id a manage token names, or null when it is not shaped like one (checked before any database read). */
export function manageTokenId(token: string): string | null {
  return MANAGE_TOKEN.exec(token)?.[1] ?? null;
}

/** Whether a manage token is the valid one of the row with this nonce (constant-time comparison). */
export function manageTokenValid(secret: string, token: string, nonce: string | null | undefined): boolean {
  const match = MANAGE_TOKEN.exec(token);
  if (!match || !nonce) return false;
  const expected = Buffer.from(manageMac(secret, match[1]!, nonce));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The unsubscribe token of an imported address (a campaign to a CSV list: no subscription, so no nonce):
 * `d<delivery row id>.<HMAC(secret, row id, address)>`. The row (kept with the campaign's results) gives the address
 * back; the MAC binds the token to that address, so it unsubscribes nobody else. Nothing is stored for it.
 */
export function addressTokenFor(secret: string, deliveryId: number | string, email: string): string {
  const id = `d${String(deliveryId)}`;
  return `${id}.${addressMac(secret, id, email)}`;
}

function addressMac(secret: string, id: string, email: string): string {
  return createHmac('sha256', secret).update(`alert-address\u0000${id}\u0000${email.trim().toLowerCase()}`).digest('base64url');
}

/** The delivery row id an imported address's token names, or null when the token is not one. */
export function addressTokenDelivery(token: string): string | null {
  const id = MANAGE_TOKEN.exec(token)?.[1];
  return id && /^d\d{1,20}$/.test(id) ? id.slice(1) : null;
}

/** Whether `token` is the valid token of this delivery row and address (constant-time comparison). */
export function addressTokenValid(secret: string, token: string, email: string): boolean {
  const match = MANAGE_TOKEN.exec(token);
  if (!match || !email) return false;
  const expected = Buffer.from(addressMac(secret, match[1]!, email));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
