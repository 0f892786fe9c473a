import type { CollectionSlug, Payload, TaskConfig } from 'payload';
import { toLocalIsoDate } from '@portal/core/time-zone';
import { reviewReminderLetter } from '../appeals/letters/review-reminder';
import { loadCompany } from '../appeals/settings/settings';
import { readCmsEnv } from '../env';
import { COLLECTIONS } from '../slugs';

export const REVIEW_REMINDER_TASK = 'remindOverdueReview';

/** A document or setting whose «проверить до» date has passed. */
export interface OverdueItem {
  target: string;
  /** Collection or setting label, for people. */
  targetLabel: string;
  id: number | string | null;
  title: string;
  reviewBy: string;
  adminPath: string;
}

const hasReviewBy = (fields: readonly { name?: string }[]) => fields.some((field) => field.name === 'reviewBy');
const labelOf = (label: unknown, fallback: string): string => (typeof label === 'string' ? label : fallback);

/**
 * Everything overdue for review on `today` (company time zone): every collection and global with a `reviewBy` field
 * (added by `publicContent(..., { reviewBy: true })`), so new collections are covered without changes here.
 */
export async function overdueForReview(payload: Payload, now: Date = new Date()): Promise<OverdueItem[]> {
  const company = await loadCompany(payload);
  const today = toLocalIsoDate(now, company.timeZone);
  const items: OverdueItem[] = [];
  for (const collection of payload.config.collections.filter((c) => hasReviewBy(c.fields as { name?: string }[]))) {
    const found = await payload.find({
      collection: collection.slug as CollectionSlug,
      where: { reviewBy: { less_than: `${today}T00:00:00.000Z` } },
      sort: 'reviewBy',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    });
    for (const doc of found.docs as unknown as Record<string, unknown>[]) {
      const titleField = collection.admin?.useAsTitle ?? 'id';
      items.push({
        target: collection.slug,
        targetLabel: labelOf(collection.labels?.plural, collection.slug),
        id: doc.id as number | string,
        title: String(doc[titleField] ?? doc.id),
        reviewBy: String(doc.reviewBy).slice(0, 10),
        adminPath: `/admin/collections/${collection.slug}/${String(doc.id)}`,
      });
    }
  }
  for (const global of payload.config.globals.filter((g) => hasReviewBy(g.fields as { name?: string }[]))) {
    const doc = (await payload.findGlobal({ slug: global.slug as never, depth: 0, overrideAccess: true })) as { reviewBy?: string | null };
    if (doc.reviewBy && doc.reviewBy.slice(0, 10) < today) {
      const label = labelOf(global.label, global.slug);
      items.push({ target: global.slug, targetLabel: label, id: null, title: label, reviewBy: doc.reviewBy.slice(0, 10), adminPath: `/admin/globals/${global.slug}` });
    }
  }
  return items;
}

/** Sends one reminder to every editor when something is overdue; returns how many items were listed. */
export async function sendReviewReminders(payload: Payload, now: Date = new Date()): Promise<number> {
  const items = await overdueForReview(payload, now);
  if (items.length === 0) return 0;
  const editors = await payload.find({ collection: COLLECTIONS.users, where: { roles: { contains: 'editor' } }, pagination: false, depth: 0, overrideAccess: true });
  const to = (editors.docs as unknown as { email: string }[]).map((user) => user.email);
  if (to.length === 0) return items.length;
  const { subject, text, html } = reviewReminderLetter(items, readCmsEnv().CMS_PUBLIC_URL ?? '');
  await payload.sendEmail({ to, subject, text, html });
  return items.length;
}

/** Daily reminder, on working-day mornings and weekends alike (overdue information is overdue every day). */
export const reviewTasks: TaskConfig[] = [
  {
    slug: REVIEW_REMINDER_TASK,
    label: 'Напоминание о проверке сведений',
    schedule: [{ cron: '0 0 9 * * *', queue: 'default' }],
    handler: async ({ req }) => ({ output: { overdue: await sendReviewReminders(req.payload) } }),
  } as TaskConfig,
];
