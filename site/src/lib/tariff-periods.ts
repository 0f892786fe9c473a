import { periodOn, type TariffDecree, type TariffPeriod } from '@portal/core/tariffs';
import { formatRussianDate } from '@portal/core/time-zone';

/** Periods split for the site: the one in force today, the ones announced for later, and the archive. */
export interface TariffTimeline {
  current: TariffPeriod | undefined;
  upcoming: TariffPeriod[];
  archive: TariffPeriod[];
}

/**
 * Sorts periods around `today`. With no period in force (a gap in the data) the latest past period is shown
 * as current, so visitors still see the last published prices.
 */
export function tariffTimeline(periods: readonly TariffPeriod[], today: string): TariffTimeline {
  const sorted = [...periods].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  const current = periodOn(sorted, today) ?? sorted.find((period) => period.validTo < today);
  return {
    current,
    upcoming: sorted.filter((period) => period.validFrom > today).reverse(),
    archive: sorted.filter((period) => period !== current && period.validTo < today),
  };
}

/** «1 октября 2026 г.» without the year: «1 октября». */
function dayAndMonth(isoDate: string): string {
  return formatRussianDate(isoDate).replace(/ \d{4} г\.$/, '');
}

/**
 * A validity period in words, each date said once and the year once when both ends share it:
 * «с 1 октября по 31 декабря 2026 г.», «с 1 по 31 октября 2026 г.», «с 1 июля 2025 г. по 30 июня 2026 г.».
 */
export function formatPeriodRange(validFrom: string, validTo: string): string {
  const to = formatRussianDate(validTo);
  if (validFrom.slice(0, 4) !== validTo.slice(0, 4)) return `с ${formatRussianDate(validFrom)} по ${to}`;
  if (validFrom.slice(0, 7) === validTo.slice(0, 7)) return `с ${validFrom.slice(8, 10).replace(/^0/, '')} по ${to}`;
  return `с ${dayAndMonth(validFrom)} по ${to}`;
}

/**
 * Ends a sentence with exactly one full stop. Dates end in «г.», and a second stop after them read «2025 г..»
 * on the tariffs page (issue 12).
 */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The opening line of the tariffs page: which dates the shown prices cover, said once. */
export function currentPeriodLead(period: TariffPeriod, today: string): string {
  const range = formatPeriodRange(period.validFrom, period.validTo);
  if (period.validTo < today) return sentence(`Новые тарифы пока не опубликованы. Показаны последние утверждённые тарифы, действовавшие ${range}`);
  if (period.validFrom > today) return sentence(`Тарифы будут действовать ${range}`);
  return sentence(`Действуют тарифы ${range}`);
}

/**
 * The line under a period's own page heading, which already names the dates: only whether these prices apply
 * today, so no date is said twice.
 */
export function periodStatusLine(period: TariffPeriod, today: string): string {
  if (period.validFrom > today) return 'Эти тарифы ещё не вступили в силу.';
  if (period.validTo < today) return 'Эти тарифы больше не действуют.';
  return 'Эти тарифы действуют сейчас.';
}

/** The decree that set a period's prices and where it was published, as two sentences. */
export function decreeText(decree: TariffDecree): string {
  return [
    sentence(`Тарифы установлены решением: ${decree.issuer}, № ${decree.number} от ${formatRussianDate(decree.date)}`),
    sentence(`Официально опубликовано: ${decree.publishedIn}`),
  ].join(' ');
}
