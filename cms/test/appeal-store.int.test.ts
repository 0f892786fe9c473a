import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewAppeal, NewLetter, Store } from '../src/store';
import { databaseTargets } from './database-targets';
import { startTestCms, type TestCms } from './harness';

/*
 * The contract of the store (cms/src/store): the atomic operations the appeal road and the search statistics
 * rely on, checked against a real Payload instance on each engine. The same cases run on SQLite always and on
 * MongoDB when MONGODB_TEST_URL is set, so the two implementations cannot drift apart.
 */

const targets = databaseTargets();

describe.skipIf(targets.some((target) => target.name === 'MongoDB'))('store contract on MongoDB', () => {
  it.skip('runs when MONGODB_TEST_URL points at a MongoDB replica set (not set here)', () => undefined);
});

let serial = 0;

/** A new appeal as registration writes it: a question by e-mail with both letters pending. */
function newAppeal(fields: Partial<NewAppeal> = {}): NewAppeal {
  serial += 1;
  return {
    registrationNumber: `В-2026-${String(700_000 + serial)}`,
    type: 'question',
    channel: 'site',
    registrationDeadlineDate: null,
    status: 'registered',
    statusTokenHash: `hash-${serial}`,
    receivedAt: '2026-11-20T09:00:00.000Z',
    deadlineDate: '2026-12-04',
    receivedOutsideWorkingHours: false,
    workStartsAt: null,
    originalsDeadlineDate: null,
    topic: null,
    topicAsSent: null,
    audience: null,
    name: 'Ольга Сергеевна',
    email: 'olga@example.ru',
    phone: null,
    answerChannel: 'email',
    postalAddress: null,
    accountNumber: null,
    text: 'Когда можно передать показания счётчика в этом месяце?',
    details: null,
    meterSerial: null,
    attachments: [],
    consent: { version: '2026-01', acceptedAt: '2026-11-20T09:00:00.000Z', ip: '192.0.2.10', method: 'form' },
    idempotencyKey: `key-${serial}-${crypto.randomUUID()}`,
    confirmation: { state: 'pending', attempts: 0 },
    handlerNotice: { state: 'pending', attempts: 0 },
    territory: null,
    handlerGroup: null,
    ...fields,
  };
}

const MINUTE = 60_000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const ids = (claimed: (number | string)[]) => claimed.map(String);

describe.each(targets)('store contract on $name', (target) => {
  let cms: TestCms;
  let store: Store;

  beforeAll(async () => {
    cms = await startTestCms({}, target);
    const { storeOf } = await import('../src/store');
    store = storeOf(cms.payload);
  }, 120_000);

  afterAll(async () => {
    await cms?.close();
  });

  async function stored(appeal: NewAppeal): Promise<string> {
    const result = await store.insertAppeal(appeal);
    if (result === 'duplicate') throw new Error('unexpected duplicate');
    return String(result.id);
  }

  /** The id as the engine's rows carry it (the store hands out what it claimed). */
  const rowId = (id: string) => (cms.payload.db.defaultIDType === 'number' ? Number(id) : id);

  async function readAppeal(id: string) {
    const key = rowId(id);
    return (await cms.payload.findByID({ collection: 'appeals', id: key, depth: 0, overrideAccess: true })) as unknown as Record<string, any>;
  }

  describe('counters', () => {
    it('gives every concurrent caller its own value, 1 to 25 without a gap', async () => {
      const values = await Promise.all(Array.from({ length: 25 }, () => store.incrementCounter('contract-single', 1)));
      expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it('reserves blocks that neither overlap nor leave gaps when taken concurrently', async () => {
      // Ten blocks of five: the ends are 5, 10, … 50 in some order, so the blocks cover 1 … 50 exactly once.
      const ends = await Promise.all(Array.from({ length: 10 }, () => store.incrementCounter('contract-block', 5)));
      expect([...ends].sort((a, b) => a - b)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
      expect(await store.incrementCounter('contract-block', 1)).toBe(51);
    });
  });

  describe('appeals and idempotency', () => {
    it('stores an appeal and finds it by its idempotency key', async () => {
      const appeal = newAppeal();
      const id = await stored(appeal);
      expect(await store.findByIdempotencyKey(appeal.idempotencyKey as string)).toMatchObject({
        registrationNumber: appeal.registrationNumber,
        deadlineDate: '2026-12-04',
      });
      const row = await readAppeal(id);
      expect(row).toMatchObject({ registrationNumber: appeal.registrationNumber, name: 'Ольга Сергеевна', status: 'registered', idempotencyKey: appeal.idempotencyKey });
      expect(row.confirmation).toMatchObject({ state: 'pending', attempts: 0 });
      expect(await store.findByIdempotencyKey('never-used')).toBeUndefined();
    });

    it('refuses a second appeal with the same key and keeps the first registration', async () => {
      const first = newAppeal();
      await stored(first);
      const again = newAppeal({ idempotencyKey: first.idempotencyKey });
      expect(await store.insertAppeal(again)).toBe('duplicate');
      expect((await store.findByIdempotencyKey(first.idempotencyKey as string))?.registrationNumber).toBe(first.registrationNumber);
    });

    it('stores exactly one of several concurrent appeals with one key', async () => {
      const key = `concurrent-${crypto.randomUUID()}`;
      const attempts = Array.from({ length: 6 }, () => newAppeal({ idempotencyKey: key }));
      const outcomes = await Promise.all(attempts.map((appeal) => store.insertAppeal(appeal).catch(() => 'failed' as const)));
      const winners = outcomes.filter((outcome) => typeof outcome === 'object');
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(5);
      const count = await cms.payload.count({ collection: 'appeals', where: { idempotencyKey: { equals: key } }, overrideAccess: true });
      expect(count.totalDocs).toBe(1);
      expect((await store.findByIdempotencyKey(key))?.registrationNumber).toBe((winners[0] as { registrationNumber: string }).registrationNumber);
    });

    it('links attachments to the appeal, and the outbox sees how many there are', async () => {
      // A minimal PDF with the header, cross-reference table and end marker Payload's file check looks for.
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n44\n%%EOF\n');
      const files = await Promise.all(
        ['акт.pdf', 'счёт.pdf'].map((name, i) =>
          cms.payload.create({
            collection: 'appeal-attachments',
            overrideAccess: true,
            depth: 0,
            data: { originalName: name } as never,
            file: { data: pdf, mimetype: 'application/pdf', name: `contract-${serial}-${i}.pdf`, size: pdf.byteLength },
          }),
        ),
      );
      const id = await stored(newAppeal({ attachments: files.map((file) => file.id) }));
      expect(((await readAppeal(id)).attachments as unknown[]).map(String)).toEqual(files.map((file) => String(file.id)));
      expect((await store.loadOutboxAppeals([id])).get(id)?.attachments).toHaveLength(2);
    });
  });

  describe('outbox', () => {
    it('loads what the letters need of claimed appeals', async () => {
      const appeal = newAppeal({
        type: 'complaint',
        registrationNumber: `Ж-2026-${String(800_000 + serial)}`,
        email: null,
        receivedOutsideWorkingHours: true,
        workStartsAt: '2026-11-23T09:00',
        originalsDeadlineDate: '2026-11-27',
      });
      const id = await stored(appeal);
      const loaded = (await store.loadOutboxAppeals([id])).get(id);
      expect(loaded).toMatchObject({
        registrationNumber: appeal.registrationNumber,
        type: 'complaint',
        name: 'Ольга Сергеевна',
        email: null,
        deadlineDate: '2026-12-04',
        receivedOutsideWorkingHours: true,
        workStartsAt: '2026-11-23T09:00',
        originalsDeadlineDate: '2026-11-27',
        attachments: [],
      });
      expect(String(loaded?.id)).toBe(id);
      expect(new Date(loaded?.receivedAt as string).toISOString()).toBe('2026-11-20T09:00:00.000Z');
      expect(loaded?.confirmation?.attempts ?? 0).toBe(0);
      expect(loaded?.handlerNotice?.attempts ?? 0).toBe(0);
    });

    it('lets one dispatcher only take a letter, and another take it once the hold has expired', async () => {
      const id = await stored(newAppeal());
      const now = new Date();
      const until = later(now, 2 * MINUTE);
      const rounds = await Promise.all(Array.from({ length: 4 }, () => store.claimOutbox('confirmation', now, until, 100)));
      expect(rounds.flatMap(ids).filter((claimed) => claimed === id)).toHaveLength(1);
      // Still held a minute later…
      expect(ids(await store.claimOutbox('confirmation', later(now, MINUTE), later(now, 3 * MINUTE), 100))).not.toContain(id);
      // …free again the moment the hold ends, for one dispatcher.
      const retaken = await Promise.all(Array.from({ length: 3 }, () => store.claimOutbox('confirmation', until, later(until, 2 * MINUTE), 100)));
      expect(retaken.flatMap(ids).filter((claimed) => claimed === id)).toHaveLength(1);
      // The two kinds are held separately: the handlers' notice of the same appeal is still free.
      expect(ids(await store.claimOutbox('handlerNotice', now, until, 100))).toContain(id);
    });

    it('takes no more letters than asked, oldest appeals first', async () => {
      const first = await stored(newAppeal());
      const second = await stored(newAppeal());
      const now = later(new Date(), 10 * MINUTE);
      // One letter per round until none is left: every pending letter of this database, in order of appeal.
      const taken: string[] = [];
      for (let round = 0; round < 500; round++) {
        const claimed = ids(await store.claimOutbox('confirmation', now, later(now, 2 * MINUTE), 1));
        expect(claimed.length).toBeLessThanOrEqual(1);
        if (claimed.length === 0) break;
        taken.push(claimed[0] as string);
      }
      expect(new Set(taken).size).toBe(taken.length);
      expect(taken).toContain(first);
      expect(taken.indexOf(second)).toBe(taken.indexOf(first) + 1);
    });

    it('waits for the next attempt after a failure, and never takes a sent or closed letter again', async () => {
      const id = await stored(newAppeal());
      const now = new Date();
      expect(ids(await store.claimOutbox('confirmation', now, later(now, 2 * MINUTE), 100))).toContain(id);
      expect(ids(await store.claimOutbox('handlerNotice', now, later(now, 2 * MINUTE), 100))).toContain(id);

      const retryAt = later(now, 30_000);
      await store.recordOutbox(
        [
          { letter: 'confirmation', id: rowId(id), attempts: 1, outcome: { kind: 'failed', reason: 'SMTP 421 try later', nextAttemptAt: retryAt } },
          { letter: 'handlerNotice', id: rowId(id), attempts: 0, outcome: { kind: 'skipped' } },
        ],
        now,
      );
      let row = await readAppeal(id);
      expect(row.confirmation).toMatchObject({ state: 'pending', attempts: 1, lastError: 'SMTP 421 try later', claimedUntil: null });
      expect(new Date(row.confirmation.nextAttemptAt).toISOString()).toBe(retryAt.toISOString());
      expect(row.handlerNotice).toMatchObject({ state: 'not-needed', claimedUntil: null });

      // The failure released the hold, but the letter is not due before its next attempt.
      expect(ids(await store.claimOutbox('confirmation', later(now, 29_000), later(now, 3 * MINUTE), 100))).not.toContain(id);
      const due = ids(await store.claimOutbox('confirmation', retryAt, later(retryAt, 2 * MINUTE), 100));
      expect(due).toContain(id);

      await store.recordOutbox([{ letter: 'confirmation', id: rowId(id), attempts: 2, outcome: { kind: 'sent', messageId: '<contract@portal.local>' } }], retryAt);
      row = await readAppeal(id);
      expect(row.confirmation).toMatchObject({ state: 'sent', attempts: 2, lastError: null, nextAttemptAt: null, claimedUntil: null, messageId: '<contract@portal.local>' });
      expect(new Date(row.confirmation.sentAt).toISOString()).toBe(retryAt.toISOString());

      const muchLater = later(now, 24 * 60 * MINUTE);
      expect(ids(await store.claimOutbox('confirmation', muchLater, later(muchLater, 2 * MINUTE), 100))).not.toContain(id);
      expect(ids(await store.claimOutbox('handlerNotice', muchLater, later(muchLater, 2 * MINUTE), 100))).not.toContain(id);
    });

    it('never takes a letter that was not needed from the start', async () => {
      const id = await stored(newAppeal({ email: null, confirmation: { state: 'not-needed', attempts: 0 } }));
      const now = later(new Date(), MINUTE);
      expect(ids(await store.claimOutbox('confirmation', now, later(now, 2 * MINUTE), 100))).not.toContain(id);
    });
  });

  describe('client notices', () => {
    async function notice(appealId: string, state: string) {
      const doc = await cms.payload.create({
        collection: 'appeal-notices',
        overrideAccess: true,
        depth: 0,
        data: { appeal: rowId(appealId), decision: 'extended', channel: 'email', state, subject: 'Срок продлён', text: 'Срок продлён.', attempts: 0 } as never,
      });
      return String(doc.id);
    }

    it('lets one dispatcher only take a pending notice, again once the hold has expired, never a held or a task one', async () => {
      const appealId = await stored(newAppeal());
      const pending = await notice(appealId, 'pending');
      const held = await notice(appealId, 'held');
      const task = await notice(appealId, 'task');
      const now = new Date();
      const until = later(now, 2 * MINUTE);
      const rounds = await Promise.all(Array.from({ length: 4 }, () => store.claimNotices(now, until, 100)));
      const taken = rounds.flatMap(ids);
      expect(taken.filter((claimed) => claimed === pending)).toHaveLength(1);
      expect(taken).not.toContain(held);
      expect(taken).not.toContain(task);
      expect(ids(await store.claimNotices(later(now, MINUTE), later(now, 3 * MINUTE), 100))).not.toContain(pending);
      const retaken = await Promise.all(Array.from({ length: 3 }, () => store.claimNotices(until, later(until, 2 * MINUTE), 100)));
      expect(retaken.flatMap(ids).filter((claimed) => claimed === pending)).toHaveLength(1);
    });
  });

  describe('generic outbox', () => {
    function letter(key: string, fields: Partial<NewLetter> = {}): NewLetter {
      return {
        purpose: 'contract',
        dedupeKey: key,
        group: null,
        to: 'client@example.ru',
        subject: 'Напоминание о записи',
        text: 'Вы записаны на приём.',
        html: null,
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        attachments: [{ filename: 'visit.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR', encoding: 'utf-8' }],
        notBefore: null,
        ...fields,
      };
    }
    const mine = (claimed: { dedupeKey: string }[], prefix: string) => claimed.map((one) => one.dedupeKey).filter((key) => key.startsWith(prefix));

    it('stores one letter per key, however many callers enqueue it at once', async () => {
      const key = `contract-once-${crypto.randomUUID()}`;
      const counts = await Promise.all(Array.from({ length: 8 }, () => store.insertLetters([letter(key)], new Date())));
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(1);
      expect(await store.insertLetters([letter(key), letter(`${key}-b`)], new Date())).toBe(1);
      const found = await cms.payload.count({ collection: 'outgoing-letters', where: { dedupeKey: { equals: key } }, overrideAccess: true });
      expect(found.totalDocs).toBe(1);
    });

    it('gives a letter to one dispatcher only, whole, and again once the hold has expired', async () => {
      const prefix = `contract-claim-${crypto.randomUUID()}`;
      await store.insertLetters([letter(`${prefix}-1`), letter(`${prefix}-2`)], new Date());
      const now = later(new Date(), MINUTE);
      const until = later(now, 2 * MINUTE);
      const rounds = await Promise.all(Array.from({ length: 4 }, () => store.claimLetters(now, until, 100)));
      expect(rounds.flatMap((round) => mine(round, prefix)).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
      const first = rounds.flat().find((one) => one.dedupeKey === `${prefix}-1`);
      expect(first).toMatchObject({ to: 'client@example.ru', subject: 'Напоминание о записи', attempts: 0, headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
      expect(first?.attachments?.[0]).toMatchObject({ filename: 'visit.ics', content: 'BEGIN:VCALENDAR' });
      expect(mine(await store.claimLetters(later(now, MINUTE), later(now, 3 * MINUTE), 100), prefix)).toEqual([]);
      const retaken = await Promise.all(Array.from({ length: 3 }, () => store.claimLetters(until, later(until, 2 * MINUTE), 100)));
      expect(retaken.flatMap((round) => mine(round, prefix)).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
    });

    it('keeps a letter until its time, retries a failure only when due, and never takes a sent one again', async () => {
      const prefix = `contract-time-${crypto.randomUUID()}`;
      const start = later(new Date(), 10 * MINUTE);
      await store.insertLetters([letter(`${prefix}-later`, { notBefore: later(start, 30 * MINUTE) }), letter(`${prefix}-now`)], new Date());
      const taken = await store.claimLetters(start, later(start, 2 * MINUTE), 100);
      expect(mine(taken, prefix)).toEqual([`${prefix}-now`]);
      const now = taken.find((one) => one.dedupeKey === `${prefix}-now`);
      if (!now) throw new Error('not claimed');
      await store.recordLetters([{ id: now.id, attempts: 1, outcome: { kind: 'failed', reason: 'SMTP 451', nextAttemptAt: later(start, 5 * MINUTE) } }], start);
      expect(mine(await store.claimLetters(later(start, 4 * MINUTE), later(start, 6 * MINUTE), 100), prefix)).toEqual([]);
      const retry = await store.claimLetters(later(start, 5 * MINUTE), later(start, 7 * MINUTE), 100);
      expect(retry.find((one) => one.dedupeKey === `${prefix}-now`)?.attempts).toBe(1);
      await store.recordLetters([{ id: now.id, attempts: 2, outcome: { kind: 'sent', messageId: '<x@example.ru>' } }], later(start, 5 * MINUTE));
      expect(mine(await store.claimLetters(later(start, 31 * MINUTE), later(start, 33 * MINUTE), 100), prefix)).toEqual([`${prefix}-later`]);
      expect(mine(await store.claimLetters(later(start, 60 * MINUTE), later(start, 62 * MINUTE), 100), prefix)).toEqual([`${prefix}-later`]);
    });

    it('pauses and resumes a group: held letters are never taken', async () => {
      const prefix = `contract-group-${crypto.randomUUID()}`;
      const group = `campaign:${prefix}`;
      await store.insertLetters([letter(`${prefix}-1`, { group }), letter(`${prefix}-2`, { group }), letter(`${prefix}-other`)], new Date());
      expect(await store.moveLetterGroup(group, 'pending', 'held', new Date())).toBe(2);
      const now = later(new Date(), 100 * MINUTE);
      expect(mine(await store.claimLetters(now, later(now, 2 * MINUTE), 1000), prefix)).toEqual([`${prefix}-other`]);
      expect(await store.moveLetterGroup(group, 'held', 'pending', new Date())).toBe(2);
      expect(mine(await store.claimLetters(later(now, MINUTE), later(now, 3 * MINUTE), 1000), prefix).sort()).toEqual([`${prefix}-1`, `${prefix}-2`]);
    });
  });

  describe('state claims', () => {
    it('moves an appeal for one of several handlers acting at once', async () => {
      const id = await stored(newAppeal());
      const { updatedAt } = await readAppeal(id);
      const results = await Promise.all(Array.from({ length: 4 }, () => store.claimStateChange(id, 'registered', 'routed', updatedAt, new Date())));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await readAppeal(id)).status).toBe('routed');
      expect(await store.claimStateChange(id, 'registered', 'routed', null, new Date())).toBe(false);
    });

    it('refuses a handler who read the appeal before its last change, even to the same state', async () => {
      const id = await stored(newAppeal());
      const before = (await readAppeal(id)).updatedAt as string;
      const changedAt = later(new Date(before), 5_000);
      expect(await store.claimStateChange(id, 'registered', 'registered', before, changedAt)).toBe(true);
      expect(new Date((await readAppeal(id)).updatedAt).toISOString()).toBe(changedAt.toISOString());
      expect(await store.claimStateChange(id, 'registered', 'routed', before, new Date())).toBe(false);
      const current = (await readAppeal(id)).updatedAt as string;
      expect(await store.claimStateChange(id, 'registered', 'routed', current, new Date())).toBe(true);
    });
  });

  describe('answer delivery', () => {
    it('records the answer job without touching the rest of the delivery', async () => {
      const id = await stored(newAppeal());
      await cms.payload.update({ collection: 'appeals', id: rowId(id), overrideAccess: true, context: { internal: true }, data: { answerDelivery: { state: 'pending', attempts: 2, lastError: 'SMTP 421' } } as never });
      await store.recordAnswerJob(id, 77);
      expect((await readAppeal(id)).answerDelivery).toMatchObject({ state: 'pending', attempts: 2, lastError: 'SMTP 421', jobId: '77' });
    });
  });

  describe('search statistics', () => {
    it('adds up concurrent events of one query and week, and a click keeps the last result count', async () => {
      const stat = { key: '2026-W48|тариф', week: '2026-W48', query: 'тариф' };
      const at = new Date('2026-11-27T10:00:00Z');
      await Promise.all([
        ...Array.from({ length: 10 }, () => store.bumpQueryStat({ ...stat, searches: 1, noResultSearches: 0, clicks: 0, lastResultCount: 3 }, at)),
        ...Array.from({ length: 4 }, () => store.bumpQueryStat({ ...stat, searches: 0, noResultSearches: 0, clicks: 1, lastResultCount: null }, at)),
      ]);
      const read = async () => (await cms.payload.find({ collection: 'search-queries', where: { key: { equals: stat.key } }, overrideAccess: true })).docs;
      let rows = await read();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ week: '2026-W48', query: 'тариф', searches: 10, noResultSearches: 0, clicks: 4, lastResultCount: 3 });

      await store.bumpQueryStat({ ...stat, searches: 1, noResultSearches: 1, clicks: 0, lastResultCount: 0 }, later(at, MINUTE));
      await store.bumpQueryStat({ ...stat, searches: 0, noResultSearches: 0, clicks: 1, lastResultCount: null }, later(at, 2 * MINUTE));
      rows = await read();
      expect(rows[0]).toMatchObject({ searches: 11, noResultSearches: 1, clicks: 5, lastResultCount: 0 });
    });
  });
});
