import { hoursOn, type DayHours } from '@portal/core/office-hours';
import { addDays } from '@portal/core/iso-date';
import type { ProductionCalendar } from '@portal/core/production-calendar';
import type { ExportCompany, ExportOffice } from '@portal/core/site-export';

const DAY_URIS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((day) => `https://schema.org/${day}`);

/** A day's hours as opening spans: a lunch break splits the day in two. */
function spans(hours: DayHours): { opens: string; closes: string }[] {
  if (hours.breakStart && hours.breakEnd) {
    return [
      { opens: hours.open, closes: hours.breakStart },
      { opens: hours.breakEnd, closes: hours.close },
    ];
  }
  return [{ opens: hours.open, closes: hours.close }];
}

/**
 * schema.org `LocalBusiness` of an office with `openingHoursSpecification`: the weekly hours, plus dated
 * specifications for the coming `horizonDays` wherever a holiday, a shortened day or an exception changes them.
 */
export function officeStructuredData(
  office: ExportOffice,
  company: ExportCompany,
  calendar: ProductionCalendar,
  today: string,
  url: string,
  horizonDays = 60,
): Record<string, unknown> {
  const weekly = office.schedule.weekly.flatMap((day) => spans(day).map((span) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: DAY_URIS[day.weekday], ...span })));
  const special: Record<string, unknown>[] = [];
  for (let i = 0; i < horizonDays; i++) {
    const date = addDays(today, i);
    const day = hoursOn(office.schedule, calendar, date);
    if (day.kind === 'regular' || day.kind === 'off') continue;
    const dated = { '@type': 'OpeningHoursSpecification', validFrom: date, validThrough: date };
    // schema.org marks a closed day as opening and closing at midnight.
    if (!day.hours) special.push({ ...dated, opens: '00:00', closes: '00:00' });
    else for (const span of spans(day.hours)) special.push({ ...dated, ...span });
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    name: office.name,
    url,
    parentOrganization: { '@type': 'Organization', name: company.name },
    address: { '@type': 'PostalAddress', streetAddress: office.address, addressLocality: office.settlement, addressRegion: company.region, addressCountry: 'RU' },
    geo: { '@type': 'GeoCoordinates', latitude: office.latitude, longitude: office.longitude },
    ...(office.phones[0] ? { telephone: office.phones[0] } : {}),
    ...(office.email ? { email: office.email } : {}),
    ...(office.payment.length ? { paymentAccepted: office.payment.join(', ') } : {}),
    openingHoursSpecification: [...weekly, ...special],
  };
}
