import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { APPEAL_CHANNEL_LABELS } from '@portal/core/appeal-channel';
import { formatRussianDate } from '@portal/core/time-zone';
import { receiptDateProblem, StaffAppealSchema, type StaffAppeal } from '@portal/core/staff-appeal';
import { rolesOf } from '../../access/roles';
import { writeAuditEntry } from '../../audit/hooks';
import { COLLECTIONS } from '../../slugs';
import { holdClientNotice, releaseClientNotice } from '../outbox/client-notices';
import { notifyOutbox } from '../outbox/outbox';
import { knownTopicSlugs, registerAppeal, type Registration } from './register';

export type StaffRegistrationOutcome =
  | { ok: true; status: 201; registration: Registration & { id: number | string; registrationDeadlineDate: string | null; registrationDeadlineText: string | null; confirmation: 'email' | 'task' | 'none' } }
  | { ok: false; status: 400 | 403; message: string; errors?: Record<string, string> };

/** How the staff member's form names the channel in the confirmation task («поступило по почте»). */
const RECEIVED_BY: Record<StaffAppeal['channel'], string> = {
  phone: 'поступило по телефону',
  office: 'поступило на личном приёме в офисе',
  post: 'поступило по почте',
  chat: 'поступило в онлайн-чате',
};

/**
 * Registers an appeal a handler received by phone, in an office, by post or in a chat, in the one register: the same
 * numbering, topics, deadlines (a postal letter: the written-appeals rows, 000 L398–410), routing, reports and survey as
 * the site's forms. The client is told the number by the channel they chose: an e-mail given → the confirmation letter
 * through the outbox; otherwise a task for the handler (send by post or read out), like the notices of decisions.
 * Handlers and administrators only; the audit log records who registered it.
 */
export async function registerStaffAppeal(payload: Payload, req: PayloadRequest, body: unknown, now = new Date()): Promise<StaffRegistrationOutcome> {
  const roles = rolesOf(req);
  if (!roles.includes('handler') && !roles.includes('admin')) return { ok: false, status: 403, message: 'Регистрировать обращения могут только специалисты по обращениям и администраторы.' };
  const parsed = StaffAppealSchema.safeParse(body);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { ok: false, status: 400, message: 'Проверьте поля формы.', errors };
  }
  const form = parsed.data;
  const receivedAt = new Date(form.receivedAt);
  const dateProblem = receiptDateProblem(receivedAt, now);
  if (dateProblem) return { ok: false, status: 400, message: dateProblem, errors: { receivedAt: dateProblem } };
  if (!(await knownTopicSlugs(payload)).includes(form.topic)) return { ok: false, status: 400, message: 'Выберите тему из списка.', errors: { topic: 'Выберите тему из списка.' } };

  const registration = await registerAppeal(
    payload,
    form.type,
    {
      name: form.name,
      email: form.email,
      phone: form.phone,
      postalAddress: form.postalAddress,
      accountNumber: form.accountNumber,
      answerChannel: form.answerChannel,
      topic: form.topic,
      text: form.text,
    },
    { ip: null, userAgent: null, idempotencyKey: null },
    { channel: form.channel, receivedAt, consent: form.consent ?? null },
  );
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { registrationNumber: { equals: registration.registrationNumber } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  });
  const appeal = found.docs[0] as unknown as { id: number | string; registrationNumber: string; type: string; name: string; email?: string | null; phone?: string | null; postalAddress?: string | null; answerChannel?: string | null; receivedAt: string; deadlineDate: string; registrationDeadlineDate?: string | null };
  await writeAuditEntry(req, {
    action: 'create',
    target: COLLECTIONS.appeals,
    documentId: String(appeal.id),
    summary: `${appeal.registrationNumber}: зарегистрировано специалистом (${APPEAL_CHANNEL_LABELS[form.channel]})`,
    changedFields: ['channel', 'type', 'topic', 'receivedAt'],
    changes: [
      { field: 'channel', before: null, after: form.channel },
      { field: 'receivedAt', before: null, after: receivedAt.toISOString() },
    ],
  });

  // Without an e-mail the client learns the number from the handler: by post or by phone, as a task with the text.
  let confirmation: 'email' | 'task' | 'none' = appeal.email ? 'email' : 'none';
  if (!appeal.email) {
    const id = await holdClientNotice(payload, appeal, { decision: 'registered', reason: RECEIVED_BY[form.channel], deadlineDate: appeal.deadlineDate }, new Date().toISOString());
    if (await releaseClientNotice(payload, id)) await notifyOutbox(payload);
    confirmation = 'task';
  }
  return { ok: true, status: 201, registration: { ...registration, id: appeal.id, registrationDeadlineDate: appeal.registrationDeadlineDate ?? null, registrationDeadlineText: appeal.registrationDeadlineDate ? formatRussianDate(appeal.registrationDeadlineDate) : null, confirmation } };
}

/** `POST /api/appeals/register`: «Зарегистрировать обращение» (phone, office, post, chat). */
export const registerStaffAppealEndpoint: Endpoint = {
  path: '/register',
  method: 'post',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' };
    let body: unknown = null;
    try {
      body = await (req as unknown as Request).json();
    } catch {
      body = null;
    }
    const outcome = await registerStaffAppeal(req.payload, req, body);
    if (!outcome.ok) return Response.json({ message: outcome.message, ...(outcome.errors ? { errors: outcome.errors } : {}) }, { status: outcome.status, headers });
    return Response.json(outcome.registration, { status: 201, headers });
  },
};
