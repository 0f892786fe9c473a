import type { Payload } from 'payload';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { storeOf } from '../../store';
import { clientNoticeLetter, type NoticeDecision } from '../letters/client-notice';
import { statusPageUrl, statusTokenFor } from '../intake/status-token';
import { loadCompany } from '../settings/settings';
import { mailer, robotMessageId, scrubAddresses } from './mailer';

/** The appeal facts a notice needs (as stored). */
export interface NoticeAppeal {
  id: number | string;
  registrationNumber: string;
  type: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  answerChannel?: string | null;
  receivedAt: string;
}

/** The decision to tell the client about: the ground or reason, and the new deadline where there is one. */
export interface NoticeFacts {
  decision: NoticeDecision;
  reason: string;
  /** Local `YYYY-MM-DD`; null when the decision sets no deadline (a refusal). */
  deadlineDate: string | null;
}

/**
 * How the client is told: by the channel they chose when it can reach them (e-mail by the robot; post or phone as the
 * handler's task), else by any contact they left (e-mail first), else nobody can be told.
 */
export function noticeChannel(appeal: Pick<NoticeAppeal, 'answerChannel' | 'email' | 'phone' | 'postalAddress'>): 'email' | 'post' | 'phone' | 'none' {
  if (appeal.answerChannel === 'email' && appeal.email) return 'email';
  if (appeal.answerChannel === 'post' && appeal.postalAddress) return 'post';
  if (appeal.answerChannel === 'phone' && appeal.phone) return 'phone';
  if (appeal.email) return 'email';
  if (appeal.phone) return 'phone';
  if (appeal.postalAddress) return 'post';
  return 'none';
}

/** The editors' template for a decision: the latest one for the appeal's type, or for any type; null for the default. */
async function noticeTemplate(payload: Payload, decision: NoticeDecision, appealType: string): Promise<string | null> {
  const found = await payload.find({
    collection: COLLECTIONS.answerTemplates,
    where: { and: [{ purpose: { equals: `notice-${decision}` } }, { or: [{ appealType: { equals: appealType } }, { appealType: { exists: false } }] }] },
    depth: 0,
    limit: 10,
    sort: '-updatedAt',
    overrideAccess: true,
  });
  const docs = found.docs as unknown as { appealType?: string | null; body?: string | null }[];
  const best = docs.find((doc) => doc.appealType === appealType) ?? docs[0];
  return best?.body ?? null;
}

/** The state a notice takes once its decision is stored: the outbox for e-mail, a handler task, or nobody to tell. */
function releasedState(channel: string): 'pending' | 'task' | 'no-contact' {
  return channel === 'email' ? 'pending' : channel === 'none' ? 'no-contact' : 'task';
}

/**
 * Stores the client's notice of a decision before the decision itself, held (never sent) until
 * {@link releaseClientNotice}: so a crash between the two writes cannot lose it — the dispatcher's sweep releases a held
 * notice whose decision is in the appeal's history (`historyAt`) and drops one whose decision never happened. The letter
 * is rendered now, from the template in force at the decision. Returns the notice's id.
 */
export async function holdClientNotice(payload: Payload, appeal: NoticeAppeal, facts: NoticeFacts, historyAt: string): Promise<number | string> {
  const company = await loadCompany(payload);
  const receivedAt = new Date(appeal.receivedAt);
  const letter = clientNoticeLetter(facts.decision, await noticeTemplate(payload, facts.decision, appeal.type), {
    name: appeal.name,
    number: appeal.registrationNumber,
    date: formatRussianDate(toLocalIsoDate(receivedAt, company.timeZone)),
    reason: facts.reason.replace(/[.\s]+$/, ''),
    deadline: facts.deadlineDate ? formatRussianDate(facts.deadlineDate) : '',
    statusLink: statusPageUrl(statusTokenFor(appeal.registrationNumber, receivedAt.toISOString())),
    company: company.shortName || company.name,
    hotline: company.hotline,
  });
  const created = await payload.create({
    collection: COLLECTIONS.appealNotices,
    overrideAccess: true,
    depth: 0,
    context: { internal: true },
    data: { appeal: appeal.id, decision: facts.decision, channel: noticeChannel(appeal), state: 'held', historyAt, subject: letter.subject, text: letter.text, html: letter.html, attempts: 0, taskDone: false } as never,
  });
  return created.id;
}

/** The decision is stored: the notice goes to the outbox (e-mail) or becomes the handler's task. True when there is a letter to send. */
export async function releaseClientNotice(payload: Payload, id: number | string): Promise<boolean> {
  const notice = (await payload.findByID({ collection: COLLECTIONS.appealNotices, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as { channel?: string } | null;
  if (!notice) return false;
  const state = releasedState(String(notice.channel));
  await payload.update({ collection: COLLECTIONS.appealNotices, id, depth: 0, overrideAccess: true, context: { internal: true }, data: { state } as never });
  return state === 'pending';
}

/** The decision was not stored (another handler was first, or the write failed): its held notice goes. */
export async function dropClientNotice(payload: Payload, id: number | string): Promise<void> {
  await payload.delete({ collection: COLLECTIONS.appealNotices, id, overrideAccess: true, context: { internal: true } });
}

const SETTLE_EVERY_MS = 30 * 1000;
const settledAt = new WeakMap<Payload, number>();

/** A held notice older than this belongs to a transition that crashed between its two writes. */
const HELD_GRACE_MS = 60 * 1000;

/**
 * Settles notices left held by a process that died mid-transition: released when the appeal's history holds their
 * decision, dropped otherwise. Returns how many were released.
 */
export async function settleHeldNotices(payload: Payload, now: Date): Promise<number> {
  const held = await payload.find({
    collection: COLLECTIONS.appealNotices,
    where: { and: [{ state: { equals: 'held' } }, { createdAt: { less_than: new Date(now.getTime() - HELD_GRACE_MS).toISOString() } }] },
    depth: 0,
    limit: 50,
    pagination: false,
    overrideAccess: true,
  });
  let released = 0;
  for (const notice of held.docs as unknown as { id: number | string; decision?: string; appeal: number | string | { id: number | string } | null; historyAt?: string | null }[]) {
    // A registration's confirmation task is written after the appeal is stored: its appeal existing is its decision.
    if (notice.decision === 'registered' && notice.appeal !== null) {
      await releaseClientNotice(payload, notice.id);
      released++;
      continue;
    }
    const appealId = notice.appeal && typeof notice.appeal === 'object' ? notice.appeal.id : notice.appeal;
    const appeal = appealId === null ? null : ((await payload.findByID({ collection: COLLECTIONS.appeals, id: appealId, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as { history?: unknown } | null);
    const history = Array.isArray(appeal?.history) ? (appeal.history as { at?: unknown }[]) : [];
    if (notice.historyAt && history.some((entry) => entry.at === notice.historyAt)) {
      await releaseClientNotice(payload, notice.id);
      released++;
    } else {
      await dropClientNotice(payload, notice.id);
    }
  }
  return released;
}

interface NoticeRow {
  id: number | string;
  appeal: number | string | { id: number | string };
  subject: string;
  text: string;
  html?: string | null;
  attempts?: number | null;
}

/** One round of the notices' outbox: takes the due e-mail notices no live process holds, sends them, records each. */
export async function dispatchClientNotices(
  payload: Payload,
  now: Date,
  { limit, claimMs, retryDelayMs }: { limit: number; claimMs: number; retryDelayMs: (attempts: number) => number },
): Promise<{ claimed: number; sent: number; failed: number; skipped: number }> {
  const result = { claimed: 0, sent: 0, failed: 0, skipped: 0 };
  // The held notices are looked at every half minute, not on every round of the dispatcher (once a second).
  const lastSettled = settledAt.get(payload) ?? 0;
  if (now.getTime() - lastSettled >= SETTLE_EVERY_MS || now.getTime() < lastSettled) {
    settledAt.set(payload, now.getTime());
    await settleHeldNotices(payload, now);
  }
  const ids = await storeOf(payload).claimNotices(now, new Date(now.getTime() + claimMs), limit);
  result.claimed = ids.length;
  if (ids.length === 0) return result;
  const company = await loadCompany(payload);
  const from = readCmsEnv().MAIL_FROM ?? company.email;
  for (const id of ids) {
    const notice = (await payload.findByID({ collection: COLLECTIONS.appealNotices, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as NoticeRow | null;
    if (!notice) continue;
    const appealId = typeof notice.appeal === 'object' ? notice.appeal.id : notice.appeal;
    const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id: appealId, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as { email?: string | null } | null;
    const attempts = Number(notice.attempts ?? 0) + 1;
    const update = (data: Record<string, unknown>) =>
      payload.update({ collection: COLLECTIONS.appealNotices, id: notice.id, depth: 0, overrideAccess: true, context: { internal: true }, data: { claimedUntil: null, ...data } as never });
    if (!appeal?.email) {
      // The client's address is gone (retention): nothing to send to.
      await update({ state: 'no-contact' });
      result.skipped++;
      continue;
    }
    try {
      const sent = await mailer().send({
        from,
        to: appeal.email,
        replyTo: company.email,
        subject: notice.subject,
        text: notice.text,
        html: notice.html ?? '',
        messageId: robotMessageId(`appeal-notice-${notice.id}`, company.email),
      });
      await update({ state: 'sent', sentAt: new Date().toISOString(), messageId: sent.messageId, attempts, lastError: null });
      result.sent++;
    } catch (error) {
      const reason = scrubAddresses(error instanceof Error ? error.message : String(error));
      await update({ attempts, lastError: reason, nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)).toISOString() });
      result.failed++;
    }
  }
  return result;
}
