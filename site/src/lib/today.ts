import { isIsoDate } from '@portal/core/iso-date';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { readSiteEnv } from './site-env';

/**
 * The date the build treats as today, in the company's time zone: it decides the current tariff period and
 * which urgent banners are still shown. `SITE_TODAY` (YYYY-MM-DD) pins it for tests and previews.
 */
export function siteToday(timeZone: string, env: { SITE_TODAY?: string | undefined } = readSiteEnv()): string {
  const pinned = env.SITE_TODAY?.trim();
  if (pinned) {
    if (!isIsoDate(pinned)) throw new Error(`SITE_TODAY must be a date like 2026-11-27, got "${pinned}"`);
    return pinned;
  }
  return toLocalIsoDate(new Date(), timeZone);
}
