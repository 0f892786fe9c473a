import type { Endpoint, Payload, PayloadRequest } from 'payload';
import { z } from 'zod';
import { rolesOf } from '../../access/roles';
import { writeAuditEntry } from '../../audit/hooks';
import { COLLECTIONS } from '../../slugs';
import { notifyOutbox } from '../outbox/outbox';
import { queueAnswer } from './answer-delivery';
import { updateAppealInternally } from './internal-update';

/** The letters a handler may send again. */
export const RESENDABLE_LETTERS = ['confirmation', 'answer'] as const;
export type ResendableLetter = (typeof RESENDABLE_LETTERS)[number];

export const RESEND_LETTER_LABELS: Record<ResendableLetter, string> = {
  confirmation: 'Подтверждение о регистрации',
  answer: 'Ответ',
};

/**
 * The request names the letter only. Other keys (an address, a number) are not read: the letter goes to the address
 * stored with the appeal and states what registration stored.
 */
const ResendRequestSchema = z.object({ letter: z.enum(RESENDABLE_LETTERS) });

export type ResendOutcome = { ok: true; status: 200; message: string } | { ok: false; status: 400 | 403 | 404 | 409; message: string };

interface ResendRow {
  id: number | string;
  registrationNumber?: string;
  email?: string | null;
  answer?: string | null;
  confirmation?: { state?: string | null } | null;
  answerDelivery?: { state?: string | null } | null;
}

const NO_EMAIL = 'У заявителя нет адреса e-mail: письмо отправить некуда.';

/**
 * Sends a letter of an appeal again, on a handler's explicit request: puts the letter's outbox row back to «pending»
 * (the robot then writes to the stored address, as the first time) and records the request in the audit log. Only a
 * letter that was already sent is sent again; one still waiting is the robot's business, and a letter that was never
 * due (no e-mail, an answer given by post) is refused with the reason.
 */
export async function resendLetter(payload: Payload, req: PayloadRequest, id: string | number, body: unknown): Promise<ResendOutcome> {
  const roles = rolesOf(req);
  if (!roles.includes('handler') && !roles.includes('admin')) return { ok: false, status: 403, message: 'Недостаточно прав.' };
  const parsed = ResendRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, status: 400, message: 'Выберите письмо: подтверждение о регистрации или ответ.' };
  const { letter } = parsed.data;

  const appeal = (await payload.findByID({ collection: COLLECTIONS.appeals, id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)) as ResendRow | null;
  if (!appeal) return { ok: false, status: 404, message: 'Обращение не найдено.' };
  if (!appeal.email) return { ok: false, status: 409, message: NO_EMAIL };

  if (letter === 'confirmation') {
    const state = appeal.confirmation?.state;
    if (state === 'pending') return { ok: false, status: 409, message: 'Подтверждение ещё ждёт отправки: робот отправит его сам.' };
    if (state !== 'sent') return { ok: false, status: 409, message: 'Подтверждение по этому обращению не отправлялось: отправлять повторно нечего.' };
    await updateAppealInternally(payload, appeal.id, { confirmation: { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: null, claimedUntil: null } });
    await notifyOutbox(payload);
  } else {
    const state = appeal.answerDelivery?.state;
    if (!appeal.answer || !state) return { ok: false, status: 409, message: 'Ответа по этому обращению ещё нет: отправлять нечего.' };
    if (state === 'recorded') return { ok: false, status: 409, message: 'Ответ был дан почтой или по телефону, по e-mail он не отправлялся.' };
    if (state === 'pending') return { ok: false, status: 409, message: 'Ответ ещё ждёт отправки: робот отправит его сам.' };
    await updateAppealInternally(payload, appeal.id, { answerDelivery: { state: 'pending', attempts: 0, lastError: null, jobId: null } });
    await queueAnswer(payload, appeal.id);
  }
  await writeAuditEntry(req, {
    action: 'resend',
    target: COLLECTIONS.appeals,
    documentId: String(appeal.id),
    summary: `${appeal.registrationNumber ?? appeal.id}: ${RESEND_LETTER_LABELS[letter].toLowerCase()} отправлено повторно на адрес из обращения`,
    changedFields: [letter === 'confirmation' ? 'confirmation' : 'answerDelivery'],
  });
  return { ok: true, status: 200, message: `${RESEND_LETTER_LABELS[letter]}: письмо поставлено в очередь на повторную отправку.` };
}

/** POST /api/appeals/:id/resend with `{ letter: 'confirmation' | 'answer' }`: handlers and administrators. */
export const resendLetterEndpoint: Endpoint = {
  path: '/:id/resend',
  method: 'post',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' };
    const id = req.routeParams?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return Response.json({ message: 'Не указано обращение.' }, { status: 400, headers });
    let body: unknown = null;
    try {
      body = await (req as unknown as Request).json();
    } catch {
      body = null;
    }
    const { status, ...rest } = await resendLetter(req.payload, req, id, body);
    return Response.json(rest, { status, headers });
  },
};
