import type { AppealType } from '@portal/core/appeal-type';
import { statusPageUrl, statusTokenFor } from '../intake/status-token';
import { computeDeadline } from '@portal/core/deadlines';
import { confirmationLetter } from '../letters/confirmation-email';
import { robotMessageId, type OutgoingMessage } from './mailer';
import type { RobotSettings } from '../settings/settings-cache';
import type { OutboxAppeal } from '../../store';

/** The appeal facts the confirmation uses, as registration stored them (the outbox's row, see store/store.ts). */
export type ConfirmationAppeal = Pick<
  OutboxAppeal,
  'id' | 'registrationNumber' | 'type' | 'channel' | 'name' | 'email' | 'receivedAt' | 'deadlineDate' | 'receivedOutsideWorkingHours' | 'workStartsAt' | 'originalsDeadlineDate' | 'attachments'
>;

/**
 * The client's confirmation letter of an appeal (HTML and plain text, the company's details). The deadline, the
 * originals' due date and the time work starts are the ones registration stored and told the client.
 */
export async function confirmationMessage(settings: RobotSettings, appeal: ConfirmationAppeal, mailFrom: string | undefined): Promise<OutgoingMessage> {
  const { company } = settings;
  const rule = await settings.ruleForAppeal(appeal.type, null, appeal.channel ?? null);
  const { workStartsAt, originalsDeadlineDate } = await storedDates(settings, appeal);
  const letter = confirmationLetter({
    company,
    appeal: {
      registrationNumber: appeal.registrationNumber,
      type: appeal.type,
      clientName: appeal.name,
      receivedAt: appeal.receivedAt,
      deadlineDate: appeal.deadlineDate,
      workStartsAt,
      originalsDeadlineDate,
      deadlineRuleNote: rule.note,
      statusUrl: statusPageUrl(statusTokenFor(appeal.registrationNumber, new Date(appeal.receivedAt).toISOString())),
    },
  });
  return {
    from: mailFrom ?? company.email,
    to: appeal.email ?? '',
    replyTo: company.email,
    ...letter,
    messageId: robotMessageId(`appeal-${appeal.id}-confirmation`, company.email),
  };
}

/**
 * The dates registration stored. Appeals registered before the `work_starts_at` / `originals_deadline_date` columns
 * existed have them empty where a value is due (received outside working hours; an application with attachments):
 * for those alone the dates are computed from the receipt time, as registration would have, with today's settings.
 */
async function storedDates(settings: RobotSettings, appeal: ConfirmationAppeal): Promise<{ workStartsAt: string | null; originalsDeadlineDate: string | null }> {
  let workStartsAt = appeal.workStartsAt ?? null;
  let originalsDeadlineDate = appeal.originalsDeadlineDate ?? null;
  const needsWorkStart = Boolean(appeal.receivedOutsideWorkingHours) && !workStartsAt;
  const needsOriginals = originalsDue(appeal.type, appeal.attachments?.length ?? 0) && !originalsDeadlineDate;
  if (needsWorkStart || needsOriginals) {
    const { company, calendar } = settings;
    const receivedAt = new Date(appeal.receivedAt);
    if (needsWorkStart) {
      const rule = await settings.ruleForAppeal(appeal.type, null, appeal.channel ?? null);
      workStartsAt = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone }).workStartsAt ?? null;
    }
    if (needsOriginals) {
      const rule = await settings.rule('document-originals');
      originalsDeadlineDate = computeDeadline({ receivedAt, rule, calendar, timeZone: company.timeZone }).deadlineDate;
    }
  }
  return { workStartsAt, originalsDeadlineDate };
}

/**
 * Whether the client is asked for the originals of attached documents: applications sent with copies (the
 * standards: due within 6 working days, the `document-originals` rule of the CMS table).
 */
export function originalsDue(type: AppealType, attachmentCount: number): boolean {
  return type === 'application' && attachmentCount > 0;
}
