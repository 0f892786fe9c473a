import { hashStatusToken, statusTokenFor } from './status-token';
import type { Payload } from 'payload';
import type { AppealChannel } from '@portal/core/appeal-channel';
import type { AppealType } from '@portal/core/appeal-type';
import { registrationRuleKey } from '@portal/core/deadline-policy';
import { computeDeadline } from '@portal/core/deadlines';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import type { CheckedFile } from '@portal/core/attachments';
import { formatRegistrationNumber } from '@portal/core/registration-number';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { storeOf, type NewAppeal, type StoredAppeal } from '../../store';
import { removeAttachments, storeAttachments } from './attachments';
import { initialHandlerNoticeState } from '../outbox/handler-notification';
import { originalsDue } from '../outbox/confirmation';
import { notifyOutbox } from '../outbox/outbox';
import { routingFromSettings } from './routing';
import { allocateSequenceValue } from './sequence';
import { robotSettings } from '../settings/settings-cache';

/** What a client is told once the appeal is stored. */
export interface Registration {
  registrationNumber: string;
  receivedAt: string;
  deadlineDate: string;
  deadlineText: string;
}

/** Request facts recorded with the appeal (consent evidence, duplicate protection). */
export interface SubmissionMeta {
  ip: string | null;
  userAgent: string | null;
  idempotencyKey: string | null;
}

/** Slugs of the topics clients may choose in forms (this process's copy, see settings-cache.ts). */
export async function knownTopicSlugs(payload: Payload): Promise<string[]> {
  return [...(await robotSettings(payload)).topicsBySlug.keys()];
}

function toRegistration(appeal: StoredAppeal): Registration {
  return {
    registrationNumber: appeal.registrationNumber,
    receivedAt: new Date(appeal.receivedAt).toISOString(),
    deadlineDate: appeal.deadlineDate,
    deadlineText: formatRussianDate(appeal.deadlineDate),
  };
}

/** Extra things stored with an appeal besides the form fields. */
export interface RegistrationExtras {
  /** Files already checked by content (type and size). */
  attachments?: readonly CheckedFile[];
  /** Attachments already stored (incoming e-mail stores them one by one to skip damaged ones). */
  attachmentIds?: readonly (number | string)[];
  /** When the appeal was received, if not now (an e-mail's arrival). */
  receivedAt?: Date;
  /**
   * `null` when the client gave no consent record (an e-mail carries none); `oral` or `written` when the staff member
   * registering a phone, office or postal appeal records the consent the client gave them.
   */
  consent?: 'form' | 'oral' | 'written' | null;
  /** The channel the appeal came by; default `email` for the e-mail type, else `site`. */
  channel?: AppealChannel;

  /**
   * Why no confirmation is sent although the client gave an e-mail (incoming mail: a forged sender, too many
   * letters from the address). Stored with the `not-needed` confirmation, so handlers see the reason.
   */
  confirmationWithheld?: string;
}

/**
 * Registers an appeal of any type — the one registration path of every form and of incoming e-mail: assigns
 * its number and deadline and stores it durably in one row, with its confirmation e-mail and the handlers'
 * notice pending in the same row (the outbox). Only after this returns may the client be told the number.
 * A repeated submission with the same idempotency key returns the first registration instead of creating
 * another.
 */
export async function registerAppeal(
  payload: Payload,
  type: AppealType,
  input: AppealSubmission,
  meta: SubmissionMeta,
  extras: RegistrationExtras = {},
): Promise<Registration> {
  if (meta.idempotencyKey) {
    const existing = await findByIdempotencyKey(payload, meta.idempotencyKey);
    if (existing) return toRegistration(existing);
  }
  const settings = await robotSettings(payload);
  const channel = extras.channel ?? (type === 'email' ? 'email' : 'site');
  const rule = await settings.ruleForAppeal(type, null, channel);
  const topicId = input.topic === undefined ? null : (settings.topicsBySlug.get(input.topic)?.id ?? null);
  if (input.topic !== undefined && topicId === null) throw new Error(`Unknown topic ${input.topic}`);

  const receivedAt = extras.receivedAt ?? new Date();
  // Files first: the appeal row then links them in its single insert — never an appeal pointing at missing files.
  // If a file is refused or the insert fails, this submission's files are removed at once (and what even that
  // cannot remove, the hourly orphan sweep does): a refused submission leaves nothing stored.
  const attachmentIds = [...(extras.attachmentIds ?? []), ...(extras.attachments?.length ? await storeAttachments(payload, extras.attachments) : [])];
  let stored: Awaited<ReturnType<typeof insertNewAppeal>>;
  try {
    stored = await insertNewAppeal(payload, type, input, meta, extras, { settings, rule, channel, topicId, receivedAt, attachmentIds });
  } catch (error) {
    await removeAttachments(payload, attachmentIds);
    throw error;
  }
  if (stored === 'duplicate') {
    // A concurrent duplicate with the same key won the race on the unique index: answer with the winner, whose
    // own files are linked already; this copy's are not needed.
    await removeAttachments(payload, attachmentIds);
    const existing = meta.idempotencyKey ? await findByIdempotencyKey(payload, meta.idempotencyKey) : undefined;
    if (!existing) throw new Error('Duplicate appeal without a stored original');
    return toRegistration(existing);
  }
  if (stored.pending) await notifyOutbox(payload);
  return toRegistration(stored.appeal);
}

interface Prepared {
  settings: Awaited<ReturnType<typeof robotSettings>>;
  rule: Awaited<ReturnType<Awaited<ReturnType<typeof robotSettings>>['rule']>>;
  channel: AppealChannel;
  topicId: number | string | null;
  receivedAt: Date;
  attachmentIds: (number | string)[];
}

/** Numbers, computes and inserts the appeal row; `pending` when it has a letter for the outbox. */
async function insertNewAppeal(
  payload: Payload,
  type: AppealType,
  input: AppealSubmission,
  meta: SubmissionMeta,
  extras: RegistrationExtras,
  { settings, rule, channel, topicId, receivedAt, attachmentIds }: Prepared,
): Promise<{ appeal: StoredAppeal; pending: boolean } | 'duplicate'> {
  const { company, calendar } = settings;
  const deadline = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone });
  // Stored with the appeal, so the confirmation states exactly what was computed here (outbox/confirmation.ts).
  const originalsDeadlineDate = originalsDue(type, attachmentIds.length)
    ? computeDeadline({ receivedAt, rule: await settings.rule('document-originals'), calendar, timeZone: company.timeZone }).deadlineDate
    : null;
  // A letter received by post has a registration stage of its own (000 L398–410): due 2 working days after receipt.
  const registrationKey = registrationRuleKey(channel);
  const registrationDeadlineDate = registrationKey
    ? computeDeadline({ receivedAt, rule: await settings.rule(registrationKey), calendar, timeZone: company.timeZone }).deadlineDate
    : null;
  const year = Number(toLocalIsoDate(receivedAt, company.timeZone).slice(0, 4));
  const sequence = await allocateSequenceValue(payload, `appeal-${type}-${year}`);
  const registrationNumber = formatRegistrationNumber(type, year, sequence);
  const appeal: NewAppeal = {
    registrationNumber,
    type,
    channel,
    registrationDeadlineDate,
    status: 'registered',
    statusTokenHash: hashStatusToken(statusTokenFor(registrationNumber, receivedAt.toISOString())),
    receivedAt: receivedAt.toISOString(),
    deadlineDate: deadline.deadlineDate,
    receivedOutsideWorkingHours: deadline.receivedOutsideWorkingHours,
    workStartsAt: deadline.workStartsAt ?? null,
    originalsDeadlineDate,
    topic: topicId,
    // Handlers may re-classify `topic`; the topic as the client sent it stays here.
    topicAsSent: topicId,
    audience: input.audience ?? null,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    answerChannel: input.answerChannel,
    postalAddress: input.postalAddress ?? null,
    accountNumber: input.accountNumber ?? null,
    text: input.text,
    details: input.details ?? null,
    meterSerial: input.meterSerial ?? null,
    attachments: attachmentIds,
    consent:
      extras.consent === null
        ? { version: null, acceptedAt: null, ip: meta.ip, method: null }
        : { version: company.consentVersion, acceptedAt: receivedAt.toISOString(), ip: meta.ip, method: extras.consent ?? 'form' },
    idempotencyKey: meta.idempotencyKey,
    confirmation:
      input.email && extras.confirmationWithheld
        ? { state: 'not-needed', attempts: 0, lastError: extras.confirmationWithheld }
        : { state: input.email ? 'pending' : 'not-needed', attempts: 0 },
    handlerNotice: { state: initialHandlerNoticeState(type), attempts: 0 },
    ...routingFromSettings(settings, input),
  };

  const stored = await storeOf(payload).insertAppeal(appeal);
  if (stored === 'duplicate') return 'duplicate';
  return { appeal: stored, pending: appeal.confirmation.state === 'pending' || appeal.handlerNotice.state === 'pending' };
}

/** The registration made earlier with this idempotency key, if any. */
export async function findRegistration(payload: Payload, key: string): Promise<Registration | undefined> {
  const existing = await findByIdempotencyKey(payload, key);
  return existing ? toRegistration(existing) : undefined;
}

function findByIdempotencyKey(payload: Payload, key: string): Promise<StoredAppeal | undefined> {
  return storeOf(payload).findByIdempotencyKey(key);
}
