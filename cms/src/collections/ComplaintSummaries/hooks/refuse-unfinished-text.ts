import { ValidationError, type CollectionBeforeChangeHook } from 'payload';
import { SUMMARY_PLACEHOLDER } from '../../../appeals/handling/complaint-summary-draft';
import { COLLECTIONS } from '../../../slugs';

/** A summary prepared from an appeal starts with a bracketed hint; it is not published while the hint is still there. */
export const refuseUnfinishedText: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const status = data._status ?? (originalDoc as { _status?: string } | undefined)?._status;
  if (status !== 'published') return data;
  const summary = String(data.summary ?? (originalDoc as { summary?: string } | undefined)?.summary ?? '');
  if (SUMMARY_PLACEHOLDER.test(summary)) {
    throw new ValidationError({ collection: COLLECTIONS.complaintSummaries, req, errors: [{ path: 'summary', message: 'В тексте осталась подсказка в квадратных скобках. Пожалуйста, замените её кратким описанием жалобы и решения.' }] });
  }
  return data;
};
