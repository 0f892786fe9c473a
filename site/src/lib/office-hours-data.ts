import { calendarDayLists, type OfficeHoursPageData } from '@portal/core/office-status';
import { yearOf } from '@portal/core/iso-date';
import type { ProductionCalendar } from '@portal/core/production-calendar';
import type { ExportOffice } from '@portal/core/site-export';

/**
 * What a page with office statuses ships for its status script (site/src/scripts/office-status.ts): the
 * offices' schedules, the production calendar of this year and the next (a year without a decree comes as
 * the statutory forecast, exactly as `ProductionCalendar` answers for it), and the company's time zone.
 * Exceptions already past on the build day are left out; a page is rebuilt at least daily.
 */
export function officeHoursPageData(offices: readonly ExportOffice[], calendar: ProductionCalendar, timeZone: string, today: string): OfficeHoursPageData {
  const year = yearOf(today);
  return {
    timeZone,
    calendar: calendarDayLists([calendar.year(year), calendar.year(year + 1)]),
    offices: Object.fromEntries(
      offices.map((office) => [office.slug, { ...office.schedule, exceptions: office.schedule.exceptions.filter((item) => item.date >= today) }]),
    ),
  };
}

/**
 * The data as the text of a `<script type="application/json">` block: `<` is escaped, so no text in it can
 * close the block early (`</script>`) or open a comment, whatever editors typed into a note.
 */
export function jsonForScriptBlock(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}
