import { createHash } from 'node:crypto';
import type { Payload, Where } from 'payload';
import { alertKindOfNewsType, interestMatches, type AlertKind, type AlertTarget } from '@portal/core/outages';
import { COLLECTIONS } from '../../slugs';
import type { UnsubscribeRoute } from './letter';
import { addressUnsubscribeHeaders, addressUnsubscribeUrl, unsubscribeHeaders, unsubscribeUrl } from '../unsubscribe-headers';

/** One recipient of a campaign: its stable id within the campaign (subscription id or hashed address). */
export interface Recipient {
  id: string;
  email: string;
  subscription?: string;
}

/** The subscriptions collection (branch alerts-public). */
export const SUBSCRIPTIONS = COLLECTIONS.alertSubscriptions;

type Ref = number | string | { id: number | string } | null | undefined;
const refId = (value: Ref) => (value === null || value === undefined ? undefined : typeof value === 'object' ? value.id : value);

/** News types whose publication with «Оповестить подписчиков» starts a campaign (issue 21: outages and tariffs). */
const NOTIFIABLE_NEWS_TYPES = ['planned-outage', 'emergency-outage', 'tariff'];

/** The alert kind a notifiable news item is about (for matching subscribers); none for other news. */
export function kindOfNewsType(type: string | undefined): AlertKind | undefined {
  return type && NOTIFIABLE_NEWS_TYPES.includes(type) ? alertKindOfNewsType(type) : undefined;
}

interface SubscriberFilter {
  settlements?: (number | string)[];
  kinds?: string[];
  /** An outage's settlements and streets (ids as strings): subscribers who named streets hear only of theirs. */
  target?: AlertTarget;
}

interface SubscriberRow {
  id: number | string;
  email: string;
  kinds?: string[] | null;
  settlements?: Ref[] | null;
  streets?: { settlement?: Ref; street?: string | null }[] | null;
}

const streetsOf = (rows: { settlement?: Ref; street?: string | null }[] | null | undefined) =>
  (rows ?? []).flatMap((row) => {
    const settlement = refId(row.settlement);
    return settlement === undefined || !row.street ? [] : [{ settlement: String(settlement), street: row.street }];
  });

/**
 * Confirmed (active) subscribers of at least one of `kinds` and one of `settlements` (empty: any); with a `target`,
 * only those the outage concerns by street too (core's `interestMatches`).
 */
async function activeSubscribers(payload: Payload, filter: SubscriberFilter): Promise<Recipient[]> {
  const and: Where[] = [{ state: { equals: 'active' } }];
  if (filter.settlements && filter.settlements.length > 0) and.push({ settlements: { in: filter.settlements } });
  if (filter.kinds && filter.kinds.length > 0) and.push({ kinds: { in: filter.kinds } });
  const recipients: Recipient[] = [];
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection: SUBSCRIPTIONS,
      where: { and },
      sort: 'id',
      page,
      limit: 2000,
      depth: 0,
      overrideAccess: true,
      select: filter.target ? { email: true, kinds: true, settlements: true, streets: true } : { email: true },
    });
    for (const doc of result.docs as unknown as SubscriberRow[]) {
      if (filter.target && !subscriberConcerned(doc, filter.target)) continue;
      recipients.push({ id: `s${doc.id}`, email: doc.email, subscription: String(doc.id) });
    }
    if (!result.hasNextPage) return recipients;
  }
}

function subscriberConcerned(doc: SubscriberRow, target: AlertTarget): boolean {
  return interestMatches(
    {
      kinds: doc.kinds ?? [],
      settlements: (doc.settlements ?? []).map(refId).filter((id): id is number | string => id !== undefined).map(String),
      streets: streetsOf(doc.streets),
    },
    target,
  );
}

/** An imported address's id within a campaign: a hash, so the key carries no address. */
const addressId = (email: string) => `a${createHash('sha256').update(email).digest('hex').slice(0, 20)}`;

/** Who a campaign writes to: its list's members, or for a campaign from a news item its matching subscribers. */
export async function recipientsOf(
  payload: Payload,
  campaign: { source: string; list?: Ref; news?: Ref },
): Promise<Recipient[]> {
  if (campaign.source === 'news') {
    const newsId = refId(campaign.news);
    if (newsId === undefined) return [];
    const news = (await payload.findByID({ collection: COLLECTIONS.news, id: newsId, depth: 0, overrideAccess: true })) as unknown as {
      type?: string;
      settlements?: Ref[];
      streets?: { settlement?: Ref; street?: string | null }[] | null;
    };
    const kind = kindOfNewsType(news.type);
    if (!kind) return [];
    const settlements = (news.settlements ?? []).map(refId).filter((id): id is number | string => id !== undefined);
    // An outage names where it is; one that names nowhere reaches nobody rather than everybody.
    if ((kind === 'planned' || kind === 'emergency') && settlements.length === 0) return [];
    // A subscriber who named streets hears of an outage on one of them or on the whole settlement only.
    const target: AlertTarget = { kind, settlements: settlements.map(String), streets: streetsOf(news.streets) };
    return activeSubscribers(payload, { settlements, kinds: [kind], target });
  }
  const listId = refId(campaign.list);
  if (listId === undefined) return [];
  const list = (await payload.findByID({ collection: COLLECTIONS.alertLists, id: listId, depth: 0, overrideAccess: true })) as unknown as {
    type: string;
    settlements?: Ref[] | null;
    kinds?: string[] | null;
    addresses?: string | null;
  };
  if (list.type === 'imported') {
    const addresses = (list.addresses ?? '').split('\n').filter(Boolean);
    const unsubscribed = await unsubscribedAddresses(payload, addresses);
    return addresses.filter((email) => !unsubscribed.has(email)).map((email) => ({ id: addressId(email), email }));
  }
  return activeSubscribers(payload, {
    settlements: (list.settlements ?? []).map(refId).filter((id): id is number | string => id !== undefined),
    kinds: list.kinds ?? [],
  });
}

/**
 * Addresses on the suppression list: those whose subscription is `unsubscribed` — by the site's link, or by the
 * one-click link of an imported list's letter, which records the address as an unsubscribed row (suppressAddress).
 * Imported lists' campaigns send them nothing.
 */
export async function unsubscribedAddresses(payload: Payload, addresses: string[]): Promise<Set<string>> {
  const gone = new Set<string>();
  for (let from = 0; from < addresses.length; from += 500) {
    const result = await payload.find({
      collection: SUBSCRIPTIONS,
      where: { and: [{ email: { in: addresses.slice(from, from + 500) } }, { state: { equals: 'unsubscribed' } }] },
      pagination: false,
      limit: 500,
      depth: 0,
      overrideAccess: true,
    });
    for (const doc of result.docs as unknown as { email: string }[]) gone.add(doc.email.toLowerCase());
  }
  return gone;
}

/** Of these subscription ids, those no longer active (unsubscribed since the campaign was prepared). */
export async function unsubscribedAmong(payload: Payload, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await payload.find({
    collection: SUBSCRIPTIONS,
    where: { and: [{ id: { in: ids } }, { state: { not_equals: 'active' } }] },
    pagination: false,
    limit: ids.length,
    depth: 0,
    overrideAccess: true,
  });
  return new Set((result.docs as unknown as { id: number | string }[]).map((doc) => String(doc.id)));
}

/**
 * The unsubscribe route of each recipient's letter: a subscriber's private link, or for an imported address (no
 * subscription) the one-click link of its delivery row, which puts the address on the suppression list.
 */
export async function subscriberRoutes(payload: Payload, rows: { id: number | string; email: string; subscription?: string | null }[]): Promise<UnsubscribeRoute[]> {
  const ids = rows.map((row) => row.subscription).filter((id): id is string => Boolean(id));
  const found = new Map<string, { id: number | string; manageNonce?: string | null }>();
  if (ids.length > 0) {
    const result = await payload.find({ collection: SUBSCRIPTIONS, where: { id: { in: ids } }, pagination: false, limit: ids.length, depth: 0, overrideAccess: true });
    for (const doc of result.docs as unknown as { id: number | string; manageNonce?: string | null }[]) found.set(String(doc.id), doc);
  }
  return rows.map((row) => {
    if (!row.subscription) return { url: addressUnsubscribeUrl(row), headers: addressUnsubscribeHeaders(row), imported: true };
    const subscription = found.get(row.subscription);
    if (!subscription?.manageNonce) return { headers: {} };
    return { url: unsubscribeUrl(subscription), headers: unsubscribeHeaders(subscription) };
  });
}
