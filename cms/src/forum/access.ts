import type { Access, FieldAccess, PayloadRequest } from 'payload';
import { rolesOf } from '../access/roles';

/**
 * Who does what in the forum (issue 22; README «Отзывы и форум: модерация»):
 * - moderators and administrators: everything in the queue, close / pin / move threads, read authors' e-mails;
 * - handlers, moderators and administrators: answer in a thread on the company's behalf («Ответ сотрудника»);
 * - editors: read published posts and turn one into a FAQ draft (they publish FAQ, not forum posts);
 * - handlers and editors read only what the public sees (approved posts); managers have no business here.
 */
const has = (req: PayloadRequest, allowed: readonly string[]): boolean => (rolesOf(req) as readonly string[]).some((role) => allowed.includes(role));

export const FORUM_MODERATORS = ['moderator', 'admin'] as const;
export const FORUM_ANSWERERS = ['handler', 'moderator', 'admin'] as const;
export const FAQ_DRAFT_MAKERS = ['editor', 'admin'] as const;

/** Moderators and administrators. */
export const isForumModerator: Access = ({ req }) => has(req, FORUM_MODERATORS);

/** Field-level twin of {@link isForumModerator}. */
export const isForumModeratorField: FieldAccess = ({ req }) => has(req, FORUM_MODERATORS);

/** Staff who answer on the company's behalf. */
export const isForumAnswerer: Access = ({ req }) => has(req, FORUM_ANSWERERS);

/** Whether the request's user may make FAQ drafts from posts. */
export const canMakeFaqDraft = (req: PayloadRequest): boolean => has(req, FAQ_DRAFT_MAKERS);

/** Whether the request's user answers on the company's behalf. */
export const answersForCompany = (req: PayloadRequest): boolean => has(req, FORUM_ANSWERERS);

/** Moderators see every post; handlers and editors only approved ones (what the public sees); others nothing. */
export const forumReaders: Access = ({ req }) => {
  if (has(req, FORUM_MODERATORS)) return true;
  if (has(req, ['handler', 'editor'])) return { moderationState: { equals: 'approved' } };
  return false;
};
