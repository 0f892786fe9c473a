import type { Payload } from 'payload';
import { mongoStore } from './mongo';
import { sqliteStore } from './sqlite';
import type { Store } from './store';

export type { ClaimedCell, ClaimedLetter, LetterAttachment, LetterRecord, NewAppeal, NewChatRow, NewClaim, NewLetter, OutboxAppeal, OutboxKind, OutboxOutcome, OutboxRecord, QueryStat, Store, StoredAppeal } from './store';
export { claimCellKey, contactHolderOf, OUTBOX_KINDS } from './store';

// Kept on globalThis: Next may load this module more than once, and the SQLite store's group-commit queue
// must be one per database for the whole process.
const STORES_KEY = Symbol.for('portal.stores');
const holder = globalThis as unknown as Record<symbol, WeakMap<Payload, Store> | undefined>;

/**
 * The store of a Payload instance, chosen once by its database adapter: the only place that asks which
 * engine is behind Payload (besides `db.ts`, which configures it).
 */
export function storeOf(payload: Payload): Store {
  const stores = (holder[STORES_KEY] ??= new WeakMap());
  let store = stores.get(payload);
  if (!store) {
    const engine = payload.db.name;
    if (engine === 'mongoose') store = mongoStore(payload);
    else if (engine === 'sqlite') store = sqliteStore(payload);
    else throw new Error(`No store for the database adapter ${engine}`);
    stores.set(payload, store);
  }
  return store;
}
