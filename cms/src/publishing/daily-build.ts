import type { Payload, TaskConfig } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { loadCompany } from '../appeals/settings/settings';
import { COLLECTIONS } from '../slugs';
import { latestBuilds, requestSiteBuild } from './site-build';

export const DAILY_SITE_BUILD_TASK = 'dailySiteBuild';

/**
 * Part of the site depends on the date, not on an edit: the current tariff period, urgent banners that expire,
 * office hours around holidays. Once the company's calendar day has changed since the last successful build,
 * ask for a rebuild. Runs hourly, so it works whatever time zone the server clock uses.
 */
export async function rebuildIfDayChanged(payload: Payload, now: Date = new Date()): Promise<boolean> {
  const { lastSucceeded, pending } = await latestBuilds(payload);
  if (pending) return false;
  const { timeZone } = await loadCompany(payload);
  const today = toLocalIsoDate(now, timeZone);
  const builtOn = lastSucceeded ? toLocalIsoDate(new Date(lastSucceeded.finishedAt ?? lastSucceeded.requestedAt), timeZone) : null;
  if (builtOn === today) {
    // Within the day, an outage's start or expected end moves it on the outages page (planned → over): rebuild once
    // such a moment has passed since the last build (at most an hour late, the check's period).
    if (!lastSucceeded || !(await outageMomentPassed(payload, new Date(lastSucceeded.requestedAt), now))) return false;
    const requested = await requestSiteBuild(payload, 'Начало или окончание отключения: страница «Отключения»', () => now);
    return requested !== null;
  }
  const requested = await requestSiteBuild(payload, `Новый день (${today}): тарифы, срочные новости и часы работы`, () => now);
  return requested !== null;
}

/** Whether a published outage started or was expected to end in (since, now]. */
async function outageMomentPassed(payload: Payload, since: Date, now: Date): Promise<boolean> {
  const window = (field: string) => ({ and: [{ [field]: { greater_than: since.toISOString() } }, { [field]: { less_than_equal: now.toISOString() } }] });
  const found = await payload.count({
    collection: COLLECTIONS.news,
    where: { and: [{ _status: { equals: 'published' } }, { type: { in: ['planned-outage', 'emergency-outage'] } }, { or: [window('outageStart'), window('outageEnd')] }] },
    overrideAccess: true,
  });
  return found.totalDocs > 0;
}

/** The hourly check behind the daily rebuild. */
export const dailyBuildTasks: TaskConfig[] = [
  {
    slug: DAILY_SITE_BUILD_TASK,
    label: 'Ежедневное обновление сайта',
    schedule: [{ cron: '0 5 * * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { requested: await rebuildIfDayChanged(req.payload) } }),
  } as TaskConfig,
];
