import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import type { OutboxRecord, Store } from './store';
import { createAppeal, findAppealByKey, findOutboxAppeals } from './through-payload';

/** The few mongoose model methods the store uses. */
interface Model {
  find(filter: unknown, projection?: unknown): { sort(sort: unknown): { limit(n: number): { lean(): Promise<{ _id: unknown }[]> } } };
  findOneAndUpdate(filter: unknown, update: unknown, options?: unknown): Promise<unknown>;
  updateOne(filter: unknown, update: unknown): Promise<{ modifiedCount?: number }>;
}

/**
 * The store on MongoDB: the mongoose models Payload holds, each operation one atomic single-document update
 * (an outbox claim: one per letter taken), so several CMS instances may share the database.
 */
export function mongoStore(payload: Payload): Store {
  const model = (slug: string): Model => {
    const found = (payload.db as unknown as { collections: Record<string, Model | undefined> }).collections[slug];
    if (!found) throw new Error(`${slug} collection is missing`);
    return found;
  };

  const store: Store = {
    async incrementCounter(key, by) {
      const now = new Date().toISOString();
      const doc = await model(COLLECTIONS.counters).findOneAndUpdate(
        { key },
        { $inc: { value: by }, $set: { updatedAt: now }, $setOnInsert: { createdAt: now } },
        { upsert: true, new: true, lean: true },
      );
      return Number((doc as { value: number }).value);
    },

    // A single write per appeal on MongoDB, attachment links included.
    insertAppeal: (appeal) => createAppeal(payload, appeal, (key) => store.findByIdempotencyKey(key)),

    findByIdempotencyKey: (key) => findAppealByKey(payload, key),

    async claimOutbox(kind, now, until, limit) {
      const appeals = model(COLLECTIONS.appeals);
      const due = {
        [`${kind}.state`]: 'pending',
        $and: [
          { $or: [{ [`${kind}.nextAttemptAt`]: null }, { [`${kind}.nextAttemptAt`]: { $lte: now } }] },
          { $or: [{ [`${kind}.claimedUntil`]: null }, { [`${kind}.claimedUntil`]: { $lte: now } }] },
        ],
      };
      const candidates = await appeals.find(due, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean();
      const claimed: (number | string)[] = [];
      for (const candidate of candidates) {
        // Atomic per document: only one dispatcher's update matches while the letter is unheld.
        const taken = await appeals.findOneAndUpdate({ _id: candidate._id, ...due }, { $set: { [`${kind}.claimedUntil`]: until } }, { new: true, lean: true });
        if (taken) claimed.push(String(candidate._id));
      }
      return claimed;
    },

    async claimNotices(now, until, limit) {
      const notices = model(COLLECTIONS.appealNotices);
      const due = {
        state: 'pending',
        $and: [
          { $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
          { $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }] },
        ],
      };
      const candidates = await notices.find(due, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean();
      const claimed: (number | string)[] = [];
      for (const candidate of candidates) {
        const taken = await notices.findOneAndUpdate({ _id: candidate._id, ...due }, { $set: { claimedUntil: until } }, { new: true, lean: true });
        if (taken) claimed.push(String(candidate._id));
      }
      return claimed;
    },

    loadOutboxAppeals: (ids) => findOutboxAppeals(payload, ids),

    async recordOutbox(records, now) {
      const appeals = model(COLLECTIONS.appeals);
      for (const record of records) {
        await appeals.updateOne({ _id: record.id }, { $set: { ...outboxFields(record, now), updatedAt: now } });
      }
    },

    async claimStateChange(id, from, to, readUpdatedAt, at) {
      const result = await model(COLLECTIONS.appeals).updateOne(
        { _id: id, status: from, ...(readUpdatedAt ? { updatedAt: new Date(readUpdatedAt) } : {}) },
        { $set: { status: to, updatedAt: at } },
      );
      return (result.modifiedCount ?? 0) === 1;
    },

    async recordAnswerJob(appealId, jobId) {
      await model(COLLECTIONS.appeals).updateOne({ _id: appealId }, { $set: { 'answerDelivery.jobId': String(jobId) } });
    },

    async bumpQueryStat(stat, at) {
      const atIso = at.toISOString();
      await model(COLLECTIONS.searchQueries).findOneAndUpdate(
        { key: stat.key },
        {
          $inc: { searches: stat.searches, noResultSearches: stat.noResultSearches, clicks: stat.clicks },
          $set: { updatedAt: atIso, ...(stat.lastResultCount !== null ? { lastResultCount: stat.lastResultCount } : {}) },
          $setOnInsert: { createdAt: atIso, week: stat.week, query: stat.query },
        },
        { upsert: true },
      );
    },
  };
  return store;
}

function outboxFields(record: OutboxRecord, now: Date): Record<string, unknown> {
  const k = record.letter;
  const { outcome } = record;
  if (outcome.kind === 'sent') {
    return {
      [`${k}.state`]: 'sent',
      [`${k}.sentAt`]: now,
      [`${k}.attempts`]: record.attempts,
      [`${k}.lastError`]: null,
      [`${k}.nextAttemptAt`]: null,
      [`${k}.claimedUntil`]: null,
      ...(k === 'confirmation' ? { [`${k}.messageId`]: outcome.messageId } : {}),
    };
  }
  if (outcome.kind === 'failed') {
    return {
      [`${k}.attempts`]: record.attempts,
      [`${k}.lastError`]: outcome.reason,
      [`${k}.nextAttemptAt`]: outcome.nextAttemptAt,
      [`${k}.claimedUntil`]: null,
    };
  }
  return { [`${k}.state`]: 'not-needed', [`${k}.claimedUntil`]: null };
}
