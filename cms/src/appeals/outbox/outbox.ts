import type { Payload } from 'payload';
import { mailer, scrubAddresses, type OutgoingMessage, type RobotMailConfig } from './mailer';
import { readCmsEnv } from '../../env';
import { OUTBOX_KINDS, storeOf, type OutboxKind, type OutboxRecord } from '../../store';
import { confirmationMessage, type ConfirmationAppeal } from './confirmation';
import { handlerNoticeMessage, type NoticeAppeal } from './handler-notification';
import { dispatchClientNotices } from './client-notices';
import { dispatchLetters } from '../../outbox/letters';
import { forgetRobotSettings, robotSettings, type RobotSettings } from '../settings/settings-cache';

/** Runs the outbox dispatcher once; queued by registrations in processes without the in-process dispatcher (jobs.ts). */
export const DISPATCH_OUTBOX_TASK = 'dispatchOutbox';

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
  // The client's notices of decisions have their own rows (collection appeal-notices), same claims and retries.
  const result: DispatchResult = await dispatchClientNotices(payload, now, { limit: BATCH, claimMs: CLAIM_MS, retryDelayMs });
  // The generic outbox's letters (chat, bookings, alerts …): same loop, same pool, same claims and retries.
  const letters = await dispatchLetters(payload, now, { claimMs: CLAIM_MS, retryDelayMs, concurrency: SEND_CONCURRENCY });
  result.claimed += letters.claimed;
  result.sent += letters.sent;
  result.failed += letters.failed;
  const claimed = new Map<OutboxKind, (number | string)[]>();
  for (const kind of OUTBOX_KINDS) {
    const ids = await claim(payload, kind, now, BATCH);
    if (ids.length > 0) claimed.set(kind, ids);
    result.claimed += ids.length;
  }
  if (claimed.size === 0) return result;

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

/** The claimed appeals with what their letters need (on SQLite one plain query instead of Payload's find). */
function loadOutboxAppeals(payload: Payload, ids: string[]): Promise<Map<string, OutboxAppeal>> {
  return storeOf(payload).loadOutboxAppeals(ids);
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

/**
 * Takes up to `limit` due, unheld letters of one kind for this process, atomically (see the store), and holds
 * them for {@link CLAIM_MS}; returns the appeals' ids.
 */
function claim(payload: Payload, kind: OutboxKind, now: Date, limit: number): Promise<(number | string)[]> {
  return storeOf(payload).claimOutbox(kind, now, new Date(now.getTime() + CLAIM_MS), limit);
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
  const records = rows.map(({ kind, id, attempts, outcome }): OutboxRecord => {
    if (outcome.kind === 'skipped') return { letter: kind, id, attempts, outcome };
    const made = attempts + 1;
    if (outcome.kind === 'sent') return { letter: kind, id, attempts: made, outcome };
    return { letter: kind, id, attempts: made, outcome: { ...outcome, nextAttemptAt: new Date(now.getTime() + retryDelayMs(made)) } };
  });
  await storeOf(payload).recordOutbox(records, now);
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
