import { z } from 'zod';
import { isIsoDate } from './iso-date-math';

/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`): the validation schema, and (re-exported from
 * `iso-date-math.ts`, which browser scripts import directly) the arithmetic on them.
 */

export * from './iso-date-math';

/** A calendar date written as `YYYY-MM-DD` (e.g. `2026-12-01`); rejects impossible dates such as `2026-02-30`. */
export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { error: 'Укажите дату в формате ГГГГ-ММ-ДД, например 2026-12-01' });
export type IsoDate = z.output<typeof IsoDateSchema>;
