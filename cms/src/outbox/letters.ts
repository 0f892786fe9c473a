import { createHash } from 'node:crypto';
import type { Payload } from 'payload';
import { COLLECTIONS } from '../slugs';
import { storeOf, type ClaimedLetter, type LetterAttachment, type LetterRecord, type NewLetter } from '../store';
import { readCmsEnv } from '../env';
import { loadCompany } from '../appeals/settings/settings';
import { mailer, robotMessageId, scrubAddresses } from '../appeals/outbox/mailer';

/**
 * The generic outbox: letters that are not about one appeal (chat, bookings, alerts, subscriptions …). A caller
 * enqueues a letter — stored durably before the call returns — and the robot's dispatcher (appeals/outbox/outbox.ts,
 * the same loop and SMTP pool as the appeals' letters) sends it, retrying while SMTP fails, never giving up. Each row
 * is its own queue entry with the claims the appeals' letters use, so two CMS processes never send one letter twice;
 * a duplicate is possible only when a process dies between the SMTP server's acceptance and recording it.
 */
export interface LetterInput {
  /** What the letter is for, e.g. `booking-confirmation` (kept for reports and the admin). */
  purpose: string;
  /** Unique for all time: enqueuing a second letter with a known key does nothing (at most one letter per key). */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra header lines, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
  attachments?: LetterAttachment[];
  /** Not sent before this moment (a reminder, a send window, a throttle's spacing). */
  notBefore?: Date;
  /** A group whose letters can be paused, resumed and counted together, e.g. `campaign:12`. */
  group?: string;
}

export type { LetterAttachment };

/** Letters sent per dispatch round; the rest wait for the next round (a second later, or at once while rounds come back full). */
export const LETTER_BATCH = 100;

const MAX_KEY = 300;
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

function toStored(letter: LetterInput): NewLetter {
  if (!letter.dedupeKey || letter.dedupeKey.length > MAX_KEY) throw new Error('A letter needs a dedupeKey of at most 300 characters');
  if (!letter.purpose) throw new Error('A letter needs a purpose');
  if (!letter.to.includes('@')) throw new Error('A letter needs an address to go to');
  for (const [name, value] of Object.entries(letter.headers ?? {})) {
    // A header line break would let a value smuggle in headers of its own.
    if (!HEADER_NAME.test(name) || /[\r\n]/.test(value)) throw new Error(`Header ${name} is not a single header line`);
  }
  return {
    purpose: letter.purpose,
    dedupeKey: letter.dedupeKey,
    group: letter.group ?? null,
    to: letter.to,
    subject: letter.subject.replace(/[\r\n]+/g, ' '),
    text: letter.text,
    html: letter.html ?? null,
    headers: letter.headers && Object.keys(letter.headers).length > 0 ? letter.headers : null,
    attachments: letter.attachments && letter.attachments.length > 0 ? letter.attachments : null,
    notBefore: letter.notBefore ?? null,
  };
}

/**
 * Stores one letter for the robot to send; durable when it resolves. `created` is false when a letter with this
 * `dedupeKey` was stored before (then nothing changes and the old one's id is returned).
 */
export async function enqueueLetter(payload: Payload, letter: LetterInput): Promise<{ id: number | string; created: boolean }> {
  const inserted = await storeOf(payload).insertLetters([toStored(letter)], new Date());
  const found = await payload.find({ collection: COLLECTIONS.outgoingLetters, where: { dedupeKey: { equals: letter.dedupeKey } }, depth: 0, limit: 1, pagination: false, overrideAccess: true });
  const row = found.docs[0] as { id: number | string } | undefined;
  if (!row) throw new Error('The letter was not stored');
  return { id: row.id, created: inserted === 1 };
}

/** Stores many letters at once (in transactions of 500), skipping known keys; returns how many were new. */
export async function enqueueLetters(payload: Payload, letters: readonly LetterInput[]): Promise<number> {
  return storeOf(payload).insertLetters(letters.map(toStored), new Date());
}

/** Pauses a group: its unsent letters are held (a letter being sent right now still goes). Returns how many. */
export function holdLetters(payload: Payload, group: string): Promise<number> {
  return storeOf(payload).moveLetterGroup(group, 'pending', 'held', new Date());
}

/** Resumes a paused group. Returns how many letters wait again. */
export function releaseLetters(payload: Payload, group: string): Promise<number> {
  return storeOf(payload).moveLetterGroup(group, 'held', 'pending', new Date());
}

/** Withdraws a group's letters that have not been sent (pending or held). Returns how many. */
export async function cancelLetters(payload: Payload, group: string): Promise<number> {
  const store = storeOf(payload);
  const now = new Date();
  return (await store.moveLetterGroup(group, 'pending', 'cancelled', now)) + (await store.moveLetterGroup(group, 'held', 'cancelled', now));
}

export interface LetterCounts {
  pending: number;
  held: number;
  sent: number;
  cancelled: number;
  /** Pending letters whose last attempt failed (they are retried). */
  failing: number;
}

/** How a group's letters stand. */
export async function countLetters(payload: Payload, group: string): Promise<LetterCounts> {
  const count = async (where: Record<string, unknown>) =>
    (await payload.count({ collection: COLLECTIONS.outgoingLetters, where: { and: [{ groupKey: { equals: group } }, where] } as never, overrideAccess: true })).totalDocs;
  const [pending, held, sent, cancelled, failing] = await Promise.all([
    count({ state: { equals: 'pending' } }),
    count({ state: { equals: 'held' } }),
    count({ state: { equals: 'sent' } }),
    count({ state: { equals: 'cancelled' } }),
    count({ and: [{ state: { equals: 'pending' } }, { attempts: { greater_than: 0 } }] }),
  ]);
  return { pending, held, sent, cancelled, failing };
}

/** What became of one key's letter: `none` when no letter with this key was ever stored. */
export async function letterState(payload: Payload, dedupeKey: string): Promise<'none' | 'pending' | 'held' | 'sent' | 'cancelled'> {
  const found = await payload.find({ collection: COLLECTIONS.outgoingLetters, where: { dedupeKey: { equals: dedupeKey } }, depth: 0, limit: 1, pagination: false, overrideAccess: true });
  const row = found.docs[0] as { state?: 'pending' | 'held' | 'sent' | 'cancelled' } | undefined;
  return row?.state ?? 'none';
}

/**
 * One round of the generic outbox, run by the robot's dispatcher: takes the due letters no live process holds,
 * sends them over the robot's SMTP pool, records every outcome (a failure is retried after `retryDelayMs`).
 */
export async function dispatchLetters(
  payload: Payload,
  now: Date,
  { claimMs, retryDelayMs, concurrency }: { claimMs: number; retryDelayMs: (attempts: number) => number; concurrency: number },
): Promise<{ claimed: number; sent: number; failed: number }> {
  const letters = await storeOf(payload).claimLetters(now, new Date(now.getTime() + claimMs), LETTER_BATCH);
  if (letters.length === 0) return { claimed: 0, sent: 0, failed: 0 };
  const company = await loadCompany(payload);
  const from = readCmsEnv().MAIL_FROM ?? company.email;
  const records: LetterRecord[] = new Array(letters.length);
  let next = 0;
  const store = storeOf(payload);
  const sendAndRecord = async (letter: ClaimedLetter): Promise<LetterRecord> => {
    const record = await sendLetter(letter, from, company.email);
    if (record.outcome.kind === 'failed') record.outcome.nextAttemptAt = new Date(Date.now() + retryDelayMs(record.attempts));
    // Recorded as soon as the relay answered, not at the end of the round: a process killed mid-round leaves
    // unrecorded (and so sent again after the hold) only the letters whose acceptance it had not yet written down.
    await store.recordLetters([record], new Date());
    return record;
  };
  const worker = async () => {
    while (next < letters.length) {
      const i = next++;
      const letter = letters[i] as ClaimedLetter;
      // Bulk letters (a group: campaigns) hold a slot of this process from the send until the record.
      records[i] = letter.group ? await withBulkSlot(() => sendAndRecord(letter)) : await sendAndRecord(letter);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, letters.length) }, worker));
  const failed = records.filter((record) => record.outcome.kind === 'failed').length;
  if (failed > 0) payload.logger.warn({ failed }, 'outgoing letters not sent yet; will retry');
  return { claimed: letters.length, sent: letters.length - failed, failed };
}

/**
 * The Message-ID of the letter with this dedupe key: the same for every attempt and every process (a letter resent
 * after a crash is the same message, which mail systems and clients deduplicate), and no key text in it (a key may
 * name a recipient): `<letter-` + 32 hex digits of the key's SHA-256 + `@` the company's mail domain `>`.
 */
export function letterMessageId(dedupeKey: string, companyEmail: string | null | undefined): string {
  return robotMessageId(`letter-${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}`, companyEmail);
}

/**
 * Bulk letters (those of a group: campaigns) one process has between handing them to the relay and recording the
 * answer, across all dispatch rounds running at once. A process killed mid-campaign can leave at most this many
 * accepted-but-unrecorded letters, which go again after the claim expires — as the same message (Message-ID).
 * Each letter is recorded right after the relay's answer; fewer slots means fewer such letters but fewer letters a
 * second too (the fault test measured 4 sent twice of 2,000 after one SIGKILL, against 20 with 40 in flight).
 */
export const BULK_IN_FLIGHT = 8;

const BULK_KEY = Symbol.for('portal.bulkLetterSlots');
type BulkSlots = { free: number; waiting: (() => void)[] };

async function withBulkSlot<T>(work: () => Promise<T>): Promise<T> {
  const holder = globalThis as unknown as Record<symbol, BulkSlots | undefined>;
  const slots = (holder[BULK_KEY] ??= { free: BULK_IN_FLIGHT, waiting: [] });
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await work();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

async function sendLetter(letter: ClaimedLetter, from: string, companyEmail: string): Promise<LetterRecord> {
  const attempts = letter.attempts + 1;
  try {
    const sent = await mailer().send({
      from,
      to: letter.to,
      replyTo: companyEmail,
      subject: letter.subject,
      text: letter.text,
      html: letter.html ?? '',
      // The same Message-ID on a resend after a crash: the recipient's mail system can recognise the duplicate.
      messageId: letterMessageId(letter.dedupeKey, companyEmail),
      ...(letter.headers ? { headers: letter.headers } : {}),
      ...(letter.attachments ? { attachments: letter.attachments } : {}),
    });
    return { id: letter.id, attempts, outcome: { kind: 'sent', messageId: sent.messageId } };
  } catch (error) {
    return { id: letter.id, attempts, outcome: { kind: 'failed', reason: scrubAddresses(error instanceof Error ? error.message : String(error)), nextAttemptAt: new Date(0) } };
  }
}

/** How long sent letters keep their bodies and addresses; the row (and so its key) stays. */
export const SENT_LETTER_KEEP_DAYS = 30;

/**
 * Blanks the address and bodies of letters sent more than {@link SENT_LETTER_KEEP_DAYS} ago (personal data kept no
 * longer than needed); the rows stay, so their keys keep refusing a second letter. Returns how many were blanked.
 */
export async function purgeSentLetters(payload: Payload, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - SENT_LETTER_KEEP_DAYS * 86_400_000).toISOString();
  const result = await payload.update({
    collection: COLLECTIONS.outgoingLetters,
    where: { and: [{ state: { equals: 'sent' } }, { sentAt: { less_than: before } }, { recipient: { not_equals: '—' } }] },
    data: { recipient: '—', text: '', html: null, attachments: null, headers: null } as never,
    depth: 0,
    overrideAccess: true,
    context: { internal: true },
  });
  return result.docs.length;
}
