import { isWeekend } from '@portal/core/iso-date-math';
import { DEFAULT_TIME_ZONE, toLocalDateTime } from '@portal/core/local-time';
import { describeOfficeStatus, officeStatus, type WorkingDayCalendar } from '@portal/core/office-status';
import { isStatutoryHoliday } from '@portal/core/statutory-holidays';
import { formatRussianDate } from '@portal/core/time-zone';
import type { SearchDetails } from './contract';

/**
 * The status line of a hit at the moment of the search, in the company's time zone: «Открыто до 17:00»
 * for an office or payment point (the office pages' own rules, core/office-status), «Плановое
 * отключение: 2 декабря с 9:00 до 17:00» for an outage, «Действует сейчас, до 31 декабря 2026 г.» for
 * a tariff period. The search works without the production calendar, so weekends and statutory
 * holidays are the days off; the office page itself shows transferred working days.
 */
export function statusLine(details: SearchDetails | undefined, instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string | undefined {
  if (!details) return undefined;
  switch (details.kind) {
    case 'hours':
      return describeOfficeStatus(officeStatus(details.schedule, PLAIN_CALENDAR, toLocalDateTime(instant, timeZone)));
    case 'period':
      return details.text ? `${details.label}: ${details.text}` : details.label;
    case 'validity': {
      const today = toLocalDateTime(instant, timeZone).date;
      if (today < details.from) return `Будет действовать с ${formatRussianDate(details.from)}`;
      if (details.to !== undefined && today > details.to) return `Действовал до ${formatRussianDate(details.to)}`;
      return details.to !== undefined ? `Действует сейчас, до ${formatRussianDate(details.to)}` : 'Действует сейчас';
    }
  }
}

const PLAIN_CALENDAR: WorkingDayCalendar = {
  isWorkingDay: (isoDate) => !isWeekend(isoDate) && !isStatutoryHoliday(isoDate),
  isShortDay: () => false,
};
