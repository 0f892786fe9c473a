import { createHash, createHmac } from 'node:crypto';
import { readCmsEnv } from '../../env';

/**
 * The private link token of an appeal's status page: an HMAC of the registration number and receipt time under
 * the CMS secret (256 bits, unguessable, reproducible by the confirmation job without storing the token itself).
 * Only its SHA-256 hash is stored on the appeal, so a leaked database does not reveal working links.
 */
export function statusTokenFor(registrationNumber: string, receivedAt: string): string {
  return createHmac('sha256', readCmsEnv().PAYLOAD_SECRET).update(`appeal-status\u0000${registrationNumber}\u0000${receivedAt}`).digest('base64url');
}

/** The stored form of a status token. */
export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The client's private status page: the token travels in the fragment, which browsers never send to a server. */
export function statusPageUrl(token: string): string {
  return `${readCmsEnv().SITE_URL.replace(/\/$/, '')}/status/#t=${token}`;
}
