import { z } from 'zod';
import { normalize } from './analysis';
import { MAX_QUERY_LENGTH } from './contract';

/**
 * Search analytics without personal data: what was searched (normalized and with anything that
 * looks like contact details or account numbers masked), how often per week, whether it found
 * anything and whether a result was opened. No IP address, user agent or session is ever stored.
 */

const ID_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

/** What the site reports about a search, sent by the search page or its island. */
export const SearchEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    /** A search the visitor finished typing (or submitted) and saw results for. */
    kind: z.literal('search'),
    /** The query as typed. */
    q: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
    /** How many results it found in all. */
    results: z.number().int().min(0).max(1_000_000),
  }),
  z.strictObject({
    /** The visitor opened a result. */
    kind: z.literal('click'),
    /** The query whose result was opened. */
    q: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
    /** Id of the opened search document. */
    id: z.string().regex(ID_PATTERN),
  }),
]);
export type SearchEvent = z.output<typeof SearchEventSchema>;

// An e-mail address, or 4+ digits possibly split by spaces, dashes or brackets (account, phone, meter numbers).
const EMAIL_PATTERN = /[^\s@]+@[^\s@]+/g;
const LONG_NUMBER_PATTERN = /\+?\d(?:[\s()-]*\d){3,}/g;

/**
 * The form in which a query is counted: normalized (case, ё/е, punctuation), contact details and
 * long numbers replaced by `#`, so «Счётчик  сломался!» and «счетчик сломался» are one row and a
 * typed phone number is never stored. Empty when nothing meaningful remains.
 */
export function statsQueryText(q: string): string {
  return normalize(q.replace(EMAIL_PATTERN, ' # ').replace(LONG_NUMBER_PATTERN, ' # ').replace(/#/g, 'NUMBERMASK'))
    .replace(/numbermask/g, '#')
    .slice(0, MAX_QUERY_LENGTH);
}

/**
 * ISO 8601 week of a moment, e.g. `2026-W48`, counted in UTC: weeks run Monday to Sunday and the
 * first week of a year is the one with its Thursday.
 */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  // The Thursday of this week decides the year.
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The row key of a query in a week: one row per normalized query and week. */
export function statsKey(week: string, query: string): string {
  return `${week}|${query}`;
}
