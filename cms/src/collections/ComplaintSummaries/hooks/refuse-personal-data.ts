import { ValidationError, type CollectionBeforeChangeHook } from 'payload';
import { personalDataMessage } from '@portal/core/pii-guard';
import { COLLECTIONS } from '../../../slugs';

/**
 * Publishing is refused while the summary contains personal data (e-mail, phone, account number…).
 * A draft may hold it, so the author can save work in progress and rewrite it.
 */
export const refusePersonalData: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const status = data._status ?? (originalDoc as { _status?: string } | undefined)?._status;
  if (status !== 'published') return data;
  const summary = String(data.summary ?? (originalDoc as { summary?: string } | undefined)?.summary ?? '');
  const message = personalDataMessage(summary);
  if (message) throw new ValidationError({ collection: COLLECTIONS.complaintSummaries, req, errors: [{ path: 'summary', message }] });
  return data;
};
