import { periodOn, type TariffPeriod } from '@portal/core/tariffs';

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
