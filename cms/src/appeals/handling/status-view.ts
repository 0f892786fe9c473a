import type { Payload } from 'payload';
import { z } from 'zod';
import { APPEAL_STATE_LABELS, AppealStateSchema } from '@portal/core/appeal-state';
import { normalizeRussianPhone } from '@portal/core/question-form';
import { formatRussianDate } from '@portal/core/time-zone';
import type { StatusLookup } from '@portal/core/appeal-status-lookup';
import { COLLECTIONS } from '../../slugs';
import { hashStatusToken } from '../intake/status-token';

/** What the client's status page shows — and nothing else: no name, contacts, text or handler data. */
export interface AppealStatusView {
  registrationNumber: string;
  state: string;
  stateLabel: string;
  deadlineDate: string;
  deadlineText: string;
  extensionReason?: string;
  answer?: string;
}

/** The same answer for a wrong token, a wrong number or a wrong contact: nothing to learn by guessing. */
export const STATUS_NOT_FOUND_MESSAGE =
  'Обращение не найдено. Пожалуйста, проверьте ссылку из письма или регистрационный номер и контакт, указанный в обращении.';

// The lookup's input is validated by the schema the status page uses too; its number is already canonical.
export { StatusLookupSchema, type StatusLookup } from '@portal/core/appeal-status-lookup';

const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

interface StoredAppeal {
  registrationNumber: string;
  status: string;
  deadlineDate: string;
  email?: string | null;
  phone?: string | null;
  extensionReason?: string | null;
  answer?: string | null;
  answerDelivery?: { state?: string | null } | null;
}

function view(appeal: StoredAppeal): AppealStatusView {
  const state = AppealStateSchema.safeParse(appeal.status);
  // The answer appears once it has actually reached the client (e-mailed, or given by post or phone).
  const delivered = appeal.answerDelivery?.state === 'sent' || appeal.answerDelivery?.state === 'recorded';
  return {
    registrationNumber: appeal.registrationNumber,
    state: appeal.status,
    stateLabel: state.success ? APPEAL_STATE_LABELS[state.data] : 'Рассматривается',
    deadlineDate: appeal.deadlineDate,
    deadlineText: formatRussianDate(appeal.deadlineDate),
    ...(appeal.extensionReason ? { extensionReason: appeal.extensionReason } : {}),
    ...(delivered && appeal.answer ? { answer: appeal.answer } : {}),
  };
}

/** The status by the private link's token, or null. */
export async function statusByToken(payload: Payload, token: string | null): Promise<AppealStatusView | null> {
  if (!TokenSchema.safeParse(token).success) return null;
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { statusTokenHash: { equals: hashStatusToken(token as string) } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  });
  const appeal = found.docs[0] as unknown as StoredAppeal | undefined;
  return appeal ? view(appeal) : null;
}

/** The status by registration number plus the e-mail or phone given in the appeal, or null when either is wrong. */
export async function statusByNumberAndContact(payload: Payload, lookup: StatusLookup): Promise<AppealStatusView | null> {
  const found = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { registrationNumber: { equals: lookup.number } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  });
  const appeal = found.docs[0] as unknown as StoredAppeal | undefined;
  if (!appeal) return null;
  const contact = lookup.contact.trim();
  const emailMatches = Boolean(appeal.email) && contact.includes('@') && appeal.email!.toLowerCase() === contact.toLowerCase();
  const digits = contact.replace(/\D/g, '');
  const phoneMatches = Boolean(appeal.phone) && digits.length >= 10 && digits.length <= 11 && normalizeRussianPhone(digits.length === 10 ? `8${digits}` : digits) === appeal.phone;
  return emailMatches || phoneMatches ? view(appeal) : null;
}
