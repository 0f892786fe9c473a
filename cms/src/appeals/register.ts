import { hashStatusToken, statusTokenFor } from './status-token';
import type { Payload } from 'payload';
import type { AppealType } from '@portal/core/appeal-type';
import { computeDeadline } from '@portal/core/deadlines';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import type { CheckedFile } from '@portal/core/attachments';
import { formatRegistrationNumber } from '@portal/core/registration-number';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { COLLECTIONS } from '../slugs';
import { storeAttachments } from './attachments';
import { queueConfirmation } from './confirmation';
import { queueHandlerNotification } from './handler-notification';
import { routingAtRegistration } from './routing';
import { nextSequenceValue } from './sequence';
import { loadCalendar, loadCompany, loadDeadlineRule } from './settings';

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

interface StoredAppeal {
  id: number | string;
  registrationNumber: string;
  receivedAt: string;
  deadlineDate: string;
}

/** Slugs of the topics clients may choose in forms. */
export async function knownTopicSlugs(payload: Payload): Promise<string[]> {
  const topics = await payload.find({ collection: COLLECTIONS.topics, pagination: false, depth: 0, overrideAccess: true });
  return topics.docs.map((topic) => (topic as unknown as { slug: string }).slug);
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
  /** `null` when the client gave no consent record (an e-mail carries none). */
  consent?: 'form' | null;
}

/**
 * Registers an appeal of any type — the one registration path of every form and of incoming e-mail: assigns
 * its number and deadline and stores it durably, with its confirmation e-mail pending in the same row (the
 * outbox). Only after this returns may the client be told the number. A repeated submission with the same
 * idempotency key returns the first registration instead of creating another.
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
  const [company, calendar, rule, topic] = await Promise.all([
    loadCompany(payload),
    loadCalendar(payload),
    loadDeadlineRule(payload, type),
    input.topic === undefined
      ? Promise.resolve(undefined)
      : payload.find({ collection: COLLECTIONS.topics, where: { slug: { equals: input.topic } }, limit: 1, depth: 0, overrideAccess: true }),
  ]);
  const topicId = topic?.docs[0]?.id ?? null;
  if (input.topic !== undefined && topicId === null) throw new Error(`Unknown topic ${input.topic}`);

  const receivedAt = extras.receivedAt ?? new Date();
  // Files first: the appeal row then links them in its single insert. If the insert fails, the files stay
  // unlinked (visible to administrators only) — never an appeal pointing at missing files.
  const attachmentIds = [...(extras.attachmentIds ?? []), ...(extras.attachments?.length ? await storeAttachments(payload, extras.attachments) : [])];
  const deadline = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone });
  const year = Number(toLocalIsoDate(receivedAt, company.timeZone).slice(0, 4));
  const sequence = await nextSequenceValue(payload, `appeal-${type}-${year}`);
  const registrationNumber = formatRegistrationNumber(type, year, sequence);

  let created: StoredAppeal;
  try {
    created = (await payload.create({
      collection: COLLECTIONS.appeals,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: {
        registrationNumber,
        type,
        status: 'registered',
        statusTokenHash: hashStatusToken(statusTokenFor(registrationNumber, receivedAt.toISOString())),
        receivedAt: receivedAt.toISOString(),
        deadlineDate: deadline.deadlineDate,
        receivedOutsideWorkingHours: deadline.receivedOutsideWorkingHours,
        topic: topicId,
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
            ? { version: null, acceptedAt: null, ip: meta.ip }
            : { version: company.consentVersion, acceptedAt: receivedAt.toISOString(), ip: meta.ip },
        idempotencyKey: meta.idempotencyKey,
        confirmation: { state: input.email ? 'pending' : 'not-needed', attempts: 0 },
        ...(await routingAtRegistration(payload, input)),
      } as never,
    })) as unknown as StoredAppeal;
  } catch (error) {
    // A concurrent duplicate with the same key lost the race on the unique index: answer with the winner.
    if (meta.idempotencyKey) {
      const existing = await findByIdempotencyKey(payload, meta.idempotencyKey);
      if (existing) return toRegistration(existing);
    }
    throw error;
  }

  if (input.email) {
    // The row is stored; queueing may fail without losing anything: the sweep re-queues pending rows.
    await queueConfirmation(payload, created.id).catch((error: unknown) =>
      payload.logger.warn({ err: error, appealId: created.id }, 'confirmation not queued; the sweep will retry'),
    );
  }
  await queueHandlerNotification(payload, created.id, type);
  return toRegistration(created);
}

/** The registration made earlier with this idempotency key, if any. */
export async function findRegistration(payload: Payload, key: string): Promise<Registration | undefined> {
  const existing = await findByIdempotencyKey(payload, key);
  return existing ? toRegistration(existing) : undefined;
}

async function findByIdempotencyKey(payload: Payload, key: string): Promise<StoredAppeal | undefined> {
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { idempotencyKey: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  });
  return found.docs[0] as unknown as StoredAppeal | undefined;
}
