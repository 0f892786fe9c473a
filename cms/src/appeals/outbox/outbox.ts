import type { InStatement } from '@libsql/client';
import type { Payload } from 'payload';
import { mailer, scrubAddresses, type OutgoingMessage, type RobotMailConfig } from './mailer';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { sqliteClient } from '../intake/appeal-writer';
import { confirmationMessage, type ConfirmationAppeal } from './confirmation';
import { handlerNoticeMessage, type NoticeAppeal } from './handler-notification';
import { forgetRobotSettings, robotSettings, type RobotSettings } from '../settings/settings-cache';

/** Runs the outbox dispatcher once; queued by registrations in processes without the in-process dispatcher (jobs.ts). */
export const DISPATCH_OUTBOX_TASK = 'dispatchOutbox';

/**
 * The robot's letters per appeal: each is an outbox entry on the appeal row (a group with `state`,
 * `attempts`, `lastError`, `sentAt`, `nextAttemptAt`, `claimedUntil`), so storing the appeal stores its
 * letters in the same single-row write, and the rows themselves are the queue.
 */
export const OUTBOX_KINDS = ['confirmation', 'handlerNotice'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

const COLUMN_PREFIX: Record<OutboxKind, string> = { confirmation: 'confirmation', handlerNotice: 'handler_notice' };

/**
 * How long a dispatcher holds the letters it took. Another process sends them only after this, so a process
 * that died holding them delays them by at most this long; a duplicate is possible only when it died between
 * the SMTP server's acceptance and recording it (the issue allows that one case).
 */
export const CLAIM_MS = 2 * 60 * 1000;
/** Retry delays while SMTP fails: 2 s, 4 s, 8 s … at most 10 minutes; a letter is never given up. */
export const RETRY_BASE_MS = 2000;
export const RETRY_MAX_MS = 10 * 60 * 1000;
/** Letters taken per kind and round. */
const BATCH = 100;
/** Letters handed to the SMTP pool at once: twice its connections, so none waits for the next letter. */
const SEND_CONCURRENCY = 40;

/** The wait before attempt `attempts + 1` after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** What one dispatch round did. */
export interface DispatchResult {
  /** Letters taken from the outbox. */
  claimed: number;
  sent: number;
  failed: number;
  /** Entries closed without a letter (no address to write to). */
  skipped: number;
}

type OutboxAppeal = ConfirmationAppeal &
  NoticeAppeal & {
    confirmation?: { attempts?: number | null } | null;
    handlerNotice?: { attempts?: number | null } | null;
  };

type Outcome = { kind: 'sent'; messageId: string } | { kind: 'failed'; reason: string } | { kind: 'skipped' };

/**
 * One dispatch round: takes the due letters no live process holds (atomically, so two dispatchers in
 * different processes never take the same one), sends them, and records every outcome: sent, or the
 * failure with the next attempt time. Safe to run anywhere and at any time, as often as wanted.
 */
export async function dispatchOutbox(payload: Payload, now = new Date()): Promise<DispatchResult> {
  const result: DispatchResult = { claimed: 0, sent: 0, failed: 0, skipped: 0 };
  const claimed = new Map<OutboxKind, (number | string)[]>();
  for (const kind of OUTBOX_KINDS) {
    const ids = await claim(payload, kind, now, BATCH);
    if (ids.length > 0) claimed.set(kind, ids);
    result.claimed += ids.length;
  }
  if (result.claimed === 0) return result;

  let settings = await robotSettings(payload);
  if (claimed.has('handlerNotice') && !settings.handlersEmail) {
    // Closing a notice for want of an address is final: decide it on fresh settings, not on a copy another
    // instance's edit has not reached yet.
    forgetRobotSettings(payload);
    settings = await robotSettings(payload);
  }
  const env = readCmsEnv();
  const mail: RobotMailConfig = { mailFrom: env.MAIL_FROM, adminOrigin: (env.CMS_PUBLIC_URL ?? '').replace(/\/$/, '') };
  const allIds = [...new Set([...claimed.values()].flat().map(String))];
  const appeals = await loadOutboxAppeals(payload, allIds);

  const jobs: { kind: OutboxKind; id: number | string; appeal: OutboxAppeal | undefined }[] = [];
  for (const [kind, ids] of claimed) for (const id of ids) jobs.push({ kind, id, appeal: appeals.get(String(id)) });
  const outcomes: Outcome[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      if (job) outcomes[i] = await sendOne(settings, mail, job.kind, job.appeal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, jobs.length) }, worker));

  await record(
    payload,
    jobs.map((job, i) => ({ kind: job.kind, id: job.id, attempts: outboxAttempts(job.appeal, job.kind), outcome: outcomes[i] as Outcome })),
  );
  for (const outcome of outcomes) {
    if (outcome.kind === 'sent') result.sent++;
    else if (outcome.kind === 'failed') result.failed++;
    else result.skipped++;
  }
  if (result.failed > 0) payload.logger.warn({ failed: result.failed }, 'robot letters not sent yet; will retry');
  return result;
}

/** The claimed appeals with what their letters need; on SQLite one plain query instead of Payload's find. */
async function loadOutboxAppeals(payload: Payload, ids: string[]): Promise<Map<string, OutboxAppeal>> {
  if (payload.db.name === 'mongoose') {
    const found = await payload.find({ collection: COLLECTIONS.appeals, where: { id: { in: ids } }, depth: 0, limit: ids.length, pagination: false, overrideAccess: true });
    return new Map((found.docs as unknown as OutboxAppeal[]).map((doc) => [String(doc.id), doc]));
  }
  const result = await sqliteClient(payload).execute({
    sql: `SELECT a."id", a."registration_number", a."type", a."name", a."email", a."received_at", a."deadline_date", a."topic_id",
            a."received_outside_working_hours", a."work_starts_at", a."originals_deadline_date",
            a."confirmation_attempts", a."handler_notice_attempts",
            (SELECT COUNT(*) FROM "${COLLECTIONS.appeals}_rels" r WHERE r."parent_id" = a."id" AND r."path" = 'attachments') AS "attachment_count"
          FROM "${COLLECTIONS.appeals}" a WHERE a."id" IN (${ids.map(() => '?').join(', ')})`,
    args: ids.map(Number),
  });
  const appeals = new Map<string, OutboxAppeal>();
  for (const raw of result.rows) {
    const row = raw as unknown as Record<string, string | number | null>;
    appeals.set(String(row.id), {
      id: Number(row.id),
      registrationNumber: String(row.registration_number),
      type: row.type as OutboxAppeal['type'],
      name: String(row.name),
      email: row.email === null ? null : String(row.email),
      receivedAt: String(row.received_at),
      deadlineDate: String(row.deadline_date),
      receivedOutsideWorkingHours: Boolean(row.received_outside_working_hours),
      workStartsAt: row.work_starts_at === null ? null : String(row.work_starts_at),
      originalsDeadlineDate: row.originals_deadline_date === null ? null : String(row.originals_deadline_date),
      topic: row.topic_id === null ? null : Number(row.topic_id),
      // Only the number of attachments matters to the letters.
      attachments: new Array(Number(row.attachment_count ?? 0)).fill(null),
      confirmation: { attempts: Number(row.confirmation_attempts ?? 0) },
      handlerNotice: { attempts: Number(row.handler_notice_attempts ?? 0) },
    });
  }
  return appeals;
}

function outboxAttempts(appeal: OutboxAppeal | undefined, kind: OutboxKind): number {
  return Number(appeal?.[kind]?.attempts ?? 0);
}

async function sendOne(settings: RobotSettings, mail: RobotMailConfig, kind: OutboxKind, appeal: OutboxAppeal | undefined): Promise<Outcome> {
  if (!appeal) return { kind: 'skipped' };
  let message: OutgoingMessage | undefined;
  if (kind === 'confirmation') message = appeal.email ? await confirmationMessage(settings, appeal, mail.mailFrom) : undefined;
  else message = handlerNoticeMessage(settings, appeal, mail);
  if (!message) return { kind: 'skipped' };
  try {
    const sent = await mailer().send(message);
    return { kind: 'sent', messageId: sent.messageId };
  } catch (error) {
    return { kind: 'failed', reason: scrubAddresses(error instanceof Error ? error.message : String(error)) };
  }
}

/** Takes up to `limit` due, unheld letters of one kind for this process; returns the appeals' ids. */
async function claim(payload: Payload, kind: OutboxKind, now: Date, limit: number): Promise<(number | string)[]> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  if (payload.db.name === 'mongoose') return claimOnMongo(payload, kind, now, new Date(until), limit);
  const c = COLUMN_PREFIX[kind];
  // One statement: SQLite runs it under the write lock, so no other process can take the same rows.
  const result = await sqliteClient(payload).execute({
    sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_claimed_until" = ? WHERE "id" IN (
            SELECT "id" FROM "${COLLECTIONS.appeals}"
            WHERE "${c}_state" = 'pending'
              AND ("${c}_next_attempt_at" IS NULL OR "${c}_next_attempt_at" <= ?)
              AND ("${c}_claimed_until" IS NULL OR "${c}_claimed_until" <= ?)
            ORDER BY "id" LIMIT ?)
          RETURNING "id"`,
    args: [until, nowIso, nowIso, limit],
  });
  return result.rows.map((row) => Number((row as unknown as { id: number }).id));
}

interface MongoModel {
  find(filter: unknown, projection?: unknown): { sort(sort: unknown): { limit(n: number): { lean(): Promise<{ _id: unknown }[]> } } };
  findOneAndUpdate(filter: unknown, update: unknown, options?: unknown): Promise<unknown>;
  updateOne(filter: unknown, update: unknown): Promise<unknown>;
}

function mongoModel(payload: Payload): MongoModel {
  const model = (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[COLLECTIONS.appeals];
  if (!model) throw new Error('appeals collection is missing');
  return model;
}

async function claimOnMongo(payload: Payload, kind: OutboxKind, now: Date, until: Date, limit: number): Promise<(number | string)[]> {
  const model = mongoModel(payload);
  const due = {
    [`${kind}.state`]: 'pending',
    $and: [
      { $or: [{ [`${kind}.nextAttemptAt`]: null }, { [`${kind}.nextAttemptAt`]: { $lte: now } }] },
      { $or: [{ [`${kind}.claimedUntil`]: null }, { [`${kind}.claimedUntil`]: { $lte: now } }] },
    ],
  };
  const candidates = await model.find(due, { _id: 1 }).sort({ _id: 1 }).limit(limit).lean();
  const claimed: (number | string)[] = [];
  for (const candidate of candidates) {
    // Atomic per document: only one dispatcher's update matches while the letter is unheld.
    const taken = await model.findOneAndUpdate({ _id: candidate._id, ...due }, { $set: { [`${kind}.claimedUntil`]: until } }, { new: true, lean: true });
    if (taken) claimed.push(String(candidate._id));
  }
  return claimed;
}

interface Recorded {
  kind: OutboxKind;
  id: number | string;
  attempts: number;
  outcome: Outcome;
}

/** Writes every outcome of a round; on SQLite in one transaction (one WAL sync for the whole round). */
async function record(payload: Payload, rows: Recorded[]): Promise<void> {
  const now = new Date();
  const nowIso = now.toISOString();
  if (payload.db.name === 'mongoose') {
    const model = mongoModel(payload);
    for (const row of rows) {
      await model.updateOne({ _id: row.id }, { $set: { ...mongoFields(row, now), updatedAt: now } });
    }
    return;
  }
  const statements: InStatement[] = rows.map((row) => {
    const c = COLUMN_PREFIX[row.kind];
    const { outcome } = row;
    if (outcome.kind === 'sent') {
      const messageColumn = row.kind === 'confirmation' ? `, "${c}_message_id" = ?` : '';
      return {
        sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_state" = 'sent', "${c}_sent_at" = ?, "${c}_attempts" = ?, "${c}_last_error" = NULL, "${c}_next_attempt_at" = NULL, "${c}_claimed_until" = NULL${messageColumn}, "updated_at" = ? WHERE "id" = ?`,
        args: [nowIso, row.attempts + 1, ...(row.kind === 'confirmation' ? [outcome.messageId] : []), nowIso, row.id],
      };
    }
    if (outcome.kind === 'failed') {
      return {
        sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_attempts" = ?, "${c}_last_error" = ?, "${c}_next_attempt_at" = ?, "${c}_claimed_until" = NULL, "updated_at" = ? WHERE "id" = ?`,
        args: [row.attempts + 1, outcome.reason, new Date(now.getTime() + retryDelayMs(row.attempts + 1)).toISOString(), nowIso, row.id],
      };
    }
    return {
      sql: `UPDATE "${COLLECTIONS.appeals}" SET "${c}_state" = 'not-needed', "${c}_claimed_until" = NULL, "updated_at" = ? WHERE "id" = ?`,
      args: [nowIso, row.id],
    };
  });
  await sqliteClient(payload).batch(statements, 'write');
}

function mongoFields(row: Recorded, now: Date): Record<string, unknown> {
  const k = row.kind;
  const { outcome } = row;
  if (outcome.kind === 'sent') {
    return {
      [`${k}.state`]: 'sent',
      [`${k}.sentAt`]: now,
      [`${k}.attempts`]: row.attempts + 1,
      [`${k}.lastError`]: null,
      [`${k}.nextAttemptAt`]: null,
      [`${k}.claimedUntil`]: null,
      ...(k === 'confirmation' ? { [`${k}.messageId`]: outcome.messageId } : {}),
    };
  }
  if (outcome.kind === 'failed') {
    return {
      [`${k}.attempts`]: row.attempts + 1,
      [`${k}.lastError`]: outcome.reason,
      [`${k}.nextAttemptAt`]: new Date(now.getTime() + retryDelayMs(row.attempts + 1)),
      [`${k}.claimedUntil`]: null,
    };
  }
  return { [`${k}.state`]: 'not-needed', [`${k}.claimedUntil`]: null };
}

/** The in-process dispatcher of one Payload instance. */
interface Dispatcher {
  wake(): void;
  stop(): Promise<void>;
}

const DISPATCHERS_KEY = Symbol.for('portal.outboxDispatchers');
const holder = globalThis as unknown as Record<symbol, WeakMap<Payload, Dispatcher> | undefined>;
const dispatchers = () => (holder[DISPATCHERS_KEY] ??= new WeakMap());

/**
 * Starts the in-process dispatcher: a loop that runs {@link dispatchOutbox} whenever a registration wakes
 * it, and at least every `pollMs` (letters due for a retry, letters of appeals stored by other instances,
 * letters left by a process that died). Started by the CMS process that runs the job queue.
 */
export function startOutboxDispatcher(payload: Payload, pollMs = 1000): Dispatcher {
  const existing = dispatchers().get(payload);
  if (existing) return existing;
  let stopped = false;
  let woken = false;
  let wakeUp: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      try {
        // Keep going while rounds come back full: a burst is drained without waiting for the poll.
        while (!stopped && (await dispatchOutbox(payload)).claimed >= BATCH);
      } catch (error) {
        payload.logger.warn({ err: error instanceof Error ? error.name : typeof error }, 'outbox dispatch failed; will retry');
      }
      if (!woken && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          timer.unref?.();
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
      }
    }
  })();
  const dispatcher: Dispatcher = {
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
      dispatchers().delete(payload);
    },
  };
  dispatchers().set(payload, dispatcher);
  return dispatcher;
}

/**
 * Tells the robot a new appeal has letters to send: wakes this process's dispatcher, or — in a process
 * without one (job runner off) — queues a dispatch job for whichever process runs the jobs. The appeal row
 * is already stored, so nothing here can lose a letter: a failure only leaves it to the next poll or sweep.
 */
export async function notifyOutbox(payload: Payload): Promise<void> {
  const dispatcher = dispatchers().get(payload);
  if (dispatcher) {
    dispatcher.wake();
    return;
  }
  await payload.jobs
    .queue({ task: DISPATCH_OUTBOX_TASK, input: {} } as never)
    .catch((error: unknown) => payload.logger.warn({ err: error instanceof Error ? error.name : typeof error }, 'outbox dispatch not queued; the sweep will send'));
}
