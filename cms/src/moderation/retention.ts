import type { Payload, TaskConfig } from 'payload';
import { VERIFY_VALID_HOURS } from '@portal/core/moderation';
import { MODERATED_COLLECTIONS } from './registry';

/** Rejected posts (with their authors' e-mails) are kept this long for questions about the decision, then deleted. */
export const REJECTED_KEEP_DAYS = 30;
export const MODERATION_RETENTION_TASK = 'purgeModeratedPosts';

/**
 * Deletes what the public wrote and nobody will publish: posts whose author never followed the e-mail link (a day
 * after the link expired) and posts rejected more than {@link REJECTED_KEEP_DAYS} days ago. Returns how many.
 */
export async function purgeModeratedPosts(payload: Payload, now: Date = new Date()): Promise<number> {
  const unverifiedBefore = new Date(now.getTime() - (VERIFY_VALID_HOURS + 24) * 3_600_000).toISOString();
  const rejectedBefore = new Date(now.getTime() - REJECTED_KEEP_DAYS * 86_400_000).toISOString();
  let deleted = 0;
  for (const entry of MODERATED_COLLECTIONS) {
    const result = await payload.delete({
      collection: entry.slug as never,
      overrideAccess: true,
      where: {
        or: [
          { and: [{ moderationState: { equals: 'unverified' } }, { submittedAt: { less_than: unverifiedBefore } }] },
          { and: [{ moderationState: { equals: 'rejected' } }, { updatedAt: { less_than: rejectedBefore } }] },
        ],
      },
    });
    deleted += result.docs.length;
  }
  return deleted;
}

export const moderationRetentionTasks: TaskConfig[] = [
  {
    slug: MODERATION_RETENTION_TASK,
    label: 'Удаление неподтверждённых и отклонённых отзывов и сообщений',
    schedule: [{ cron: '0 40 3 * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { deleted: await purgeModeratedPosts(req.payload) } }),
  } as unknown as TaskConfig,
];
