import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, Payload } from 'payload';
import { SETTINGS_TTL_MS } from '../appeals/settings/settings-cache';
import { COLLECTIONS } from '../slugs';
import { loadBookingOffice, type BookingOffice } from './settings';

/**
 * The offices as every booking request reads them (by id, and the public steps by slug), kept per process for
 * {@link SETTINGS_TTL_MS} like the robot's settings (company, calendar, topics: appeals/settings/settings-cache.ts),
 * which booking reads through `robotSettings`. Edits made in this process count for the next request (the Offices
 * hooks below forget the copies); edits made through another CMS instance are seen within the TTL. Concurrent
 * requests share one read; a failed read is not kept. What is claimed (free times, contacts) is never cached.
 */

interface Entry<T> {
  at: number;
  value: Promise<T>;
}
interface State {
  byId: Map<string, Entry<BookingOffice | null>>;
  idBySlug: Map<string, Entry<string | null>>;
}

// On globalThis: Next may load this module more than once, and the hooks must reach the copy the endpoints use.
const CACHE_KEY = Symbol.for('portal.bookingOfficeCache');
const holder = globalThis as unknown as Record<symbol, WeakMap<Payload, State> | undefined>;

function stateOf(payload: Payload): State {
  const states = (holder[CACHE_KEY] ??= new WeakMap());
  let state = states.get(payload);
  if (!state) {
    state = { byId: new Map(), idBySlug: new Map() };
    states.set(payload, state);
  }
  return state;
}

function remembered<T>(entries: Map<string, Entry<T>>, key: string, load: () => Promise<T>, now: number): Promise<T> {
  const hit = entries.get(key);
  if (hit && now - hit.at < SETTINGS_TTL_MS) return hit.value;
  const entry: Entry<T> = { at: now, value: load() };
  entries.set(key, entry);
  entry.value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return entry.value;
}

/** {@link loadBookingOffice}, read at most once per TTL per office and process. Treat the result as read-only. */
export function cachedBookingOffice(payload: Payload, officeId: number | string, now = Date.now()): Promise<BookingOffice | null> {
  return remembered(stateOf(payload).byId, String(officeId), () => loadBookingOffice(payload, officeId), now);
}

/** The id of the published office with this slug (null when none), read at most once per TTL per slug and process. */
export function cachedOfficeIdBySlug(payload: Payload, slug: string, now = Date.now()): Promise<string | null> {
  return remembered(
    stateOf(payload).idBySlug,
    slug,
    async () => {
      const found = await payload.find({ collection: COLLECTIONS.offices, where: { slug: { equals: slug } }, depth: 0, limit: 1, overrideAccess: true, draft: false, select: { slug: true } });
      const id = found.docs[0]?.id;
      return id === undefined ? null : String(id);
    },
    now,
  );
}

/** Drops this process's copies: the next request reads the offices again. */
export function forgetBookingOffices(payload: Payload): void {
  const state = stateOf(payload);
  state.byId.clear();
  state.idBySlug.clear();
}

/** afterChange hook of the offices: new hours, closed dates or topics count for the next booking. */
export const forgetBookingOfficesAfterChange: CollectionAfterChangeHook = ({ doc, req }) => {
  forgetBookingOffices(req.payload);
  return doc;
};

/** afterDelete hook of the offices. */
export const forgetBookingOfficesAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetBookingOffices(req.payload);
  return doc;
};
