import type { Payload, TaskConfig } from 'payload';
import { eraseOldConversations } from '../../chat-console/retention';
import { readCmsEnv } from '../../env';
import { COLLECTIONS } from '../../slugs';
import { SETTLED_STATES } from './queue';
import { updateAppealInternally } from './internal-update';

export const RETENTION_TASK = 'anonymiseOldAppeals';

/** What an anonymised appeal's text says; also how the job recognises appeals it has already done. */
export const ANONYMISED_TEXT = 'Персональные данные удалены по истечении срока хранения.';

/**
 * Anonymises settled appeals received more than `retentionDays` ago: the client's name, contacts, address, account,
 * text, form details, meter serial, consent IP, answer, extension reason, the handlers' internal notes, status and
 * survey tokens, survey comment and the free-text comments of the history are removed, and so are the notes' values
 * in the appeal's audit entries; the attached files (passport scans, photos) are deleted from
 * disk together with their records. Type, topic, channel, dates, state, deadline, the history's transitions and the
 * rating stay, so the reports keep their statistics. Open appeals are never touched. Returns how many were done.
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
    // Files first: if deleting them fails, the appeal is not yet marked anonymised and the next night tries again.
    // Deleting by a `where` (not by id) skips records an interrupted earlier run already removed; Payload removes
    // each record's file from the upload directory with it.
    const attachmentIds = attachmentIdsOf(appeal.attachments);
    if (attachmentIds.length > 0) {
      await payload.delete({ collection: COLLECTIONS.appealAttachments, where: { id: { in: attachmentIds } }, overrideAccess: true });
    }
    // The client's notices repeat the name and the reasons: removed with the rest of the client's data.
    await payload.delete({ collection: COLLECTIONS.appealNotices, where: { appeal: { equals: appeal.id } }, overrideAccess: true });
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
      internalNotes: null,
      statusTokenHash: null,
      survey: { comment: null, tokenHash: null },
      history: withoutComments(appeal.history),
    });
    await scrubAuditedNotes(payload, appeal.id);
  }
  return old.docs.length;
}

/**
 * The audit log keeps each staff change of an appeal with its values before and after; the internal notes may quote
 * the client, so their values go with the client's data (which fields changed, who and when stay).
 */
async function scrubAuditedNotes(payload: Payload, appealId: number | string): Promise<void> {
  const entries = await payload.find({
    collection: COLLECTIONS.auditLog,
    where: { and: [{ target: { equals: COLLECTIONS.appeals } }, { documentId: { equals: String(appealId) } }, { changedFields: { like: 'internalNotes' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  });
  for (const entry of entries.docs as unknown as { id: number | string; changes?: unknown }[]) {
    if (!Array.isArray(entry.changes)) continue;
    const changes = entry.changes.map((change: unknown) =>
      typeof change === 'object' && change !== null && (change as { field?: unknown }).field === 'internalNotes' ? { field: 'internalNotes', before: null, after: null } : change,
    );
    await payload.update({ collection: COLLECTIONS.auditLog, id: entry.id, data: { changes } as never, depth: 0, overrideAccess: true, context: { internal: true } });
  }
}

/** Ids of the attachments an appeal row links (depth 0 gives ids; a populated row gives objects). */
function attachmentIdsOf(value: unknown): (number | string)[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item: unknown) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item))
    .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string');
}

/** The history keeps who moved the appeal where and when; a handler's free-text comment may quote the client. */
function withoutComments(history: unknown): unknown {
  if (!Array.isArray(history)) return history ?? null;
  return history.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return entry;
    const { comment: _comment, ...rest } = entry as Record<string, unknown>;
    return rest;
  });
}

/** Nightly; a batch of 200 per run keeps each run short. Chat transcripts follow the same rule (chat-console/retention.ts). */
export const retentionTasks: TaskConfig[] = [
  {
    slug: RETENTION_TASK,
    label: 'Обезличивание старых обращений',
    schedule: [{ cron: '0 30 3 * * *', queue: 'default' }],
    handler: async ({ req }: { req: { payload: Payload } }) => ({ output: { anonymised: await anonymiseOldAppeals(req.payload), chatsErased: await eraseOldConversations(req.payload) } }),
  } as unknown as TaskConfig,
];
