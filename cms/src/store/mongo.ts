import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import { claimCellKey, contactHolderOf, type ClaimedCell, type ClaimedLetter, type LetterRecord, type OutboxRecord, type Store } from './store';
import { createAppeal, findAppealByKey, findOutboxAppeals } from './through-payload';

/** The few mongoose model methods the store uses. */
interface Model {
  find(filter: unknown, projection?: unknown): { sort(sort: unknown): { limit(n: number): { lean(): Promise<{ _id: unknown }[]> } } };
  findOneAndUpdate(filter: unknown, update: unknown, options?: unknown): Promise<unknown>;
  updateOne(filter: unknown, update: unknown): Promise<{ modifiedCount?: number }>;
  insertMany(docs: unknown[], options?: unknown): Promise<unknown>;
  deleteMany(filter: unknown): Promise<unknown>;
  updateMany(filter: unknown, update: unknown): Promise<{ modifiedCount?: number }>;
  bulkWrite(operations: unknown[], options?: unknown): Promise<{ upsertedCount?: number }>;
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

    /**
     * The highest number plus one, then one insert; the unique `seqKey` refuses a number another instance took
     * first (then the next one is tried) and the unique `clientKey` a retry (then `duplicate`).
     */
    async appendChatRow(row) {
      for (let attempt = 0; ; attempt++) {
        const last = await payload.find({ collection: COLLECTIONS.chatMessages, where: { conversation: { equals: row.conversationId } }, sort: '-seq', limit: 1, depth: 0, overrideAccess: true, pagination: false });
        const seq = Number((last.docs[0] as { seq?: number } | undefined)?.seq ?? 0) + 1;
        try {
          const created = (await payload.create({
            collection: COLLECTIONS.chatMessages,
            overrideAccess: true,
            depth: 0,
            data: {
              conversation: row.conversationId,
              seq,
              seqKey: `${row.conversationId}:${seq}`,
              kind: row.kind,
              author: row.author,
              text: row.text,
              stateData: row.stateData,
              clientMessageId: row.clientMessageId,
              clientKey: row.clientKey,
              operator: row.operatorId,
              operatorName: row.operatorName,
              attachment: row.attachmentId,
            } as never,
          })) as unknown as { id: string; createdAt: string };
          return { id: created.id, seq, createdAt: created.createdAt };
        } catch (error) {
          const known = await payload.find({ collection: COLLECTIONS.chatMessages, where: { clientKey: { equals: row.clientKey } }, limit: 1, depth: 0, overrideAccess: true, pagination: false });
          if (known.docs.length > 0) return 'duplicate';
          if (attempt >= 9) throw error;
        }
      }
    },

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

    // The unique index on `cell` refuses a taken cell; the rows this call did insert before it are removed again,
    // so a refused booking holds nothing (for the moment in between, a concurrent request may see them taken).
    async claimCells(claims, at) {
      if (claims.length === 0) return false;
      const claimRows = model(COLLECTIONS.bookingClaims);
      const holders = [...new Set(claims.map((claim) => claim.holder))];
      try {
        await claimRows.insertMany(
          claims.map((claim) => ({ cell: claimCellKey(claim), booking: claim.booking, holder: claim.holder, office: claim.office, date: claim.date, desk: claim.desk, time: claim.time, createdAt: at, updatedAt: at })),
          { ordered: true },
        );
        return true;
      } catch (error) {
        await claimRows.deleteMany({ holder: { $in: holders } });
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async releaseClaims(booking, keepHolder) {
      await model(COLLECTIONS.bookingClaims).deleteMany({ booking, ...(keepHolder ? { holder: { $nin: [keepHolder, contactHolderOf(booking)] } } : {}) });
    },

    async claimedCells(office, from, to) {
      const rows = (await model(COLLECTIONS.bookingClaims).find({ office, date: { $gte: from, $lte: to } }, { desk: 1, date: 1, time: 1 }).sort({ _id: 1 }).limit(100_000).lean()) as unknown as ClaimedCell[];
      return rows.map((row) => ({ desk: Number(row.desk), date: String(row.date), time: String(row.time) }));
    },

    // Upserts that only ever insert ($setOnInsert on the unique dedupeKey): a known key is left as it is.
    async insertLetters(letters, now) {
      const model_ = model(COLLECTIONS.outgoingLetters);
      let inserted = 0;
      for (let start = 0; start < letters.length; start += 500) {
        const operations = letters.slice(start, start + 500).map((letter) => ({
          updateOne: {
            filter: { dedupeKey: letter.dedupeKey },
            update: {
              $setOnInsert: {
                purpose: letter.purpose,
                dedupeKey: letter.dedupeKey,
                groupKey: letter.group,
                recipient: letter.to,
                subject: letter.subject,
                text: letter.text,
                html: letter.html,
                headers: letter.headers,
                attachments: letter.attachments,
                state: 'pending',
                notBefore: letter.notBefore,
                attempts: 0,
                createdAt: now,
                updatedAt: now,
              },
            },
            upsert: true,
          },
        }));
        try {
          inserted += (await model_.bulkWrite(operations, { ordered: false })).upsertedCount ?? 0;
        } catch (error) {
          // Two instances upserting one key at once: the loser's duplicate-key error means the letter is stored.
          const result = (error as { code?: number; result?: { upsertedCount?: number; nUpserted?: number } }).result;
          if ((error as { code?: number }).code !== 11000 && !result) throw error;
          inserted += result?.upsertedCount ?? result?.nUpserted ?? 0;
        }
      }
      return inserted;
    },

    async claimLetters(now, until, limit) {
      const letters = model(COLLECTIONS.outgoingLetters);
      const due = {
        state: 'pending',
        $and: [
          { $or: [{ notBefore: null }, { notBefore: { $lte: now } }] },
          { $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
          { $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }] },
        ],
      };
      const candidates = await letters.find(due, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean();
      const claimed: ClaimedLetter[] = [];
      for (const candidate of candidates) {
        const taken = (await letters.findOneAndUpdate({ _id: candidate._id, ...due }, { $set: { claimedUntil: until } }, { new: true, lean: true })) as Record<string, unknown> | null;
        if (taken) claimed.push(mongoLetter(taken));
      }
      return claimed;
    },

    async recordLetters(records, now) {
      const letters = model(COLLECTIONS.outgoingLetters);
      for (const record of records) await letters.updateOne({ _id: record.id }, { $set: { ...letterFields(record, now), updatedAt: now } });
    },

    async moveLetterGroup(group, from, to, now) {
      const result = await model(COLLECTIONS.outgoingLetters).updateMany({ groupKey: group, state: from }, { $set: { state: to, claimedUntil: null, updatedAt: now } });
      return result.modifiedCount ?? 0;
    },
  };
  return store;
}

/** True for MongoDB's duplicate key error (a unique index refused the write), also inside a bulk write error. */
function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 11000) return true;
  const writeErrors = (error as { writeErrors?: { code?: unknown; err?: { code?: unknown } }[] } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.some((item) => item.code === 11000 || item.err?.code === 11000);
}

function mongoLetter(doc: Record<string, unknown>): ClaimedLetter {
  const date = (value: unknown) => (value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null);
  return {
    id: String(doc._id),
    purpose: String(doc.purpose),
    dedupeKey: String(doc.dedupeKey),
    group: typeof doc.groupKey === 'string' ? doc.groupKey : null,
    to: String(doc.recipient),
    subject: String(doc.subject),
    text: typeof doc.text === 'string' ? doc.text : '',
    html: typeof doc.html === 'string' ? doc.html : null,
    headers: (doc.headers as ClaimedLetter['headers']) ?? null,
    attachments: (doc.attachments as ClaimedLetter['attachments']) ?? null,
    notBefore: date(doc.notBefore),
    attempts: Number(doc.attempts ?? 0),
  };
}

function letterFields(record: LetterRecord, now: Date): Record<string, unknown> {
  const { outcome } = record;
  if (outcome.kind === 'sent') {
    return { state: 'sent', sentAt: now, messageId: outcome.messageId, attempts: record.attempts, lastError: null, nextAttemptAt: null, claimedUntil: null };
  }
  return { attempts: record.attempts, lastError: outcome.reason, nextAttemptAt: outcome.nextAttemptAt, claimedUntil: null };
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
