import type { Payload } from 'payload';
import { ALERT_KINDS, SUBSCRIPTION_STATES, type AlertKind, type SubscriptionState } from '@portal/core/outages';
import { COLLECTIONS } from '../slugs';

/** Numbers of subscriptions for editors: never an address. */
export interface SubscriberCounts {
  byState: Record<SubscriptionState, number>;
  /** Active subscriptions per settlement (slug), all kinds. */
  bySettlement: Record<string, number>;
  /** Active subscriptions per settlement, one row per territory in its order, with a count per kind. */
  table: { slug: string; name: string; total: number; byKind: Record<AlertKind, number> }[];
}

/** Counts subscriptions by state, and active ones by settlement and by settlement and kind. */
export async function subscriberCounts(payload: Payload): Promise<SubscriberCounts> {
  const count = async (where: Record<string, unknown>) => (await payload.count({ collection: COLLECTIONS.alertSubscriptions, where: where as never, overrideAccess: true })).totalDocs;
  const byState = {} as Record<SubscriptionState, number>;
  for (const state of SUBSCRIPTION_STATES) byState[state] = await count({ state: { equals: state } });
  const territories = await payload.find({ collection: COLLECTIONS.territories, pagination: false, depth: 0, sort: 'order', overrideAccess: true });
  const bySettlement: Record<string, number> = {};
  const table: SubscriberCounts['table'] = [];
  for (const doc of territories.docs as unknown as { id: number | string; slug: string; name: string }[]) {
    const here = [{ state: { equals: 'active' } }, { settlements: { in: [doc.id] } }];
    const total = await count({ and: here });
    const byKind = {} as Record<AlertKind, number>;
    for (const kind of ALERT_KINDS) byKind[kind] = total === 0 ? 0 : await count({ and: [...here, { kinds: { in: [kind] } }] });
    bySettlement[doc.slug] = total;
    table.push({ slug: doc.slug, name: doc.name, total, byKind });
  }
  return { byState, bySettlement, table };
}
