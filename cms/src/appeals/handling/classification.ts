import type { CollectionAfterChangeHook } from 'payload';
import { computeDeadline } from '@portal/core/deadlines';
import type { AppealType } from '@portal/core/appeal-type';
import { robotSettings } from '../settings/settings-cache';
import { updateAppealInternally } from './internal-update';
import { readHistory } from './transition';

/**
 * An e-mailed appeal follows the e-mail row of the deadlines table (10 calendar days, 000 L620) until a handler says
 * what it is («Вид по существу»); from then on the row of that type, counted from the receipt (a complaint by e-mail is
 * a complaint, 000 L695). An extended term stays as the extension set it; so does a closed or answered appeal.
 */
export const deadlineAfterClassification: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context, operation }) => {
  if (operation !== 'update' || context?.internal || context?.appealTransition) return doc;
  const appeal = doc as Record<string, unknown>;
  if (appeal.type !== 'email') return doc;
  const before = (previousDoc as Record<string, unknown> | undefined)?.classifiedAs ?? null;
  const after = appeal.classifiedAs ?? null;
  if (before === after) return doc;
  if (['answered', 'closed', 'rejected', 'not-considered'].includes(String(appeal.status))) return doc;
  if (readHistory(appeal.history).some((entry) => entry.to === 'extended')) return doc;
  const settings = await robotSettings(req.payload);
  const rule = await settings.ruleForAppeal('email', after as AppealType | null);
  const { deadlineDate } = computeDeadline({ receivedAt: new Date(String(appeal.receivedAt)), rule, calendar: settings.calendar, timeZone: settings.company.timeZone });
  if (deadlineDate === appeal.deadlineDate) return doc;
  await updateAppealInternally(req.payload, appeal.id as number | string, { deadlineDate });
  return { ...appeal, deadlineDate };
};
