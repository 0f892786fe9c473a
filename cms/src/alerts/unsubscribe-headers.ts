import { readCmsEnv } from '../env';
import { addressTokenFor, manageTokenFor } from './tokens';

/** The path of the one-click unsubscribe endpoint (POST, RFC 8058) and its GET page; the public server forwards it. */
export const UNSUBSCRIBE_PATH = '/api/alerts/unsubscribe';

/** The private link of a subscription: unsubscribe page (GET shows a button, POST unsubscribes). */
export function unsubscribeUrl(subscription: { id: number | string; manageNonce?: string | null }, siteUrl: string = readCmsEnv().SITE_URL): string {
  if (!subscription.manageNonce) throw new Error('alert subscription without a manage nonce');
  const token = manageTokenFor(readCmsEnv().PAYLOAD_SECRET, subscription.id, subscription.manageNonce);
  return `${siteUrl.replace(/\/$/, '')}${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(token)}`;
}

/** The private page to see, change or cancel a subscription: the GET page of the unsubscribe link. */
export const managePageUrl = unsubscribeUrl;

/**
 * The headers every alert letter carries (RFC 2369 + RFC 8058 one-click): mail clients show «Отписаться», and a POST
 * of `List-Unsubscribe=One-Click` to the URL unsubscribes without cookies, JavaScript or a login. `mailto` (optional,
 * e.g. a mailbox staff read) is added as a second address; read the subscription with `overrideAccess` so
 * `manageNonce` is present.
 */
export function unsubscribeHeaders(
  subscription: { id: number | string; manageNonce?: string | null },
  options: { siteUrl?: string; mailto?: string } = {},
): Record<string, string> {
  const url = unsubscribeUrl(subscription, options.siteUrl);
  const targets = [`<${url}>`];
  if (options.mailto) targets.push(`<mailto:${options.mailto}?subject=${encodeURIComponent('Отписаться')}>`);
  return { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The one-click link of an imported address's campaign letter (see {@link addressTokenFor}). */
export function addressUnsubscribeUrl(delivery: { id: number | string; email: string }, siteUrl: string = readCmsEnv().SITE_URL): string {
  const token = addressTokenFor(readCmsEnv().PAYLOAD_SECRET, delivery.id, delivery.email);
  return `${siteUrl.replace(/\/$/, '')}${UNSUBSCRIBE_PATH}?t=${encodeURIComponent(token)}`;
}

/** `List-Unsubscribe` + `List-Unsubscribe-Post` for an imported address's letter: the same endpoint, its own token. */
export function addressUnsubscribeHeaders(delivery: { id: number | string; email: string }): Record<string, string> {
  return { 'List-Unsubscribe': `<${addressUnsubscribeUrl(delivery)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
