import { ValidationError, type CollectionBeforeChangeHook } from 'payload';
import { personalDataMessage } from '@portal/core/pii-guard';
import { COLLECTIONS } from '../../../slugs';

/** A quarterly report is published only once filled with figures, and its note only without personal data. */
export const refuseUnfilledOrPersonal: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const before = originalDoc as { _status?: string; filledAt?: string | null; note?: string | null } | undefined;
  const status = data._status ?? before?._status;
  if (status !== 'published') return data;
  const errors: { path: string; message: string }[] = [];
  if (!(data.filledAt ?? before?.filledAt)) errors.push({ path: 'rows', message: 'Отчёт ещё не заполнен. Пожалуйста, нажмите «Заполнить цифрами из обращений» и проверьте черновик.' });
  const note = personalDataMessage(String(data.note ?? before?.note ?? ''));
  if (note) errors.push({ path: 'note', message: note });
  if (errors.length > 0) throw new ValidationError({ collection: COLLECTIONS.quarterlyReports, req, errors });
  return data;
};
