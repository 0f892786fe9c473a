import type { Payload, TaskConfig } from 'payload';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { SETTLED_STATES } from './queue';
import { updateAppealInternally } from './internal-update';

export const RETENTION_TASK = 'anonymiseOldAppeals';

/** What an anonymised appeal's text says; also how the job recognises appeals it has already done. */
export const ANONYMISED_TEXT = 'Персональные данные удалены по истечении срока хранения.';

/**
 * Anonymises settled appeals received more than `retentionDays` ago: the client's name, contacts, address, account,
 * text, form details, consent IP, answer and survey comment are removed; type, topic, channel, dates, state,
 * deadline, history and rating stay, so the reports keep their statistics. Open appeals are never touched.
 * Attachments are unlinked here; their files are the attachments collection's concern. Returns how many were done.
 */
export async function anonymiseOldAppeals(payload: Payload, now: Date = new Date(), retentionDays: number = readCmsEnv().APPEAL_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const old = await payload.find({
    collection: COLLECTIONS.appeals,
    where: { and: [{ receivedAt: { less_than: cutoff } }, { status: { in: [...SETTLED_STATES] } }, { text: { not_equals: ANONYMISED_TEXT } }] },
    depth: 0,
    limit: 200,
    overrideAccess: true,
  });
  for (const appeal of old.docs) {
    await updateAppealInternally(payload, appeal.id, {
      name: '—',
      email: null,
      phone: null,
      postalAddress: null,
      accountNumber: null,
      text: ANONYMISED_TEXT,
      details: null,
      meterSerial: null,
      attachments: [],
      consent: { ip: null },
      answer: null,
      extensionReason: null,
      statusTokenHash: null,
      survey: { comment: null, tokenHash: null },
    });
  }
  return old.docs.length;
}

/** Nightly; a batch of 200 per run keeps each run short. */
export const retentionTasks: TaskConfig[] = [
  {
    slug: RETENTION_TASK,
    label: 'Обезличивание старых обращений',
    schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { anonymised: await anonymiseOldAppeals(req.payload) } }),
  } as unknown as TaskConfig,
];
