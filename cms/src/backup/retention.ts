import { toLocalIsoDate } from '@portal/core/time-zone';

/** How many archives the nightly job keeps: one a day, a week and a month, for this many of each (BACKUP_KEEP). */
export interface KeepPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_KEEP: KeepPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** The Monday (local date) of the week a local date `YYYY-MM-DD` falls in: weeks run Monday to Sunday. */
function mondayOf(localDate: string): string {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One representative per period for the `count` most recent periods that have an archive: the newest archive of
 * each (`pick` 'last') or the oldest (`pick` 'first'). `instants` is sorted oldest first.
 */
function representatives(instants: readonly Date[], periodOf: (at: Date) => string, count: number, pick: 'first' | 'last'): Date[] {
  const chosen = new Map<string, Date>();
  for (const at of instants) {
    const period = periodOf(at);
    if (pick === 'last' || !chosen.has(period)) chosen.set(period, at);
  }
  return [...chosen.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, Math.max(0, count))
    .map(([, at]) => at);
}

/**
 * Which archives to keep (grandfather–father–son), with days, weeks (Monday to Sunday) and months counted in the
 * company's time zone:
 * - daily: the newest archive of each of the `daily` most recent days that have one;
 * - weekly: the first (oldest) archive of each of the `weekly` most recent weeks that have one;
 * - monthly: the first (oldest) archive of each of the `monthly` most recent months that have one.
 * Periods without an archive (a failed night) are skipped, not counted: a failure never lowers how many archives are
 * kept. The first of a week or month is chosen so that it stays the same as later archives arrive. The newest
 * archive is always kept. Returns the kept instants, oldest first; every other archive may be deleted.
 */
export function archivesToKeep(instants: readonly Date[], policy: KeepPolicy, timeZone: string): Date[] {
  if (instants.length === 0) return [];
  const sorted = [...instants].sort((a, b) => a.getTime() - b.getTime());
  const day = (at: Date) => toLocalIsoDate(at, timeZone);
  const keep = new Set<number>([(sorted.at(-1) as Date).getTime()]);
  for (const at of representatives(sorted, day, policy.daily, 'last')) keep.add(at.getTime());
  for (const at of representatives(sorted, (at) => mondayOf(day(at)), policy.weekly, 'first')) keep.add(at.getTime());
  for (const at of representatives(sorted, (at) => day(at).slice(0, 7), policy.monthly, 'first')) keep.add(at.getTime());
  return sorted.filter((at) => keep.has(at.getTime()));
}
