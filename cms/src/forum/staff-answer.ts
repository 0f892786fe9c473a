import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload';
import { CLOSED_THREAD_MESSAGE, threadAcceptsReplies } from '@portal/core/forum';
import { writeAuditEntry } from '../audit/hooks';
import { requestSiteBuild } from '../publishing/site-build';
import { COLLECTIONS } from '../slugs';
import { answersForCompany } from './access';
import { notifyThreadAuthor } from './notices';

type Id = number | string;
const idOf = (value: unknown): Id | null => (value && typeof value === 'object' ? ((value as { id?: Id }).id ?? null) : ((value as Id | null | undefined) ?? null));

/** The name a staff answer shows: the company answers, not a person. */
export const STAFF_AUTHOR_NAME = 'Специалист Компании';

const NOT_PUBLIC_MESSAGE = 'Эта тема ещё не опубликована: ответить в ней можно после проверки модератором.';

/**
 * No reply, from a visitor or staff, joins a closed thread or one not (yet) on the site. Runs for every new post,
 * whoever writes it and however (the public write path, the admin, the API).
 */
export const refuseReplyToClosedThread: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data;
  const threadId = idOf(data.thread);
  const thread = threadId === null ? null : await req.payload.findByID({ collection: COLLECTIONS.forumThreads, id: threadId, depth: 0, overrideAccess: true, disableErrors: true });
  if (!thread) throw new APIError('Тема не найдена.', 404, undefined, true);
  if (!threadAcceptsReplies(thread as { state?: string })) throw new APIError(CLOSED_THREAD_MESSAGE, 409, undefined, true);
  if ((thread as { moderationState?: string }).moderationState !== 'approved') throw new APIError(NOT_PUBLIC_MESSAGE, 409, undefined, true);
  return data;
};

/**
 * A post a handler, moderator or administrator writes is the company's answer: marked `official`, approved at once
 * (staff are accountable by their account; the approval names them), shown under the company's name. The fields are
 * server-only, so this hook alone sets them, from the logged-in user — never from what the request sends.
 */
export const stampStaffAnswer: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user || !answersForCompany(req)) return data;
  const now = new Date().toISOString();
  const user = req.user as { id: Id; email?: string };
  return {
    ...data,
    official: true,
    moderationState: 'approved',
    authorName: STAFF_AUTHOR_NAME,
    authorEmail: user.email ?? '',
    submittedAt: now,
    emailVerifiedAt: now,
    approvedAt: now,
    approvedBy: user.id,
  };
};

/** After a staff answer: an audit entry, the thread author's notice (once) and a site rebuild. */
export const afterStaffAnswer: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !doc.official) return doc;
  const threadId = idOf(doc.thread);
  const thread = threadId === null ? null : await req.payload.findByID({ collection: COLLECTIONS.forumThreads, id: threadId, depth: 0, overrideAccess: true, disableErrors: true });
  await writeAuditEntry(req, {
    action: 'create',
    target: COLLECTIONS.forumPosts,
    documentId: String(doc.id),
    summary: `Ответ сотрудника в теме «${String((thread as { title?: string } | null)?.title ?? threadId)}»`,
  });
  if (thread) {
    try {
      await notifyThreadAuthor(req.payload, thread as never, { id: doc.id as Id, authorEmail: doc.authorEmail as string });
    } catch (error) {
      // The answer is saved and published; a lost notice is logged (no address in the log).
      req.payload.logger.error({ err: error, post: doc.id }, 'forum notice not enqueued');
    }
  }
  try {
    await requestSiteBuild(req.payload, `${COLLECTIONS.forumPosts} #${String(doc.id)}: ответ сотрудника`);
  } catch (error) {
    req.payload.logger.error({ err: error }, 'site rebuild could not be requested');
  }
  return doc;
};
