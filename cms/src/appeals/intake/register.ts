import { hashStatusToken, statusTokenFor } from './status-token';
import type { Payload } from 'payload';
import type { AppealType } from '@portal/core/appeal-type';
import { computeDeadline } from '@portal/core/deadlines';
import type { AppealRegistration, RequestMeta } from '@portal/core/appeal-contract';
import type { AppealSubmission } from '@portal/core/appeal-submission';
import type { CheckedFile } from '@portal/core/attachments';
import { formatRegistrationNumber } from '@portal/core/registration-number';
import { formatRussianDate, toLocalIsoDate } from '@portal/core/time-zone';
import { COLLECTIONS } from '../../slugs';
import { storeAttachments } from './attachments';
import { insertAppealRow, sqliteClient } from './appeal-writer';
import { initialHandlerNoticeState } from '../outbox/handler-notification';
import { originalsDue } from '../outbox/confirmation';
import { notifyOutbox } from '../outbox/outbox';
import { routingFromSettings } from './routing';
import { allocateSequenceValue } from './sequence';
import { robotSettings } from '../settings/settings-cache';

interface StoredAppeal {
  id: number | string;
  registrationNumber: string;
  receivedAt: string;
  deadlineDate: string;
}

/** Slugs of the topics clients may choose in forms (this process's copy, see settings-cache.ts). */
export async function knownTopicSlugs(payload: Payload): Promise<string[]> {
  return [...(await robotSettings(payload)).topicsBySlug.keys()];
}

function toRegistration(appeal: StoredAppeal): AppealRegistration {
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
 * its number and deadline and stores it durably in one row, with its confirmation e-mail and the handlers'
 * notice pending in the same row (the outbox). Only after this returns may the client be told the number.
 * A repeated submission with the same idempotency key returns the first registration instead of creating
 * another.
 */
export async function registerAppeal(
  payload: Payload,
  type: AppealType,
  input: AppealSubmission,
  meta: RequestMeta,
  extras: RegistrationExtras = {},
): Promise<AppealRegistration> {
  if (meta.idempotencyKey) {
    const existing = await findByIdempotencyKey(payload, meta.idempotencyKey);
    if (existing) return toRegistration(existing);
  }
  const settings = await robotSettings(payload);
  const { company, calendar } = settings;
  const rule = await settings.rule(type);
  const topicId = input.topic === undefined ? null : (settings.topicsBySlug.get(input.topic)?.id ?? null);
  if (input.topic !== undefined && topicId === null) throw new Error(`Unknown topic ${input.topic}`);

  const receivedAt = extras.receivedAt ?? new Date();
  // Files first: the appeal row then links them in its single insert. If the insert fails, the files stay
  // unlinked (visible to administrators only) — never an appeal pointing at missing files.
  const attachmentIds = [...(extras.attachmentIds ?? []), ...(extras.attachments?.length ? await storeAttachments(payload, extras.attachments) : [])];
  const deadline = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone });
  // Stored with the appeal, so the confirmation states exactly what was computed here (outbox/confirmation.ts).
  const originalsDeadlineDate = originalsDue(type, attachmentIds.length)
    ? computeDeadline({ receivedAt, rule: await settings.rule('document-originals'), calendar, timeZone: company.timeZone }).deadlineDate
    : null;
  const year = Number(toLocalIsoDate(receivedAt, company.timeZone).slice(0, 4));
  const sequence = await allocateSequenceValue(payload, `appeal-${type}-${year}`);
  const registrationNumber = formatRegistrationNumber(type, year, sequence);
  const appeal: NewAppeal = {
    registrationNumber,
    type,
    status: 'registered',
    statusTokenHash: hashStatusToken(statusTokenFor(registrationNumber, receivedAt.toISOString())),
    receivedAt: receivedAt.toISOString(),
    deadlineDate: deadline.deadlineDate,
    receivedOutsideWorkingHours: deadline.receivedOutsideWorkingHours,
    workStartsAt: deadline.workStartsAt ?? null,
    originalsDeadlineDate,
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
    handlerNotice: { state: initialHandlerNoticeState(type), attempts: 0 },
    ...routingFromSettings(settings, input),
  };

  const stored = await storeAppeal(payload, appeal);
  if (stored === 'duplicate') {
    // A concurrent duplicate with the same key won the race on the unique index: answer with the winner.
    const existing = meta.idempotencyKey ? await findByIdempotencyKey(payload, meta.idempotencyKey) : undefined;
    if (!existing) throw new Error('Duplicate appeal without a stored original');
    return toRegistration(existing);
  }
  if (appeal.confirmation.state === 'pending' || appeal.handlerNotice.state === 'pending') await notifyOutbox(payload);
  return toRegistration(stored);
}

/** An appeal as registration writes it (Payload's field names). */
interface NewAppeal {
  registrationNumber: string;
  type: AppealType;
  status: 'registered';
  statusTokenHash: string;
  receivedAt: string;
  deadlineDate: string;
  receivedOutsideWorkingHours: boolean;
  /** Local `YYYY-MM-DDTHH:MM` work starts at, for an appeal received outside working hours. */
  workStartsAt: string | null;
  /** Local `YYYY-MM-DD` the originals of attached document copies are due (applications with attachments). */
  originalsDeadlineDate: string | null;
  topic: number | string | null;
  audience: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  answerChannel: string;
  postalAddress: string | null;
  accountNumber: string | null;
  text: string;
  details: Record<string, unknown> | null;
  meterSerial: string | null;
  attachments: (number | string)[];
  consent: { version: string | null; acceptedAt: string | null; ip: string | null };
  idempotencyKey: string | null;
  confirmation: { state: 'pending' | 'not-needed'; attempts: number };
  handlerNotice: { state: 'pending' | 'not-needed'; attempts: number };
  /** The client's territory (slug) and the handler group routing suggests for it (see routing.ts). */
  territory: string | null;
  handlerGroup: string | null;
}

/**
 * Stores the appeal in one durable write. On SQLite without attachments: one `INSERT` through the
 * adapter's connection, committed together with concurrent registrations (group commit, appeal-writer.ts)
 * instead of Payload's create (which reads the row back and runs the collection's hook chain — the Appeals
 * collection has no hooks, so nothing is skipped). Otherwise (MongoDB, or attachment links in the
 * relationship table) through Payload's create, equally a single write per appeal on MongoDB.
 */
async function storeAppeal(payload: Payload, appeal: NewAppeal): Promise<StoredAppeal | 'duplicate'> {
  if (payload.db.name !== 'mongoose' && appeal.attachments.length === 0) {
    const now = new Date().toISOString();
    const outcome = await insertAppealRow(payload, {
      registration_number: appeal.registrationNumber,
      type: appeal.type,
      status: appeal.status,
      status_token_hash: appeal.statusTokenHash,
      received_at: appeal.receivedAt,
      deadline_date: appeal.deadlineDate,
      received_outside_working_hours: appeal.receivedOutsideWorkingHours ? 1 : 0,
      work_starts_at: appeal.workStartsAt,
      originals_deadline_date: appeal.originalsDeadlineDate,
      topic_id: appeal.topic === null ? null : Number(appeal.topic),
      audience: appeal.audience,
      name: appeal.name,
      email: appeal.email,
      phone: appeal.phone,
      answer_channel: appeal.answerChannel,
      postal_address: appeal.postalAddress,
      account_number: appeal.accountNumber,
      text: appeal.text,
      details: appeal.details === null ? null : JSON.stringify(appeal.details),
      meter_serial: appeal.meterSerial,
      consent_version: appeal.consent.version,
      consent_accepted_at: appeal.consent.acceptedAt,
      consent_ip: appeal.consent.ip,
      idempotency_key: appeal.idempotencyKey,
      confirmation_state: appeal.confirmation.state,
      confirmation_attempts: 0,
      handler_notice_state: appeal.handlerNotice.state,
      handler_notice_attempts: 0,
      territory: appeal.territory,
      handler_group: appeal.handlerGroup,
      answer_delivery_attempts: 0,
      updated_at: now,
      created_at: now,
    });
    if ('duplicate' in outcome) return 'duplicate';
    return { id: outcome.id, registrationNumber: appeal.registrationNumber, receivedAt: appeal.receivedAt, deadlineDate: appeal.deadlineDate };
  }
  try {
    return (await payload.create({
      collection: COLLECTIONS.appeals,
      overrideAccess: true,
      depth: 0,
      context: { internal: true },
      data: appeal as never,
    })) as unknown as StoredAppeal;
  } catch (error) {
    if (appeal.idempotencyKey && (await findByIdempotencyKey(payload, appeal.idempotencyKey))) return 'duplicate';
    throw error;
  }
}

/** The registration made earlier with this idempotency key, if any. */
export async function findRegistration(payload: Payload, key: string): Promise<AppealRegistration | undefined> {
  const existing = await findByIdempotencyKey(payload, key);
  return existing ? toRegistration(existing) : undefined;
}

async function findByIdempotencyKey(payload: Payload, key: string): Promise<StoredAppeal | undefined> {
  if (payload.db.name !== 'mongoose') {
    // Every browser submission carries a key: one indexed lookup instead of Payload's find (query builder + count).
    const result = await sqliteClient(payload).execute({
      sql: `SELECT "id", "registration_number", "received_at", "deadline_date" FROM "${COLLECTIONS.appeals}" WHERE "idempotency_key" = ? LIMIT 1`,
      args: [key],
    });
    const row = result.rows[0] as unknown as { id: number; registration_number: string; received_at: string; deadline_date: string } | undefined;
    return row && { id: Number(row.id), registrationNumber: row.registration_number, receivedAt: row.received_at, deadlineDate: row.deadline_date };
  }
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { idempotencyKey: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  });
  return found.docs[0] as unknown as StoredAppeal | undefined;
}
