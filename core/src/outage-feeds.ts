/**
 * The outages page, the home page's «today» and the calendar feed, as pure functions of the published news
 * (site export) and an instant. Times are instants (UTC ISO); what a client reads is in the company's time zone.
 */
import { toLocalDateTime, formatRussianDate } from './time-zone';
import { isOutageType, OUTAGE_STATE_LABELS, type OutageState } from './outages';
import { icsDocument, icsText, icsUtc } from './icalendar';

/** The fields of a news item these functions read (a subset of the site export's news item). */
export interface OutageNews {
  slug: string;
  title: string;
  type: string;
  date: string;
  summary: string;
  settlements: readonly string[];
  settlementSlugs: readonly string[];
  streets: readonly { settlement: string; street: string }[];
  period: string;
  outageState?: OutageState | undefined;
  outageStart?: string | undefined;
  outageEnd?: string | undefined;
}

const ms = (iso: string | undefined) => (iso ? new Date(iso).getTime() : Number.NaN);

/** The outages with structured data (an outage type, a state and a start); older free-text items are left out. */
export function structuredOutages<T extends OutageNews>(news: readonly T[]): T[] {
  return news.filter((item) => isOutageType(item.type) && item.outageState !== undefined && !Number.isNaN(ms(item.outageStart)));
}

/**
 * The outages the page «Отключения» lists at `now`: not restored, and not over — the expected end (or, without one,
 * the start) is not in the past. Ongoing first, then planned by start; within a state by start.
 */
export function currentAndPlannedOutages<T extends OutageNews>(news: readonly T[], now: Date): T[] {
  const at = now.getTime();
  const rank = (item: OutageNews) => (item.outageState === 'ongoing' ? 0 : 1);
  return structuredOutages(news)
    .filter((item) => item.outageState !== 'restored')
    .filter((item) => {
      const end = ms(item.outageEnd);
      return (Number.isNaN(end) ? ms(item.outageStart) : end) >= at || item.outageState === 'ongoing';
    })
    .sort((a, b) => rank(a) - rank(b) || ms(a.outageStart) - ms(b.outageStart) || a.slug.localeCompare(b.slug));
}

/** Outages restored recently (the last `days` days before `now`, by their end or start), newest first. */
export function recentlyRestoredOutages<T extends OutageNews>(news: readonly T[], now: Date, days = 7): T[] {
  const from = now.getTime() - days * 86_400_000;
  return structuredOutages(news)
    .filter((item) => item.outageState === 'restored')
    .filter((item) => {
      const end = Number.isNaN(ms(item.outageEnd)) ? ms(item.outageStart) : ms(item.outageEnd);
      return end >= from && ms(item.outageStart) <= now.getTime();
    })
    .sort((a, b) => ms(b.outageStart) - ms(a.outageStart));
}

/**
 * The outages that touch the company's calendar day `today` (`YYYY-MM-DD` in `timeZone`): the local dates from start
 * to expected end (or just the start's date) include it. Restored ones too: the client sees that the power is back.
 */
export function outagesOfDay<T extends OutageNews>(news: readonly T[], today: string, timeZone: string): T[] {
  return structuredOutages(news)
    .filter((item) => {
      const first = toLocalDateTime(new Date(item.outageStart!), timeZone).date;
      const last = item.outageEnd ? toLocalDateTime(new Date(item.outageEnd), timeZone).date : first;
      return first <= today && today <= last;
    })
    .sort((a, b) => ms(a.outageStart) - ms(b.outageStart));
}

/** Only the items that name this settlement (slug). */
export function outagesIn<T extends OutageNews>(news: readonly T[], settlement: string): T[] {
  return news.filter((item) => item.settlementSlugs.includes(settlement));
}

/** «3 декабря 2026 г., 9:00 — 16:00» / «… 9:00 — 4 декабря 2026 г., 10:00» / «с 3 декабря 2026 г., 9:00», company time. */
export function outageWhen(item: Pick<OutageNews, 'outageStart' | 'outageEnd'>, timeZone: string): string {
  if (!item.outageStart) return '';
  const start = toLocalDateTime(new Date(item.outageStart), timeZone);
  const clock = (time: string) => time.slice(0, 5).replace(/^0(\d)/, '$1');
  const startText = `${formatRussianDate(start.date)}, ${clock(start.time)}`;
  if (!item.outageEnd) return `с ${startText}`;
  const end = toLocalDateTime(new Date(item.outageEnd), timeZone);
  return end.date === start.date ? `${startText} — ${clock(end.time)}` : `${startText} — ${formatRussianDate(end.date)}, ${clock(end.time)}`;
}

/** «Тихоречье: ул. Пристанская, ул. Лесная; Озерки» — where, with streets where the outage names them. */
export function outageWhere(item: Pick<OutageNews, 'settlements' | 'settlementSlugs' | 'streets'>): string {
  return item.settlementSlugs
    .map((slug, index) => {
      const name = item.settlements[index] ?? slug;
      const streets = item.streets.filter((row) => row.settlement === slug).map((row) => row.street);
      return streets.length > 0 ? `${name}: ${streets.join(', ')}` : name;
    })
    .join('; ');
}

export const outageStateLabel = (state: OutageState | undefined) => (state ? OUTAGE_STATE_LABELS[state] : '');

// ---------------------------------------------------------------------------------------------------------------
// iCalendar (RFC 5545), written by ./icalendar.ts

/**
 * The calendar of planned outages (type planned-outage, not restored): one VEVENT each with a stable UID
 * (`<slug>@<host>`), DTSTAMP = `stamp` (the build time), start and end in UTC (end defaults to one hour after the
 * start), the settlements and streets as LOCATION, the summary as DESCRIPTION and the page as URL. CRLF line ends.
 */
export function plannedOutagesIcs(options: {
  news: readonly OutageNews[];
  calendarName: string;
  host: string;
  stamp: Date;
  link: (slug: string) => string;
}): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${options.host}//outages//RU`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(options.calendarName)}`];
  const planned = structuredOutages(options.news)
    .filter((item) => item.type === 'planned-outage' && item.outageState !== 'restored')
    .sort((a, b) => ms(a.outageStart) - ms(b.outageStart) || a.slug.localeCompare(b.slug));
  for (const item of planned) {
    const start = new Date(item.outageStart!);
    const end = item.outageEnd ? new Date(item.outageEnd) : new Date(start.getTime() + 3_600_000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.slug}@${options.host}`,
      `DTSTAMP:${icsUtc(options.stamp)}`,
      `DTSTART:${icsUtc(start)}`,
      `DTEND:${icsUtc(end)}`,
      `SUMMARY:${icsText(item.title)}`,
      `LOCATION:${icsText(outageWhere(item))}`,
      `DESCRIPTION:${icsText(item.summary)}`,
      `URL:${options.link(item.slug)}`,
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return icsDocument(lines);
}
