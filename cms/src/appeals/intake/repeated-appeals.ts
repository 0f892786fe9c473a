import type { Payload, Where } from 'payload';
import { z } from 'zod';
import { AppealStateSchema, type AppealState } from '@portal/core/appeal-state';
import { normalizeRussianPhone } from '@portal/core/appeal-form-base';
import { COLLECTIONS } from '../../slugs';

/** One of the client's other appeals, as the appeal page lists it for handlers. */
export const LinkedAppealSchema = z.object({
  id: z.string(),
  registrationNumber: z.string(),
  receivedAt: z.string(),
  status: AppealStateSchema,
  answeredAt: z.string().nullable(),
});
export type LinkedAppeal = z.output<typeof LinkedAppealSchema>;

/** The contact of an appeal as stored. */
interface ContactRow {
  id: number | string;
  email?: string | null;
  phone?: string | null;
}

interface AppealRow extends ContactRow {
  registrationNumber: string;
  receivedAt: string;
  status: string;
  answeredAt?: string | null;
}

/** E-mail addresses compare without case and surrounding spaces (the mailbox part is case-insensitive in practice). */
export function normaliseEmail(email: string | null | undefined): string | null {
  const value = email?.trim().toLowerCase();
  return value ? value : null;
}

/** Phones compare as +7XXXXXXXXXX whatever the spacing; anything that is not a Russian number compares by digits. */
export function normalisePhone(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return normalizeRussianPhone(digits);
  return digits.length >= 5 ? digits : null;
}

/** True when two appeals share the normalised e-mail or phone. */
export function sameContact(a: ContactRow, b: ContactRow): boolean {
  const email = normaliseEmail(a.email);
  const phone = normalisePhone(a.phone);
  return (email !== null && email === normaliseEmail(b.email)) || (phone !== null && phone === normalisePhone(b.phone));
}

/**
 * The client's other appeals (same normalised e-mail or phone), newest first — looked up when a handler opens the
 * appeal, so appeals registered before this existed are linked too. Anonymised appeals (retention) have no contact
 * and are never linked. Callers must show this to handlers and administrators only.
 */
export async function otherAppealsOfContact(payload: Payload, appeal: ContactRow, limit = 20): Promise<LinkedAppeal[]> {
  const email = normaliseEmail(appeal.email);
  const phone = appeal.phone?.trim() || null;
  const candidates: Where[] = [];
  // `like` is case-insensitive and finds a superset; the exact comparison below keeps only true matches.
  if (email) candidates.push({ email: { like: email } });
  if (phone) candidates.push({ phone: { equals: phone } });
  if (normalisePhone(phone) && normalisePhone(phone) !== phone) candidates.push({ phone: { equals: normalisePhone(phone) } });
  if (candidates.length === 0) return [];
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { and: [{ id: { not_equals: appeal.id } }, { or: candidates }] },
    sort: '-receivedAt',
    depth: 0,
    limit: limit * 2,
    overrideAccess: true,
    select: { registrationNumber: true, receivedAt: true, status: true, answeredAt: true, email: true, phone: true },
  });
  return (found.docs as unknown as AppealRow[])
    .filter((row) => sameContact(appeal, row))
    .slice(0, limit)
    .map((row) => ({
      id: String(row.id),
      registrationNumber: row.registrationNumber,
      receivedAt: new Date(row.receivedAt).toISOString(),
      status: (AppealStateSchema.safeParse(row.status).success ? row.status : 'registered') as AppealState,
      answeredAt: row.answeredAt ? new Date(row.answeredAt).toISOString() : null,
    }));
}

/** The earlier appeal a «repeated» rejection points to, or why it cannot be used. */
export type EarlierAnswered =
  | { ok: true; appeal: { id: string; registrationNumber: string; answeredAt?: string } }
  | { ok: false; message: string };

/**
 * Checks the earlier appeal a handler names when rejecting an appeal as repeated: it must exist, be another appeal
 * and have been answered — the client is told the rejection refers to that answer.
 */
export async function findEarlierAnswered(payload: Payload, current: { id?: unknown }, registrationNumber: string): Promise<EarlierAnswered> {
  const number = registrationNumber.trim();
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { registrationNumber: { equals: number } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    select: { registrationNumber: true, answeredAt: true, status: true },
  });
  const earlier = found.docs[0] as unknown as AppealRow | undefined;
  if (!earlier) return { ok: false, message: `Обращение № ${number} не найдено. Пожалуйста, проверьте номер.` };
  if (String(earlier.id) === String(current.id)) return { ok: false, message: 'Укажите другое, прежнее обращение этого заявителя.' };
  if (!earlier.answeredAt) return { ok: false, message: `По обращению № ${number} ответ ещё не дан: отказать как в повторном нельзя.` };
  return { ok: true, appeal: { id: String(earlier.id), registrationNumber: earlier.registrationNumber, answeredAt: new Date(earlier.answeredAt).toISOString() } };
}
