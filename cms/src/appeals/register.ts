import type { Payload } from 'payload';
import type { AppealType } from '@portal/core/appeal-type';
import { computeDeadline } from '@portal/core/deadlines';
import type { QuestionForm } from '@portal/core/question-form';
import { formatRegistrationNumber } from '@portal/core/registration-number';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { COLLECTIONS } from '../slugs';
import { queueConfirmation } from './confirmation';
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

/**
 * Registers an appeal: assigns its number and deadline and stores it durably, with its confirmation e-mail
 * pending in the same row (the outbox). Only after this returns may the client be told the number. A repeated
 * submission with the same idempotency key returns the first registration instead of creating another.
 */
export async function registerAppeal(
  payload: Payload,
  type: AppealType,
  input: QuestionForm,
  meta: SubmissionMeta,
): Promise<Registration> {
  if (meta.idempotencyKey) {
    const existing = await findByIdempotencyKey(payload, meta.idempotencyKey);
    if (existing) return toRegistration(existing);
  }
  const [company, calendar, rule, topic] = await Promise.all([
    loadCompany(payload),
    loadCalendar(payload),
    loadDeadlineRule(payload, type),
    payload.find({ collection: COLLECTIONS.topics, where: { slug: { equals: input.topic } }, limit: 1, depth: 0, overrideAccess: true }),
  ]);
  const topicId = topic.docs[0]?.id;
  if (topicId === undefined) throw new Error(`Unknown topic ${input.topic}`);

  const receivedAt = new Date();
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
        receivedAt: receivedAt.toISOString(),
        deadlineDate: deadline.deadlineDate,
        receivedOutsideWorkingHours: deadline.receivedOutsideWorkingHours,
        topic: topicId,
        audience: input.audience,
        name: input.name,
        email: input.email ?? null,
        phone: input.phone ?? null,
        answerChannel: input.answerChannel,
        postalAddress: input.postalAddress ?? null,
        accountNumber: input.accountNumber ?? null,
        text: input.text,
        consent: { version: company.consentVersion, acceptedAt: receivedAt.toISOString(), ip: meta.ip },
        idempotencyKey: meta.idempotencyKey,
        confirmation: { state: input.email ? 'pending' : 'not-needed', attempts: 0 },
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
  return toRegistration(created);
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
